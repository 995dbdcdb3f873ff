// The ASCII byte classes the families and the post-pass share: one
// definition each. They take `unsigned` so that char, unsigned char and the
// SIMD skips' byte values all convert without a cast; a negative char
// converts to a large value and is in no class, as a byte >= 0x80 should be.
#pragma once

#include <cstddef>
#include <string_view>

namespace iocscan::detail {

constexpr bool is_digit(unsigned c) { return c >= '0' && c <= '9'; }
constexpr bool is_lower(unsigned c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_alpha(unsigned c) { return is_lower(c) || is_upper(c); }
/// [0-9A-Za-z]
constexpr bool is_alnum(unsigned c) { return is_digit(c) || is_alpha(c); }
/// [0-9A-Za-z_]
constexpr bool is_word(unsigned c) { return is_alnum(c) || c == '_'; }
/// A byte of a DNS label as the families read host names, [0-9A-Za-z_-]
/// ("_" for SRV and DKIM names such as "_dmarc").
constexpr bool is_label_char(unsigned c) { return is_word(c) || c == '-'; }
/// [0-9A-Fa-f]
constexpr bool is_hex(unsigned c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
/// 0-15 for a hex digit, -1 for any other byte.
constexpr int hex_value(unsigned c) {
    if (is_digit(c)) return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
    return -1;
}
/// A byte a plain IPv6 address's text can hold (hex groups, colons, the
/// dots of an embedded IPv4 address).
constexpr bool is_ipv6_char(unsigned c) { return is_hex(c) || c == ':' || c == '.'; }
/// An e-mail address character, [A-Za-z0-9_%+-].
constexpr bool is_email_char(unsigned c) { return is_word(c) || c == '%' || c == '+' || c == '-'; }
/// White space or another control byte: no value runs through one but a
/// YARA rule's, and a rule cut there is no rule.
constexpr bool is_space_or_control(unsigned c) { return c <= ' '; }
/// "[" or "(", which open a defang token ("[.]", "(.)", "[s]"), and the closers.
constexpr bool is_opener(unsigned c) { return c == '[' || c == '('; }
constexpr bool is_closer(unsigned c) { return c == ']' || c == ')'; }
/// ASCII lower case; every other byte as it is.
constexpr char ascii_lower(char c) { return is_upper(static_cast<unsigned char>(c)) ? static_cast<char>(c - 'A' + 'a') : c; }

/// Equal when compared with ASCII lower case on both sides.
constexpr bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

}  // namespace iocscan::detail
