// ssdeep (opt-in): "blocksize:hash:hash" with a block size of 3 * 2^n and
// base64 hashes of at most 64 and 32 characters, as whole runs; never a
// time, a longer colon run, a URL or a longer hash; the same at every chunk
// size; linear on hostile lines; in JSONL, CSV, JSON and STIX output.
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

const std::string kHash = "96:s4Ud1Lj96tHHlcB/pOyI2+mXZZ:s4Ud1LjktHHG";   // with "/" and "+"

V hashes(const std::string& text, std::size_t piece = 0) {
    return values_found(Type::ssdeep, text, false, piece);
}

TEST(Ssdeep, HashesAsSsdeepAndReportsWriteThem) {
    EXPECT_EQ(hashes("ssdeep: " + kHash + ". Next"), V{kHash});
    // ssdeep's own output: a header line, then hash,"file".
    EXPECT_EQ(hashes("ssdeep,1.1--blocksize:hash:hash,filename\n" + kHash + ",\"/tmp/evil.exe\"\n"), V{kHash});
    // Every block size from 3 to 3 * 2^30; the longest hashes (64 and 32).
    const std::string h64(64, 'A'), h32(32, 'z');
    EXPECT_EQ(hashes("3:a:b 6:Ab:c 1536:x+/:y 3221225472:" + h64 + ":" + h32 + " \"12:Qx:Q\""),
              (V{"3:a:b", "6:Ab:c", "1536:x+/:y", "3221225472:" + h64 + ":" + h32, "12:Qx:Q"}));
}

TEST(Ssdeep, BrokenHashesReportNothing) {
    // Block sizes that are no 3 * 2^n, or past 3 * 2^30; empty or too long
    // hashes; characters out of base64.
    const std::string h65(65, 'A'), h33(33, 'z');
    EXPECT_TRUE(hashes("4:abc:def 9:abc:def 0:abc:def 03:abc:def 6442450944:abc:def 96::def 96:abc:").empty());
    EXPECT_TRUE(hashes("96:" + h65 + ":abc 96:abc:" + h33 + " 96:ab_c:def 96:abc:de-f 96:abc:def:ghi").empty());
    // Times and version-like triples: digits only.
    EXPECT_TRUE(hashes("at 12:34:56, 3:14:15 and 24:00:00; 96:10:20").empty());
}

TEST(Ssdeep, NeverInsideOtherRunsOrIocs) {
    // Longer colon runs (IPv6, MAC), URLs and paths, glued words.
    EXPECT_TRUE(hashes("fe80::3:ab:cd 00:3:ab:cd:ef 3:ab:cd:ef:01 https://x.example/96:abc:def a/96:abc:def").empty());
    EXPECT_TRUE(hashes("x96:abc:def 96:abc:def_x 96:abc:def.exe 96:abc:def-1 C:\\96:abc:def").empty());
}

TEST(Ssdeep, HashesAndOtherIocsAround) {
    const std::string text =
        "md5 d41d8cd98f00b204e9800998ecf8427e ssdeep " + kHash + " from 10.0.0.1 https://example.org/a\n";
    const auto found = scan_pieces(text, options_for({Type::ssdeep, Type::md5, Type::ipv4, Type::url, Type::ipv6}));
    EXPECT_EQ(values_of(found, Type::ssdeep), V{kHash});
    EXPECT_EQ(values_of(found, Type::md5), V{"d41d8cd98f00b204e9800998ecf8427e"});
    EXPECT_EQ(values_of(found, Type::ipv4), V{"10.0.0.1"});
    EXPECT_EQ(values_of(found, Type::url), V{"https://example.org/a"});
    EXPECT_TRUE(values_of(found, Type::ipv6).empty());
}

TEST(Ssdeep, OffByDefaultOnWithAll) {
    const std::string text = "fuzzy " + kHash + " seen";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::ssdeep).empty());
    const Options all = options_for_all_types();
    EXPECT_EQ(values_of(scan_pieces(text, all), Type::ssdeep), V{kHash});
}

TEST(Ssdeep, InvariantUnderPieceSize) {
    const std::string text = "a " + kHash + ". b 12:34:56 3:a:b,x96:abc:def (6:Ab:c) 4:abc:def 1536:x+/:y\n";
    const V expected = hashes(text);
    ASSERT_EQ(expected, (V{kHash, "3:a:b", "6:Ab:c", "1536:x+/:y"}));
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(hashes(text, piece), expected) << piece;
}

TEST(Ssdeep, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::ssdeep});
    expect_linear_time_on_repeated(options, {"96:", "3:a:b ", "3:a:b.", "96:abc", "3221225472:", ":", "12:34:56 "});
    // One giant base64 run after "96:": nothing reported, nothing lost after it.
    EXPECT_EQ(hashes("96:" + std::string(1 << 20, 'A') + " " + kHash), V{kHash});
}

TEST(Ssdeep, CliJsonlCsvJsonAndStix) {
    const std::string text = "fuzzy " + kHash + "\n";
    const JsonValue line = parse_json(run_iocscan({"--types", "ssdeep", "--jsonl", "--refang"}, text).out);
    EXPECT_EQ(line.at("type").string, "ssdeep");
    EXPECT_EQ(line.at("value").string, kHash);
    EXPECT_EQ(line.at("raw").string, kHash);
    EXPECT_EQ(run_iocscan({"--types", "ssdeep", "--format", "csv"}, text).out,
              "type,value,raw,offset,path,rules,encoding\r\nssdeep," + kHash + "," + kHash + ",6,\"'-\",ssdeep,\r\n");
    EXPECT_EQ(run_iocscan({"--types", "ssdeep", "--json"}, text).out, "{\"ssdeep_hashes\":[\"" + kHash + "\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find(" ssdeep"), std::string::npos);
    const auto stix = run_iocscan({"--format", "stix", "--types", "ssdeep"}, text, {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    const JsonValue bundle = parse_json(stix.out);
    const auto& objects = bundle.at("objects").array;
    ASSERT_EQ(objects.size(), 1u) << stix.out;
    EXPECT_EQ(objects[0].at("type").string, "indicator");
    // As md5 and sha*: a file indicator on the hash (STIX's SSDEEP algorithm).
    EXPECT_EQ(objects[0].at("pattern").string, "[file:hashes.SSDEEP = '" + kHash + "']");
}

}  // namespace
}  // namespace iocscan::test
