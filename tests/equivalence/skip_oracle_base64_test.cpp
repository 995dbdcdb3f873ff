// The base64 scheme search (simd/encoded_url_skip.hpp, to_base64_scheme)
// against the url_base64 DFA alone, where the search is most easily wrong:
// every spelling of a scheme (three byte alignments, ASCII and UTF-16LE,
// either case) right after a line break, with a line break (indented or
// not) between any two of its first characters, starting at every offset
// of a 32-byte block of the shared classification (simd/block_classes.hpp).
// Run with the driver's classification (all types) and without it (URLs
// alone: the search classifies its own window), on the AVX2 and the SSE2
// paths, in pieces of several sizes.
#include "simd/skip_scan.hpp"
#include "support/scan_helpers.hpp"
#include "support/skip_oracle.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace iocscan::test {
namespace {

std::string to_base64(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        unsigned group = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
        const std::size_t chars = std::min<std::size_t>(4, bytes.size() - i + 1);
        for (std::size_t k = 0; k < chars; ++k) out += kAlphabet[(group >> (18 - 6 * k)) & 63];
    }
    return out;
}

std::string utf16le(std::string_view ascii) {
    std::string out;
    for (const char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

/// The base64 texts of a URL behind 0, 1 or 2 bytes, for each scheme in
/// lower, upper and mixed case, in ASCII and in UTF-16LE.
std::vector<std::string> spellings() {
    std::vector<std::string> out;
    for (const std::string_view lead : {"", "x", "x="}) {
        for (const std::string_view scheme : {"http", "https", "ftp", "ftps", "HTTP", "HTTPS", "FTP", "FtPs", "hTtP"}) {
            const std::string url = std::string(scheme) + "://evil.example/a";
            out.push_back(to_base64(std::string(lead) + url));
            out.push_back(to_base64(std::string(lead) + utf16le(url)));
        }
    }
    return out;
}

/// Text with every spelling, plain and with a line break after each of its
/// first 14 characters, each after a line break and starting at a block
/// offset that moves on by one from one to the next.
std::string base64_text() {
    const std::string_view breaks[] = {"\n", "\r\n", "\n \t  "};
    const std::string_view before[] = {" \n", "word\n", "a.b\r\n", "\n"};   // "word" may join the text
    std::string text;
    std::size_t n = 0;
    for (const std::string& spelling : spellings()) {
        for (std::size_t at = 0; at <= 14; ++at) {
            for (const std::string_view br : breaks) {
                if (at == 0 && br != breaks[0]) continue;   // one plain copy
                std::string piece = spelling;
                if (at != 0) piece.insert(at, br);
                const std::string_view head = before[n % std::size(before)];
                // The spelling's first character at block offset n % 64.
                const std::size_t offset = n % 64;
                while ((text.size() + head.size()) % 64 != offset) text += ' ';
                text += head;
                text += piece;
                text += "\n.\n";   // a line that ends the base64 text
                ++n;
            }
        }
    }
    return text;
}

TEST(SkipOracle, Base64SchemesAfterLineBreaksAtEveryBlockOffset) {
    const std::string text = base64_text();
    // Every spelling is found (and more: "word" joined before some).
    const std::size_t spellings_placed = spellings().size() * 43;
    EXPECT_GE(expect_skips_agree(text, "shared classification", options_for_all_types(), {1, 33, 4096, 0}), spellings_placed);
    EXPECT_GE(expect_skips_agree(text, "own window", options_for({Type::url}), {1, 33, 4096, 0}), spellings_placed);
}

}  // namespace
}  // namespace iocscan::test
