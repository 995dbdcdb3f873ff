#include "lib/refang.hpp"

#include "lib/domain_refang.hpp"
#include "lib/email_refang.hpp"
#include "lib/url_refang.hpp"

namespace iocscan::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// ipv4 / cidr: keep the digit groups, write every separator ("[.]", "(dot)",
/// "\.", "]]" ...) as a single dot, keep "/N".
void refang_dotted(std::string_view raw, std::string& out) {
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

}  // namespace

void refang_into(Type type, std::string_view raw, std::string& out) {
    out.clear();
    switch (type) {
        case Type::url:
            refang_url(raw, out);
            return;
        case Type::ipv4:
        case Type::cidr:
            refang_dotted(raw, out);
            return;
        case Type::email:
            refang_email(raw, out);
            return;
        case Type::domain:
            refang_domain(raw, out);
            return;
        case Type::ipv6:
            // The match already leaves out brackets, port and sentence
            // punctuation; the address is kept as written (case, zeros).
            out.assign(raw);
            return;
        default:
            // Hashes are never defanged; families without a refang rule yet
            // are reported as written.
            out.assign(raw);
            return;
    }
}

}  // namespace iocscan::detail

namespace iocscan {

std::string refang(Type type, std::string_view raw) {
    std::string out;
    detail::refang_into(type, raw, out);
    return out;
}

}  // namespace iocscan
