#include "families/ipv6/ipv6_run.hpp"

#include "families/common/prefix_length.hpp"
#include "families/ipv6/ipv6_label.hpp"
#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"
#include "families/rule_ids.hpp"

#include <algorithm>

namespace iocscan::detail {
namespace {

/// is_hex() of each byte, looked up: the address texts' groups are read a
/// byte at a time.
constexpr auto kHexBytes = byte_table<bool>([](unsigned c) { return is_hex(c); });

/// Four decimal octets 0-255 of 1-3 digits, separated by single dots.
bool is_dotted_quad(const unsigned char* p, const unsigned char* end) {
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (p == end || *p != '.') return false;
            ++p;
        }
        int value = 0;
        int digits = 0;
        for (; p < end && is_digit(*p); ++p) {
            if (++digits > 3) return false;
            value = value * 10 + (*p - '0');
        }
        if (digits == 0 || value > 255) return false;
    }
    return p == end;
}

/// Where the address text of a run ending at `end` starts: at its first
/// byte, or after an "ip6:", "IPv6:" or "Address:" label (is_ipv6_label():
/// SPF records, mail headers, certificates) that a byte follows: "[IPv6:::1]" is the label's colon,
/// then "::1" (a Postfix/Sendmail literal of the loopback); "ip6::1" leaves
/// ":1", no address. A run whose fields before its last colon hold a byte
/// that is no hex digit ("std::", "host:fe80::1", "xip6:2001:db8::1") is
/// then no address text, and none of its tails is reported either.
const unsigned char* address_start(const unsigned char* begin, const unsigned char* end) {
    // Most runs: no label, and no look for its colon.
    if ((*begin | 0x20) != 'i' && (*begin | 0x20) != 'a') return begin;
    const unsigned char* const colon =
        std::find(begin, std::min(end, begin + kLongestIpv6Label + 1), static_cast<unsigned char>(':'));
    if (end - colon > 1 && is_ipv6_label(begin, colon)) return colon + 1;
    return begin;
}

/// What one walk over a candidate address text finds: whether it is one
/// RFC 4291 text, and what the checks on a valid text need (so that none
/// of them walks the text again).
struct Ipv6TextShape {
    bool valid = false;
    bool compressed = false;   ///< holds "::"
    bool digit = false;        ///< holds a decimal digit
    bool all_pairs = true;     ///< every field has exactly two bytes
    int fields = 0;            ///< fields between colons (an embedded IPv4 address is one)
};

/// The shape of [p, end): eight groups of 1-4 hex digits, or fewer with one
/// "::", the last two groups optionally written as a dotted IPv4 address.
Ipv6TextShape ipv6_text_shape(const unsigned char* p, const unsigned char* end) {
    Ipv6TextShape shape;
    if (p == end) return shape;
    int groups = 0;
    if (*p == ':') {
        if (end - p < 2 || p[1] != ':') return shape;
        shape.compressed = true;
        p += 2;
    }
    while (p < end) {
        const unsigned char* q = p;
        unsigned shared = 0xFF;   // the bits every byte of the group has
        for (; q < end && kHexBytes[*q]; ++q) shared &= *q;
        ++shape.fields;
        if (q < end && *q == '.') {
            // An embedded IPv4 address is the last two groups.
            if (!is_dotted_quad(p, end)) return shape;
            groups += 2;
            shape.digit = true;
            shape.all_pairs = false;
            break;
        }
        const auto digits = q - p;
        if (digits == 0 || digits > 4) return shape;
        ++groups;
        // Hex letters have the bit 0x40, decimal digits have not.
        shape.digit = shape.digit || (shared & 0x40) == 0;
        shape.all_pairs = shape.all_pairs && digits == 2;
        p = q;
        if (p == end) break;
        if (*p != ':') return shape;
        ++p;
        if (p < end && *p == ':') {
            if (shape.compressed) return shape;   // a second "::"
            shape.compressed = true;
            ++p;
        } else if (p == end) {
            return shape;   // a trailing single colon
        }
    }
    shape.valid = shape.compressed ? groups <= 7 : groups == 8;
    return shape;
}

