// Whether a URL written without a scheme (rules bracket and backslash) names
// a host an analyst would block: the precision rule of spec section 3.
#pragma once

#include "families/url/url_parts.hpp"

#include <string_view>

namespace iocscan::detail {

/// For a match of the bracket or backslash rule (`url` as written,
/// `refanged` its refang): true when the refanged host
/// (port dropped) is an IPv4 address or DNS labels ending in a real
/// top-level domain (Public Suffix List, punycode, or the RFC 2606 names
/// "example" and "test" that documentation uses), and the text holds no
/// regex or path syntax: a backslash that is no defang dot ("\\/", "\\d",
/// "C:\\Users\\bob\\.ssh"), "|", "^", "$" or "*". So "Fig(.) 3",
/// "word\\.exe|winword\\.exe" and "Mozilla\\/5\\.0/" are no URLs. With a
/// spaced dot, the top-level domain is no word or file extension
/// (is_file_or_word_tld(): "the period (.) in" is prose).
bool plausible_url(std::string_view url, std::string_view refanged);

/// For a URL item that a closing quote cut (`item`, as written; `after`
/// the byte after that quote, 0 when unknown): whether the quote cut it in
/// its host, which is no plausible one, while the name goes on elsewhere: the
/// string is joined to the next ("'h'+'ttp://dl.evil-lan'+'tern.top/x'",
/// `after` is "+") or the name stops at "." or "-" ("'https://edge.'" of a
/// format string). Such a piece of a string built in parts is no URL.
bool is_quoted_name_piece(std::string_view item, char after);

/// For a match of the bracket or backslash rule that fails plausible_url():
/// how many digits end it when they are a footnote's marker glued to its
/// host's common generic top-level domain ("evil[.]com2", footnote_digits()
/// of domain_run.hpp), so that the URL without them may be one; else 0.
std::size_t footnote_after_host(std::string_view url);

/// A necessary condition of plausible_url() (not a second rule): false
/// when no text cut from `text` and refanged can name a host that
/// has_plausible_host() accepts, because `text` holds no colon and fewer
/// than three DNS label bytes ([A-Za-z0-9_-]): "a[.]a", "1(.)2". Cheap, so
/// the post-pass drops such a match before it cuts and refangs it.
bool may_name_plausible_host(std::string_view text);

/// For a match of the bracket or backslash rule: whether `token` (the text
/// the grammar matched) cut to `length` is a part of an e-mail address, not
/// a URL: its host holds an at-sign, plain or defanged (families/email/at_sign.hpp), or
/// one follows it ("ops[.]team[@]example(.)org" gives no URL "ops[.]team").
bool is_email_part(std::string_view token, std::size_t length);
/// The same with `parts` = split_url() of the cut URL, already read.
bool is_email_part(std::string_view token, std::size_t length, const UrlParts& parts);

/// For a match of the bracket or backslash rule (`refanged` its refang):
/// whether it is an IPv4 network "a.b.c.d/N" (N 0-32, nothing after),
/// which the cidr family reports: "10[.]1[.]2[.]0/24" is no URL.
bool is_cidr(std::string_view refanged);

/// Whether the host of a refanged URL ("scheme://host[:port]/...") is an
/// IPv4 address, a bracketed IPv6 address or DNS labels ending in a real
/// top-level domain (as above). Decoded base64 URLs must pass it: a short
/// fragment that decodes to "http://cnjs" is no URL.
bool has_plausible_host(std::string_view refanged);

/// For a refanged URL with a scheme (rule generic): whether its host (port
/// kept, userinfo dropped) holds a byte no host name holds, outside a
/// bracketed IPv6 address: a regex or wildcard ("http://[a-z]+\\.com/"
/// refangs to "http://a-z+.com/", "http://\\w+\\.example\\.com/" to
/// "http://w+.example.com/"). Such a URL is a pattern, not an IOC.
bool has_pattern_host(std::string_view refanged);

/// For a match of the generic rule as written (`raw`, cut): whether its
/// host ends with a regex group or class made optional ("http://(www\\.)?evil\\.com/",
/// "http://[a-z]?evil.com/"): a ")" or "]" that closes no defang token or
/// IPv6 address, right before the "?" that ends the host. Refang drops the
/// brackets and reads the "?" as the query's, so has_pattern_host() cannot
/// tell; such a URL is a pattern too. `parts`: split_url(raw) when known.
bool has_optional_group_host(std::string_view raw, const UrlParts* parts);

}  // namespace iocscan::detail
