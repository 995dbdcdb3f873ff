// A token longer than its rule's maximum (RuleSpec::max_token) reports
// nothing, however the input is cut. The driver can only notice such a
// token when a buffer refill finds it too long; one that fits in a single
// buffer is caught by LexState::token_fits(). Before that check an ipv6
// zone or registry path of 1000 bytes was reported when the whole line
// arrived at once and dropped when it came in small pieces; and the driver
// restarted the DFA inside a long zone, which swallowed the "::1" after it.
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace iocscan::test {
namespace {

/// One long token per line for every family, at lengths around each rule
/// maximum (64, 128, 256, 1024), around where the driver gives up a token's
/// start (RuleSpec::kept_bytes(): +256) and far past it, with ordinary IOCs
/// after it.
std::string long_token_lines() {
    struct Shape {
        std::string head, atom, tail;
    };
    const std::vector<Shape> shapes = {
        {"fe80::1%", "z", ""},             // ipv6 zone
        {"fe80::2%", "a", "::1"},          // a zone, then a run of its own
        {"", "1.", "1"},                   // ipv4 / version run
        {"", "a", "@example.com"},         // e-mail local part
        {"", "ab.", "com"},                // domain labels
        {"HKLM\\", "Ab\\", "Run"},         // registry path
        {"", "0a", ""},                    // hex run (hashes)
        {"CVE-2021-", "1", ""},            // cve
        {"T1059.", "0", ""},               // attack
        {"", "00:", "00"},                 // mac
        {"AS", "1", ""},                   // asn
        {"96:", "aB", ":xY"},              // ssdeep
        {"1", "z", ""},                    // base58 (btc, xmr)
        {"0x", "a", ""},                   // eth
        {"", "a", ".onion"},               // onion
        {"+1 ", "5", ""},                  // phone
        {"2001:db8:", "0:", "1"},          // ipv6 groups
    };
    std::string text;
    for (const Shape& shape : shapes) {
        for (std::size_t bound : {64u, 128u, 256u, 512u, 1024u, 1280u}) {
            for (std::size_t size = bound - 8; size <= bound + 8; ++size) {
                std::string token = shape.head;
                while (token.size() + shape.tail.size() < size) token += shape.atom;
                token += shape.tail;
                text += "x " + token + " 2001:db8::6 8.8.8.8 d41d8cd98f00b204e9800998ecf8427e\n";
            }
        }
        std::string giant = shape.head;
        while (giant.size() < 5000) giant += shape.atom;
        text += giant + shape.tail + " 9.9.9.9\n";
    }
    return text;
}

TEST(OverlongTokens, SameResultWhateverThePieceSize) {
    const std::string text = long_token_lines();
    const Options options = options_for_all_types();
    const std::vector<Found> whole = scan_pieces(text, options);
    // The ordinary IOCs after every long token are still found.
    ASSERT_GE(values_of(whole, Type::ipv4).size(), 17u * 6u * 17u) << describe(whole);
    for (std::size_t piece : {1u, 2u, 7u, 100u, 4096u}) {
        const std::vector<Found> cut = scan_pieces(text, options, piece);
        for (std::size_t i = 0; i < std::max(whole.size(), cut.size()); ++i) {
            ASSERT_LT(i, std::min(whole.size(), cut.size())) << "piece " << piece << ": "
                                                            << whole.size() << " matches whole, " << cut.size();
            ASSERT_EQ(cut[i], whole[i]) << "piece " << piece << ", match " << i << ": "
                                        << describe({whole[i]}) << " vs " << describe({cut[i]});
        }
    }
}

}  // namespace
}  // namespace iocscan::test
