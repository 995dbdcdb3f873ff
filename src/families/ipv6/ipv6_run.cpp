#include "families/ipv6/ipv6_run.hpp"

#include "families/ipv6/ipv6_label.hpp"
#include "simd/ascii_class.hpp"
#include "families/rule_ids.hpp"

#include <algorithm>

namespace iocscan::detail {
namespace {


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

/// Where the address part of a run starts: at its first byte, or after an
/// "ip6:" or "IPv6:" label (is_ipv6_label(): SPF records, mail headers) that
/// a byte other than ":" follows. nullptr when a field before the last colon
/// holds a character that is no hex digit: such a run ("std::",
/// "host:fe80::1", "x2001:db8::1", "xip6:2001:db8::1") is no address, and
/// none of its tails is reported either.
const unsigned char* address_start(const unsigned char* begin, const unsigned char* end) {
    const unsigned char* start = begin;
    if ((*begin | 0x20) == 'i') {   // most runs: no label, and no look for its colon
        const unsigned char* const colon = std::find(begin, std::min(end, begin + 5), static_cast<unsigned char>(':'));
        if (end - colon > 1 && colon[1] != ':' && is_ipv6_label(begin, colon)) start = colon + 1;
    }
    bool plain_field = true;
    for (const unsigned char* p = start; p < end; ++p) {
        if (*p == ':') {
            if (!plain_field) return nullptr;
            plain_field = true;
        } else {
            // Dots are checked later, as an embedded IPv4 address.
            plain_field = plain_field && (is_hex(*p) || *p == '.');
        }
    }
    return start;
}

bool has_digit(const unsigned char* p, const unsigned char* end) {
    return std::any_of(p, end, is_digit);
}

}  // namespace

bool is_ipv6_text(const unsigned char* p, const unsigned char* end) {
    if (p == end) return false;
    int groups = 0;
    bool compressed = false;
    if (*p == ':') {
        if (end - p < 2 || p[1] != ':') return false;
        compressed = true;
        p += 2;
    }
    while (p < end) {
        const unsigned char* q = p;
        while (q < end && is_hex(*q)) ++q;
        if (q < end && *q == '.') {
            // An embedded IPv4 address is the last two groups.
            if (!is_dotted_quad(p, end)) return false;
            groups += 2;
            break;
        }
        const auto digits = q - p;
        if (digits == 0 || digits > 4) return false;
        ++groups;
        p = q;
        if (p == end) break;
        if (*p != ':') return false;
        ++p;
        if (p < end && *p == ':') {
            if (compressed) return false;   // a second "::"
            compressed = true;
            ++p;
        } else if (p == end) {
            return false;   // a trailing single colon
        }
    }
    return compressed ? groups <= 7 : groups == 8;
}

namespace {

/// False for most runs at once (times like "12:34:56", "host:port"): an
/// address holds "::", or else eight groups, i.e. six colons or more (seven,
/// or six before an embedded IPv4 address). A label or a colon of
/// punctuation in the run only adds colons, so this never rejects an address.
bool may_hold_address(const unsigned char* begin, const unsigned char* end) {
    int colons = 0;
    for (const unsigned char* p = begin; p < end; ++p) {
        if (*p != ':') continue;
        if (p + 1 < end && p[1] == ':') return true;
        ++colons;
    }
    return colons >= 6;
}

/// Texts that are valid RFC 4291 forms but in running text are something
/// else: four or more groups of exactly two hex digits (a certificate or key
/// fingerprint, "AB:CD:EF:01:23:45:67:89"); and, after a "-", one group and a
/// final "::" (the "26::" of the date "2015-05-26::").
bool is_lookalike(const unsigned char* p, const unsigned char* end, unsigned char before) {
    int groups = 0;
    bool all_pairs = true;
    const unsigned char* field = p;
    for (const unsigned char* q = p; q <= end; ++q) {
        if (q < end && *q != ':') continue;
        if (q > field) {
            ++groups;
            all_pairs = all_pairs && q - field == 2;
        }
        field = q + 1;
    }
    const bool date_tail = before == '-' && groups == 1 && end - p >= 3 && end[-1] == ':' && end[-2] == ':';
    return date_tail || (groups >= 4 && all_pairs);
}

}  // namespace

void emit_ipv6_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end,
                   unsigned char before2, unsigned char before1) {
    if (!may_hold_address(begin, end)) return;
    if ((before2 == ':' && before1 == ']') || *end == '[') return;   // "...[:]db8::1", "2001::db8[:]1"
    // Dots after the address end the sentence, not the address.
    while (end > begin && end[-1] == '.') --end;
    const unsigned char* percent = std::find(begin, end, static_cast<unsigned char>('%'));
    const unsigned char* address_end = percent;
    // "fe80::1: link up": one colon after the address is punctuation.
    if (percent == end && end - begin >= 2 && end[-1] == ':' && end[-2] != ':') --address_end;
    if (percent == end || percent + 1 == end) end = address_end;   // no zone, or an empty one

    const unsigned char* start = address_start(begin, address_end);
    if (start == nullptr || !is_ipv6_text(start, address_end)) return;
    // A compressed text without any decimal digit ("::", "dead::beef",
    // "add::bad") is far more often an identifier or a scope than an address.
    const bool compressed = std::search_n(start, address_end, 2, ':') != address_end;
    if (compressed && !has_digit(start, address_end)) return;
    if (is_lookalike(start, address_end, start == begin ? before1 : 0)) return;
    sink.add(Type::ipv6, kRuleIpv6, start, end);
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

void emit_defanged_ipv6_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end) {
    const std::string_view raw(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    if (raw.find("[:]") == std::string_view::npos) return;
    // Refang only turns "[:]" into ":": another byte outside the address
    // text (a scheme's "hxxp[:]", a word's "_") makes no address.
    if (std::any_of(begin, end, [](unsigned char c) { return !is_ipv6_char(c) && c != '[' && c != ']'; })) return;
    // Dots after the address end the sentence, not the address.
    while (end > begin && end[-1] == '.') --end;
    std::string plain;
    refang_ipv6(std::string_view(raw.data(), static_cast<std::size_t>(end - begin)), plain);
    const auto* p = reinterpret_cast<const unsigned char*>(plain.data());
    const auto* plain_end = p + plain.size();
    // The rules of a plain run: a valid text, with a digit when compressed,
    // that is no lookalike.
    if (!is_ipv6_text(p, plain_end)) return;
    const bool compressed = plain.find("::") != std::string::npos;
    if (compressed && !has_digit(p, plain_end)) return;
    if (is_lookalike(p, plain_end, 0)) return;
    sink.add(Type::ipv6, kRuleIpv6Defanged, begin, end);
}

}  // namespace iocscan::detail
