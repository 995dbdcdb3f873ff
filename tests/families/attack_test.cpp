// attack (opt-in): MITRE ATT&CK ids as whole words; never out of a hash, a
// URL path or query word, a file name or a longer id; the same at every
// chunk size; linear on hostile lines; in JSON and STIX output.
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

V ids(const std::string& text, std::size_t piece = 0) {
    return values_found(Type::attack, text, false, piece);
}

TEST(Attack, EveryKindOfId) {
    EXPECT_EQ(ids("T1059 T1059.001 TA0001 S0029 G0007 M1042 C0010"),
              (V{"T1059", "T1059.001", "TA0001", "S0029", "G0007", "M1042", "C0010"}));
}

TEST(Attack, SentencePunctuationAndBracketsAround) {
    EXPECT_EQ(ids("uses T1059.001. Then (T1566), [G0007]; TA0001,TA0002: \"S0029\"!"),
              (V{"T1059.001", "T1566", "G0007", "TA0001", "TA0002", "S0029"}));
    EXPECT_EQ(ids("end T1059.\n"), V{"T1059"});
}

TEST(Attack, NeverInsideOtherWords) {
    // Longer ids, lower case, glued words, broken sub-techniques.
    EXPECT_TRUE(ids("T10590 TA00011 T1059.0012 T1059.01 T105 t1059 XT1059 T1059x T1059_poc T1059-poc").empty());
    // URL paths and queries, file and key names, paths.
    EXPECT_TRUE(ids("https://attack.mitre.org/techniques/T1059/ /x?id=S0029 C:\\T1059\\a run.T1059 a=G0007").empty());
    // Hashes: an id never comes out of a hex or word run.
    EXPECT_TRUE(ids("d41d8cd98f00b204e9800998ecf8427eT1059 ffT1059aa 0x1T1059").empty());
}

TEST(Attack, HashesAndOtherIocsAround) {
    const std::string text = "d41d8cd98f00b204e9800998ecf8427e T1059 10.0.0.1 G0007 CVE-2021-44228\n";
    const auto found = scan_pieces(text, options_for({Type::attack, Type::md5, Type::ipv4, Type::cve}));
    EXPECT_EQ(values_of(found, Type::attack), (V{"T1059", "G0007"}));
    EXPECT_EQ(values_of(found, Type::md5), V{"d41d8cd98f00b204e9800998ecf8427e"});
    EXPECT_EQ(values_of(found, Type::ipv4), V{"10.0.0.1"});
    EXPECT_EQ(values_of(found, Type::cve), V{"CVE-2021-44228"});
}

TEST(Attack, OffByDefaultOnWithAll) {
    const std::string text = "technique T1059 seen";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::attack).empty());
    const Options all = options_for_all_types();
    EXPECT_EQ(values_of(scan_pieces(text, all), Type::attack), V{"T1059"});
}

TEST(Attack, InvariantUnderPieceSize) {
    const std::string text = "a T1059.001. b TA0001,S0029 /T1059/ T10590 (M1042) C0010x G0007\n";
    const V expected = ids(text);
    ASSERT_EQ(expected, (V{"T1059.001", "TA0001", "S0029", "M1042", "G0007"}));
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(ids(text, piece), expected) << piece;
}

TEST(Attack, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::attack});
    expect_linear_time_on_repeated(options, {"T1059.", "T1059 ", "T", "TA0001,", "T1059.001.", "T1059/"});
}

TEST(Attack, CliJsonAndStix) {
    const std::string text = "T1059.001 TA0001 S0029 G0007 M1042 C0010\n";
    EXPECT_EQ(run_iocscan({"--types", "attack", "--json"}, "T1059 G0007\n").out,
              "{\"attack_ids\":[\"T1059\",\"G0007\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find("attack"), std::string::npos);
    const auto stix = run_iocscan({"--format", "stix", "--types", "attack"}, text, {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    const JsonValue bundle = parse_json(stix.out);
    const auto& objects = bundle.at("objects").array;
    // Tactics and software have no clean STIX type: left out.
    ASSERT_EQ(objects.size(), 4u) << stix.out;
    const std::pair<std::string, std::string> expected[] = {
        {"attack-pattern", "https://attack.mitre.org/techniques/T1059/001/"},
        {"intrusion-set", "https://attack.mitre.org/groups/G0007/"},
        {"course-of-action", "https://attack.mitre.org/mitigations/M1042/"},
        {"campaign", "https://attack.mitre.org/campaigns/C0010/"}};
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& o = objects[i];
        EXPECT_EQ(o.at("type").string, expected[i].first);
        EXPECT_EQ(o.at("id").string.rfind(expected[i].first + "--", 0), 0u);
        const auto& reference = o.at("external_references").array.at(0);
        EXPECT_EQ(reference.at("source_name").string, "mitre-attack");
        EXPECT_EQ(reference.at("external_id").string, o.at("name").string);
        EXPECT_EQ(reference.at("url").string, expected[i].second);
    }
}

}  // namespace
}  // namespace iocscan::test
