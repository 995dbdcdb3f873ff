// cve (opt-in): CVE ids as whole words, any case, upper case on refang;
// never out of a longer word, a hash or a broken id; the same at every
// chunk size; linear on hostile lines; in JSON, CSV and STIX output.
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

V cves(const std::string& text, bool refang = false, std::size_t piece = 0) {
    return values_found(Type::cve, text, refang, piece);
}

TEST(Cve, WholeIdsInAnyCase) {
    EXPECT_EQ(cves("Log4Shell (CVE-2021-44228) and cve-2019-0708, Cve-2014-0160."),
              (V{"CVE-2021-44228", "cve-2019-0708", "Cve-2014-0160"}));
    EXPECT_EQ(cves("CVE-1999-0001 CVE-2099-1234567 exploit-CVE-2020-1472 \"CVE-2017-0144\""),
              (V{"CVE-1999-0001", "CVE-2099-1234567", "CVE-2020-1472", "CVE-2017-0144"}));
}

TEST(Cve, RefangWritesUpperCase) {
    EXPECT_EQ(cves("cve-2019-0708 and Cve-2014-0160", true), (V{"CVE-2019-0708", "CVE-2014-0160"}));
    EXPECT_EQ(refang(Type::cve, "cVe-2021-44228"), "CVE-2021-44228");
}

// Sigma rules tag CVEs as "cve.2021.44228" (also "cve.2021-44228"): the
// same id, written CVE-2021-44228 on refang.
TEST(Cve, SigmaTagsWithDots) {
    const std::string text = "tags:\n    - attack.t1190\n    - cve.2021.44228\n    - cve.2023-36884\n    - CVE.2024.21412\n";
    EXPECT_EQ(cves(text), (V{"cve.2021.44228", "cve.2023-36884", "CVE.2024.21412"}));
    EXPECT_EQ(cves(text, true), (V{"CVE-2021-44228", "CVE-2023-36884", "CVE-2024-21412"}));
    for (std::size_t piece = 1; piece <= 9; ++piece) EXPECT_EQ(cves(text, true, piece).size(), 3u) << piece;
    // Not an id: a dot glued on no year, or the id glued to a word.
    EXPECT_EQ(cves("cve..2021.44228 cve.21.44228 cve.2021.442 xcve.2021.44228 cve.2021.44228x cve_2021_44228"), V{});
}

TEST(Cve, BrokenIdsReportNothing) {
    // Year before 1999 or past 2099, a sequence under four digits, missing
    // or doubled hyphens, other separators.
    EXPECT_TRUE(cves("CVE-1998-1234 CVE-2100-1234 CVE-21-44228 CVE-2021-123 CVE2021-44228").empty());
    EXPECT_TRUE(cves("CVE--2021-44228 CVE-2021--44228 CVE_2021_44228 CVE 2021 44228 CVE-2021-").empty());
    // Glued to a word before or after, or inside an identifier.
    EXPECT_TRUE(cves("xCVE-2021-44228 CVE-2021-44228a CVE-2021-44228_poc 1CVE-2021-44228").empty());
}

TEST(Cve, HashesAndOtherIocsAround) {
    const std::string text =
        "d41d8cd98f00b204e9800998ecf8427e CVE-2021-44228 10.0.0.1 "
        "https://nvd.nist.gov/vuln/detail/CVE-2019-0708 ops@example.org,CVE-2014-0160\n";
    Options options = options_for({Type::cve, Type::md5, Type::ipv4, Type::url, Type::email});
    const auto found = scan_pieces(text, options);
    EXPECT_EQ(values_of(found, Type::cve), (V{"CVE-2021-44228", "CVE-2019-0708", "CVE-2014-0160"}));
    EXPECT_EQ(values_of(found, Type::md5), V{"d41d8cd98f00b204e9800998ecf8427e"});
    EXPECT_EQ(values_of(found, Type::ipv4), V{"10.0.0.1"});
    EXPECT_EQ(values_of(found, Type::url), V{"https://nvd.nist.gov/vuln/detail/CVE-2019-0708"});
    EXPECT_EQ(values_of(found, Type::email), V{"ops@example.org"});
}

TEST(Cve, OffByDefaultOnWithAll) {
    const std::string text = "patch CVE-2021-44228 now";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::cve).empty());
    const Options all = options_for_all_types();
    EXPECT_EQ(values_of(scan_pieces(text, all), Type::cve), V{"CVE-2021-44228"});
}

TEST(Cve, InvariantUnderPieceSize) {
    const std::string text =
        "a CVE-2021-44228 b cve-2019-0708. xCVE-2021-1111 CVE-2021-44228a (CVE-2014-0160) CVE-2021-12\n";
    const V expected = cves(text);
    ASSERT_EQ(expected, (V{"CVE-2021-44228", "cve-2019-0708", "CVE-2014-0160"}));
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(cves(text, false, piece), expected) << piece;
}

TEST(Cve, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::cve});
    expect_linear_time_on_repeated(options, {"CVE-2021-", "CVE-", "cve-2021-1", "CVE-2021-44228", "C",
                                             "CVE-2021-44228-"});
    // One giant digit run after "CVE-2021-": nothing reported, nothing lost after it.
    EXPECT_EQ(cves("CVE-2021-" + std::string(1 << 20, '4') + " CVE-2021-44228"), V{"CVE-2021-44228"});
}

TEST(Cve, CliTypesJsonAndStix) {
    const std::string text = "see cve-2021-44228 and CVE-2019-0708\n";
    const auto plain = run_iocscan({"--types", "cve", "--refang"}, text);
    EXPECT_EQ(plain.out, "CVE-2021-44228\nCVE-2019-0708\n");
    EXPECT_EQ(run_iocscan({"--types", "cve", "--json"}, text).out,
              "{\"cves\":[\"cve-2021-44228\",\"CVE-2019-0708\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find("cve"), std::string::npos);
    const auto stix = run_iocscan({"--format", "stix", "--types", "cve"}, text, {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    const JsonValue bundle = parse_json(stix.out);
    const auto& objects = bundle.at("objects").array;
    ASSERT_EQ(objects.size(), 2u) << stix.out;
    const auto& o = objects[0];
    EXPECT_EQ(o.at("type").string, "vulnerability");
    EXPECT_EQ(o.at("spec_version").string, "2.1");
    EXPECT_EQ(o.at("id").string.rfind("vulnerability--", 0), 0u);
    EXPECT_EQ(o.at("name").string, "CVE-2021-44228");
    const auto& reference = o.at("external_references").array.at(0);
    EXPECT_EQ(reference.at("source_name").string, "cve");
    EXPECT_EQ(reference.at("external_id").string, "CVE-2021-44228");
}

}  // namespace
}  // namespace iocscan::test
