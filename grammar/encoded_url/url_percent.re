// url, rule "percent": a percent-encoded URL, "http%3A%2F%2Fevil.example%2Fa"
// (any case), as it stands in a query string or a redirect parameter.
//
// The token is "http", "https", "ftp" or "ftps", "%3A%2F%2F", then every
// plain URL character (letters, digits, "- . _ ~ / ? = + : @") and "%XX"
// escape, and defanged dots, up to the first other byte. "&", ";" and "#" end it because they
// separate the parameter that holds the URL from the next one. Trailing
// sentence punctuation is trimmed in the post-pass, as for every URL.
//
// Linear: only the scheme part (at most 14 bytes) can fail, and the fast
// path (simd/encoded_url_skip.hpp) starts the DFA at most 5 bytes before a "%".
#include "families/encoded_url/encoded_emit.hpp"
#include "simd/encoded_url_skip.hpp"
#include "families/rule_ids.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_url_percent(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    /*!getstate:re2c*/
    for (;;) {
        st.cur = skip::to_percent_scheme(st.cur, st.lim);
        st.start_token();
        /*!re2c
            // 'ab' strings are case-insensitive in re2c.
            pct_scheme = ('http' | 'ftp') 's'? '%3a%2f%2f';
            pct_plain = [0-9a-zA-Z._~/?=+:@-];

            // A defanged dot may stand in the encoded text too:
            // "https%3A%2F%2Fmanagement.core.windows[.]net%2F".
            pct_dot = "[.]" | "(.)" | '[dot]' | '(dot)';

            pct_scheme (pct_plain | "%" hex hex | pct_dot)* {
                emit_url_token(st, sink, kRuleUrlPercent, kMaxPercentUrlToken);
                continue;
            }
            $ { return LexStatus::end; }
            * { continue; }
        */
    }
}

}  // namespace iocscan::detail
