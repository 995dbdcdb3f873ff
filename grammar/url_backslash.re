// url, rule "backslash": an address with a dot written as "\.", optionally
// with single spaces around ("evil \ . example"), with or without a scheme:
// evil\.example\.net/x.
//
// Same shape and the same linear-time argument as url_bracket.re: runs of
// address characters are consumed whole; a run of punctuation only
// ("\.\.\....") is skipped as one token.
#include "lib/rule_ids.hpp"
#include "lib/url_emit.hpp"
#include "lib/url_anchor_skip.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */
/*!include:re2c "url_common.re" */

LexStatus lex_url_backslash(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    const unsigned char* next_anchor = nullptr;   // url_anchor_skip's cache for this call
    /*!getstate:re2c*/
    for (;;) {
        // Passes over text where no URL can start (lib/url_anchor_skip.hpp).
        st.cur = url_anchor_skip<true>(st.cur, st.lim, next_anchor);
        st.start_token();
        /*!re2c
            sdot = "\\" " "? ".";
            sgrp = " "? sdot (" " uchar)?;

            word atok* sgrp (sgrp | uchar)* {
                emit_url_token(st, sink, kRuleUrlBackslash);
                continue;
            }
            word atok*     { continue; }
            clsnw+         { continue; }
            // Stops at whitespace: a token never holds a whole line back.
            ([^] \ cls \ [ \t\r\n])+ { continue; }
            $              { return LexStatus::end; }
            *              { continue; }
        */
    }
}

}  // namespace iocscan::detail
