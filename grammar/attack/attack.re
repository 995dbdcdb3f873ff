// attack (opt-in): MITRE ATT&CK ids: techniques "T1059", sub-techniques
// "T1059.001", tactics "TA0001", software "S0029", groups "G0007",
// mitigations "M1042", campaigns "C0010"; upper case only.
//
// An id stands alone: the scanner consumes each maximal run of word and
// path characters (letters, digits, "_", and / \ . - = : @ # % & ? + ~)
// once, and reports an id only when it is the whole run, but for trailing
// sentence punctuation. So nothing comes out of a hash, a URL path or query
// word ("/T1059/", "?id=S0029"), a file or key name ("x_T1059", "T1059-poc")
// or a longer id ("T10590", "TA00011", "T1059.0012"). Every run is consumed
// whole and the reporting rule ends where a run may go on, so no byte is
// examined twice.
#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"
#include "simd/run_start_skip.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_attack(LexState& st, CandidateSink& sink) {
/*!include:re2c "run_start_resume.re" */
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::AttackStarts>(st.cur, st.lim, st.flags);
/*!include:re2c "run_start_next_token.re" */
        /*!re2c
            path = word | [/\\.=:@#%&?+~-];
            id   = "T" digit{4} ("." digit{3})? | "TA" digit{4} | [SGMC] digit{4};

            // Listed first: a run that is the id and its punctuation ties
            // with path+ below, and the first rule wins the tie.
            id [.,:;!?]* {
                if (!st.token_fits()) continue;
                const unsigned char* end = st.cur;
                while (end[-1] < '0' || end[-1] > '9') --end;   // the punctuation is no part of it
                sink.add(Type::attack, kRuleAttack, st.tok, end);
                continue;
            }
            path+       { continue; }
            ([^]\path)+ { continue; }
            $           { return LexStatus::end; }
            *           { continue; }
        */
    }
}

}  // namespace iocscan::detail
