// A realistic threat-intel text (tests/data/precision_sweep.txt: report
// prose with defangs, a markdown table, host artefacts, command lines, a
// proxy log, JSON, CSV, regexes, a YARA rule, mail headers) and every value
// `iocscan --types all` must report on it (precision_sweep.tsv: type, raw,
// refanged value, in input order). Each expected row was reviewed as an
// analyst would: a value is one to put on a block list (spec section 3).
// The same for each file of tests/data/sweep16 to sweep20
// (Sweep16 to Sweep20 below). To refresh after a deliberate change, print the rows with
// IOCSCAN_PRINT_SWEEP=1 and review the diff row by row. In an expected file,
// a line starting with "#" is a note (a value the tool misses), and a
// fourth field "# wrong: why" marks a row kept as today's output although
// it is wrong, so that its fix shows up as a diff.
#include "support/json.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace iocscan::test {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// One line per value: newline, tab and backslash written as C escapes.
std::string escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\\') out += "\\\\";
        else out += c;
    }
    return out;
}

/// The rows of an expected file: its lines without notes ("#" lines) and
/// without a row's "\t# wrong: ..." field (values are escaped: a tab in
/// one is written "\\t", so a tab always parts fields).
std::vector<std::string> expected_rows(const std::string& text) {
    std::vector<std::string> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        if (const auto note = line.find("\t#"); note != std::string::npos) line.erase(note);
        rows.push_back(line);
    }
    return rows;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

/// Runs `iocscan --types all --jsonl --refang` on `input` (a file under
/// tests/data) and expects exactly the reviewed rows of `expected_tsv`
/// (type, raw, refanged value, in input order).
void expect_reviewed_values(const std::string& input, const std::string& expected_tsv) {
    const std::string dir = IOCSCAN_TEST_DATA_DIR;
    const ProcessResult run = run_iocscan({"--types", "all", "--jsonl", "--refang", dir + "/" + input});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::vector<std::string> found;
    for (const std::string& line : lines_of(run.out)) {
        const JsonValue record = parse_json(line);
        found.push_back(record.at("type").string + "\t" + escaped(record.at("raw").string) + "\t" +
                        escaped(record.at("value").string));
    }
    if (std::getenv("IOCSCAN_PRINT_SWEEP") != nullptr) {
        for (const std::string& row : found) std::cout << row << "\n";
    }
    const std::vector<std::string> expected = expected_rows(read_file(dir + "/" + expected_tsv));
    ASSERT_FALSE(expected.empty()) << expected_tsv;
    EXPECT_EQ(found, expected) << input;
}

/// The same for the file `name` of the sweep directory `sweep` (under
/// tests/data), against its reviewed rows in `sweep`/expected/`name`.tsv.
void expect_sweep_file(const std::string& sweep, const std::string& name) {
    expect_reviewed_values(sweep + "/" + name, sweep + "/expected/" + name + ".tsv");
}

/// A file name as a test name: every byte but letters and digits as "_".
std::string test_name_of(std::string name) {
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return name;
}

TEST(PrecisionSweep, ThreatReportGivesExactlyTheReviewedValues) {
    expect_reviewed_values("precision_sweep.txt", "precision_sweep.tsv");
}

// Session 16's sweep (tests/data/sweep16): one file per style analysts feed
// the tool (a vendor report, MISP CSV and STIX JSON exports, Sigma,
// Suricata and YARA rules, Windows and Sysmon logs, mail headers, Linux and
// web logs, a chat and ticket thread), each with its reviewed values in
// sweep16/expected/<file>.tsv.
class Sweep16 : public ::testing::TestWithParam<const char*> {};

TEST_P(Sweep16, GivesExactlyTheReviewedValues) { expect_sweep_file("sweep16", GetParam()); }

INSTANTIATE_TEST_SUITE_P(Files, Sweep16,
                         ::testing::Values("a_vendor_report.md", "b_misp_export.csv", "b_opencti_export.json",
                                           "c_rules.txt", "d_windows_logs.txt", "e_mail_headers.eml",
                                           "f_linux_web_logs.log", "g_chat_ticket.txt"),
                         [](const ::testing::TestParamInfo<const char*>& param) { return test_name_of(param.param); });

// Session 17's sweep (tests/data/sweep17), in styles sweep16 did not
// cover: text extracted from a PDF report, a STIX 2.1 bundle and an OpenIOC
// document, Suricata rules with a Zeek intel file, a raw e-mail with a
// quoted-printable HTML part and base64 parts, JSON with escaped slashes
// and a registry export, firewall, proxy and DNS resolver logs, a Markdown
// post with every defang, a PowerShell and bash dropper, a malware config
// dump.
class Sweep17 : public ::testing::TestWithParam<const char*> {};

