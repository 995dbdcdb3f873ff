// btc (opt-in): Bitcoin mainnet addresses, reported only with a valid
// checksum; never out of a longer word, a hash or a testnet address; the
// same at every chunk size; linear on hostile lines; in JSONL and CSV.
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

// The genesis block's coinbase address, and the P2SH example of BIP-13's
// era used across the Bitcoin wiki.
const std::string kP2pkh = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
const std::string kP2sh = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy";
// BIP-173 (witness v0, bech32) and BIP-350 (v1+, bech32m) valid vectors.
const V kSegwit = {
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
    "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
    "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
    "BC1SW50QGDZ25J",
    "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
};

V addresses(const std::string& text, std::size_t piece = 0) {
    return values_found(Type::btc, text, false, piece);
}

TEST(Btc, Base58checkP2pkhAndP2sh) {
    EXPECT_EQ(addresses("to " + kP2pkh + " or " + kP2sh + "."), (V{kP2pkh, kP2sh}));
}

TEST(Btc, SegwitBip173AndBip350Vectors) {
    for (const auto& address : kSegwit) EXPECT_EQ(addresses("pay " + address + "\n"), V{address}) << address;
}

TEST(Btc, OneCharacterChangedBreaksTheChecksum) {
    EXPECT_TRUE(addresses("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz").empty());
    EXPECT_TRUE(addresses("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfMa 2J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy").empty());
    EXPECT_TRUE(addresses("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T5 "
                          "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv4")
                    .empty());
}

TEST(Btc, Bip350InvalidVectors) {
    for (const std::string invalid : {
             "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",   // "o" is no bech32 character
             "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",           // v2 with a bech32 checksum
             "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",   // witness version 17
             "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",       // v0 with a bech32m checksum
             "bc1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",   // v0 with bech32m
             "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",             // v0 program of 16 bytes
             "bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",       // mixed case
             "Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",       // mixed case in the prefix
         }) {
        EXPECT_TRUE(addresses(invalid).empty()) << invalid;
    }
}

TEST(Btc, TestnetIsNotReported) {
    // BIP-173's testnet vector and a testnet P2PKH: no value on a block list.
    EXPECT_TRUE(addresses("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn").empty());
}

TEST(Btc, NeverInsideALongerWord) {
    EXPECT_TRUE(addresses("x" + kP2pkh + " " + kP2pkh + "a " + kP2pkh + "_b " + kSegwit[1] + "q").empty());
    // ...but a word boundary of any other kind is fine.
    EXPECT_EQ(addresses("bitcoin:" + kP2pkh + "?amount=1 (" + kP2sh + ")"), (V{kP2pkh, kP2sh}));
}

TEST(Btc, HashesAndOtherIocsAround) {
    const std::string sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const std::string text = sha256 + " " + kP2pkh + " https://blockchain.example/address/" + kP2sh +
                             " 10.0.0.1 " + kSegwit[0] + "\n";
    const auto found = scan_pieces(text, options_for({Type::btc, Type::sha256, Type::ipv4, Type::url}));
    EXPECT_EQ(values_of(found, Type::btc), (V{kP2pkh, kP2sh, kSegwit[0]}));
    EXPECT_EQ(values_of(found, Type::sha256), V{sha256});
    EXPECT_EQ(values_of(found, Type::ipv4), V{"10.0.0.1"});
    EXPECT_EQ(values_of(found, Type::url), V{"https://blockchain.example/address/" + kP2sh});
}

TEST(Btc, OffByDefaultOnWithAll) {
    const std::string text = "send to " + kP2pkh + "\n";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::btc).empty());
    const Options all = options_for_all_types();
    EXPECT_EQ(values_of(scan_pieces(text, all), Type::btc), V{kP2pkh});
}

TEST(Btc, InvariantUnderPieceSize) {
    std::string text = "a " + kP2pkh + ". b x" + kP2sh + " 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb\n";
    for (const auto& address : kSegwit) text += address + ", ";
    const V expected = addresses(text);
    V want = {kP2pkh};
    want.insert(want.end(), kSegwit.begin(), kSegwit.end());
    ASSERT_EQ(expected, want);
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(addresses(text, piece), expected) << piece;
}

TEST(Btc, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::btc});
    expect_linear_time_on_repeated(options, {kP2pkh + " ", "1", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb ", "bc1", "bc1q",
                                             kSegwit[0] + " ", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t"});
}

TEST(Btc, CliJsonlAndCsv) {
    const std::string text = "pay " + kP2pkh + " now\n";
    const auto jsonl = run_iocscan({"--types", "btc", "--jsonl"}, text);
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    const JsonValue record = parse_json(jsonl.out);
    EXPECT_EQ(record.at("type").string, "btc");
    EXPECT_EQ(record.at("value").string, kP2pkh);
    EXPECT_EQ(record.at("offset").number, 4);
    // CSV (RFC 4180 line ends; the "-" path is defused as a formula).
    const auto csv = run_iocscan({"--types", "btc", "--format", "csv"}, text).out;
    EXPECT_NE(csv.find("\r\nbtc," + kP2pkh + "," + kP2pkh + ",4,"), std::string::npos) << csv;
    EXPECT_EQ(run_iocscan({"--types", "btc", "--json"}, text).out, "{\"btc_addresses\":[\"" + kP2pkh + "\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find("btc"), std::string::npos);
    // No STIX 2.1 object holds an address: the bundle leaves it out.
    const auto stix = run_iocscan({"--format", "stix", "--types", "btc,ipv4"}, text + "10.0.0.1\n",
                                  {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    EXPECT_EQ(stix.out.find(kP2pkh), std::string::npos);
    EXPECT_NE(stix.out.find("10.0.0.1"), std::string::npos);
}

}  // namespace
}  // namespace iocscan::test
