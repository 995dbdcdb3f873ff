// How the URL grammars queue what they matched.
#pragma once

#include "simd/ascii_class.hpp"
#include "families/email/at_sign.hpp"
#include "core/candidate_sink.hpp"
#include "families/common/markdown_emphasis.hpp"
#include "families/common/token_prefix.hpp"
#include "families/common/utf8_letter.hpp"
#include "families/rule_ids.hpp"
#include "families/url/url_cut.hpp"
#include "families/url/url_host_check.hpp"
#include "families/url/url_limits.hpp"
#include "families/url/url_list.hpp"
#include "families/url/url_parts.hpp"

#include <cstddef>
#include <cstring>
#include <string_view>

namespace iocscan::detail {

/// Queues the URL token [st.tok, st.cur) found by `rule`, or drops and counts
/// it when it is longer than `max_length` (kMaxUrlLength; the encoded rules
/// pass their own bounds, families/encoded_url/encoded_emit.hpp). The driver sets st.overlong when
/// it had to release the token's start; a token that grew that long within
/// one buffer is caught by the length test, so the outcome never depends on
/// chunk edges. Trailing punctuation is left on: the post-pass trims it
/// unless Options::open_punctuation is set.
inline void emit_url_token(const LexState& st, CandidateSink& sink, RuleId rule,
                           std::size_t max_length = kMaxUrlLength) {
    if (!st.token_fits(max_length)) {
        sink.drop_overlong();
        return;
    }
    sink.add(Type::url, rule, st.tok, st.cur);
}

/// The bytes next to a plain-text URL token that decide where its items end.
struct UrlTokenEdges {
    /// The byte before the token: a quote there opens a quoted string, and
    /// its closing quote ends the URL (url_quote_end()).
    unsigned char before = 0;
    /// A letter outside ASCII follows the token ("http://münchen.de/x").
    bool letter_after = false;
    /// A line break follows the token: a "=" before it is quoted-printable's
    /// soft line break (soft_break_item_end()).
    bool line_break_after = false;
    /// "=3D" and a quote stand right before the token: an attribute of HTML
    /// written in quoted-printable ("href=3D\"http://...").
    bool quoted_printable_before = false;
};

/// Whether the bytes before `begin` are "=3D" and a quote (UrlTokenEdges).
template <class Prefix>
bool follows_quoted_printable_attribute(const Prefix& prefix, const unsigned char* begin) {
    const unsigned char quote = prefix.before(begin, 1);
    return (quote == '"' || quote == '\'') && (prefix.before(begin, 2) | 0x20) == 'd' && prefix.before(begin, 3) == '3' &&
           prefix.before(begin, 4) == '=';
}

/// Where a URL item [begin, end) ends when `opener`, the byte before it, is
/// a quote: at the same quote inside it, a string's end
/// ("$u='http://x/ping';$w=..." gives http://x/ping), else at `end`. With
/// no quote before it, "'" is a path's byte ("http://x/it's").
inline const unsigned char* url_quote_end(unsigned char opener, const unsigned char* begin, const unsigned char* end) {
    if (opener != '\'' && opener != '"' && opener != '`') return end;
    const void* closer = std::memchr(begin, opener, static_cast<std::size_t>(end - begin));
    return closer == nullptr ? end : static_cast<const unsigned char*>(closer);
}

/// Where the last item [begin, end) of a token that a line break follows
/// ends, when it ends with "=": in an e-mail body written as
/// quoted-printable that "=" is a soft line break, and the URL goes on in
/// the next line ("https://dhl-parc=\nel-notice.com/track"). In the host it
/// cut the name (no host holds "="): nullptr, nothing to report. After the
/// host it is a key's "=" or base64 padding as likely ("?build=" wrapped in
/// a PDF, "/dl/ZXZpbA=="), unless the text is quoted-printable: the URL
/// holds "=3D" (how it writes a real "=") or `quoted_printable_before`
/// (UrlTokenEdges). Then the "=" goes. The next line is not joined: the
/// break's bytes and the "=3D" escapes would have to be decoded.
inline const unsigned char* soft_break_item_end(const unsigned char* begin, const unsigned char* end,
                                                bool quoted_printable_before) {
    if (end == begin || end[-1] != '=') return end;   // most URLs
    const std::string_view item(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    if (split_url(item).host_end == item.size()) return nullptr;
    const bool quoted_printable = quoted_printable_before || item.find("=3D") != std::string_view::npos ||
                                  item.find("=3d") != std::string_view::npos;
    return quoted_printable ? end - 1 : end;
}

/// Queues each item of [begin, end), a match of the bracket rule, when it
/// is a list of defanged addresses joined by "|" (is_bar_list_of_addresses();
/// the group's "(" or the anchor "^" before it, which the caller tests, make
/// it a regex's alternation); the last unless `letter_after` cuts its host.
/// False when it is no such list.
[[gnu::noinline]] inline bool add_bar_list_items(CandidateSink& sink, const unsigned char* begin, const unsigned char* end,
                                                 bool letter_after) {
    const std::string_view token(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    if (!is_bar_list_of_addresses(token)) return false;
    for (std::size_t from = 0;;) {
        const std::size_t bar = token.find('|', from);
        if (bar == std::string_view::npos) {
            const std::string_view last = token.substr(from);
            if (!letter_after || split_url(last).host_end < last.size()) sink.add(Type::url, kRuleUrlBracket, begin + from, end);
            return true;
        }
        sink.add(Type::url, kRuleUrlBracket, begin + from, begin + bar);
        from = bar + 1;
    }
}

/// Queues [begin, end), a token of a plain-text URL rule, one match per item
/// of a list written without spaces (families/url/url_list.hpp): "a[.]com;b[.]net"
/// gives a[.]com and b[.]net. An item after the first is queued only when
/// `rule` would match it on its own ("host=evil[.]com;port=443" gives one).
/// An item after a quote ends at its closing quote (url_quote_end()): the
/// text after it is read for further items ("'http://a/1','http://b/2'");
/// a piece of a name that the quote cut is none (is_quoted_name_piece()).
/// `edges.letter_after`: the last item is dropped when that letter cuts its
/// host ("http://münchen.de/x" read as "http://m": a piece of another
/// name), and kept when it cuts the path.
inline void add_url_items(CandidateSink& sink, RuleId rule, const unsigned char* begin, const unsigned char* end,
                          const UrlTokenEdges& edges = {}) {
    const auto text = [](const unsigned char* from, const unsigned char* to) {
        return std::string_view(reinterpret_cast<const char*>(from), static_cast<std::size_t>(to - from));
    };
    for (const unsigned char* const token = begin; begin < end;) {
        const std::size_t separator = list_separator(text(begin, end));
        const unsigned char* const list_item_end = separator == std::string_view::npos ? end : begin + separator;
        const unsigned char* item_end = url_quote_end(begin == token ? edges.before : begin[-1], begin, list_item_end);
        // A closing quote may cut the token's own match in its scheme
        // ("h`t`t`p://" leaves "t") or name: then it is judged as an item.
        const bool quote_cut = item_end < list_item_end;
        const bool last = item_end == end;
        const bool host_cut = last && edges.letter_after && split_url(text(begin, end)).host_end == text(begin, end).size();
        const unsigned char* url_end =
            last && edges.line_break_after
                ? soft_break_item_end(begin, item_end, begin == token && edges.quoted_printable_before)
                : item_end;
        const bool matches = (begin == token && !quote_cut) || list_item_matches(text(begin, item_end), rule);
        if (matches && !host_cut && url_end != nullptr &&
            !(quote_cut && is_quoted_name_piece(text(begin, item_end), item_end + 1 < end ? static_cast<char>(item_end[1]) : '\0'))) {
            sink.add(Type::url, rule, begin, url_end);
        }
        // The next item starts at a word character, as the grammars' URLs do.
        for (begin = item_end; begin < end && !is_word(*begin);) ++begin;
    }
}

/// A CSV field: a token right after "," is a field's text, so the first
/// "," after its host ends the URL ("url,https://x.example/ping,,1,1763424000":
/// the next fields are no path). A comma in the host is the host rule's
/// ("198,51,100,7"), so the search starts at the path's first "/".
inline const unsigned char* csv_field_end(const unsigned char* begin, const unsigned char* end) {
    const std::string_view token(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    const std::size_t separator = token.find("://");
    const std::size_t path = token.find('/', separator == std::string_view::npos ? 0 : separator + 3);
    if (path == std::string_view::npos) return end;
    const std::size_t comma = token.find(',', path);
    return comma == std::string_view::npos ? end : begin + comma;
}

/// The URL in the token [begin, end) of a plain-text rule, without the
/// markup around it (`prefix` reads the bytes before `begin`):
/// - a table cell's bar: a token right after "|", or one that ends in "|"
///   ("|hxxp://evil[.]com/a|203.0.113.1|", a table written without spaces),
///   is a cell's text, so its first "|" ends the URL (a URL writes "|" as
///   %7C; "http://x/a|b" stays);
/// - a CSV field: csv_field_end();
/// - emphasis (families/common/markdown_emphasis.hpp): "**http://x/a**".
template <class Prefix>
[[gnu::noinline]] Unemphasized url_out_of_markup(const Prefix& prefix, const unsigned char* begin, const unsigned char* end) {
    const unsigned char before = prefix.before(begin, 1);
    if (before == '|' || end[-1] == '|') {
        if (const void* bar = std::memchr(begin, '|', static_cast<std::size_t>(end - begin)); bar != nullptr) {
            end = static_cast<const unsigned char*>(bar);
        }
    } else if (before == ',') {
        end = csv_field_end(begin, end);
    }
    return without_emphasis(prefix, begin, end, kTrailingPunctuation);
}

/// url_out_of_markup() when a byte next to the token may be markup's (a
/// Markdown table or emphasis, a CSV comma), else the token: three tests
/// for most URLs, inlined in the grammars.
template <class Prefix>
[[gnu::always_inline]] inline Unemphasized url_in_markup(const Prefix& prefix, const unsigned char* begin,
                                                         const unsigned char* end) {
    static constexpr ByteSet kMarkupBefore{"|*_~,"};
    if (end > begin && (kMarkupBefore.contains(static_cast<char>(prefix.before(begin, 1))) || end[-1] == '|' || *begin == '_'))
        [[unlikely]] {
        return url_out_of_markup(prefix, begin, end);
    }
    return {begin, end};
}

/// emit_url_token() for the plain-text rules (generic, bracket, backslash):
/// a list without spaces gives each of its URLs, and markup around the
/// token is cut (url_in_markup(); `prefix` reads the bytes before st.tok).
/// `sign_after`: the grammar read "×" or "÷" after the token, no letter.
/// A bracket token that holds a "|" may be a list of defanged addresses
/// joined by it (add_bar_list_items()).
template <class Prefix>
[[gnu::always_inline]] inline void emit_url_items(const LexState& st, CandidateSink& sink, RuleId rule, const Prefix& prefix,
                                                  bool sign_after = false) {
    if (!st.token_fits(kMaxUrlLength)) {
        sink.drop_overlong();
        return;
    }
    const Unemphasized url = url_in_markup(prefix, st.tok, st.cur);
    UrlTokenEdges edges;
    edges.before = prefix.before(url.begin, 1);
    // The byte that ended the token is in the buffer unless the input ended.
    if (url.end == st.cur && st.cur < st.lim && !sign_after) {
        edges.letter_after = starts_two_byte_letter(*st.cur);
        edges.line_break_after = *st.cur == '\n' || *st.cur == '\r';
        edges.quoted_printable_before = edges.line_break_after && follows_quoted_printable_attribute(prefix, url.begin);
    }
    // Inlined in each grammar with its rule: only the bracket rule's tokens
    // are searched for a "|". After "(", "(?:", "(?i)", "^" or a "/"
    // delimiter the bars are a regex's alternation.
    static constexpr ByteSet kRegexBefore{"(^):/"};
    if (rule == kRuleUrlBracket && !kRegexBefore.contains(static_cast<char>(edges.before)) &&
        std::memchr(url.begin, '|', static_cast<std::size_t>(url.end - url.begin)) != nullptr) [[unlikely]] {
        if (add_bar_list_items(sink, url.begin, url.end, edges.letter_after)) return;
    }
    add_url_items(sink, rule, url.begin, url.end, edges);
}

/// Queues the URL before the JSON/C string escapes (\n \r \t \" \') that
/// end the token [st.tok, st.cur), as in "evil[.]com\n": the first
/// backslash followed by one of n r t " ' starts them (a URL body holds
/// none, url_common.re `bslash`). Markdown before the escapes is cut as
/// by emit_url_items().
template <class Prefix>
void emit_url_before_escape(const LexState& st, CandidateSink& sink, RuleId rule, const Prefix& prefix) {
    if (st.overlong) {
        sink.drop_overlong();
        return;
    }
    const unsigned char* end = st.tok;
    const auto escape_at = [](const unsigned char* p) {
        return p[0] == '\\' && (p[1] == 'n' || p[1] == 'r' || p[1] == 't' || p[1] == '"' || p[1] == '\'');
    };
    while (end + 1 < st.cur && !escape_at(end)) ++end;
    if (static_cast<std::size_t>(end - st.tok) > kMaxUrlLength) {
        sink.drop_overlong();
        return;
    }
    const Unemphasized url = url_in_markup(prefix, st.tok, end);
    UrlTokenEdges edges;
    edges.before = prefix.before(url.begin, 1);
    add_url_items(sink, rule, url.begin, url.end, edges);
}

/// Whether the token starting at `tok` follows an at-sign ("ops[@]team[.]com",
/// "ops@team[.]com", "ops  [at]  team[.]com"): then it is an e-mail address's
/// domain, which the rules without a scheme (bracket, backslash) do not
/// report as a URL. The bytes before `tok` come through `prefix`, as the
/// driver may have dropped them: eight, so an at-sign that the e-mail
/// grammar's spaces make longer ("[  at  ]  ") is out of sight.
[[gnu::noinline]] inline bool ends_at_spaced_at_sign(const LongTokenPrefix& prefix, const unsigned char* tok) {
    constexpr std::size_t kBack = LongTokenPrefix::kMaxBack;
    char before[kBack] = {};
    for (int back = 1; back <= static_cast<int>(kBack); ++back) {
        before[kBack - static_cast<std::size_t>(back)] = static_cast<char>(prefix.before(tok, back));
    }
    return ends_with_spaced_at_sign(std::string_view(before, kBack));
}
[[gnu::always_inline]] inline bool follows_at_sign(const LongTokenPrefix& prefix, const unsigned char* tok) {
    // Most tokens follow no at-sign's last byte, the spaces after it passed.
    int mark_end = 1;
    while (mark_end <= kEmailMaxSpaces && prefix.before(tok, mark_end) == ' ') ++mark_end;
    const unsigned char last = prefix.before(tok, mark_end);
    if (last != '@' && last != ']' && last != ')' && last != '}') return false;
    return ends_at_spaced_at_sign(prefix, tok);
}

/// Whether the token starting at `tok` goes on from the text before it, so
/// that the rules without a scheme (bracket, backslash) report no URL from
/// it: an e-mail address's domain (follows_at_sign()), or the tail of a
/// word whose letter before it is outside ASCII ("münchen[.]de/x" gives no
/// "nchen[.]de/x", a different host).
[[gnu::always_inline]] inline bool continues_text_before(const LongTokenPrefix& prefix, const unsigned char* tok) {
    return follows_two_byte_letter(prefix, tok) || follows_at_sign(prefix, tok);
}

}  // namespace iocscan::detail