TEST_P(Sweep17, GivesExactlyTheReviewedValues) { expect_sweep_file("sweep17", GetParam()); }

INSTANTIATE_TEST_SUITE_P(Files, Sweep17,
                         ::testing::Values("a_pdf_extract.txt", "b_stix_bundle.json", "b_openioc.xml",
                                           "c_snort_zeek.txt", "d_qp_html.eml", "e_escaped.json", "e_registry.reg",
                                           "f_firewall_dns.log", "g_markdown_post.md", "h_dropper.ps1",
                                           "h_config_dump.txt"),
                         [](const ::testing::TestParamInfo<const char*>& param) { return test_name_of(param.param); });

// Session 18's sweep (tests/data/sweep18), in styles neither sweep before
// covered: a sandbox report (CAPE-like JSON), Suricata EVE events, a
// Mastodon thread, hunting queries (SPL, KQL, EQL, Sigma) and a VirusTotal
// CSV export, tcpdump and tshark output, extracted beacon and RAT configs
// with a deobfuscated macro, Apache and nginx error logs, a Windows event
// log XML export, an IOC paste with mixed separators.
class Sweep18 : public ::testing::TestWithParam<const char*> {};

TEST_P(Sweep18, GivesExactlyTheReviewedValues) { expect_sweep_file("sweep18", GetParam()); }

INSTANTIATE_TEST_SUITE_P(Files, Sweep18,
                         ::testing::Values("a_sandbox_report.json", "b_suricata_eve.json", "c_social_thread.txt",
                                           "d_hunting_queries.txt", "d_vt_export.csv", "e_tcpdump.txt",
                                           "f_malware_configs.txt", "g_web_error.log", "g_evtx_export.xml",
                                           "h_paste.txt"),
                         [](const ::testing::TestParamInfo<const char*>& param) { return test_name_of(param.param); });

// Session 19's sweep (tests/data/sweep19), text full of things that look
// like IOCs and are not: openssl x509 and nmap certificate dumps, ip/ifconfig/
// ipconfig/arp/netstat/ss output, whois and dig output with a zone file, a
// hosts file, an Adblock list and Squid/Bluecoat proxy logs, PE and ELF
// tool output, git log / pip freeze / package-lock.json, CloudTrail and
// Azure sign-in JSON, an HTML report page, a multipart MIME e-mail.
class Sweep19 : public ::testing::TestWithParam<const char*> {};

TEST_P(Sweep19, GivesExactlyTheReviewedValues) { expect_sweep_file("sweep19", GetParam()); }

INSTANTIATE_TEST_SUITE_P(Files, Sweep19,
                         ::testing::Values("a_cert_dump.txt", "b_netconfig.txt", "c_whois_dig.txt", "d_blocklists.txt",
                                           "e_pe_analysis.txt", "e_dev_artifacts.txt", "f_cloud_signin.json",
                                           "g_report.html", "h_multipart.eml"),
                         [](const ::testing::TestParamInfo<const char*>& param) { return test_name_of(param.param); });

// Session 20's sweep (tests/data/sweep20), kinds no sweep before covered:
// Zeek conn/dns/http/files logs, Suricata EVE with fileinfo, TLS and SMTP
// events, Sysmon and Security event XML, Suricata rules and Sigma rules,
// nginx/Apache access and error logs, auth.log and syslog, obfuscated
// PowerShell one-liners with a batch dropper, a Dockerfile with Kubernetes
// YAML, C/Python/JavaScript source, abuse.ch-style CSV feeds, a MISP event
// with a STIX bundle, a Markdown report with tables and defanged IOCs.
class Sweep20 : public ::testing::TestWithParam<const char*> {};

TEST_P(Sweep20, GivesExactlyTheReviewedValues) { expect_sweep_file("sweep20", GetParam()); }

INSTANTIATE_TEST_SUITE_P(Files, Sweep20,
                         ::testing::Values("a_zeek_logs.log", "b_suricata_eve.json", "c_sysmon_events.xml",
                                           "d_ids_rules.rules", "d_sigma_rules.yml", "e_web_access.log",
                                           "e_auth_syslog.log", "f_powershell_batch.txt", "g_container_config.yaml",
                                           "h_source_code.txt", "i_abusech_feeds.csv", "j_misp_stix.json",
                                           "k_threat_report.md"),
                         [](const ::testing::TestParamInfo<const char*>& param) { return test_name_of(param.param); });

}  // namespace
}  // namespace iocscan::test
