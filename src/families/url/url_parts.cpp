#include "families/url/url_parts.hpp"

#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"

#include <algorithm>

namespace iocscan::detail {
namespace {

bool is_url_char(char c) { return c > ' ' && c < 0x7f; }

// Byte sets, not string finds: these run for every URL the post-pass splits.
constexpr ByteSet kGenericSchemeFirst{"fhstu"};
constexpr ByteSet kGenericSchemeLast{"px"};
constexpr ByteSet kSchemeNamePunctuation{"+.-"};

/// Length of the separator at the start of `s`, or 0.
std::size_t separator_length(std::string_view s) {
    // Every separator starts with one of these (most text after a scheme-like word does not).
    if (s.empty() || (s[0] != ':' && s[0] != '[' && s[0] != '_')) return 0;
    for (std::string_view sep : {"://", ":\\\\", "[:]//", ":__", "__", "[://]", ":[//]", "[]://", ":\\/\\/"}) {
        if (s.starts_with(sep)) return sep.size();
    }
    return 0;
}

/// Same as the generic grammar: [fhstu] c{1,2} [px] s?, case-insensitive
/// (the s written "[s]" or "(s)" is read by read_scheme()).
[[gnu::always_inline]] inline bool is_generic_scheme(std::string_view s) {
    if (s.size() < 3 || s.size() > 5 || !kGenericSchemeFirst.contains(ascii_lower(s[0]))) return false;
    for (char c : s) {
        if (!is_url_char(c)) return false;
    }
    const char last = ascii_lower(s.back());
    if (kGenericSchemeLast.contains(last)) return s.size() <= 4;
    return last == 's' && s.size() >= 4 && kGenericSchemeLast.contains(ascii_lower(s[s.size() - 2]));
}

/// Length of "h[xx]p", "h[tt]p", "h(**)p" at the start of `s` (the grammar's
/// scheme with a bracketed middle: [fhstu], "[" or "(", one or two of
/// [A-Za-z*_], its closer, p or x), without the optional s; 0 when none.
std::size_t bracketed_middle_scheme(std::string_view s) {
    if (s.size() < 5 || !is_opener(static_cast<unsigned char>(s[1])) || !kGenericSchemeFirst.contains(ascii_lower(s[0]))) return 0;
    const char closer = s[1] == '[' ? ']' : ')';
    std::size_t i = 2;
    while (i < 4 && (is_alpha(s[i]) || s[i] == '*' || s[i] == '_')) ++i;
    if (i == 2 || i + 1 >= s.size() || s[i] != closer) return 0;
    return kGenericSchemeLast.contains(ascii_lower(s[i + 1])) ? i + 2 : 0;
}

/// A plain scheme name ([A-Za-z][A-Za-z0-9+.-]*) followed by "://"-like
/// separators, as urlparse would read it; returns the name's length or 0.
std::size_t plain_scheme_length(std::string_view s) {
    std::size_t n = 0;
    if (s.empty() || !is_alpha(s[0])) return 0;
    while (n < s.size() && n < 16 && (is_alnum(s[n]) || kSchemeNamePunctuation.contains(s[n]))) ++n;
    const std::string_view rest = s.substr(n);
    const std::size_t sep = separator_length(rest);
    return sep > 0 && !rest.starts_with("__") && !rest.starts_with(":__") ? n : 0;
}

}  // namespace

std::size_t dot_token(std::string_view s) {
    if (s.empty()) return 0;
    if (s[0] == '\\') {
        if (s.size() >= 2 && s[1] == '.') return 2;
        if (s.size() >= 3 && s[1] == ' ' && s[2] == '.') return 3;
        return 0;
    }
    if (s[0] != '[' && s[0] != '(') return 0;
    std::size_t i = 1;
    if (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
    } else if (s.size() >= i + 3 && ascii_lower(s[i]) == 'd' && ascii_lower(s[i + 1]) == 'o' && ascii_lower(s[i + 2]) == 't') {
        i += 3;
    } else {
        return 0;
    }
    if (i < s.size() && s[i] == ' ') ++i;
    return i < s.size() && (s[i] == ']' || s[i] == ')') ? i + 1 : 0;
}

namespace {

constexpr ByteSet kDotOpeners{"[("};
constexpr ByteSet kDotClosers{"])"};

/// 1 when `s` starts with ".", 3 with "dot" in any case, else 0.
std::size_t dot_or_word(std::string_view s) {
    if (!s.empty() && s[0] == '.') return 1;
    const bool word = s.size() >= 3 && ascii_lower(s[0]) == 'd' && ascii_lower(s[1]) == 'o' && ascii_lower(s[2]) == 't';
    return word ? 3 : 0;
}

}  // namespace

std::size_t open_dot_token(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && kDotOpeners.contains(s[i])) ++i;
    if (i == 0) return 0;
    const std::size_t dot = dot_or_word(s.substr(i));
    if (dot == 0) return 0;
    i += dot;
    while (i < s.size() && kDotClosers.contains(s[i])) ++i;
    return i;
}

