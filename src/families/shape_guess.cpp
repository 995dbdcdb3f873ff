// Why no two shapes overlap: an e-mail has '@' or an "at" spelling, and
// 'a', 't', '@' and ' ' are in no IPv4, IPv6 or hash shape; an IPv4 or
// IPv4 CIDR shape has no colon, which IPv6 needs two of, and more than one
// digit group, which a hash (one run of hex digits) is not; IPv4 and CIDR
// differ in the '/', and so do IPv6 and an IPv6 CIDR.
#include "families/shape_guess.hpp"

#include "iocscan/iocscan.hpp"
#include "simd/ascii_class.hpp"

#include <string>

namespace iocscan::detail {
namespace {

std::string lowered(std::string_view text) {
    std::string out;
    for (char c : text) out.push_back(ascii_lower(c));
    return out;
}

/// Digits joined by dots or defanged dots, four groups, optionally /N.
bool looks_dotted(std::string_view text) {
    for (char c : lowered(text)) {
        if (!is_digit(c) && std::string_view(".[]()\\/dot").find(c) == std::string_view::npos) return false;
    }
    const std::string plain = refang(Type::ipv4, text);
    const std::string_view address = std::string_view(plain).substr(0, plain.find('/'));
    int groups = 0;
    std::size_t digits = 0;
    for (char c : address) {
        if (is_digit(c)) {
            if (digits++ == 0) ++groups;
        } else {
            digits = 0;
        }
    }
    return groups == 4 && !address.empty() && is_digit(address.front()) && is_digit(address.back());
}

}  // namespace

bool looks_like_ipv4(std::string_view text) {
    return text.find('/') == std::string_view::npos && looks_dotted(text);
}

bool looks_like_cidr(std::string_view text) {
    const auto slash = text.rfind('/');
    if (slash == std::string_view::npos) return false;
    if (looks_dotted(text)) return true;
    // An IPv6 prefix: the shape of an ipv6 before "/", 1-3 digits after it.
    const std::string_view length = text.substr(slash + 1);
    return !length.empty() && length.size() <= 3 &&
           length.find_first_not_of("0123456789") == std::string_view::npos && looks_like_ipv6(text.substr(0, slash));
}

bool looks_like_email(std::string_view text) {
    const std::string low = lowered(text);
    if (low.find("//") != std::string::npos || low.find(":\\\\") != std::string::npos) return false;
    for (std::string_view at : {"@", "[at]", "(at)", "{at}", " at "}) {
        if (low.find(at) != std::string::npos) return true;
    }
    return false;
}

bool looks_like_ipv6(std::string_view text) {
    int colons = 0;
    for (char c : refang(Type::ipv6, text)) {
        if (c == ':') {
            ++colons;
        } else if (!is_hex(c) && c != '.') {
            return false;
        }
    }
    return colons >= 2;
}

bool looks_like_hash(std::string_view text) {
    for (char c : text) {
        if (!is_hex(c)) return false;
    }
    return text.size() == 32 || text.size() == 40 || text.size() == 64 || text.size() == 128;
}

}  // namespace iocscan::detail
