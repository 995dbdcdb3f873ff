// The shapes `iocscan refang`/`defang` (and the Python refang()/defang())
// guess a line's type from when no kind is given. Each is the ShapeGuess of
// its row in families/registry.cpp. No two accept the same text (see
// shape_guess.cpp), so the order they are tried in does not matter; a line
// none accepts is taken for a URL.
#pragma once

#include <string_view>

namespace iocscan::detail {

/// Four digit groups joined by dots or defanged dots, without "/N".
bool looks_like_ipv4(std::string_view text);
/// The same with "/N".
bool looks_like_cidr(std::string_view text);
/// An address with "@" or one of its defanged spellings, and no scheme.
bool looks_like_email(std::string_view text);
/// Only hex digits and colons (dots for an embedded IPv4), two colons or
/// more; colons may be written "[:]".
bool looks_like_ipv6(std::string_view text);
/// A hash: 32, 40, 64 or 128 hex digits (guessed as md5: refang and defang
/// leave every hash as it is).
bool looks_like_hash(std::string_view text);

}  // namespace iocscan::detail
