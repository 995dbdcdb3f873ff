// --format csv and --format stix: parsed back and checked against their standards.
#include "cli/uuid5.hpp"
#include "support/json.hpp"
#include "support/output_lines.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace iocscan::test {
namespace {

const std::string kReport =
    "c2 203[.]0[.]113[.]9, hash d41d8cd98f00b204e9800998ecf8427e\n"
    "again 203.0.113.9 and \"quoted,field\" 198.51.100.7\n";

/// A minimal RFC 4180 reader: rows of fields, quotes and CRLF handled.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                rows.back().back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                rows.back().back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.emplace_back(1);
            ++i;
        } else {
            rows.back().back() += c;
        }
    }
    if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
}

TEST(Uuid5, MatchesTheRfcExample) {
    // The DNS namespace and "python.org", as in RFC 4122 implementations' tests.
    EXPECT_EQ(cli::uuid5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org"),
              "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

TEST(Formats, CsvParsesBackWithHeaderAndQuoting) {
    TempFile file(kReport);
    const auto r = run_iocscan({"--format", "csv", "--types", "ipv4,md5", "--refang", file.path()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = parse_csv(r.out);
    ASSERT_EQ(rows.size(), 5u) << r.out;
    EXPECT_EQ(rows[0], (std::vector<std::string>{"type", "value", "raw", "offset", "path", "rules", "encoding"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"ipv4", "203.0.113.9", "203[.]0[.]113[.]9", "3", file.path(), "ipv4", ""}));
    EXPECT_EQ(rows[2][0], "md5");
    EXPECT_EQ(rows[4][1], "198.51.100.7");
    for (const auto& row : rows) EXPECT_EQ(row.size(), 7u);
}

TEST(Formats, JsonlRecordsNameTheirOwnInputAndKeepValueAndRaw) {
    // Each input's path is escaped once and kept: records of the next input
    // must name theirs. value and raw share their escaped text when equal.
    TempFile odd("a 203.0.113.9 b 203[.]0[.]113[.]9\n", "odd\"name\\x.txt");
    TempFile plain("http://evil.example/a\n", "plain.txt");
    const auto r = run_iocscan({"--jsonl", "--refang", "--types", "ipv4,url", odd.path(), plain.path(), odd.path()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 7u) << r.out;   // the bracketed address is a URL too
    const std::vector<std::string> paths = {odd.path(),   odd.path(), odd.path(), plain.path(),
                                            odd.path(),   odd.path(), odd.path()};
    for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(parse_json(lines[i]).at("path").string, paths[i]) << lines[i];
    const JsonValue same = parse_json(lines[0]);
    EXPECT_EQ(same.at("value").string, "203.0.113.9");
    EXPECT_EQ(same.at("raw").string, "203.0.113.9");
    const JsonValue defanged = parse_json(lines[2]);
    EXPECT_EQ(defanged.at("value").string, "203.0.113.9");
    EXPECT_EQ(defanged.at("raw").string, "203[.]0[.]113[.]9");
    EXPECT_EQ(parse_json(lines[3]).at("raw").string, "http://evil.example/a");
}

TEST(Formats, CsvQuotesFieldsThatNeedIt) {
    TempFile file("x 10.0.0.1\n", "odd,\"name\".txt");
    const auto r = run_iocscan({"--format=csv", file.path()});
    const auto rows = parse_csv(r.out);
    ASSERT_EQ(rows.size(), 2u) << r.out;
    EXPECT_EQ(rows[1][4], file.path());
    EXPECT_NE(r.out.find("\"" + file.dir() + "/odd,\"\"name\"\".txt\""), std::string::npos) << r.out;
}

TEST(Formats, CsvCellsThatStartAFormulaAreDefusedUnlessAskedNot) {
    const std::string text = "from -2+3@evil.example\n";
    const auto guarded = run_iocscan({"--format", "csv", "--types", "email"}, text);
    ASSERT_EQ(guarded.exit_code, 0) << guarded.err;
    const auto rows = parse_csv(guarded.out);
    ASSERT_EQ(rows.size(), 2u) << guarded.out;
    EXPECT_EQ(rows[1][1], "'-2+3@evil.example");
    EXPECT_EQ(rows[1][2], "'-2+3@evil.example");
    EXPECT_NE(guarded.out.find(",\"'-2+3@evil.example\","), std::string::npos) << guarded.out;

    const auto as_is = run_iocscan({"--format", "csv", "--no-formula-guard", "--types", "email"}, text);
    const auto raw_rows = parse_csv(as_is.out);
    ASSERT_EQ(raw_rows.size(), 2u) << as_is.out;
    EXPECT_EQ(raw_rows[1][1], "-2+3@evil.example");
}

TEST(Formats, StixBundleIsValidAndDeterministic) {
    TempFile file(kReport + "mail ops[.]team[@]example[.]org url hxxp://evil[.]example/a'b\\c\n");
    const std::vector<std::string> args = {"--format", "stix", "--types", "all", file.path()};
    const auto r = run_iocscan(args, "", {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const JsonValue bundle = parse_json(r.out);
    EXPECT_EQ(bundle.at("type").string, "bundle");
    const std::regex uuid_v5("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    EXPECT_TRUE(std::regex_match(bundle.at("id").string.substr(8), uuid_v5)) << bundle.at("id").string;
    const std::regex pattern(R"(\[[a-z0-9-]+:[A-Za-z0-9_.'-]+ = '([^'\\]|\\.)*'\])");
    const auto& objects = bundle.at("objects").array;
    ASSERT_GE(objects.size(), 5u);
    std::vector<std::string> ids;
    for (const auto& o : objects) {
        EXPECT_EQ(o.at("type").string, "indicator");
        EXPECT_EQ(o.at("spec_version").string, "2.1");
        EXPECT_EQ(o.at("id").string.rfind("indicator--", 0), 0u);
        EXPECT_TRUE(std::regex_match(o.at("id").string.substr(11), uuid_v5)) << o.at("id").string;
        EXPECT_EQ(o.at("created").string, "2023-11-14T22:13:20.000Z");
        EXPECT_EQ(o.at("modified").string, o.at("created").string);
        EXPECT_EQ(o.at("valid_from").string, o.at("created").string);
        EXPECT_EQ(o.at("pattern_type").string, "stix");
        EXPECT_TRUE(std::regex_match(o.at("pattern").string, pattern)) << o.at("pattern").string;
        ids.push_back(o.at("id").string);
    }
    // 203.0.113.9 appears twice in the text (defanged and plain): one indicator.
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
    EXPECT_NE(r.out.find(R"([ipv4-addr:value = '203.0.113.9'])"), std::string::npos);
    EXPECT_NE(r.out.find(R"([file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e'])"), std::string::npos);
    EXPECT_NE(r.out.find(R"([email-addr:value = 'ops.team@example.org'])"), std::string::npos);
    // Quote and backslash escaped per the pattern grammar (and again for JSON).
    EXPECT_NE(r.out.find(R"(a\\'b\\\\c)"), std::string::npos) << r.out;
    // A rerun gives the same bytes.
    EXPECT_EQ(run_iocscan(args, "", {"SOURCE_DATE_EPOCH=1700000000"}).out, r.out);
}

TEST(Formats, StixYaraRuleIsAYaraPattern) {
    const auto r = run_iocscan({"--format", "stix", "--types", "yara"},
                               "rule demo { strings: $a = \"x\" condition: $a }\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const JsonValue bundle = parse_json(r.out);
    const auto& o = bundle.at("objects").array.at(0);
    EXPECT_EQ(o.at("pattern_type").string, "yara");
    EXPECT_EQ(o.at("pattern").string.rfind("rule demo", 0), 0u);
}

TEST(Formats, EmptyStixBundleIsStillValid) {
    const auto r = run_iocscan({"--format", "stix"}, "nothing here");
    EXPECT_EQ(r.exit_code, 1);
    const JsonValue bundle = parse_json(r.out);
    EXPECT_EQ(bundle.at("type").string, "bundle");
    EXPECT_FALSE(bundle.has("objects")) << "STIX 2.1 forbids an empty list: " << r.out;
    EXPECT_TRUE(bundle.at("id").string.starts_with("bundle--"));
}

TEST(Formats, StixDropsTheIpv6ZoneAndWritesNoUndefinedObjectTypes) {
    TempFile patterns("id=(\\w+)\n", "patterns.txt");
    const std::string text = "fe80::1%eth0 and fe80::1 id=abc +1 202 555 0143\n";
    const auto r = run_iocscan({"--format", "stix", "--types", "ipv6,custom,phone", "--custom-regex",
                                patterns.path()}, text, {"SOURCE_DATE_EPOCH=0"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const JsonValue bundle = parse_json(r.out);
    const auto& objects = bundle.at("objects").array;
    ASSERT_EQ(objects.size(), 1u) << r.out;
    EXPECT_EQ(objects[0].at("pattern").string, "[ipv6-addr:value = 'fe80::1']");
    EXPECT_EQ(r.out.find("x-iocscan"), std::string::npos) << r.out;
}

TEST(Formats, StixRefusesAnEpochThatIsNotANumber) {
    for (const char* bad : {"abc", "", "12x", "-5"}) {
        const auto r = run_iocscan({"--format", "stix"}, "1.2.3.4\n", {std::string("SOURCE_DATE_EPOCH=") + bad});
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_NE(r.err.find("SOURCE_DATE_EPOCH"), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
    EXPECT_EQ(run_iocscan({"--format", "stix"}, "1.2.3.4\n", {"SOURCE_DATE_EPOCH=86400"}).exit_code, 0);
}

TEST(Formats, UnknownFormatIsAUsageError) {
    const auto r = run_iocscan({"--format", "xml"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("unknown format 'xml'"), std::string::npos);
}

}  // namespace
}  // namespace iocscan::test
