// mac (opt-in): MAC-48 addresses in colon, hyphen and Cisco dot form, whole
// runs only; never out of an IPv6 run, a longer colon list (certificate
// fingerprints), a longer hex run or a word; lower-case colon form on
// refang; the same at every chunk size; linear on hostile lines; in JSONL,
// CSV, JSON and STIX output.
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

V macs(const std::string& text, bool refang = false, std::size_t piece = 0) {
    return values_found(Type::mac, text, refang, piece);
}

TEST(Mac, TheThreeForms) {
    EXPECT_EQ(macs("nic 00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5f and 001a.2b3c.4d60."),
              (V{"00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5f", "001a.2b3c.4d60"}));
    // Sentence punctuation, brackets, quotes and key=value logs around.
    EXPECT_EQ(macs("(aa:bb:cc:dd:ee:ff) \"AA-BB-CC-DD-EE-01\" smac=00:50:56:c0:00:08 is it 0050.56c0.0009?"),
              (V{"aa:bb:cc:dd:ee:ff", "AA-BB-CC-DD-EE-01", "00:50:56:c0:00:08", "0050.56c0.0009"}));
    EXPECT_EQ(macs("mixed Case 0a:Bb:0C:dD:0e:Ff\n"), V{"0a:Bb:0C:dD:0e:Ff"});
}

TEST(Mac, RefangWritesLowerCaseColonPairs) {
    EXPECT_EQ(macs("00-1A-2B-3C-4D-5E 001A.2B3C.4D5E 00:1A:2B:3C:4D:5E", true),
              (V{"00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5e"}));
    EXPECT_EQ(refang(Type::mac, "AABB.CCDD.EEFF"), "aa:bb:cc:dd:ee:ff");
}

TEST(Mac, RefangOfOtherTextIsAsWrittenAndNeverLonger) {
    // postpass_fuzz: refang must not lengthen arbitrary text by a colon per
    // pair, and must be idempotent.
    const std::string long_hex(40, 'a');
    EXPECT_EQ(refang(Type::mac, long_hex), long_hex);
    EXPECT_EQ(refang(Type::mac, "AB:CD"), "AB:CD");
    const std::string once = refang(Type::mac, "00-1A-2B-3C-4D-5E");
    EXPECT_EQ(refang(Type::mac, once), once);
}

TEST(Mac, BrokenAndMixedFormsReportNothing) {
    // Mixed separators, wrong group sizes, too few or too many groups, non-hex.
    EXPECT_TRUE(macs("00:1a-2b:3c:4d:5e 00-1a:2b-3c-4d-5e 001a.2b3c-4d5e 0:1a:2b:3c:4d:5e").empty());
    EXPECT_TRUE(macs("00:1a:2b:3c:4d 00:1a:2b:3c:4d:5e:6f 00:1a:2b:3c:4d:5g 001a.2b3c 001a2b.3c4d5e").empty());
    // A trailing colon after a colon list may be a wrapped fingerprint.
    EXPECT_TRUE(macs("00:1a:2b:3c:4d:5e:\n").empty());
    // A dotted form of decimal digits only is a version or build number.
    EXPECT_TRUE(macs("build 2019.0101.0001 and 1607.0000.1234").empty());
}

TEST(Mac, NeverInsideIpv6FingerprintsHexRunsOrWords) {
    // IPv6 runs and longer colon lists: certificate fingerprints (SHA-1: 20
    // pairs, SHA-256: 32), iptables' MAC= (14 pairs).
    EXPECT_TRUE(macs("fe80::00:1a:2b:3c:4d:5e 2001:db8::aa:bb:cc:dd:ee:ff 00:1a:2b:3c:4d:5e::1").empty());
    EXPECT_TRUE(macs("SHA1 Fingerprint=AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01\n"
                     "MAC=00:1a:2b:3c:4d:5e:00:1a:2b:3c:4d:5f:08:00 SRC=10.0.0.1\n").empty());
    // Longer hex runs, glued words, paths and file names.
    EXPECT_TRUE(macs("ff00:1a:2b:3c:4d:5e 00:1a:2b:3c:4d:5eff x00-1a-2b-3c-4d-5e 00-1a-2b-3c-4d-5e_x").empty());
    EXPECT_TRUE(macs("/dev/00:1a:2b:3c:4d:5e a.001a.2b3c.4d5e 001a.2b3c.4d5e.bin 00-1a-2b-3c-4d-5e-ff").empty());
}

