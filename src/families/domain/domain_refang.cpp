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
        out.push_back('.');
        i += host_dot_length(raw.substr(i));
    }
}

}  // namespace iocscan::detail