std::size_t closing_dot_run(std::string_view host, std::size_t i) {
    const bool after_dot = (i >= 1 && host[i - 1] == '.') ||
                           (i >= 3 && dot_or_word(host.substr(i - 3, 3)) == 3);
    if (!after_dot) return 0;
    std::size_t n = i;
    while (n < host.size() && kDotClosers.contains(host[n])) ++n;
    return n - i;
}

std::size_t colon_token(std::string_view s) { return s.starts_with("[:]") ? 3 : 0; }


std::size_t slash_token(std::string_view s) {
    return s.starts_with("[/]") || s.starts_with("(/)") ? 3 : 0;
}

std::size_t ipv6_literal(std::string_view s) {
    if (s.empty() || s[0] != '[') return 0;
    int colons = 0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ']') return colons >= 2 ? i + 1 : 0;
        if (c == ':') {
            ++colons;
        } else if (!is_hex(c) && c != '.') {
            return 0;
        }
    }
    return 0;
}

namespace {

/// split_scheme(), inlined into split_url(), which runs for most URLs.
[[gnu::always_inline]] inline UrlParts read_scheme(std::string_view url) {
    UrlParts parts;
    // "h[xx]ps", "h[xx]p": the middle in brackets, the s if a separator follows it.
    if (const std::size_t len = bracketed_middle_scheme(url); len > 0) {
        const bool s_after = len < url.size() && ascii_lower(url[len]) == 's';
        for (const std::size_t scheme_end : {len + (s_after ? 1 : 0), len}) {
            if (const std::size_t sep = separator_length(url.substr(std::min(scheme_end, url.size()))); sep > 0) {
                parts.scheme_end = scheme_end;
                parts.separator_end = scheme_end + sep;
                return parts;
            }
        }
    }
    // The generic shape first (h__p, hxxps ...), the longest scheme that is
    // followed by a separator; then a plain name:// scheme.
    for (std::size_t len = 5; len >= 3; --len) {
        if (url.size() <= len || !is_generic_scheme(url.substr(0, len))) continue;
        // "http[s]", "hxxp(s)": the s in brackets after the p or x.
        std::size_t scheme_end = len;
        if (kGenericSchemeLast.contains(ascii_lower(url[len - 1]))) scheme_end += s_mark(url.substr(len));
        if (const std::size_t sep = separator_length(url.substr(scheme_end)); sep > 0) {
            parts.scheme_end = scheme_end;
            parts.separator_end = scheme_end + sep;
            return parts;
        }
    }
    if (const std::size_t len = plain_scheme_length(url); len > 0) {
        parts.scheme_end = len;
        parts.separator_end = len + separator_length(url.substr(len));
    }
    return parts;
}

}  // namespace

UrlParts split_scheme(std::string_view url) { return read_scheme(url); }

UrlParts split_url(std::string_view url) {
    UrlParts parts = read_scheme(url);
    // Defang brackets and spaces before the host (after the separator, if
    // any), except the "[" that opens an IPv6 host.
    std::size_t i = parts.separator_end;
    static constexpr ByteSet kBeforeHost{" ()[]{}<>\\"};
    while (i < url.size() && kBeforeHost.contains(url[i]) && ipv6_literal(url.substr(i)) == 0) ++i;
    parts.host_begin = i;
    if (const std::size_t v6 = ipv6_literal(url.substr(i)); v6 > 0) i += v6;
    // Only these bytes start a token or end the host; the others are passed.
    static constexpr ByteSet kHostStops{"[(\\/?#"};
    while ((i = kHostStops.find_in(url, i)) < url.size()) {
        const std::string_view rest = url.substr(i);
        std::size_t n = dot_token(rest);
        if (n == 0) n = colon_token(rest);
        if (n > 0) {
            i += n;
            continue;
        }
        if (slash_token(rest) > 0 || url[i] == '/' || url[i] == '?' || url[i] == '#' || url[i] == '\\') break;
        ++i;
    }
    parts.host_end = i;
    return parts;
}

std::optional<UrlParts> split_of_prefix(std::string_view url, const UrlParts& parts, std::size_t n) {
    if (n >= url.size()) return parts;
    // What split_url() decided before the host's end lies within the prefix
    // then (its tokens end there, it reads no further), and so does the
    // byte that ends the host, unless that is the "[/]" or "(/)" it may start.
    const std::size_t end = parts.host_end;
    const bool slash_token_end = end < url.size() && (url[end] == '[' || url[end] == '(');
    if (end < n && (!slash_token_end || end + 3 <= n)) return parts;
    if (end == url.size() && n > parts.host_begin) {
        // The host runs to the end ("evil[.]com`" cut before the "`"): the
        // prefix's host runs to its end, unless the cut splits a token that
        // the host passes whole (a cut IPv6 literal or defanged dot).
        constexpr std::size_t kLongestToken = 7;   // "[ dot ]"
        for (std::size_t j = std::max(parts.host_begin, n - std::min(n, kLongestToken)); j < n; ++j) {
            const std::string_view rest = url.substr(j);
            if (dot_token(rest) > n - j || colon_token(rest) > n - j) return std::nullopt;
        }
        if (ipv6_literal(url.substr(parts.host_begin)) > n - parts.host_begin) return std::nullopt;
        UrlParts prefix = parts;
        prefix.host_end = n;
        return prefix;
    }
    return std::nullopt;
}

}  // namespace iocscan::detail
