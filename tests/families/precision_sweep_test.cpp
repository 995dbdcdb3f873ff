// A realistic threat-intel text (tests/data/precision_sweep.txt: report
// prose with defangs, a markdown table, host artefacts, command lines, a
// proxy log, JSON, CSV, regexes, a YARA rule, mail headers) and every value
// `iocscan --types all` must report on it (precision_sweep.tsv: type, raw,
// refanged value, in input order). Each expected row was reviewed as an
// analyst would: a value is one to put on a block list (spec section 3).
// The same for each file of tests/data/sweep16 (Sweep16 below). To refresh
// after a deliberate change, print the rows with IOCSCAN_PRINT_SWEEP=1 and
// review the diff row by row.
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
    const std::vector<std::string> expected = lines_of(read_file(dir + "/" + expected_tsv));
    ASSERT_FALSE(expected.empty()) << expected_tsv;
    EXPECT_EQ(found, expected) << input;
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

TEST_P(Sweep16, GivesExactlyTheReviewedValues) {
    const std::string name = GetParam();
    expect_reviewed_values("sweep16/" + name, "sweep16/expected/" + name + ".tsv");
}

INSTANTIATE_TEST_SUITE_P(Files, Sweep16,
                         ::testing::Values("a_vendor_report.md", "b_misp_export.csv", "b_opencti_export.json",
                                           "c_rules.txt", "d_windows_logs.txt", "e_mail_headers.eml",
                                           "f_linux_web_logs.log", "g_chat_ticket.txt"),
                         [](const ::testing::TestParamInfo<const char*>& param) {
                             std::string name = param.param;
                             for (char& c : name) {
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             }
                             return name;
                         });

}  // namespace
}  // namespace iocscan::test
