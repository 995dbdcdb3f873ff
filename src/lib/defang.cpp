#include "lib/defang.hpp"

#include "lib/refang.hpp"
#include "lib/url_parts.hpp"
#include "lib/url_refang.hpp"

namespace iocscan::detail {
namespace {

/// Appends `plain` with every dot written as "[.]".
void bracket_dots(std::string_view plain, std::string& out) {
    for (char c : plain) {
        if (c == '.') {
            out.append("[.]");
        } else {
            out.push_back(c);
        }
    }
}

std::string_view defanged_scheme(std::string_view plain) {
    if (plain == "http") return "hxxp";
    if (plain == "https") return "hxxps";
    if (plain == "ftp") return "fxp";
    return plain;
}

void defang_url(std::string_view ioc, std::string& out) {
    const UrlParts parts = split_url(ioc);
    if (parts.scheme_end > 0) {
        out.append(defanged_scheme(plain_scheme(ioc.substr(0, parts.scheme_end))));
        out.append("://");
    }
    // The host is refanged first (so "evil[.]net" does not become
    // "evil[[.]]net") and then defanged; an IPv6 host keeps its form.
    const std::string_view host = ioc.substr(parts.host_begin, parts.host_end - parts.host_begin);
    std::string plain_host;
    refang_url_host(host, plain_host);
    if (ipv6_literal(plain_host) > 0) {
        out.append(plain_host);
    } else {
        bracket_dots(plain_host, out);
    }
    out.append(ioc.substr(parts.host_end));
}

void defang_email(std::string_view plain, std::string& out) {
    const std::size_t at = plain.rfind('@');
    if (at == std::string_view::npos) {
        bracket_dots(plain, out);
        return;
    }
    out.append(plain.substr(0, at));
    out.append("[@]");
    bracket_dots(plain.substr(at + 1), out);
}

}  // namespace

void defang_into(Type type, std::string_view ioc, std::string& out) {
    out.clear();
    std::string plain;
    switch (type) {
        case Type::url:
            defang_url(ioc, out);
            return;
        case Type::ipv4:
        case Type::cidr:
        case Type::domain:
            refang_into(type, ioc, plain);
            bracket_dots(plain, out);
            return;
        case Type::email:
            refang_into(type, ioc, plain);
            defang_email(plain, out);
            return;
        default:
            out.assign(ioc);
            return;
    }
}

}  // namespace iocscan::detail

namespace iocscan {

std::string defang(Type type, std::string_view ioc) {
    std::string out;
    detail::defang_into(type, ioc, out);
    return out;
}

}  // namespace iocscan
