#include "families/domain/domain_refang.hpp"

#include "simd/ascii_class.hpp"

#include <algorithm>

namespace iocscan::detail {

std::size_t host_dot_length(std::string_view s) {
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

void refang_domain(std::string_view raw, std::string& out) {
    std::size_t i = 0;
    while (i < raw.size()) {
        const char c = raw[i];
        if (is_label_char(c)) {
            out.push_back(ascii_lower(c));
            ++i;
            continue;
        }
        out.push_back('.');
        i += host_dot_length(raw.substr(i));
    }
}

}  // namespace iocscan::detail
