#include "families/url/url_list.hpp"

#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"
#include "families/rule_ids.hpp"
#include "families/url/url_cut.hpp"
#include "families/url/url_parts.hpp"

namespace iocscan::detail {
namespace {

/// The address run before a URL's first defanged dot (url_common.re `atok`,
/// without the defang tokens, which address_run_to_anchor() reads).
constexpr ByteSet kAddressBytes{".:/\\0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-"};

/// The bytes before a list separator that may end a host or cut the URL
/// before it (url_cut.cpp precise_length(), url_parts.cpp split_url()).
constexpr ByteSet kEarlierStops{"\"<>\\ [(])}{/?#"};
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

}  // namespace

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
        return precise_length(token.substr(0, i + 1)) == i ? i : std::string_view::npos;
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
