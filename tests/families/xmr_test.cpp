// xmr (opt-in): Monero mainnet addresses with network byte and Keccak-256
// checksum checked; never out of a longer base58 run or word; the same at
// every chunk size; linear on hostile lines; in JSONL and CSV.
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

// The Monero General Fund's donation address, and the standard address of
// Monero's documentation examples.
const std::string kFund =
    "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A";
const std::string kDocs =
    "4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge";
// Built from kDocs's keys with Crypto++'s Keccak-256 (no documented example
// known exactly): integrated (byte 19, payment id 420fa29b2d9a49f5) and
// subaddress (byte 42) forms with valid checksums.
const std::string kIntegrated =
    "4LL9oSLmtpccfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2YpFdHgJCfAUkEA6qa";
const std::string kSubaddress =
    "8BTd81B7syWcfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv25pnJx6";

V addresses(const std::string& text, std::size_t piece = 0) {
    return values_found(Type::xmr, text, false, piece);
}

TEST(Xmr, StandardIntegratedAndSubaddress) {
    EXPECT_EQ(addresses("to " + kFund + ", " + kDocs + ".\n" + kIntegrated + " (" + kSubaddress + ")"),
              (V{kFund, kDocs, kIntegrated, kSubaddress}));
}

TEST(Xmr, OneCharacterChangedOrAWrongNetworkByteIsNotReported) {
    std::string broken = kFund;
    broken[50] = broken[50] == 'a' ? 'b' : 'a';
    std::string last = kDocs;
    last.back() = 'f';
    // The standard byte (18) with an integrated address's length: checksum
    // valid, network byte wrong.
    const std::string wrong_network =
        "4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2YpFdHgJCfAUh3egNJ";
    EXPECT_TRUE(addresses(broken + " " + last + " " + wrong_network).empty());
    // A last group that overflows its 5-byte block.
    EXPECT_TRUE(addresses(kDocs.substr(0, 88) + "zzzzzzz").empty());
}

TEST(Xmr, NeverInsideALongerWord) {
    EXPECT_TRUE(addresses("x" + kFund + " " + kFund + "a " + kDocs + "_1 " + kIntegrated + "1").empty());
    EXPECT_EQ(addresses("monero:" + kFund + "?tx_amount=1"), V{kFund});
}

TEST(Xmr, HashesAndOtherIocsAround) {
    const std::string sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const std::string text = sha256 + " " + kFund + " 10.0.0.1 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\n";
    const auto found = scan_pieces(text, options_for({Type::xmr, Type::sha256, Type::ipv4, Type::btc}));
    EXPECT_EQ(values_of(found, Type::xmr), V{kFund});
    EXPECT_EQ(values_of(found, Type::sha256), V{sha256});
    EXPECT_EQ(values_of(found, Type::ipv4), V{"10.0.0.1"});
    EXPECT_EQ(values_of(found, Type::btc), V{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"});
}

TEST(Xmr, OffByDefaultOnWithAll) {
    const std::string text = "send to " + kFund + "\n";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::xmr).empty());
    const Options all = options_for_all_types();
    const auto found = scan_pieces(text, all);
    EXPECT_EQ(values_of(found, Type::xmr), V{kFund});
    EXPECT_TRUE(values_of(found, Type::btc).empty());
}

TEST(Xmr, InvariantUnderPieceSize) {
    const std::string text = "a " + kFund + ". b x" + kDocs + " " + kIntegrated + "\n" + kSubaddress + "_ " + kDocs + "\n";
    const V expected = addresses(text);
    ASSERT_EQ(expected, (V{kFund, kIntegrated, kDocs}));
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(addresses(text, piece), expected) << piece;
}

TEST(Xmr, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::xmr});
    expect_linear_time_on_repeated(options, {kFund + " ", kIntegrated + " ", "4", "8z", kFund.substr(0, 94) + "1 ",
                                             kFund.substr(0, 60)});
}

TEST(Xmr, CliJsonlAndCsv) {
    const std::string text = "pay " + kFund + " now\n";
    const auto jsonl = run_iocscan({"--types", "xmr", "--jsonl"}, text);
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    const JsonValue record = parse_json(jsonl.out);
    EXPECT_EQ(record.at("type").string, "xmr");
    EXPECT_EQ(record.at("value").string, kFund);
    EXPECT_EQ(record.at("offset").number, 4);
    // CSV (RFC 4180 line ends; the "-" path is defused as a formula).
    const auto csv = run_iocscan({"--types", "xmr", "--format", "csv"}, text).out;
    EXPECT_NE(csv.find("\r\nxmr," + kFund + "," + kFund + ",4,"), std::string::npos) << csv;
    EXPECT_EQ(run_iocscan({"--types", "xmr", "--json"}, text).out, "{\"xmr_addresses\":[\"" + kFund + "\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find("onion xmr"), std::string::npos);
    const auto stix = run_iocscan({"--format", "stix", "--types", "xmr,ipv4"}, text + "10.0.0.1\n",
                                  {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    EXPECT_EQ(stix.out.find(kFund), std::string::npos);
    EXPECT_NE(stix.out.find("10.0.0.1"), std::string::npos);
}

}  // namespace
}  // namespace iocscan::test
