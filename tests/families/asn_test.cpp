// asn (opt-in): "AS13335", "ASN13335", "ASN 13335" as whole words, upper
// case, 1 to 4294967295; "AS13335" on refang; never out of a longer word,
// a hash or English prose ("AS 2"); the same at every chunk size; linear on
// hostile lines; in JSONL, CSV, JSON and STIX output.
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

V asns(const std::string& text, bool refang = false, std::size_t piece = 0) {
    return values_found(Type::asn, text, refang, piece);
}

TEST(Asn, TheWaysAnalystsWriteThem) {
    EXPECT_EQ(asns("Cloudflare (AS13335), ASN15169 and ASN 16509; AS4294967295. \"AS1\""),
              (V{"AS13335", "ASN15169", "ASN 16509", "AS4294967295", "AS1"}));
    // Punctuation ends the word: URL paths and hyphenated names report theirs.
    EXPECT_EQ(asns("https://bgp.he.net/AS13335 AS64496-TEST"), (V{"AS13335", "AS64496"}));
}

TEST(Asn, RefangWritesAsAndTheNumber) {
    EXPECT_EQ(asns("ASN 16509 ASN15169 AS13335", true), (V{"AS16509", "AS15169", "AS13335"}));
    EXPECT_EQ(refang(Type::asn, "ASN 13335"), "AS13335");
}

TEST(Asn, BrokenIdsAndProseReportNothing) {
    // Zero, leading zeros, past 32 bits, lower or mixed case, no number.
    EXPECT_TRUE(asns("AS0 AS013335 ASN 0 AS4294967296 AS99999999999 as13335 As13335 asn 13335 AS ASN").empty());
    // "AS" and a space is English in upper-case text; two spaces, other glue.
    EXPECT_TRUE(asns("SUCH AS 2 ITEMS, AS 13335 ASN  13335 ASN:13335 ASN-13335 AS_13335").empty());
    // Glued to a word before or after, inside identifiers and hashes.
    EXPECT_TRUE(asns("xAS13335 AS13335x AS13335_1 MAS1 CLASS100 d41d8cd98f00b204e9800998ecf8427eAS13335").empty());
    EXPECT_TRUE(asns("XASN 13335 ASN 13335x").empty());
}

TEST(Asn, HashesAndOtherIocsAround) {
    const std::string text =
        "d41d8cd98f00b204e9800998ecf8427e AS13335 1.1.1.1 https://bgp.he.net/AS15169 ops@example.org,ASN 16509\n";
    const auto found = scan_pieces(text, options_for({Type::asn, Type::md5, Type::ipv4, Type::url, Type::email}));
    EXPECT_EQ(values_of(found, Type::asn), (V{"AS13335", "AS15169", "ASN 16509"}));
    EXPECT_EQ(values_of(found, Type::md5), V{"d41d8cd98f00b204e9800998ecf8427e"});
    EXPECT_EQ(values_of(found, Type::ipv4), V{"1.1.1.1"});
    EXPECT_EQ(values_of(found, Type::url), V{"https://bgp.he.net/AS15169"});
    EXPECT_EQ(values_of(found, Type::email), V{"ops@example.org"});
}

TEST(Asn, OffByDefaultOnWithAll) {
    const std::string text = "announced by AS13335 today";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::asn).empty());
    const Options all = options_for_all_types();
    EXPECT_EQ(values_of(scan_pieces(text, all), Type::asn), V{"AS13335"});
}

TEST(Asn, InvariantUnderPieceSize) {
    const std::string text = "a AS13335. b ASN 16509,ASN15169 xAS1 AS 2 AS0 (AS64512) AS4294967296 AS4294967295\n";
    const V expected = asns(text);
    ASSERT_EQ(expected, (V{"AS13335", "ASN 16509", "ASN15169", "AS64512", "AS4294967295"}));
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(asns(text, false, piece), expected) << piece;
}

TEST(Asn, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::asn});
    expect_linear_time_on_repeated(options, {"AS1 ", "ASN ", "AS", "ASN 4294967295 ", "AS42949672950", "A"});
    // One giant digit run after "AS": nothing reported, nothing lost after it.
    EXPECT_EQ(asns("AS" + std::string(1 << 20, '4') + " AS13335"), V{"AS13335"});
}

TEST(Asn, CliJsonlCsvJsonAndStix) {
    const std::string text = "from ASN 13335\n";
    const JsonValue line = parse_json(run_iocscan({"--types", "asn", "--jsonl", "--refang"}, text).out);
    EXPECT_EQ(line.at("type").string, "asn");
    EXPECT_EQ(line.at("value").string, "AS13335");
    EXPECT_EQ(line.at("raw").string, "ASN 13335");
    EXPECT_EQ(run_iocscan({"--types", "asn", "--format", "csv"}, text).out,
              "type,value,raw,offset,path,rules,encoding\r\nasn,ASN 13335,ASN 13335,5,\"'-\",asn,\r\n");
    EXPECT_EQ(run_iocscan({"--types", "asn", "--json"}, text).out, "{\"asns\":[\"ASN 13335\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find(" asn"), std::string::npos);
    const auto stix = run_iocscan({"--format", "stix", "--types", "asn"}, text, {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    const JsonValue bundle = parse_json(stix.out);
    const auto& objects = bundle.at("objects").array;
    ASSERT_EQ(objects.size(), 1u) << stix.out;
    EXPECT_EQ(objects[0].at("type").string, "indicator");
    EXPECT_EQ(objects[0].at("name").string, "asn:AS13335");
    // number is an integer property: no quotes in the pattern.
    EXPECT_EQ(objects[0].at("pattern").string, "[autonomous-system:number = 13335]");
}

}  // namespace
}  // namespace iocscan::test
