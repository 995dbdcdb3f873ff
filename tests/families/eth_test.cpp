// eth (opt-in): Ethereum addresses, "0x" and 40 hex digits, EIP-55 checked
// when mixed case; never a sha1, never out of a longer hex run; the same at
// every chunk size; linear on hostile lines; in JSONL and CSV.
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

// EIP-55's test addresses: mixed case (checksummed), all upper, all lower.
const V kMixed = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                  "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"};
const V kOneCase = {"0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
                    "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26"};

V addresses(const std::string& text, std::size_t piece = 0) {
    return values_found(Type::eth, text, false, piece);
}

TEST(Eth, Eip55TestAddresses) {
    for (const auto& address : kMixed) EXPECT_EQ(addresses("to " + address + "."), V{address}) << address;
    for (const auto& address : kOneCase) EXPECT_EQ(addresses("to " + address + "."), V{address}) << address;
}

TEST(Eth, OneLetterOfTheWrongCaseBreaksTheChecksum) {
    EXPECT_TRUE(addresses("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD 0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359 "
                          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6Fb")
                    .empty());
    // The checksum is over the letters' case, so a changed digit in an
    // all-lower address is still an address (EIP-55 cannot tell).
    EXPECT_EQ(addresses("0xde709f2102306220921060314715629080e2fb78"), V{"0xde709f2102306220921060314715629080e2fb78"});
}

TEST(Eth, NeverInsideALongerHexRunNorAsSha1) {
    const std::string tx = "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b";
    EXPECT_TRUE(addresses(tx + " " + kMixed[0] + "a x" + kMixed[0] + " " + kMixed[0] + "_1 0X" +
                          kMixed[0].substr(2) + " 0x" + kMixed[0].substr(3))
                    .empty());
    const auto found = scan_pieces("from " + kMixed[0] + " " + kOneCase[2] + "\n", options_for({Type::eth, Type::sha1}));
    EXPECT_EQ(values_of(found, Type::eth), (V{kMixed[0], kOneCase[2]}));
    EXPECT_TRUE(values_of(found, Type::sha1).empty());
}

TEST(Eth, HashesAndOtherIocsAround) {
    const std::string sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    const std::string text = sha1 + " " + kMixed[1] + " https://etherscan.example/address/" + kMixed[2] +
                             "?a=1 10.0.0.1\n";
    const auto found = scan_pieces(text, options_for({Type::eth, Type::sha1, Type::ipv4, Type::url}));
    EXPECT_EQ(values_of(found, Type::eth), (V{kMixed[1], kMixed[2]}));
    EXPECT_EQ(values_of(found, Type::sha1), V{sha1});
    EXPECT_EQ(values_of(found, Type::ipv4), V{"10.0.0.1"});
    EXPECT_EQ(values_of(found, Type::url).size(), 1u);
}

TEST(Eth, OffByDefaultOnWithAll) {
    const std::string text = "send to " + kMixed[0] + "\n";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::eth).empty());
    const Options all = options_for_all_types();
    const auto found = scan_pieces(text, all);
    EXPECT_EQ(values_of(found, Type::eth), V{kMixed[0]});
    EXPECT_TRUE(values_of(found, Type::sha1).empty());
}

TEST(Eth, InvariantUnderPieceSize) {
    std::string text = "a " + kMixed[0] + ". b x" + kMixed[1] + " 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\n";
    for (const auto& address : kOneCase) text += address + ", ";
    const V expected = addresses(text);
    V want = {kMixed[0]};
    want.insert(want.end(), kOneCase.begin(), kOneCase.end());
    ASSERT_EQ(expected, want);
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(addresses(text, piece), expected) << piece;
}

TEST(Eth, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::eth});
    expect_linear_time_on_repeated(options, {kMixed[0] + " ", "0x", "0xa", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD ",
                                             "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA"});
}

TEST(Eth, CliJsonlAndCsv) {
    const std::string text = "pay " + kMixed[0] + " now\n";
    const auto jsonl = run_iocscan({"--types", "eth", "--jsonl"}, text);
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    const JsonValue record = parse_json(jsonl.out);
    EXPECT_EQ(record.at("type").string, "eth");
    EXPECT_EQ(record.at("value").string, kMixed[0]);
    EXPECT_EQ(record.at("offset").number, 4);
    // CSV (RFC 4180 line ends; the "-" path is defused as a formula).
    const auto csv = run_iocscan({"--types", "eth", "--format", "csv"}, text).out;
    EXPECT_NE(csv.find("\r\neth," + kMixed[0] + "," + kMixed[0] + ",4,"), std::string::npos) << csv;
    EXPECT_EQ(run_iocscan({"--types", "eth", "--json"}, text).out, "{\"eth_addresses\":[\"" + kMixed[0] + "\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find("btc eth"), std::string::npos);
    const auto stix = run_iocscan({"--format", "stix", "--types", "eth,ipv4"}, text + "10.0.0.1\n",
                                  {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    EXPECT_EQ(stix.out.find(kMixed[0]), std::string::npos);
    EXPECT_NE(stix.out.find("10.0.0.1"), std::string::npos);
}

}  // namespace
}  // namespace iocscan::test
