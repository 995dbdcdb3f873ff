#include "families/url/url_list.hpp"

#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"
#include "families/rule_ids.hpp"
#include "families/url/url_cut.hpp"
#include "families/url/url_parts.hpp"

#include <algorithm>

namespace iocscan::detail {
namespace {

/// The address run before a URL's first defanged dot (url_common.re `atok`,
/// without the defang tokens, which address_run_to_anchor() reads).
constexpr ByteSet kAddressBytes{".:/\\0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-"};

/// The bytes before a list separator that may end a host or cut the URL
/// before it (url_cut.cpp precise_length(), url_parts.cpp split_url()).
constexpr ByteSet kEarlierStops{"\"<>\\ [(])}{/?#|"};
/// The first bytes of the defanged dots that anchor each rule.
constexpr ByteSet kBracketAnchorStarts{"[("};
constexpr ByteSet kBackslashAnchorStarts{"\\"};

/// Whether `item` is a run of address characters and defang tokens that
/// reaches a defanged dot of the rule's kind after its first byte.
bool address_run_to_anchor(std::string_view item, bool backslash) {
    if ((backslash ? kBackslashAnchorStarts : kBracketAnchorStarts).find_in(item) == item.size()) return false;
    std::size_t i = 0;
    while (i < item.size()) {
        const std::string_view rest = item.substr(i);
        if (const std::size_t n = dot_token(rest); n > 0) {
            // "[dot]" is an address token, not an anchor, in both grammars.
            const bool anchor = backslash ? rest[0] == '\\'
                                          : rest[0] != '\\' && rest.substr(0, n).find('.') != std::string_view::npos;
            if (anchor) return i > 0;
            i += n;
            continue;
        }
        if (const std::size_t n = colon_token(rest) + slash_token(rest); n > 0) {
            i += n;
            continue;
        }
        if (!kAddressBytes.contains(item[i])) return false;
        ++i;
    }
    return false;
}

/// Whether `item` is a host (and path) written as the bracket rule anchors
/// it and nothing else: a word byte first, then address bytes but the
/// backslash, and defang tokens, with a "[.]" or "(.)" after the first byte.
bool is_bracket_defanged_address(std::string_view item) {
    if (item.empty() || !is_word(item[0])) return false;
    bool anchored = false;
    for (std::size_t i = 0; i < item.size();) {
        const std::string_view rest = item.substr(i);
        if (const std::size_t n = rest[0] == '\\' ? 0 : dot_token(rest); n > 0) {
            anchored = anchored || rest.substr(0, n).find('.') != std::string_view::npos;
            i += n;
            continue;
        }
        if (const std::size_t n = colon_token(rest) + slash_token(rest); n > 0) {
            i += n;
            continue;
        }
        if (rest[0] == '\\' || !kAddressBytes.contains(rest[0])) return false;
        ++i;
    }
    return anchored;
}

}  // namespace

bool is_bar_list_of_addresses(std::string_view token) {
    const std::string_view list = token.substr(0, trim_trailing_punctuation(token));
    for (std::size_t from = 0, items = 1;; ++items) {
        const std::size_t bar = list.find('|', from);
        if (!is_bracket_defanged_address(list.substr(from, bar - from))) return false;
        if (bar == std::string_view::npos) return items > 1;
        from = bar + 1;
    }
}

namespace {

/// The first list separator ("," or ";") at or after `from`, or
/// token.size(). memchr for each: most tokens hold neither, and this reads
/// every URL token the scan finds.
std::size_t find_list_byte(std::string_view token, std::size_t from) {
    const std::string_view rest = token.substr(from);
    const std::size_t comma = rest.find(',');
    const std::size_t semicolon = rest.substr(0, comma).find(';');
    const std::size_t first = semicolon != std::string_view::npos ? semicolon : comma;
    return first == std::string_view::npos ? token.size() : from + first;
}

/// Whether a URL with a scheme starts right after the list separator at
/// `i`, or after the quote that opens it ("a/1','http://b/2"): its scheme and
/// a separator holding "//" or "\\\\" (not "__", which a path may hold),
/// then a word character. Reads a bounded number of bytes.
bool scheme_url_follows(std::string_view token, std::size_t i) {
    std::string_view rest = token.substr(i + 1);
    if (rest.starts_with('\'') && i > 0 && token[i - 1] == '\'') rest.remove_prefix(1);
    if (rest.empty() || !is_alpha(rest[0])) return false;   // most separators in a path
    const UrlParts parts = split_scheme(rest);
    if (parts.separator_end == 0 || parts.separator_end >= rest.size() || !is_word(rest[parts.separator_end])) return false;
    const std::string_view separator = rest.substr(parts.scheme_end, parts.separator_end - parts.scheme_end);
    return separator.find("//") != std::string_view::npos || separator.find("\\\\") != std::string_view::npos;
}

/// The first "," or ";" at or after `from`, in a path, query or fragment,
/// that a URL with a scheme follows ("a/1,http://b/2", "a/1;http://b/2"),
/// or npos. Those places may hold either byte ("/p;jsessionid=1",
/// "?a=1,2"): there only such a URL ends the item. Each byte's next place
/// is searched forward only, so the whole token is read once.
std::size_t path_list_separator(std::string_view token, std::size_t from) {
    // Each separator that scheme_url_follows() takes holds a ':'.
    if (token.find(':', from) == std::string_view::npos) return std::string_view::npos;
    std::size_t comma = token.find(',', from);
    std::size_t semicolon = token.find(';', from);
    for (;;) {
        const std::size_t i = std::min(comma, semicolon);
        if (i == std::string_view::npos) return i;
        if (scheme_url_follows(token, i)) return i;
        if (i == comma) {
            comma = token.find(',', i + 1);
        } else {
            semicolon = token.find(';', i + 1);
        }
    }
}

}  // namespace

std::size_t list_separator(std::string_view token) {
    for (std::size_t i = find_list_byte(token, 0); i < token.size(); i = find_list_byte(token, i + 1)) {
        // "198,51,100,7": a comma between digits is a defanged dot.
        if (token[i] == ',' && i > 0 && is_digit(token[i - 1]) && i + 1 < token.size() && is_digit(token[i + 1])) {
            continue;
        }
        // Most items (a key "port=443", a plain name) hold none of the bytes
        // that end a host or cut a URL earlier: then the separator ends the
        // host without reading the item's parts.
        if (kEarlierStops.find_in(token.substr(0, i)) == i) return i;
        if (precise_length(token.substr(0, i + 1)) == i) return i;
        return path_list_separator(token, i);
    }
    return std::string_view::npos;
}

bool list_item_matches(std::string_view item, RuleId rule) {
    switch (rule) {
        case kRuleUrlGeneric: {
            // Every separator holds a ':' or "__".
            if (item.find(':') == std::string_view::npos && item.find("__") == std::string_view::npos) return false;
            const UrlParts parts = split_url(item);
            return parts.scheme_end > 0 && parts.host_begin < parts.host_end;
        }
        case kRuleUrlBracket: return address_run_to_anchor(item, false);
        case kRuleUrlBackslash: return address_run_to_anchor(item, true);
        default: return false;
    }
}

}  // namespace iocscan::detail
