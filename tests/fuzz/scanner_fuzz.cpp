// Fuzz target 1: the scanner over all families.
// Oracles: cutting the input into pieces at fuzz-chosen points gives exactly
// the matches of scanning it in one piece (values, offsets, order); the skip
// pre-passes (on the AVX2 or SSE2 path, chosen by the input) give exactly the
// matches of the DFAs alone (skips off); and every match lies inside the
// input and has its type's shape.
#include "iocscan/iocscan.hpp"
#include "simd/skip_scan.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace iocscan;

struct Copy {
    Type type;
    std::uint64_t offset;
    std::string raw, value;
    std::uint8_t rule_count;
    bool operator==(const Copy&) const = default;
};

std::vector<Copy> scan(std::string_view text, const std::vector<std::size_t>& cuts, bool refang) {
    Options options;
    options.types = TypeSet::all();
    options.refang = refang;
    Scanner scanner(options);
    std::vector<Copy> out;
    const auto keep = [&](const Match& m) {
        out.push_back({m.type, m.offset, std::string(m.raw), std::string(m.value), m.rule_count});
        return true;
    };
    std::size_t at = 0;
    for (std::size_t cut : cuts) {
        scanner.feed(text.substr(at, cut - at), keep);
        at = cut;
    }
    scanner.feed(text.substr(at), keep);
    scanner.finish(keep);
    return out;
}

bool all_hex(std::string_view s) {
    for (char c : s) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

void check_shape(const Copy& m) {
    const auto expect_hex = [&](std::size_t n) {
        if (m.raw.size() != n || !all_hex(m.raw)) std::abort();
    };
    switch (m.type) {
        case Type::md5: expect_hex(32); break;
        case Type::sha1: expect_hex(40); break;
        case Type::sha256: expect_hex(64); break;
        case Type::sha512: expect_hex(128); break;
        case Type::ipv4: {
            int dots = 0;
            for (char c : refang(Type::ipv4, m.raw)) dots += c == '.';
            if (dots != 3) std::abort();
            break;
        }
        default: break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    // First byte: refang flag, vector path and how many cuts; second: seed
    // for the cuts.
    const bool refang = data[0] & 1;
    const bool avx2 = (data[0] & 0x80) == 0;
    const std::size_t cut_count = (data[0] >> 1) % 16;
    std::uint32_t seed = data[1];
    const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

    std::vector<std::size_t> cuts;
    for (std::size_t i = 0; i < cut_count && !text.empty(); ++i) {
        seed = seed * 1103515245u + 12345u;
        cuts.push_back(seed % (text.size() + 1));
    }
    std::sort(cuts.begin(), cuts.end());

    iocscan::detail::skip::set_avx2_for_tests(avx2);
    const auto whole = scan(text, {}, refang);
    iocscan::detail::skip::set_skips_for_tests(false);
    const auto dfa_alone = scan(text, {}, refang);
    iocscan::detail::skip::set_skips_for_tests(true);
    if (dfa_alone != whole) std::abort();
    if (scan(text, cuts, refang) != whole) std::abort();
    std::vector<std::size_t> every_byte;
    if (text.size() < 512) {
        for (std::size_t i = 1; i < text.size(); ++i) every_byte.push_back(i);
        if (scan(text, every_byte, refang) != whole) std::abort();
    }
    std::uint64_t previous = 0;
    for (const auto& m : whole) {
        if (m.offset < previous) std::abort();                            // input order
        if (m.offset + m.raw.size() > text.size()) std::abort();          // inside the input
        if (text.substr(m.offset, m.raw.size()) != m.raw) std::abort();   // raw is the input's text
        if (m.rule_count == 0) std::abort();
        check_shape(m);
        previous = m.offset;
    }
    return 0;
}
