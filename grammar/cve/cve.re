// cve (opt-in): CVE ids, "CVE-2021-44228": "cve-" in any case, a year from
// 1999 (the first CVE list) to 2099, and a sequence of four or more digits.
//
// The id must stand alone as a word: the scanner consumes each maximal run
// of word characters once, so an id glued to a word before it
// ("xCVE-2021-44228") or after it ("CVE-2021-44228a", "CVE-2021-442281_x")
// reports nothing, and no byte is examined twice but for the few bytes of a
// failed id ("CVE-2021-12") that re2c reads again as words.
#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"
#include "simd/run_start_skip.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_cve(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    // st.flags set: the skip stopped at lim inside a run that starts no
    // candidate (lib/run_start_skip.hpp); no DFA state is pending, the skip
    // goes on with it.
    if (st.flags != 0) {
        if (st.cur == st.lim) return LexStatus::end;   // no new bytes: end of input
        goto next_token;
    }
    if (st.state < 0) {
        // Resumed between tokens without new bytes: the input has ended.
        if (st.cur == st.lim) return LexStatus::end;
        // (A DFA the driver restarted inside an overlong token resumes as it was.)
        if (!st.overlong) goto next_token;
    }
    /*!getstate:re2c*/
    for (;;) {
    next_token:
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::CveStarts>(st.cur, st.lim, st.flags);
        st.start_token();
        if (st.flags != 0) return LexStatus::waiting;
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well.
            st.state = -1;
            return LexStatus::waiting;
        }
        /*!re2c
            year = "1999" | "20" digit{2};
            cve  = 'cve' "-" year "-" digit{4,};

            cve       { if (!st.overlong) sink.add(Type::cve, kRuleCve, st.tok, st.cur); continue; }
            cve word+ { continue; }
            word+     { continue; }
            ([^]\word)+ { continue; }
            $         { return LexStatus::end; }
            *         { continue; }
        */
    }
}

}  // namespace iocscan::detail
