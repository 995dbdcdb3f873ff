#include "families/ipv4/ipv4_run.hpp"

#include "simd/ascii_class.hpp"
#include "families/rule_ids.hpp"

#include <algorithm>

namespace iocscan::detail {
namespace {

bool is_letter_or_underscore(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_'; }

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

/// "/N" with N in 0-32, written with one or two digits.
bool is_prefix_length(const unsigned char* p, const unsigned char* end) {
    const auto digits = end - p;
    if (digits < 1 || digits > 2) return false;
    const int value = digits == 1 ? p[0] - '0' : (p[0] - '0') * 10 + (p[1] - '0');
    return value <= 32;
}

}  // namespace

bool is_version_prefix(unsigned char before2, unsigned char before1) {
    return is_letter_or_underscore(before1) || (before1 == '/' && is_letter_or_underscore(before2));
}

void emit_dotted_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, bool version) {
    if (version) return;
    const unsigned char* slash = std::find(begin, end, static_cast<unsigned char>('/'));
    if (!is_four_octets(begin, slash)) return;
    // An address is never dropped for want of the cidr type: without it,
    // "10.20.0.0/16" is reported as the ipv4 it starts with.
    if (slash != end && is_prefix_length(slash + 1, end) && sink.wants(Type::cidr)) {
        sink.add(Type::cidr, kRuleIpv4, begin, end);
        return;
    }
    sink.add(Type::ipv4, kRuleIpv4, begin, slash);
}

void emit_address(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, bool version) {
    if (!version) sink.add(Type::ipv4, kRuleIpv4, begin, end);
}

}  // namespace iocscan::detail
