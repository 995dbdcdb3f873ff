// A list of URLs written without spaces ("evil[.]com,bad[.]net",
// "a[.]com;b[.]net", "http://a.com;http://b.net") is one token of the URL
// grammars, since "," and ";" are URL characters; so is a list of defanged
// hosts joined by "|" ("a[.]com|b[.]net"), which the bracket rule splits. No host holds either
// (the precision cut, url_cut.cpp precise_length(), ends a host there), so
// the URL rules split such a token into its items when they queue it.
#pragma once

#include "iocscan/iocscan.hpp"

#include <cstddef>
#include <string_view>

namespace iocscan::detail {

/// Where the first item of `token` ends: the "," or ";" at which
/// precise_length() ends its host, or npos when it has none. Reads `token`
/// only up to that byte, so splitting a token costs linear time.
std::size_t list_separator(std::string_view token);

/// Whether `token`, a match of the bracket rule, is a list of defanged
/// addresses joined by "|" ("a.x-cdn[.]net|b.x-cdn[.]net", as analysts paste
/// a column): two items or more, each a word byte, then address bytes
/// ([A-Za-z0-9_.:/-]) and defang tokens only, with a "[.]" or "(.)" after
/// its first byte; trailing punctuation after the last. No backslash, no
/// bracket or parenthesis but a defang token's, no "^$*+?", so a regex's
/// alternation ("(evil|bad)\.com", "^a[.]com$|b") is none.
bool is_bar_list_of_addresses(std::string_view token);

/// Whether `item`, an item after the first of a list that `rule` matched, is
/// a match of that rule on its own: with a scheme and a host (generic), or
/// an address run up to a defanged dot, "[.]"/"(.)" (bracket) or "\."
/// (backslash), as the grammars anchor them. "host=evil[.]com;port=443"
/// has the one item "host=evil[.]com"'s URL.
bool list_item_matches(std::string_view item, RuleId rule);

}  // namespace iocscan::detail
