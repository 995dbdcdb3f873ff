#include "postpass/refang.hpp"

#include "simd/ascii_class.hpp"
#include "families/email/email_refang.hpp"
#include "families/ipv6/ipv6_run.hpp"
#include "families/registry.hpp"
#include "simd/byte_set.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>

namespace iocscan::detail {
namespace {


constexpr std::uint64_t kEachByte = 0x0101010101010101;
constexpr std::uint64_t kHighBits = 0x8080808080808080;

/// The high bit of each byte of `word` that is a digit, and of each that is
/// a dot; bytes below 0x80 only, so that no sum carries into the next byte.
struct DigitsAndDots {
    std::uint64_t digits, dots;
};
DigitsAndDots digits_and_dots(std::uint64_t word) {
    const std::uint64_t at_least_0 = word + kEachByte * (0x80 - '0');
    const std::uint64_t above_9 = word + kEachByte * (0x80 - '9' - 1);
    const std::uint64_t not_dot = (word ^ (kEachByte * '.')) + kEachByte * 0x7f;
    return {at_least_0 & ~above_9 & kHighBits, ~not_dot & kHighBits};
}

/// is_plain_dotted() of 8 to 16 bytes, all digits and dots, in two 8-byte
/// words (an address in a log is one match in a few dozen bytes, and a loop
/// over its bytes cost more than the rest of its post-pass). Nothing when
/// another byte is there (a "/", ...): the byte loop decides.
std::optional<bool> is_plain_dotted_by_words(std::string_view raw) {
    if (std::endian::native != std::endian::little || raw.size() < 8 || raw.size() > 16) return std::nullopt;
    std::uint64_t first = 0, last = 0;   // bytes [0, 8) and [size - 8, size): every byte,
    std::memcpy(&first, raw.data(), 8);  // and every two neighbours but bytes 7 and 8 at size 16
    std::memcpy(&last, raw.data() + raw.size() - 8, 8);
    if (((first | last) & kHighBits) != 0) return std::nullopt;
    const DigitsAndDots a = digits_and_dots(first);
    const DigitsAndDots b = digits_and_dots(last);
    if ((a.digits | a.dots) != kHighBits || (b.digits | b.dots) != kHighBits) return std::nullopt;
    const bool dot_after_dot = (a.dots & (a.dots << 8)) != 0 || (b.dots & (b.dots << 8)) != 0 ||
                               (raw.size() == 16 && (a.dots >> 63) != 0 && (b.dots & 0x80) != 0);
    return (a.digits & 0x80) != 0 && (b.digits >> 63) != 0 && !dot_after_dot;
}

/// Digit groups joined by single dots (before any "/"), which
/// refang_dotted() below would copy byte for byte.
bool is_plain_dotted(std::string_view raw) {
    if (const std::optional<bool> plain = is_plain_dotted_by_words(raw)) return *plain;
    bool after_digit = false;   // also: a dot here would join two groups
    for (const char c : raw) {
        if (c == '/') break;
        if (is_digit(c)) {
            after_digit = true;
        } else if (c == '.' && after_digit) {
            after_digit = false;
        } else {
            return false;
        }
    }
    return after_digit;
}

/// Lower-case address characters, "@" and ".": refang_email() lower-cases
/// and writes each separator as its mark, so it copies a text of these
/// bytes byte for byte (most addresses are written so).
constexpr auto kPlainEmailBytes =
    byte_table<bool>([](unsigned c) { return (is_email_char(c) && !is_upper(c)) || c == '@' || c == '.'; });

bool is_plain_email(std::string_view raw) {
    for (const char c : raw) {
        if (!kPlainEmailBytes[static_cast<unsigned char>(c)]) return false;
    }
    return true;
}

}  // namespace

/// ipv4 / cidr: keep the digit groups, write every separator ("[.]", "(dot)",
/// "\.", "]]" ...) as a single dot, keep "/N".
void refang_dotted(std::string_view raw, std::string& out) {
    if (is_plain_dotted(raw)) {
        out.assign(raw);   // most addresses in logs: nothing to undo
        return;
    }
    bool in_separator = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '/') {
            out.append(raw.substr(i));
            return;
        }
        if (is_digit(c)) {
            if (in_separator) out.push_back('.');
            in_separator = false;
            out.push_back(c);
        } else {
            in_separator = true;
        }
    }
}

