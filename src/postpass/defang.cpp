#include "postpass/defang.hpp"

#include "families/domain/domain_refang.hpp"
#include "families/email/email_refang.hpp"
#include "families/registry.hpp"
#include "postpass/refang.hpp"
#include "families/url/url_parts.hpp"
#include "families/url/url_refang.hpp"
#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"

#include <optional>

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

/// Appends the scheme defang writes for the scheme `written`: http, https
/// and ftp, plain or in any defanged spelling (h__p, hXXps, http[s], ftx),
/// as hxxp, hxxps and fxp; smb, ws, wss and file lower-cased; any other
/// scheme lower-cased too but under its own name. Refang calls every other
/// scheme http; defang must not ("x://1.2.3.4" is no "hxxp://").
void append_defanged_scheme(std::string_view written, std::string& out) {
    const std::optional<std::string_view> named = named_scheme(written);
    if (!named) {
        for (char c : written) out.push_back(ascii_lower(c));
    } else if (*named == "http") {
        out.append("hxxp");
    } else if (*named == "https") {
        out.append("hxxps");
    } else if (*named == "ftp") {
        out.append("fxp");
    } else {
        out.append(*named);
    }
}

}  // namespace

void defang_url(std::string_view ioc, std::string& out) {
    const UrlParts parts = split_url(ioc);
    if (parts.scheme_end > 0) {
        append_defanged_scheme(ioc.substr(0, parts.scheme_end), out);
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

void defang_dotted(std::string_view ioc, std::string& out) {
    std::string plain;
    refang_dotted(ioc, plain);
    bracket_dots(plain, out);
}

void defang_cidr(std::string_view ioc, std::string& out) {
    if (is_ipv6_prefix(ioc)) {
        copy_as_written(ioc, out);
    } else {
        defang_dotted(ioc, out);
    }
}

void defang_domain(std::string_view ioc, std::string& out) {
    std::string plain;
    refang_domain(ioc, plain);
    bracket_dots(plain, out);
}

void defang_email(std::string_view ioc, std::string& out) {
    std::string plain;
    refang_email(ioc, plain);
    const std::size_t at = plain.rfind('@');
    if (at == std::string::npos) {
        bracket_dots(plain, out);
        return;
    }
    out.append(plain, 0, at);
    out.append("[@]");
    bracket_dots(std::string_view(plain).substr(at + 1), out);
}

void defang_into(Type type, std::string_view ioc, std::string& out) {
    out.clear();
    family(type).defang(ioc, out);
}

void defang_words(std::string_view text, const std::function<std::optional<Type>(std::string_view)>& kind_of,
                  std::string& out) {
    constexpr ByteSet kBlanks{" \t\r\n\v\f"};
    std::string defanged;   // a row's defang writes into a cleared string
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t word_end = kBlanks.find_in(text, i);
        if (word_end > i) {
            const std::string_view word = text.substr(i, word_end - i);
            if (const std::optional<Type> kind = kind_of(word)) {
                defang_into(*kind, word, defanged);
                out.append(defanged);
            } else {
                out.append(word);
            }
        }
        std::size_t blanks_end = word_end;
        while (blanks_end < text.size() && kBlanks.contains(text[blanks_end])) ++blanks_end;
        out.append(text.substr(word_end, blanks_end - word_end));
        i = blanks_end;
    }
}

}  // namespace iocscan::detail

namespace iocscan {

std::string defang(Type type, std::string_view text) {
    // A word of another shape than `type`'s is defanged by its own shape:
    // the ipv4 defang keeps digit groups alone ("hello" would vanish).
    const detail::ShapeGuess shape = detail::family(type).looks_like;
    std::string out;
    detail::defang_words(text, [&](std::string_view word) -> std::optional<Type> {
        return shape == nullptr || shape(word) ? type : detail::guessed_type(word);
    }, out);
    return out;
}

}  // namespace iocscan