TEST(Mac, HashesAndOtherIocsAround) {
    const std::string text =
        "d41d8cd98f00b204e9800998ecf8427e 00:1a:2b:3c:4d:5e 10.0.0.1 fe80::1 "
        "https://example.org/a 00-1a-2b-3c-4d-5f ops@example.org\n";
    const auto found = scan_pieces(text, options_for({Type::mac, Type::md5, Type::ipv4, Type::ipv6, Type::url,
                                                      Type::email}));
    EXPECT_EQ(values_of(found, Type::mac), (V{"00:1a:2b:3c:4d:5e", "00-1a-2b-3c-4d-5f"}));
    EXPECT_EQ(values_of(found, Type::md5), V{"d41d8cd98f00b204e9800998ecf8427e"});
    EXPECT_EQ(values_of(found, Type::ipv4), V{"10.0.0.1"});
    EXPECT_EQ(values_of(found, Type::ipv6), V{"fe80::1"});
    EXPECT_EQ(values_of(found, Type::url), V{"https://example.org/a"});
    EXPECT_EQ(values_of(found, Type::email), V{"ops@example.org"});
    // A MAC is no IPv6 address either.
    EXPECT_TRUE(values_of(scan_pieces("00:1a:2b:3c:4d:5e\n", options_for({Type::ipv6})), Type::ipv6).empty());
}

TEST(Mac, OffByDefaultOnWithAll) {
    const std::string text = "nic 00:1a:2b:3c:4d:5e up";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::mac).empty());
    const Options all = options_for_all_types();
    EXPECT_EQ(values_of(scan_pieces(text, all), Type::mac), V{"00:1a:2b:3c:4d:5e"});
}

TEST(Mac, InvariantUnderPieceSize) {
    const std::string text =
        "a 00:1A:2B:3C:4D:5E. b 00-1a-2b-3c-4d-5f,001a.2b3c.4d60 fe80::00:1a:2b:3c:4d:5e "
        "AB:CD:EF:01:23:45:67:89 (aa:bb:cc:dd:ee:ff) x00:1a:2b:3c:4d:5e\n";
    const V expected = macs(text);
    ASSERT_EQ(expected, (V{"00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5f", "001a.2b3c.4d60", "aa:bb:cc:dd:ee:ff"}));
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(macs(text, false, piece), expected) << piece;
}

TEST(Mac, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::mac});
    expect_linear_time_on_repeated(options, {"00:", "00:1a:2b:3c:4d:5e ", "00:1a:2b:3c:4d:5e.", "0", "001a.",
                                             "00-1a-2b-3c-4d-"});
    // A giant colon list: nothing reported, nothing lost after it.
    EXPECT_EQ(macs(repeated("ab:", 1 << 20) + " 00:1a:2b:3c:4d:5e"), V{"00:1a:2b:3c:4d:5e"});
}

TEST(Mac, CliJsonlCsvJsonAndStix) {
    const std::string text = "nic 00-1A-2B-3C-4D-5E\n";
    const JsonValue line = parse_json(run_iocscan({"--types", "mac", "--jsonl", "--refang"}, text).out);
    EXPECT_EQ(line.at("type").string, "mac");
    EXPECT_EQ(line.at("value").string, "00:1a:2b:3c:4d:5e");
    EXPECT_EQ(line.at("raw").string, "00-1A-2B-3C-4D-5E");
    EXPECT_EQ(run_iocscan({"--types", "mac", "--format", "csv"}, text).out,
              "type,value,raw,offset,path,rules,encoding\r\nmac,00-1A-2B-3C-4D-5E,00-1A-2B-3C-4D-5E,4,\"'-\",mac,\r\n");
    EXPECT_EQ(run_iocscan({"--types", "mac", "--json"}, text).out, "{\"mac_addresses\":[\"00-1A-2B-3C-4D-5E\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find(" mac"), std::string::npos);
    const auto stix = run_iocscan({"--format", "stix", "--types", "mac"}, text, {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    const JsonValue bundle = parse_json(stix.out);
    const auto& objects = bundle.at("objects").array;
    ASSERT_EQ(objects.size(), 1u) << stix.out;
    EXPECT_EQ(objects[0].at("type").string, "indicator");
    EXPECT_EQ(objects[0].at("pattern").string, "[mac-addr:value = '00:1a:2b:3c:4d:5e']");
}

}  // namespace
}  // namespace iocscan::test
