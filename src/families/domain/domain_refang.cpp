#include "families/domain/domain_refang.hpp"

#include "simd/ascii_class.hpp"

namespace iocscan::detail {

void refang_domain(std::string_view raw, std::string& out) {
    std::size_t i = 0;
    while (i < raw.size()) {
        const char c = raw[i];
        if (is_label_char(c)) {
            out.push_back(ascii_lower(c));
            ++i;
            continue;
        }
        // One separator: ".", "\." or a bracketed dot, written as ".".
        out.push_back('.');
        if (c == '[' || c == '(' || c == '{') {
            while (i < raw.size() && raw[i] != ']' && raw[i] != ')' && raw[i] != '}') ++i;
            ++i;
        } else {
            i += c == '\\' ? 2 : 1;
        }
    }
}

}  // namespace iocscan::detail
