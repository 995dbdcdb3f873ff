#include "families/ipv4/ipv4_run.hpp"

#include "families/common/prefix_length.hpp"

#include "simd/ascii_class.hpp"
#include "families/rule_ids.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace iocscan::detail {
namespace {

/// `tail` (at most eight bytes; the prefix keeps seven of a word before
/// "/") as one number, its last byte lowest.
constexpr std::uint64_t packed(std::string_view tail) {
    std::uint64_t value = 0;
    for (const char c : tail) value = value << 8 | static_cast<unsigned char>(c);
    return value;
}

/// The Squid hierarchy codes (hier_code.h; Squid 2's hier_strings) that
/// hold no "_" within their last seven bytes, by those bytes:
/// NONE and DIRECT (HIER_NONE, HIER_DIRECT as Squid 2 wrote them), CARP,
/// PINNED, USERHASH and SOURCEHASH (Squid 2.7), SOURCE_FASTEST.
constexpr std::uint64_t kCodeTailsWithoutUnderscore[] = {
    packed("NONE"), packed("DIRECT"), packed("CARP"), packed("PINNED"),
    packed("SERHASH"), packed("RCEHASH"), packed("FASTEST"),
};

}  // namespace

// Judged on the word's last bytes up to the prefix's reach (all of it when
// shorter; seven when the "/" is plain, six after "\/"),
// the bytes the prefix keeps across chunk edges: upper-case letters and "_",
// ending in two letters, with a "_" among them (every code with "_": the last
// part of one is never longer than six letters but in SOURCE_FASTEST) or
// spelling one of kCodeTailsWithoutUnderscore (its last bytes, when the
// reach cut the word). No product name of a User-Agent is written so
// ("OPR/106.0.0.0" has no "_").
bool follows_squid_hierarchy_code(const LongTokenPrefix& prefix, const unsigned char* run, int word_end) {
    if (!is_upper(prefix.before(run, word_end)) || !is_upper(prefix.before(run, word_end + 1))) return false;
    std::uint64_t tail = 0;   // packed() of the bytes seen
    bool underscore = false;
    int back = word_end;
    for (; back <= LongTokenPrefix::kMaxBack; ++back) {
        const unsigned char c = prefix.before(run, back);
        if (c == '_') {
            underscore = true;
        } else if (!is_upper(c)) {
            if (is_word(c)) return false;   // a lower-case letter or a digit
            break;                          // the word starts after c
        }
        tail |= std::uint64_t{c} << (8 * (back - word_end));
    }
    if (underscore) return true;
    const int seen = back - word_end;
    // The shortest code without "_" has four letters ("OPR/" has three).
    if (seen < 4) return false;
    const bool cut = back > LongTokenPrefix::kMaxBack;   // the word may go on before what was seen
    const std::uint64_t seen_bytes = seen >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * seen)) - 1;
    return std::any_of(std::begin(kCodeTailsWithoutUnderscore), std::end(kCodeTailsWithoutUnderscore),
                       [&](std::uint64_t code) { return (cut ? code & seen_bytes : code) == tail; });
}

bool follows_path_or_host(const LongTokenPrefix& prefix, const unsigned char* run, int word_end) {
    // The word's last bytes, lower-cased and packed as packed() does, for
    // the "address" test: as many as the window holds.
    std::uint64_t tail = 0;
    int seen = 0;
    for (int back = word_end; back <= LongTokenPrefix::kMaxBack; ++back, ++seen) {
        const unsigned char c = prefix.before(run, back);
        if (back > word_end && (c == '/' || c == '.')) return true;
        if (!is_word(c) && c != '-') return false;
        tail |= std::uint64_t{static_cast<unsigned char>(ascii_lower(static_cast<char>(c)))} << (8 * seen);
    }
    // A longer word: what comes before it is not kept.
    const std::uint64_t seen_bytes = (std::uint64_t{1} << (8 * seen)) - 1;
    return tail == (packed("address") & seen_bytes) || tail == (packed("ddresses") & seen_bytes);
}

bool follows_version_key(const LongTokenPrefix& prefix, const unsigned char* run) {
    // The key's letters before the "=", lower-cased and packed as packed()
    // does, up to the seven the prefix keeps before it.
    std::uint64_t key = 0;
    int letters = 0;
    for (int back = 2; back <= LongTokenPrefix::kMaxBack && is_alpha(prefix.before(run, back)); ++back, ++letters) {
        key |= std::uint64_t{static_cast<unsigned char>(ascii_lower(static_cast<char>(prefix.before(run, back))))}
               << (8 * letters);
    }
    if (key == packed("version")) return true;   // "fw_version=" is a version too
    if (key != packed("v") && key != packed("ver")) return false;
    // A whole key: "c2_server_v=" names an address.
    return !is_label_char(prefix.before(run, 2 + letters));
}

const unsigned char* tcpdump_endpoint_address_end(const unsigned char* begin, const unsigned char* end) {
    // Plain dots only; the port is the fifth group, 1-5 digits up to 65535.
    const unsigned char* last_dot = nullptr;
    int dots = 0;
    for (const unsigned char* p = begin; p < end; ++p) {
        if (*p == '.') {
            ++dots;
            last_dot = p;
        } else if (!is_digit(*p)) {
            return nullptr;
        }
    }
    if (dots != 4 || end - last_dot - 1 > 5) return nullptr;
    unsigned port = 0;
    for (const unsigned char* p = last_dot + 1; p < end; ++p) port = port * 10 + (*p - '0');
    return port <= 65535 ? last_dot : nullptr;
}

namespace {

/// True when the run holds exactly four groups of 1-3 digits, each <= 255.
/// Everything between groups is separator text the grammar already checked.
/// (skip::plain_quad_is_address() is the same test on plain runs.)
bool is_four_octets(const unsigned char* p, const unsigned char* end) {
    int groups = 0;
    while (p < end) {
        if (!is_digit(*p)) {
            ++p;
            continue;
        }
        int value = 0;
        int digits = 0;
        for (; p < end && is_digit(*p); ++p, ++digits) {
            if (digits == 3) return false;   // 1234: part of a longer digit run
            value = value * 10 + (*p - '0');
        }
        if (value > 255 || ++groups > 4) return false;
    }
    return groups == 4;
}

}  // namespace

void emit_dotted_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, bool version) {
    if (version) return;
    const unsigned char* slash = std::find(begin, end, static_cast<unsigned char>('/'));
    if (!is_four_octets(begin, slash)) return;
    // An address is never dropped for want of the cidr type: without it,
    // "10.20.0.0/16" is reported as the ipv4 it starts with.
    if (slash != end && is_prefix_length(slash + 1, end, 32) && sink.wants(Type::cidr)) {
        sink.add(Type::cidr, kRuleIpv4, begin, end);
        return;
    }
    sink.add(Type::ipv4, kRuleIpv4, begin, slash);
}

void emit_address(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, bool version) {
    if (!version) sink.add(Type::ipv4, kRuleIpv4, begin, end);
}

}  // namespace iocscan::detail
