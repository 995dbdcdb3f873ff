// Reading a URL as written, defanged or not: where its scheme, separator,
// host and path lie, and which defang tokens it uses. Shared by the URL
// post-pass (trim/strip, refang, defang, remove-scheme).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace iocscan::detail {

/// Offsets into the URL text. A URL without a scheme has scheme_end ==
/// separator_end == 0.
struct UrlParts {
    std::size_t scheme_end = 0;      ///< the scheme is [0, scheme_end)
    std::size_t separator_end = 0;   ///< "://", ":\\", "[:]//", "__", ":__", ":\/\/" ... ends here
    std::size_t host_begin = 0;      ///< after the defang brackets and spaces that follow
    std::size_t host_end = 0;        ///< where the path, query or fragment starts, or the end
};

/// Splits `url`. Scheme: iocextract's shape (f/h/s/t/u, one or two
/// characters, p or x, optional s, "[s]" or "(s)"; or the middle in brackets,
/// "h[xx]ps") before any of its separators, or a plain `name://`. The host ends at "/", "[/]", "(/)", "?", "#" or a lone "\".
UrlParts split_url(std::string_view url);

/// The scheme and separator at the start of `url` as split_url() reads
/// them (scheme_end and separator_end; both 0 when it has none), without
/// the host: reads at most the first 22 bytes.
UrlParts split_scheme(std::string_view url);

/// split_url(url.substr(0, n)) without reading the URL again, given
/// `parts` = split_url(url), when the prefix keeps the host and what ends
/// it, or cuts a host that runs to the end outside its tokens; nullopt
/// when it has to be split itself.
std::optional<UrlParts> split_of_prefix(std::string_view url, const UrlParts& parts, std::size_t n);

/// Length of the defanged dot at the start of `s`, or 0: "[.]", "(.)"
/// (mixed brackets and single inner spaces allowed), "[dot]", "(dot)" in any
/// case, "\." and "\ .".
std::size_t dot_token(std::string_view s);
/// Length of an unbalanced defanged dot at the start of `s`, or 0: one
/// or more "[" or "(", then "." or "dot" (any case), then any "]" or ")":
/// "[.", "[[[.]]", "[dot" (spec: unbalanced brackets are dots, as in an
/// IPv4). "[T" or "(x" starts none, so "x.example[Text]" keeps its stop.
std::size_t open_dot_token(std::string_view s);
/// Length of the run of "]" or ")" at `i` in `host` when it closes a dot
/// that has no opener: "." or "dot" right before it ("example.]com",
/// "exampledot]com"); else 0.
std::size_t closing_dot_run(std::string_view host, std::size_t i);
/// 3 when `s` starts with "[:]", else 0.
std::size_t colon_token(std::string_view s);
/// 3 when `s` starts with "[s]" or "(s)" (any case), the optional s of a
/// scheme written for "http or https" ("http[s]://"), else 0.
inline std::size_t s_mark(std::string_view s) {
    if (s.size() < 3 || (s[1] != 's' && s[1] != 'S')) return 0;
    return (s[0] == '[' && s[2] == ']') || (s[0] == '(' && s[2] == ')') ? 3 : 0;
}
/// 3 when `s` starts with "[/]" or "(/)", else 0.
std::size_t slash_token(std::string_view s);
/// Length of a bracketed IPv6 host such as "[2001:db8::7]" at the start of
/// `s` (hex digits, ':' and '.', at least two colons), or 0.
std::size_t ipv6_literal(std::string_view s);

}  // namespace iocscan::detail
