// How the URL grammars queue what they matched.
#pragma once

#include "simd/ascii_class.hpp"
#include "families/email/at_sign.hpp"
#include "core/candidate_sink.hpp"
#include "families/common/token_prefix.hpp"
#include "families/common/utf8_letter.hpp"
#include "families/url/url_limits.hpp"
#include "families/url/url_list.hpp"
#include "families/url/url_parts.hpp"

#include <cstddef>
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

/// Queues [begin, end), a token of a plain-text URL rule, one match per item
/// of a list written without spaces (families/url/url_list.hpp): "a[.]com;b[.]net"
/// gives a[.]com and b[.]net. An item after the first is queued only when
/// `rule` would match it on its own ("host=evil[.]com;port=443" gives one).
/// `letter_after`: a letter outside ASCII follows `end`; the last item is
/// then dropped when that letter cuts its host ("http://münchen.de/x" read
/// as "http://m": a piece of another name), and kept when it cuts the path.
inline void add_url_items(CandidateSink& sink, RuleId rule, const unsigned char* begin, const unsigned char* end,
                          bool letter_after = false) {
    const auto text = [](const unsigned char* from, const unsigned char* to) {
        return std::string_view(reinterpret_cast<const char*>(from), static_cast<std::size_t>(to - from));
    };
    for (bool first = true; begin < end; first = false) {
        const std::size_t separator = list_separator(text(begin, end));
        const unsigned char* item_end = separator == std::string_view::npos ? end : begin + separator;
        const bool host_cut = letter_after && item_end == end && split_url(text(begin, end)).host_end == text(begin, end).size();
        if ((first || list_item_matches(text(begin, item_end), rule)) && !host_cut) sink.add(Type::url, rule, begin, item_end);
        // The next item starts at a word character, as the grammars' URLs do.
        for (begin = item_end; begin < end && !is_word(*begin);) ++begin;
    }
}

/// emit_url_token() for the plain-text rules (generic, bracket, backslash):
/// a list without spaces gives each of its URLs.
inline void emit_url_items(const LexState& st, CandidateSink& sink, RuleId rule) {
    if (!st.token_fits(kMaxUrlLength)) {
        sink.drop_overlong();
        return;
    }
    // The byte that ended the token is in the buffer unless the input ended.
    add_url_items(sink, rule, st.tok, st.cur, st.cur < st.lim && starts_two_byte_letter(*st.cur));
}

/// Queues the URL before the JSON/C string escapes (\n \r \t \" \') that
/// end the token [st.tok, st.cur), as in "evil[.]com\n": the first
/// backslash followed by one of n r t " ' starts them (a URL body holds
/// none, url_common.re `bslash`).
inline void emit_url_before_escape(const LexState& st, CandidateSink& sink, RuleId rule) {
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
    add_url_items(sink, rule, st.tok, end);
}

/// Whether the token starting at `tok` follows an at-sign ("ops[@]team[.]com",
/// "ops@team[.]com", "ops [at] team[.]com"): then it is an e-mail address's
/// domain, which the rules without a scheme (bracket, backslash) do not
/// report as a URL. The bytes before `tok` come through `prefix`, as the
/// driver may have dropped them.
inline bool follows_at_sign(const LongTokenPrefix& prefix, const unsigned char* tok) {
    static_assert(kMaxSpacedAtSignLength <= LongTokenPrefix::kMaxBack);
    constexpr std::size_t kBack = LongTokenPrefix::kMaxBack;
    char before[kBack] = {};
    for (int back = 1; back <= static_cast<int>(kBack); ++back) {
        before[kBack - static_cast<std::size_t>(back)] = static_cast<char>(prefix.before(tok, back));
    }
    return ends_with_spaced_at_sign(std::string_view(before, kBack));
}

/// Whether the token starting at `tok` goes on from the text before it, so
/// that the rules without a scheme (bracket, backslash) report no URL from
/// it: an e-mail address's domain (follows_at_sign()), or the tail of a
/// word whose letter before it is outside ASCII ("münchen[.]de/x" gives no
/// "nchen[.]de/x", a different host).
[[gnu::always_inline]] inline bool continues_text_before(const LongTokenPrefix& prefix, const unsigned char* tok) {
    const unsigned char before1 = prefix.before(tok, 1);
    // Most tokens follow an ASCII byte: one test before the letter's lead.
    return (before1 >= 0x80 && ends_two_byte_letter(prefix.before(tok, 2), before1)) || follows_at_sign(prefix, tok);
}

}  // namespace iocscan::detail
