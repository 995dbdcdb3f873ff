// --format misp: the type table, and events from the binary parsed back and
// checked field by field against the MISP core format
// (draft-dulaunoy-misp-core-format, "Event" and "Attribute" sections).
#include "cli/misp_mapping.hpp"
#include "cli/misp_writer.hpp"
#include "cli/uuid5.hpp"
#include "support/json.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>

#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>

namespace iocscan::test {
namespace {

using Categories = std::set<std::string>;

// The categories the core format allows for each attribute type iocscan
// writes (its category/type table; "Network activity" for email-src only in
// recent versions, so not listed here).
const std::map<std::string, Categories>& allowed_categories() {
    static const std::map<std::string, Categories> allowed = {
        {"url", {"External analysis", "Network activity", "Payload delivery"}},
        {"ip-dst", {"External analysis", "Network activity", "Payload delivery"}},
        {"domain", {"External analysis", "Network activity", "Payload delivery"}},
        {"email-src", {"Payload delivery", "Social network"}},
        {"md5", {"Artifacts dropped", "External analysis", "Payload delivery", "Payload installation"}},
        {"sha1", {"Artifacts dropped", "External analysis", "Payload delivery", "Payload installation"}},
        {"sha256", {"Artifacts dropped", "External analysis", "Payload delivery", "Payload installation"}},
        {"sha512", {"Artifacts dropped", "Payload delivery", "Payload installation"}},
        {"ssdeep", {"Artifacts dropped", "Payload delivery", "Payload installation"}},
        {"yara", {"Artifacts dropped", "Payload delivery", "Payload installation"}},
        {"regkey", {"Artifacts dropped", "External analysis", "Persistence mechanism"}},
        {"btc", {"Financial fraud"}},
        {"xmr", {"Financial fraud"}},
        {"mac-address", {"External analysis", "Network activity", "Payload delivery"}},
        {"AS", {"External analysis", "Network activity", "Payload delivery"}},
        {"vulnerability", {"External analysis", "Payload delivery", "Payload installation"}},
        {"phone-number", {"Financial fraud", "Other", "Person"}},
        {"text", {"Antivirus detection", "Artifacts dropped", "Attribution", "External analysis", "Financial fraud",
                  "Internal reference", "Network activity", "Other", "Payload delivery", "Payload installation",
                  "Payload type", "Persistence mechanism", "Person", "Social network", "Support Tool"}},
    };
    return allowed;
}

// The issue's mapping, by iocscan type name, with the types other builds
// add; a name with no row is "text".
const std::map<std::string, std::string> kExpectedMispType = {
    {"url", "url"},          {"ipv4", "ip-dst"},      {"ipv6", "ip-dst"},   {"cidr", "ip-dst"},
    {"domain", "domain"},    {"onion", "domain"},     {"email", "email-src"}, {"md5", "md5"},
    {"sha1", "sha1"},        {"sha256", "sha256"},    {"sha512", "sha512"}, {"ssdeep", "ssdeep"},
    {"yara", "yara"},        {"regkey", "regkey"},    {"btc", "btc"},       {"xmr", "xmr"},
    {"eth", "text"},         {"mac", "mac-address"},  {"asn", "AS"},        {"cve", "vulnerability"},
    {"phone", "phone-number"}, {"attack", "text"},    {"custom", "text"},   {"no-such-type", "text"},
};

// Not actionable (MISP's own defaults for these types): no IDS rule from them.
const std::set<std::string> kNotForIds = {"text", "vulnerability", "AS", "mac-address", "phone-number"};

TEST(MispMapping, EveryNameHasTheIssuesTypeAndACategoryMispAllows) {
    for (const auto& [name, misp_type] : kExpectedMispType) {
        const auto& kind = cli::misp_attribute_kind(name);
        EXPECT_EQ(kind.misp_type, misp_type) << name;
        ASSERT_TRUE(allowed_categories().count(misp_type)) << misp_type;
        EXPECT_TRUE(allowed_categories().at(misp_type).count(std::string(kind.category)))
            << name << ": " << kind.category << " is no category of " << misp_type;
        EXPECT_EQ(kind.to_ids, kNotForIds.count(misp_type) == 0) << name;
    }
    // Every row is checked above: none without an expectation.
    for (const auto& kind : cli::misp_attribute_kinds()) {
        EXPECT_TRUE(kExpectedMispType.count(std::string(kind.iocscan_type))) << kind.iocscan_type;
    }
    // Every type of this build has its own row (not the fallback by accident).
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        const auto name = type_name(static_cast<Type>(t));
        EXPECT_EQ(cli::misp_attribute_kind(name).iocscan_type, name);
    }
}

TEST(MispMapping, ValuesTakeTheFormMispStores) {
    using Form = cli::MispValueForm;
    std::string out;
    cli::misp_value(Form::lower_case, "D41D8CD98F00B204E9800998ECF8427E", out);
    EXPECT_EQ(out, "d41d8cd98f00b204e9800998ecf8427e");
    cli::misp_value(Form::ip, "FE80::1%eth0", out);
    EXPECT_EQ(out, "fe80::1");
    cli::misp_value(Form::ip, "10.0.0.0/8", out);
    EXPECT_EQ(out, "10.0.0.0/8");
    cli::misp_value(Form::as_number, "AS13335", out);
    EXPECT_EQ(out, "13335");
    cli::misp_value(Form::as_number, "ASN 13335", out);
    EXPECT_EQ(out, "13335");
    cli::misp_value(Form::phone, "+1 (202) 555-0143", out);
    EXPECT_EQ(out, "+12025550143");
    cli::misp_value(Form::phone, "0044 20 7946 0958", out);
    EXPECT_EQ(out, "+442079460958");
    cli::misp_value(Form::as_is, "HKLM\\Software\\Run", out);
    EXPECT_EQ(out, "HKLM\\Software\\Run");
}

TEST(MispEvent, InfoIsTheTitleOrTheInputsNamesWithinTheLimit) {
    const std::vector<std::string> two = {"a.log", "-"};
    EXPECT_EQ(cli::MispWriter::event_info({"", two}), "a.log, (standard input)");
    EXPECT_EQ(cli::MispWriter::event_info({"Phish\nwave 3", two}), "Phish wave 3");
    EXPECT_EQ(cli::MispWriter::event_info({}), "iocscan");   // info MUST be present and not empty

    std::vector<std::string> many;
    for (int i = 0; i < 100; ++i) many.push_back("logs/host-" + std::to_string(i) + ".log");
    const std::string info = cli::MispWriter::event_info({"", many});
    EXPECT_LE(info.size(), cli::kMispInfoLimit);
    EXPECT_TRUE(info.starts_with("logs/host-0.log, logs/host-1.log, ")) << info;
    const std::smatch tail = [&] {
        std::smatch m;
        std::regex_search(info, m, std::regex(R"(logs/host-(\d+)\.log, and (\d+) more$)"));
        return m;
    }();
    ASSERT_EQ(tail.size(), 3u) << info;
    EXPECT_EQ(std::stoi(tail[1]) + 1 + std::stoi(tail[2]), 100) << info;   // every input counted

    // One name longer than the limit: its start, cut between UTF-8 characters.
    const std::vector<std::string> long_name = {std::string(300, 'x') + "\xC3\xA9", "b"};
    const std::string cut = cli::MispWriter::event_info({"", long_name});
    EXPECT_LE(cut.size(), cli::kMispInfoLimit);
    EXPECT_TRUE(cut.ends_with("... and 1 more")) << cut;
    const std::vector<std::string> utf8_edge = {std::string(252, 'x') + "\xC3\xA9\xC3\xA9\xC3\xA9"};
    const std::string edge = cli::MispWriter::event_info({"", utf8_edge});
    EXPECT_EQ(edge, std::string(252, 'x') + "...");
}

/// The check MISP applies to a stored value of `type`
/// (AttributeValidationTool::validate), for the types iocscan writes.
bool misp_accepts(const std::string& type, const std::string& value) {
    const auto matches = [&](const char* pattern) {
        return std::regex_match(value, std::regex(pattern, std::regex::icase));
    };
    const auto ip = [](const std::string& text, int& max_prefix) {
        unsigned char bytes[16];
        if (::inet_pton(AF_INET, text.c_str(), bytes) == 1) return max_prefix = 32, true;
        if (::inet_pton(AF_INET6, text.c_str(), bytes) == 1) return max_prefix = 128, true;
        return false;
    };
    const std::map<std::string, std::size_t> hash_length = {{"md5", 32}, {"sha1", 40}, {"sha256", 64}, {"sha512", 128}};
    if (const auto hash = hash_length.find(type); hash != hash_length.end()) {
        return value.size() == hash->second && std::regex_match(value, std::regex("[0-9a-f]+"));
    }
    if (type == "ip-dst") {
        int max_prefix = 0;
        const auto slash = value.find('/');
        if (slash == std::string::npos) return ip(value, max_prefix);
        const std::string prefix = value.substr(slash + 1);
        return ip(value.substr(0, slash), max_prefix) && std::regex_match(prefix, std::regex("[0-9]+")) &&
               std::stoi(prefix) <= max_prefix;
    }
    if (type == "domain") return matches(R"([A-Z0-9.\-_]+\.[A-Z0-9\-]{2,})");
    if (type == "email-src") return matches(R"(.[^\s]*@.*\..*)");
    if (type == "vulnerability") return std::regex_match(value, std::regex("CVE-[0-9]{4}-[0-9]{4,}"));
    if (type == "phone-number") return matches(R"([+-]?[0-9]+)");   // PHP is_numeric, as MISP stores phones
    if (type == "url" || type == "regkey") return value.find('\n') == std::string::npos;
    if (type == "btc" || type == "xmr") return matches("[a-z0-9]+");
    if (type == "AS") return matches("[0-9]+") && std::stoull(value) <= 4294967295ull;
    if (type == "ssdeep") return matches(R"([0-9]+:[0-9a-z/+]*:[0-9a-z/+]*)");
    return type == "yara" || type == "text" || type == "mac-address";
}

TEST(MispMapping, TheValueCheckIsMispsOnTheStoredForm) {
    EXPECT_FALSE(misp_accepts("ip-dst", "fe80::1%eth0"));   // why the zone is dropped
    EXPECT_FALSE(misp_accepts("ip-dst", "10.0.0.0/33"));
    EXPECT_FALSE(misp_accepts("md5", "D41D8CD98F00B204E9800998ECF8427E"));   // MISP stores it lower case
    EXPECT_FALSE(misp_accepts("phone-number", "+1 202 555 0143"));
    EXPECT_FALSE(misp_accepts("AS", "AS13335"));
    EXPECT_FALSE(misp_accepts("vulnerability", "cve-2021-44228"));
    EXPECT_TRUE(misp_accepts("ip-dst", "2001:db8::/32"));
    EXPECT_TRUE(misp_accepts("domain", "update.evil-cdn.com"));
}

const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
const std::regex kUuidV5("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
const std::regex kDecimal("[0-9]+");

/// Checks what the core format says of every event and attribute field
/// iocscan writes; returns the attributes.
const std::vector<JsonValue>& check_event(const JsonValue& document) {
    using Kind = JsonValue::Kind;
    EXPECT_EQ(document.object.size(), 1u);
    const JsonValue& event = document.at("Event");
    // MUST: uuid, published, info, date, timestamp, publish_timestamp,
    // distribution. SHALL: threat_level_id, analysis, attribute_count.
    // id, org_id, orgc_id are the importing instance's.
    EXPECT_TRUE(std::regex_match(event.at("uuid").string, kUuidV5)) << event.at("uuid").string;
    EXPECT_EQ(event.at("published").kind, Kind::boolean);
    EXPECT_FALSE(event.at("published").boolean);
    EXPECT_EQ(event.at("info").kind, Kind::string);
    EXPECT_FALSE(event.at("info").string.empty());
    EXPECT_EQ(event.at("info").string.find('\n'), std::string::npos);
    EXPECT_TRUE(std::regex_match(event.at("date").string, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}")));
    EXPECT_TRUE(std::regex_match(event.at("timestamp").string, kDecimal));
    EXPECT_EQ(event.at("publish_timestamp").string, "0");   // never published
    const std::set<std::string> distributions = {"0", "1", "2", "3", "4"};
    EXPECT_TRUE(distributions.count(event.at("distribution").string)) << event.at("distribution").string;
    EXPECT_EQ(event.at("sharing_group_id").string, "0");   // "MUST be 0" unless distribution 4
    EXPECT_TRUE(std::set<std::string>({"1", "2", "3", "4"}).count(event.at("threat_level_id").string));
    EXPECT_TRUE(std::set<std::string>({"0", "1", "2"}).count(event.at("analysis").string));
    const auto& attributes = event.at("Attribute").array;
    EXPECT_EQ(event.at("Attribute").kind, Kind::array);
    EXPECT_EQ(event.at("attribute_count").string, std::to_string(attributes.size()));

    for (const auto& a : attributes) {
        EXPECT_TRUE(std::regex_match(a.at("uuid").string, kUuid)) << a.at("uuid").string;
        const std::string& type = a.at("type").string;
        const auto allowed = allowed_categories().find(type);
        EXPECT_NE(allowed, allowed_categories().end()) << type;
        if (allowed != allowed_categories().end()) {
            EXPECT_TRUE(allowed->second.count(a.at("category").string)) << type << " " << a.at("category").string;
        }
        EXPECT_EQ(a.at("value").kind, Kind::string);
        EXPECT_TRUE(misp_accepts(type, a.at("value").string)) << type << " " << a.at("value").string;
        EXPECT_EQ(a.at("to_ids").kind, Kind::boolean);
        EXPECT_EQ(a.at("to_ids").boolean, kNotForIds.count(type) == 0) << type;
        EXPECT_EQ(a.at("comment").kind, Kind::string);
        EXPECT_EQ(a.at("timestamp").string, event.at("timestamp").string);
        EXPECT_EQ(a.at("distribution").string, "5");   // inherit the event's
        EXPECT_EQ(a.at("sharing_group_id").string, "0");
        EXPECT_EQ(a.at("deleted").kind, Kind::boolean);
        EXPECT_FALSE(a.at("deleted").boolean);
        // Its uuid is UUIDv5(event uuid, "type\0value").
        EXPECT_EQ(a.at("uuid").string, cli::uuid5(event.at("uuid").string, type + '\0' + a.at("value").string));
    }
    return attributes;
}

const JsonValue* find_attribute(const std::vector<JsonValue>& attributes, const std::string& type,
                                const std::string& value) {
    for (const auto& a : attributes) {
        if (a.at("type").string == type && a.at("value").string == value) return &a;
    }
    return nullptr;
}

const std::string kReport =
    "c2 203[.]0[.]113[.]9, again 203.0.113.9, range 198.51.100.0/24, zone fe80::1%eth0\n"
    "hash D41D8CD98F00B204E9800998ECF8427E and d41d8cd98f00b204e9800998ecf8427e\n"
    "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709\n"
    "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
    "sha512 cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f"
    "63b931bd47417a81a538327af927da3e\n"
    "mail ops[.]team[@]example[.]org url hxxp://evil[.]example/a'b\\c domain update.evil-cdn[.]com\n"
    "CVE-2021-44228 T1059.001 call +1 202 555 0143\n"
    "rule demo { strings: $a = \"x\" condition: $a }\n";

TEST(MispCli, EventIsValidFieldByFieldWithEveryTypeMapped) {
    TempFile file(kReport);
    TempFile patterns("id=(\\w+)\n", "patterns.txt");
    const auto r = run_iocscan({"--format", "misp", "--types", "all", "--custom-regex", patterns.path(),
                                file.path()},
                               "", {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const JsonValue document = parse_json(r.out);
    const auto& attributes = check_event(document);
    const JsonValue& event = document.at("Event");
    EXPECT_EQ(event.at("date").string, "2023-11-14");
    EXPECT_EQ(event.at("timestamp").string, "1700000000");
    EXPECT_EQ(event.at("info").string, file.path());
    EXPECT_EQ(event.at("uuid").string,
              cli::uuid5(cli::kMispEventNamespace, file.path() + '\0' + "1700000000"));

    const auto expect = [&](const std::string& type, const std::string& value, const std::string& comment) {
        const JsonValue* a = find_attribute(attributes, type, value);
        ASSERT_NE(a, nullptr) << type << " " << value << "\n" << r.out;
        EXPECT_EQ(a->at("comment").string, comment) << type << " " << value;
    };
    // The refanged value; the text as found in the comment when it differs.
    expect("ip-dst", "203.0.113.9", "203[.]0[.]113[.]9");
    expect("ip-dst", "198.51.100.0/24", "");
    expect("ip-dst", "fe80::1", "fe80::1%eth0");
    expect("md5", "d41d8cd98f00b204e9800998ecf8427e", "D41D8CD98F00B204E9800998ECF8427E");
    expect("sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "");
    expect("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "");
    expect("email-src", "ops.team@example.org", "ops[.]team[@]example[.]org");
    expect("url", "http://evil.example/a'b\\c", "hxxp://evil[.]example/a'b\\c");
    expect("domain", "update.evil-cdn.com", "update.evil-cdn[.]com");
    expect("vulnerability", "CVE-2021-44228", "");
    expect("text", "T1059.001", "attack");
    expect("phone-number", "+12025550143", "+1 202 555 0143");
    expect("yara", "rule demo { strings: $a = \"x\" condition: $a }", "");
    ASSERT_EQ(attributes.size() > 0, true);
    bool has_sha512 = false;
    for (const auto& a : attributes) has_sha512 = has_sha512 || a.at("type").string == "sha512";
    EXPECT_TRUE(has_sha512);

    // One attribute per (type, value): the address and the hash were each
    // found twice (defanged and plain, upper and lower case).
    std::set<std::pair<std::string, std::string>> distinct;
    std::set<std::string> uuids;
    for (const auto& a : attributes) {
        EXPECT_TRUE(distinct.emplace(a.at("type").string, a.at("value").string).second) << a.at("value").string;
        EXPECT_TRUE(uuids.insert(a.at("uuid").string).second);
    }
}

TEST(MispCli, CustomMatchesAreTextNamingTheirType) {
    TempFile patterns("id=(\\w+)\n", "patterns.txt");
    const auto r = run_iocscan({"--format", "misp", "--types", "custom", "--custom-regex", patterns.path()},
                               "x id=abc y\n", {"SOURCE_DATE_EPOCH=0"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto document = parse_json(r.out);
    const auto& attributes = check_event(document);
    ASSERT_EQ(attributes.size(), 1u) << r.out;
    EXPECT_EQ(attributes[0].at("type").string, "text");
    EXPECT_EQ(attributes[0].at("value").string, "abc");
    EXPECT_EQ(attributes[0].at("comment").string, "custom");
    EXPECT_EQ(document.at("Event").at("info").string, "(standard input)");
    EXPECT_EQ(document.at("Event").at("date").string, "1970-01-01");
}

TEST(MispCli, RerunsAreIdenticalAndAnotherTimeIsAnotherEvent) {
    TempFile file(kReport);
    const std::vector<std::string> args = {"--format", "misp", "--types", "all", file.path()};
    const auto first = run_iocscan(args, "", {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(run_iocscan(args, "", {"SOURCE_DATE_EPOCH=1700000000"}).out, first.out);
    // --unique changes nothing: the event lists each value once anyway.
    auto unique_args = args;
    unique_args.insert(unique_args.begin(), "--unique");
    EXPECT_EQ(run_iocscan(unique_args, "", {"SOURCE_DATE_EPOCH=1700000000"}).out, first.out);
    // Threads and chunk edges change nothing either.
    auto threaded = args;
    threaded.insert(threaded.begin(), {"--threads", "3", "--chunk-size", "7"});
    EXPECT_EQ(run_iocscan(threaded, "", {"SOURCE_DATE_EPOCH=1700000000"}).out, first.out);

    const auto later = run_iocscan(args, "", {"SOURCE_DATE_EPOCH=1700086400"});
    const auto a = parse_json(first.out).at("Event");
    const auto b = parse_json(later.out).at("Event");
    EXPECT_NE(a.at("uuid").string, b.at("uuid").string);
    EXPECT_EQ(b.at("date").string, "2023-11-15");
    EXPECT_NE(a.at("Attribute").array.at(0).at("uuid").string, b.at("Attribute").array.at(0).at("uuid").string);
    EXPECT_EQ(a.at("Attribute").array.size(), b.at("Attribute").array.size());
}

TEST(MispCli, EmptyInputIsAnEventWithNoAttributes) {
    const auto r = run_iocscan({"--format", "misp"}, "nothing here\n", {"SOURCE_DATE_EPOCH=0"});
    EXPECT_EQ(r.exit_code, 1);
    const auto document = parse_json(r.out);
    EXPECT_TRUE(check_event(document).empty());
    EXPECT_EQ(document.at("Event").at("attribute_count").string, "0");
}

TEST(MispCli, SeveralInputsTitleAndOutputFile) {
    TempFile a("one 192.0.2.1\n", "a.log");
    TempFile b("two 192.0.2.1 and 192.0.2.2\n", "b.log");
    TempFile out("", "event.json");
    const auto named = run_iocscan({"--format=misp", "-o", out.path(), a.path(), b.path()}, "",
                                   {"SOURCE_DATE_EPOCH=0"});
    ASSERT_EQ(named.exit_code, 0) << named.err;
    EXPECT_EQ(named.out, "");
    std::ifstream written(out.path());
    const std::string text{std::istreambuf_iterator<char>(written), std::istreambuf_iterator<char>()};
    const auto document = parse_json(text);
    EXPECT_EQ(check_event(document).size(), 2u) << text;
    EXPECT_EQ(document.at("Event").at("info").string, a.path() + ", " + b.path());

    const auto titled = run_iocscan({"--format", "misp", "--title", "Phishing wave, March", a.path(), b.path()},
                                    "", {"SOURCE_DATE_EPOCH=0"});
    const auto titled_event = parse_json(titled.out).at("Event");
    EXPECT_EQ(titled_event.at("info").string, "Phishing wave, March");
    // The title does not name the event: the same inputs at the same time
    // are the same event (a corrected title updates it in MISP).
    EXPECT_EQ(titled_event.at("uuid").string, document.at("Event").at("uuid").string);
}

TEST(MispCli, AttributesAreWrittenAsTheyAreFound) {
    RunningIocscan child({"--format", "misp"});
    child.write_stdin("first 192.0.2.55\n");
    const std::string seen = child.read_stdout_until("192.0.2.55", 5);
    EXPECT_NE(seen.find("\"value\":\"192.0.2.55\""), std::string::npos) << seen;
    child.close_stdin();
    const auto r = child.wait();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    check_event(parse_json(seen + r.out));
}

TEST(MispCli, UsageErrorsWriteNothing) {
    for (const char* bad : {"abc", "", "-5"}) {
        const auto r = run_iocscan({"--format", "misp"}, "1.2.3.4\n", {std::string("SOURCE_DATE_EPOCH=") + bad});
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_NE(r.err.find("SOURCE_DATE_EPOCH"), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
    const auto no_misp = run_iocscan({"--title", "x", "--jsonl"}, "1.2.3.4\n");
    EXPECT_EQ(no_misp.exit_code, 2);
    EXPECT_NE(no_misp.err.find("--title: only for --format misp"), std::string::npos) << no_misp.err;
    const auto help = run_iocscan({"--help"}).out;
    EXPECT_NE(help.find("misp"), std::string::npos);
    EXPECT_NE(help.find("--title TEXT"), std::string::npos);
    const auto unknown = run_iocscan({"--format", "xml"});
    EXPECT_NE(unknown.err.find("stix misp"), std::string::npos) << unknown.err;
    const auto empty = run_iocscan({"--format", "misp", "--title", ""}, "1.2.3.4\n");
    EXPECT_EQ(empty.exit_code, 2);
    EXPECT_NE(empty.err.find("--title"), std::string::npos) << empty.err;
    EXPECT_EQ(empty.out, "");
}

}  // namespace
}  // namespace iocscan::test
