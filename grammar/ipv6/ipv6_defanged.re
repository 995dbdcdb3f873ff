// ipv6, defanged: an address whose colons are written "[:]" ("2001[:]db8[:][:]1").
//
// A second rule of the ipv6 family, so that the plain one (ipv6.re, with its
// skip tuned for colons) stays as it is. The scanner consumes each maximal
// run of word characters, dots, colons and "[:]" once; src/families/ipv6/ipv6_run.cpp
// refangs a run that holds a "[:]" and keeps it when it is one address. Its
// skip passes over text up to the run that holds the next "[:]".
#include "core/candidate_sink.hpp"
#include "families/ipv6/ipv6_run.hpp"
#include "families/rule_ids.hpp"
#include "simd/skip_scan.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_ipv6_defanged(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    // st.skip_state set: the skip parked at lim inside a run too long to
    // report (simd/skip_scan.hpp, to_defanged_colon_run), with `tok` at
    // lim or at a "[" it kept; no DFA state is pending.
    if (st.skip_state != 0) {
        if (st.cur == st.lim) {
            // No new bytes: the input has ended, and with it the run. A
            // kept "[" and the byte after it can hold no "[:]": whatever
            // the DFA leaves pending there reports nothing.
            st.skip_state = 0;
            if (st.tok == st.lim) return LexStatus::end;
        }
        st.cur = st.tok;
        goto next_token;
    }
    if (st.state < 0) {
        // Parked at lim between tokens (below) and resumed without new
        // bytes: the input has ended.
        if (st.cur == st.lim) return LexStatus::end;
        // The first token goes through the skip too. (A DFA the driver
        // restarted inside an overlong token resumes as it was.)
        if (!st.overlong) goto next_token;
    }
    /*!getstate:re2c*/
    for (;;) {
    next_token:
        // Text before the run that holds the next "[:]" (simd/skip_scan.hpp).
        st.cur = skip::to_defanged_colon_run(st.cur, st.lim, st.max_token, st.skip_state);
        st.start_token();
        if (st.skip_state != 0) {
            // Parked: `tok` is kept, the next call goes on from it.
            st.mar = st.tok;
            st.accept = 0;
            st.cur = st.lim;
            st.state = -1;
            return LexStatus::waiting;
        }
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well.
            st.state = -1;
            return LexStatus::waiting;
        }
        /*!re2c
            run = (word | [.:] | "[:]")+;
            // "/digits" after a run: see ipv6.re.
            run ("/" digit{1,4})? {
                if (st.token_fits()) st.cur = emit_defanged_ipv6_run(sink, st.tok, st.cur);
                continue;
            }
            $   { return LexStatus::end; }
            *   { continue; }
        */
    }
}

}  // namespace iocscan::detail