/// A cidr is an IPv6 prefix when it holds a colon ("[:]" too): no IPv4
/// spelling has one.
bool is_ipv6_prefix(std::string_view raw) { return raw.find(':') != std::string_view::npos; }

void refang_cidr(std::string_view raw, std::string& out) {
    if (is_ipv6_prefix(raw)) {
        refang_ipv6(raw, out);
    } else {
        refang_dotted(raw, out);
    }
}

/// mac: the twelve hex digits in lower case, in colon pairs, whichever way
/// the address was written ("00-1A-..." and "001a.2b3c..." alike), as
/// STIX's mac-addr wants it (docs/families.md).
void refang_mac(std::string_view raw, std::string& out) {
    std::size_t digits = 0;
    for (char c : raw) digits += (c == ':' || c == '-' || c == '.') ? 0 : 1;
    // Not the 12 digits of an address (refang called on other text): as
    // written, so refang stays idempotent and never lengthens its input.
    if (digits != 12) {
        out.assign(raw);
        return;
    }
    for (char c : raw) {
        if (c == ':' || c == '-' || c == '.') continue;
        if (!out.empty() && out.size() % 3 == 2) out.push_back(':');
        out.push_back(ascii_lower(c));
    }
}

/// asn: "AS" and the number, however it was written ("ASN 13335").
void refang_asn(std::string_view raw, std::string& out) {
    out.assign("AS");
    for (char c : raw) {
        if (is_digit(c)) out.push_back(c);
    }
}

/// regkey: doubled backslashes (JSON strings, .reg values) written single;
/// the root and the names as written. Only a key doubled throughout (every
/// run of backslashes exactly two, as the grammar takes them) is folded, so
/// refang of its own output, or of other text, changes nothing.
void refang_regkey(std::string_view raw, std::string& out) {
    bool doubled = false;
    for (std::size_t i = 0; i < raw.size();) {
        if (raw[i] != '\\') {
            ++i;
            continue;
        }
        std::size_t run = 0;
        while (i < raw.size() && raw[i] == '\\') ++run, ++i;
        if (run != 2) {
            out.assign(raw);
            return;
        }
        doubled = true;
    }
    if (!doubled) {
        out.assign(raw);
        return;
    }
    for (std::size_t i = 0; i < raw.size(); ++i) {
        out.push_back(raw[i]);
        if (raw[i] == '\\') ++i;   // the second of the pair
    }
}

void refang_cve(std::string_view raw, std::string& out) {
    // "cve-2021-44228" and the Sigma tag "cve.2021.44228" are written
    // CVE-2021-44228 (docs/families.md).
    for (char c : raw) out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c == '.' ? '-' : c);
}

void copy_as_written(std::string_view raw, std::string& out) { out.assign(raw); }

void refang_into(Type type, std::string_view raw, std::string& out) {
    out.clear();
    family(type).refang(raw, out);
}

bool refangs_to_itself(Type type, std::string_view raw) {
    const RewriteFunction refang = family(type).refang;
    if (refang == copy_as_written) return true;
    if (refang == refang_dotted) return is_plain_dotted(raw);
    // refang_ipv6 only takes out the brackets of "[:]".
    if (refang == refang_ipv6) return raw.find('[') == std::string_view::npos;
    if (refang == refang_cidr) {
        return is_ipv6_prefix(raw) ? raw.find('[') == std::string_view::npos : is_plain_dotted(raw);
    }
    if (refang == refang_email) return is_plain_email(raw);
    return false;
}

}  // namespace iocscan::detail

namespace iocscan {

std::string refang(Type type, std::string_view raw) {
    std::string out;
    detail::refang_into(type, raw, out);
    return out;
}

}  // namespace iocscan
