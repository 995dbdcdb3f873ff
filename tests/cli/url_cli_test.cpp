// The URL options of the iocscan binary and its refang/defang subcommands.
#include "support/json.hpp"
#include "support/output_lines.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

const std::string kMail =
    "From the gateway: hxxp://evil[.]example[.]net/a.exe /quiet and 10.1.2.3\n"
    "<a href=\"http://b.example/x.php\">b</a> (see http://c.example/y).\n";

TEST(UrlCli, ExtractUrlsSelectsUrlsOnly) {
    const auto r = run_iocscan({"--extract-urls"}, kMail);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out),
              (V{"hxxp://evil[.]example[.]net/a.exe", "http://b.example/x.php", "http://c.example/y"}));
    EXPECT_EQ(lines_of(run_iocscan({"--types", "url"}, kMail).out), lines_of(r.out));
}

TEST(UrlCli, DefaultTypesIncludeUrls) {
    const auto r = run_iocscan({"--refang"}, "x hxxp://10[.]1[.]2[.]3/a y\n");
    EXPECT_EQ(lines_of(r.out), (V{"http://10.1.2.3/a", "10.1.2.3"}));
}

TEST(UrlCli, StripOpenRmSchemeAndDefang) {
    EXPECT_EQ(lines_of(run_iocscan({"--extract-urls", "--refang", "--strip-urls"}, kMail).out),
              (V{"http://evil.example.net/a.exe", "http://b.example/x.php", "http://c.example/y"}));
    EXPECT_EQ(lines_of(run_iocscan({"--extract-urls", "--open"}, "(see http://c.example/y).\n").out),
              V{"http://c.example/y)."});
    EXPECT_EQ(lines_of(run_iocscan({"--extract-urls", "--refang", "--rm-scheme"}, "hxxps://c[.]example/y\n").out),
              V{"c.example/y"});
    EXPECT_EQ(lines_of(run_iocscan({"--extract-urls", "--defang"}, "get http://c.example/y.php\n").out),
              V{"hxxp://c[.]example/y.php"});
    EXPECT_EQ(lines_of(run_iocscan({"--extract-ipv4s", "--defang"}, "ip 10.1.2.3\n").out), V{"10[.]1[.]2[.]3"});
    EXPECT_EQ(run_iocscan({"--open=yes"}, "").exit_code, 2);
}

TEST(UrlCli, JsonLinesNameEveryRuleOfASpan) {
    const auto r = run_iocscan({"--jsonl", "--types", "url", "--refang"}, "go hxxp://evil[.]example/x now");
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 1u) << r.out;
    const JsonValue record = parse_json(lines[0]);
    EXPECT_EQ(record.at("value").string, "http://evil.example/x");
    EXPECT_EQ(record.at("raw").string, "hxxp://evil[.]example/x");
    EXPECT_EQ(record.at("offset").number, 3);
    ASSERT_EQ(record.at("rules").array.size(), 2u);
    EXPECT_EQ(record.at("rules").array[0].string, "generic");
    EXPECT_EQ(record.at("rules").array[1].string, "bracket");
    EXPECT_TRUE(record.at("defanged").boolean);
    const JsonValue grouped = parse_json(run_iocscan({"--json", "--types", "url"}, "http://a.example/").out);
    ASSERT_EQ(grouped.at("urls").array.size(), 1u);
}

TEST(UrlCli, StatsCountTheOverLongUrl) {
    const std::string text = "http://a.example/" + std::string(70 * 1024, 'x') + " http://b.example/\n";
    const auto r = run_iocscan({"--types", "url", "--stats"}, text);
    EXPECT_EQ(lines_of(r.out), V{"http://b.example/"});
    EXPECT_NE(r.err.find("dropped over-long candidates 1"), std::string::npos) << r.err;
}

TEST(UrlCli, RefangSubcommandIsLineForLine) {
    const std::string input =
        "hxxp://evil[.]example/a\n"
        "\n"
        "10[.]0[.]0[.]1\n"
        "evil[.]example[.]net\n"
        "   \n"
        "ops[@]example[.]org\n"
        "10.20.0.0/16\n"
        "2001:db8::1\n"
        "d41d8cd98f00b204e9800998ecf8427e\n"
        "last-without-newline[.]com";
    const auto r = run_iocscan({"refang"}, input);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "http://evil.example/a\n"
              "\n"
              "10.0.0.1\n"
              "http://evil.example.net\n"
              "\n"
              "ops@example.org\n"
              "10.20.0.0/16\n"
              "2001:db8::1\n"
              "d41d8cd98f00b204e9800998ecf8427e\n"
              "http://last-without-newline.com\n");
}

TEST(UrlCli, RefangSubcommandWithKind) {
    EXPECT_EQ(run_iocscan({"refang", "--kind", "url"}, "10[.]0[.]0[.]1\n").out, "http://10.0.0.1\n");
    EXPECT_EQ(run_iocscan({"refang", "--kind=ipv4"}, "10(.)0(.)0(.)1\r\n\r\n").out, "10.0.0.1\r\n\r\n");
    EXPECT_EQ(run_iocscan({"refang", "--kind", "email"}, "bob(at)mail[.]example[.]net\n").out,
              "bob@mail.example.net\n");
    const auto bad = run_iocscan({"refang", "--kind", "ipv5"}, "x\n");
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("ipv5"), std::string::npos) << bad.err;
    EXPECT_EQ(run_iocscan({"refang", "--bogus"}, "").exit_code, 2);
}

TEST(UrlCli, DefangSubcommandIsLineForLine) {
    const auto r = run_iocscan({"defang"},
                               "http://evil.example.net/a.exe\n\nhttps://x.example/p.q\n10.0.0.1\n"
                               "ftp://files.example/z.zip\nevil.example/x.y\nhxxp://already[.]defanged/a\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out),
              (V{"hxxp://evil[.]example[.]net/a.exe", "", "hxxps://x[.]example/p.q", "10[.]0[.]0[.]1",
                 "fxp://files[.]example/z.zip", "evil[.]example/x.y", "hxxp://already[.]defanged/a"}));
}

TEST(UrlCli, SubcommandsRoundTrip) {
    const std::string plain = "http://evil.example.net/a.exe\nhttps://203.0.113.9:8443/x\n\n10.0.0.1\n";
    const auto defanged = run_iocscan({"defang"}, plain);
    ASSERT_EQ(defanged.exit_code, 0);
    EXPECT_EQ(lines_of(defanged.out).size(), 4u);
    EXPECT_EQ(run_iocscan({"refang"}, defanged.out).out, plain);
}

TEST(UrlCli, SubcommandOnAManyLineInput) {
    // Under 64 KiB: run_iocscan() writes all input before it reads output.
    std::string input;
    std::string expected;
    for (int i = 0; i < 3000; ++i) {
        input += i % 3 == 0 ? "\n" : "h" + std::to_string(i) + "[.]example\n";
        expected += i % 3 == 0 ? "\n" : "http://h" + std::to_string(i) + ".example\n";
    }
    EXPECT_EQ(run_iocscan({"refang"}, input).out, expected);
}

}  // namespace
}  // namespace iocscan::test
