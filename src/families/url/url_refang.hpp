// Refang for URLs (spec section 3): undo the obfuscation, nothing else.
#pragma once

#include "families/url/url_parts.hpp"
#include "simd/byte_set.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace iocscan::detail {

/// Bytes that every defang token, escape or host clean-up starts or ends
/// with: a URL without them whose scheme is kept (has_kept_scheme())
/// refangs to itself.
inline constexpr ByteSet kRefangBytes{"[]()\\, "};
/// Whether `url` starts with "http://", "https://" or "ftp://", a scheme
/// refang writes as it is.
bool has_kept_scheme(std::string_view url);

/// Writes the plain form of the URL `raw` into `out` (cleared first).
void refang_url(std::string_view raw, std::string& out);

/// refang_url(raw, out) for the post-pass, which has read `raw` already:
/// `slash_free` is unescape_json_slashes(raw), `parts`, when not null,
/// split_url(raw), and `backslash_free` true only when `raw` holds no
/// backslash. The same result, without reading the URL again.
void refang_url_read(std::string_view raw, std::string_view slash_free, const UrlParts* parts, bool backslash_free,
                     std::string& out);

/// The URL `raw` with each JSON-escaped slash "\/" written as "/" (a JSON
/// encoder's escape, not an obfuscation): `raw` itself when it has none,
/// else `buffer` holding the result.
std::string_view unescape_json_slashes(std::string_view raw, std::string& buffer);

/// Appends the plain form of a URL's host (the part split_url() calls the
/// host) to `out`.
void refang_url_host(std::string_view host, std::string& out);

/// The scheme that the scheme `written` names, plainly or defanged: http,
/// https, ftp, smb, ws, wss and file as they are (any case); h..p or h.p
/// (hxxp, h__p) gives http, h..ps or h.ps https; fxp and ftx (with s) give
/// ftp. An s written "[s]" or "(s)" ("http[s]", "hxxp(s)") counts as an s.
/// nullopt for any other scheme (tcp, sftp, x).
std::optional<std::string_view> named_scheme(std::string_view written);

/// The scheme a refanged URL gets for the scheme `written` ("" when there is
/// none): named_scheme(), and http for any other scheme, tcp included.
std::string_view plain_scheme(std::string_view written);

}  // namespace iocscan::detail
