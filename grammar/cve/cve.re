// cve (opt-in): CVE ids, "CVE-2021-44228": "cve-" in any case, a year from
// 1999 (the first CVE list) to 2099, and a sequence of four or more digits.
// A "." may stand for either "-", as Sigma rules tag ids ("cve.2021.44228").
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
/*!include:re2c "run_start_resume.re" */
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::CveStarts>(st.cur, st.lim, st.flags);
/*!include:re2c "run_start_next_token.re" */
        /*!re2c
            year = "1999" | "20" digit{2};
            cve  = 'cve' [.-] year [.-] digit{4,};

            cve       { if (st.token_fits()) sink.add(Type::cve, kRuleCve, st.tok, st.cur); continue; }
            cve word+ { continue; }
            word+     { continue; }
            ([^]\word)+ { continue; }
            $         { return LexStatus::end; }
            *         { continue; }
        */
    }
}

}  // namespace iocscan::detail
