// How the URL grammars queue what they matched.
#pragma once

#include "lib/at_sign.hpp"
#include "lib/candidate_sink.hpp"
#include "lib/token_prefix.hpp"
#include "lib/url_limits.hpp"

#include <cstddef>

namespace iocscan::detail {

/// Queues the URL token [st.tok, st.cur) found by `rule`, or drops and counts
/// it when it is longer than `max_length` (kMaxUrlLength; the encoded rules
/// pass their own bounds, lib/encoded_emit.hpp). The driver sets st.overlong when
/// it had to release the token's start; a token that grew that long within
/// one buffer is caught by the length test, so the outcome never depends on
/// chunk edges. Trailing punctuation is left on: the post-pass trims it
/// unless Options::open_punctuation is set.
inline void emit_url_token(const LexState& st, CandidateSink& sink, RuleId rule,
                           std::size_t max_length = kMaxUrlLength) {
    if (st.overlong || static_cast<std::size_t>(st.cur - st.tok) > max_length) {
        sink.drop_overlong();
        return;
    }
    sink.add(Type::url, rule, st.tok, st.cur);
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
    sink.add(Type::url, rule, st.tok, end);
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

}  // namespace iocscan::detail
