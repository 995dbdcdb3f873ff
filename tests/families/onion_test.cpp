// onion (opt-in): Tor v3 onion names with version byte and checksum
// checked; plain, defanged, in URLs and under subdomains; never out of a
// longer host or word; the same at every chunk size; linear on hostile
// lines; in JSONL, CSV and STIX (domain-name).
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

// The Tor Project's own onion service, and DuckDuckGo's.
const std::string kTor = "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid";
const std::string kDdg = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad";

V names(const std::string& text, std::size_t piece = 0, bool refang = false) {
    return values_found(Type::onion, text, refang, piece);
}

TEST(Onion, WellKnownV3Names) {
    EXPECT_EQ(names("see " + kTor + ".onion and " + kDdg + ".onion."), (V{kTor + ".onion", kDdg + ".onion"}));
}

TEST(Onion, OneCharacterChangedOrAV2NameIsNotReported) {
    // Checksum (first character), version byte (last character), v2 (16).
    EXPECT_TRUE(names("3gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion "
                      "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wie.onion "
                      "expyuzz4wqqyqhjn.onion")
                    .empty());
}

TEST(Onion, InUrlsUnderSubdomainsAndDefanged) {
    EXPECT_EQ(names("http://" + kTor + ".onion/download hxxps://www." + kDdg + "[.]onion:443/x " + kTor +
                    "(dot)onion"),
              (V{kTor + ".onion", kDdg + "[.]onion", kTor + "(dot)onion"}));
    EXPECT_EQ(names(kDdg + "[.]onion " + kTor + "(dot)ONION", 0, true), (V{kDdg + ".onion", kTor + ".onion"}));
    // Upper case (one case) is the same name; refang writes it in lower case.
    std::string upper = kTor;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(names(upper + ".ONION", 0, true), V{kTor + ".onion"});
}

TEST(Onion, TheUrlIsReportedAsBefore) {
    const std::string url = "http://" + kTor + ".onion/download?x=1";
    const auto found = scan_pieces("get " + url + " now\n", options_for({Type::onion, Type::url}));
    EXPECT_EQ(values_of(found, Type::url), V{url});
    EXPECT_EQ(values_of(found, Type::onion), V{kTor + ".onion"});
}

TEST(Onion, NeverInsideALongerHostOrWord) {
    EXPECT_TRUE(names(kTor + ".onion.example.com x" + kTor + ".onion " + kTor + ".onionx " + kTor +
                      "a.onion " + kTor + ".onion_1 " + kTor + ".oni0n")
                    .empty());
    // Mixed case is no name.
    EXPECT_TRUE(names("2GZYXA5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion").empty());
}

TEST(Onion, HashesAndOtherIocsAround) {
    const std::string md5 = "d41d8cd98f00b204e9800998ecf8427e";
    const std::string text = md5 + " " + kTor + ".onion 10.0.0.1 evil.example.com\n";
    const auto found = scan_pieces(text, options_for({Type::onion, Type::md5, Type::ipv4, Type::domain}));
    EXPECT_EQ(values_of(found, Type::onion), V{kTor + ".onion"});
    EXPECT_EQ(values_of(found, Type::md5), V{md5});
    EXPECT_EQ(values_of(found, Type::ipv4), V{"10.0.0.1"});
}

TEST(Onion, OffByDefaultOnWithAll) {
    const std::string text = "visit " + kTor + ".onion\n";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::onion).empty());
    const Options all = options_for_all_types();
    EXPECT_EQ(values_of(scan_pieces(text, all), Type::onion), V{kTor + ".onion"});
}

TEST(Onion, InvariantUnderPieceSize) {
    const std::string text = "a http://" + kTor + ".onion/x b www." + kDdg + "[.]onion, 3" + kTor.substr(1) +
                             ".onion " + kTor + ".onion.example\n";
    const V expected = names(text);
    ASSERT_EQ(expected, (V{kTor + ".onion", kDdg + "[.]onion"}));
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(names(text, piece), expected) << piece;
}

TEST(Onion, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::onion});
    expect_linear_time_on_repeated(options, {kTor + ".onion ", kTor + ".onion.", kTor + "[.]", "a.", "[.]onion", "a",
                                             kTor.substr(0, 40) + "."});
}

TEST(Onion, CliJsonlCsvAndStix) {
    const std::string name = kTor + ".onion";
    const std::string text = "go " + kTor + "[.]onion now\n";
    const auto jsonl = run_iocscan({"--types", "onion", "--jsonl", "--refang"}, text);
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    const JsonValue record = parse_json(jsonl.out);
    EXPECT_EQ(record.at("type").string, "onion");
    EXPECT_EQ(record.at("value").string, name);
    EXPECT_EQ(record.at("raw").string, kTor + "[.]onion");
    EXPECT_EQ(record.at("offset").number, 3);
    // CSV (RFC 4180 line ends; the "-" path is defused as a formula).
    const auto csv = run_iocscan({"--types", "onion", "--format", "csv", "--refang"}, text).out;
    EXPECT_NE(csv.find("\r\nonion," + name + "," + kTor + "[.]onion,3,"), std::string::npos) << csv;
    EXPECT_EQ(run_iocscan({"--types", "onion", "--json", "--refang"}, text).out, "{\"onions\":[\"" + name + "\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find("eth onion"), std::string::npos);
    const auto stix = run_iocscan({"--format", "stix", "--types", "onion"}, text, {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    const JsonValue bundle = parse_json(stix.out);
    const auto& objects = bundle.at("objects").array;
    ASSERT_EQ(objects.size(), 1u) << stix.out;
    EXPECT_EQ(objects[0].at("type").string, "indicator");
    EXPECT_EQ(objects[0].at("pattern").string, "[domain-name:value = '" + name + "']");
}

}  // namespace
}  // namespace iocscan::test
