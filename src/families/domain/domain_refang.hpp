// Refang for the domain family: plain dots, lower case.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace iocscan::detail {

/// Length of the dot at the start of `s`, between two labels of a host run
/// found by grammar/domain/domain.re: ".", "\.", "[.]", "(.)", "{.}",
/// "[dot]", "(dot)" or "{dot}" (any case), or a "[.]" or "(.)" with single
/// spaces inside or around it ("evil [ . ] com"), or " ." after a scheme
/// ("http://evil .example .net").
inline std::size_t host_dot_length(std::string_view s) {
    if (s[0] == '\\') return std::min<std::size_t>(2, s.size());
    if (s.starts_with(" .")) return 2;   // a mail gateway's, after a scheme
    // A bracketed dot, perhaps spaced: up to its closer, and one space after.
    std::size_t i = s[0] == ' ' && s.size() > 1 && (s[1] == '[' || s[1] == '(') ? 1 : 0;
    if (s[i] != '[' && s[i] != '(' && s[i] != '{') return 1;   // ".", or any byte (`defang` input)
    while (i < s.size() && s[i] != ']' && s[i] != ')' && s[i] != '}') ++i;
    ++i;
    if (i < s.size() && s[i] == ' ') ++i;
    return std::min(i, s.size());
}

/// `raw` is such a host run. Writes the labels in lower case joined by
/// plain dots.
void refang_domain(std::string_view raw, std::string& out);

}  // namespace iocscan::detail