/// Whether a valid text [p, end) of that shape is reported: a compressed
/// text without any decimal digit ("::", "dead::beef", "add::bad") is far
/// more often an identifier or a scope than an address; and some valid
/// forms are something else in running text: four or more groups of
/// exactly two hex digits (a certificate or key fingerprint,
/// "AB:CD:EF:01:23:45:67:89"), and, after a "-", one group and a final "::"
/// (the "26::" of the date "2015-05-26::").
bool is_reported_text(const Ipv6TextShape& shape, const unsigned char* p, const unsigned char* end,
                      unsigned char before) {
    if (!shape.valid || (shape.compressed && !shape.digit)) return false;
    const bool date_tail = before == '-' && shape.fields == 1 && end - p >= 3 && end[-1] == ':' && end[-2] == ':';
    return !date_tail && !(shape.fields >= 4 && shape.all_pairs);
}

}  // namespace

bool is_ipv6_text(const unsigned char* p, const unsigned char* end) { return ipv6_text_shape(p, end).valid; }

namespace {

/// The "/" of a token [begin, end) that ends in "/digits" (the grammars'
/// `("/" digit{1,4})?`), or nullptr: a look back over its last digits.
const unsigned char* prefix_slash(const unsigned char* begin, const unsigned char* end) {
    const unsigned char* q = end;
    while (q > begin && is_digit(q[-1])) --q;
    return q < end && q > begin && q[-1] == '/' ? q - 1 : nullptr;
}

/// Whether the "/digits" at [slash, end) makes the address before it a
/// cidr: a prefix length that no letter or "_" is glued to ("/64k" is some
/// other word; the byte at `end` is readable) and the cidr type wanted (an
/// address is never dropped for want of it: the ipv6 is reported instead).
bool makes_cidr(const CandidateSink& sink, const unsigned char* slash, const unsigned char* end) {
    return is_prefix_length(slash + 1, end, 128) && !is_word(*end) && sink.wants(Type::cidr);
}

/// The byte before a port that ends the address text [begin, end): its
/// ":" or ".", or nullptr. Apache joins a client's address and port with a
/// colon and no brackets ("[client 2001:db8::41:41522]"): a port of five
/// digits (10000-65535), as a group holds four hex digits at most (a
/// shorter port reads as a group: it stays part of the address, or of
/// none). tcpdump and BSD netstat join them with a dot
/// ("2001:db8:10::2.53 > 2001:db8:10:4::37.60212:"): one to five digits
/// after the last group, which an embedded IPv4 address never ends in (a
/// field of hex digits, then one dot).
const unsigned char* port_separator(const unsigned char* begin, const unsigned char* end) {
    constexpr std::ptrdiff_t kLongestPort = 5;
    constexpr int kHighestPort = 65535;
    const unsigned char* digits = end;
    int port = 0;
    for (int scale = 1; digits > begin && end - digits < kLongestPort + 1 && is_digit(digits[-1]); scale *= 10) {
        --digits;
        port += (*digits - '0') * scale;
    }
    const auto length = end - digits;
    if (length == 0 || length > kLongestPort || port > kHighestPort || digits - begin < 2) return nullptr;
    const unsigned char* const separator = digits - 1;
    if (*separator == ':') return length == kLongestPort && separator[-1] != ':' ? separator : nullptr;
    if (*separator != '.') return nullptr;
    const unsigned char* group = separator;
    while (group > begin && kHexBytes[group[-1]]) --group;
    return group < separator && group > begin && group[-1] == ':' ? separator : nullptr;
}

/// What emit_ipv6_run() reports for a run [begin, end) without "/": the
/// address it holds, as [start, end) with its zone, or no start.
struct RunAddress {
    const unsigned char* start = nullptr;
    const unsigned char* end = nullptr;   ///< the address text's end, or its zone's
    bool whole = false;                   ///< the run ends where the address does
};

RunAddress address_in_run(const unsigned char* begin, const unsigned char* end, unsigned char before2,
                          unsigned char before1) {
    if ((before2 == ':' && before1 == ']') || *end == '[') return {};   // "...[:]db8::1", "2001::db8[:]1"
    const unsigned char* const run_end = end;
    // Dots after the address end the sentence, not the address; dots that
    // start the run (after punctuation: "!..2001:db8::1") are none of it either.
    while (end > begin && end[-1] == '.') --end;
    const bool leading_dots = begin < end && *begin == '.';
    while (begin < end && *begin == '.') ++begin;
    if (leading_dots) before1 = '.';
    if (begin == end) return {};
    // The zone comes after the run's last colon (zone bytes hold none, run
    // bytes no "%"): a look back over the last field finds its "%".
    const unsigned char* percent = end;
    for (const unsigned char* q = end; q > begin && q[-1] != ':'; --q) {
        if (q[-1] == '%') {
            percent = q - 1;
            break;
        }
    }
    const bool zoned = percent != end;
    const unsigned char* address_end = percent;
    // "fe80::1: link up": one colon after the address is punctuation.
    if (percent == end && end - begin >= 2 && end[-1] == ':' && end[-2] != ':') --address_end;
    if (percent == end || percent + 1 == end) end = address_end;   // no zone, or an empty one

    // A label starts its run: after dots ("].ip6:2001:db8::1") the first
    // field is ".ip6", no label, as the skip reads it (ipv6_field_reports_nothing()).
    const unsigned char* const start = leading_dots ? begin : address_start(begin, address_end);
    Ipv6TextShape shape = ipv6_text_shape(start, address_end);
    if (!shape.valid && !zoned) {
        // "2001:db8::41:41522", "2001:db8::2.53": the address before its port.
        if (const unsigned char* const separator = port_separator(start, address_end); separator != nullptr) {
            shape = ipv6_text_shape(start, separator);
            end = separator;
            address_end = separator;
        }
    }
    if (!is_reported_text(shape, start, address_end, start == begin ? before1 : 0)) return {};
    return {start, end, end == run_end};
}

}  // namespace

