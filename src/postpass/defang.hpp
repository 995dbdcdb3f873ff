// Defang: the reverse of refang, for --defang and `iocscan defang`.
#pragma once

#include "iocscan/iocscan.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace iocscan::detail {

/// Writes the defanged form of `ioc` (plain or already defanged) into `out`.
/// url: http -> hxxp, https -> hxxps, ftp -> fxp (also from a defanged
/// spelling: h__p, http[s]), other schemes keep their name (lower-cased),
/// dots of the host -> "[.]", the path untouched, no scheme
/// added when there is none. ipv4, IPv4 cidr, domain: dots -> "[.]". email: "@"
/// -> "[@]" and the domain's dots -> "[.]". Other types are copied.
void defang_into(Type type, std::string_view ioc, std::string& out);

/// Appends `text` to `out` with each word (a run of bytes other than
/// blanks: space, tab, CR, LF, VT, FF) defanged on its own as the type
/// `kind_of(word)`, or copied as it is when that is empty, and the blanks
/// kept as they are. A URL's or an address's defang run over several
/// words dropped the blanks between them ("hello world" became "helloworld").
void defang_words(std::string_view text, const std::function<std::optional<Type>(std::string_view)>& kind_of,
                  std::string& out);

// Each type's defang, named by its row in families/registry.cpp; they
// append to `out`, which defang_into() has cleared.
void defang_url(std::string_view ioc, std::string& out);
/// ipv4, cidr: refanged, then dots as "[.]".
void defang_dotted(std::string_view ioc, std::string& out);
/// cidr: an IPv4 prefix as defang_dotted() writes it; an IPv6 one as
/// written, as the ipv6 type (never defanged).
void defang_cidr(std::string_view ioc, std::string& out);
void defang_domain(std::string_view ioc, std::string& out);
void defang_email(std::string_view ioc, std::string& out);

}  // namespace iocscan::detail