const unsigned char* emit_ipv6_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end,
                                   unsigned char before2, unsigned char before1) {
    const unsigned char* const slash = prefix_slash(begin, end);
    const unsigned char* const run_end = slash != nullptr ? slash : end;
    const RunAddress address = address_in_run(begin, run_end, before2, before1);
    if (address.start == nullptr) return run_end;
    // "2001:db8::/32": the address right before the "/" with its prefix.
    if (slash != nullptr && address.whole && makes_cidr(sink, slash, end)) {
        sink.add(Type::cidr, kRuleIpv6, address.start, end);
        return end;
    }
    sink.add(Type::ipv6, kRuleIpv6, address.start, address.end);
    return run_end;
}

void refang_ipv6(std::string_view raw, std::string& out) {
    // A colon with brackets right around it ("[:]", nested "[[:]]") is a
    // defanged colon: all of those brackets go in one pass, so the output
    // holds no bracketed colon and refang is idempotent.
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const bool bracketed = raw[i] == ':' && i > 0 && raw[i - 1] == '[' && i + 1 < raw.size() && raw[i + 1] == ']';
        if (!bracketed) {
            out.push_back(raw[i]);
            continue;
        }
        while (!out.empty() && out.back() == '[') out.pop_back();
        out.push_back(':');
        while (i + 1 < raw.size() && raw[i + 1] == ']') ++i;
    }
}

const unsigned char* emit_defanged_ipv6_run(CandidateSink& sink, const unsigned char* begin,
                                           const unsigned char* end) {
    const unsigned char* const slash = prefix_slash(begin, end);
    const unsigned char* const run_end = slash != nullptr ? slash : end;
    const std::string_view raw(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(run_end - begin));
    if (raw.find("[:]") == std::string_view::npos) return run_end;
    // Refang only turns "[:]" into ":": another byte outside the address
    // text (a scheme's "hxxp[:]", a word's "_") makes no address.
    if (std::any_of(begin, run_end, [](unsigned char c) { return !is_ipv6_char(c) && c != '[' && c != ']'; })) {
        return run_end;
    }
    // Dots after the address end the sentence, not the address.
    const unsigned char* address_end = run_end;
    while (address_end > begin && address_end[-1] == '.') --address_end;
    std::string plain;
    refang_ipv6(std::string_view(raw.data(), static_cast<std::size_t>(address_end - begin)), plain);
    const auto* p = reinterpret_cast<const unsigned char*>(plain.data());
    const auto* plain_end = p + plain.size();
    // The rules of a plain run: a valid text, with a digit when compressed,
    // that is no lookalike.
    if (!is_reported_text(ipv6_text_shape(p, plain_end), p, plain_end, 0)) return run_end;
    if (slash != nullptr && address_end == slash && makes_cidr(sink, slash, end)) {
        sink.add(Type::cidr, kRuleIpv6Defanged, begin, end);
        return end;
    }
    sink.add(Type::ipv6, kRuleIpv6Defanged, begin, address_end);
    return run_end;
}

}  // namespace iocscan::detail
