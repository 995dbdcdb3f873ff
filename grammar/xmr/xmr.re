// xmr (opt-in): Monero mainnet addresses: standard ("4", 95 characters),
// subaddresses ("8", 95) and integrated addresses ("4", 106).
//
// The grammar finds them by shape; src/families/xmr/xmr_address.cpp decodes Monero's
// block base58 and checks network byte and Keccak-256 checksum, and a
// failed check reports nothing. An address stands alone as a word: the
// scanner consumes each maximal run of word characters once, so nothing
// comes out of a longer base58 run or a token.
#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"
#include "simd/run_start_skip.hpp"
#include "families/xmr/xmr_address.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_xmr(LexState& st, CandidateSink& sink) {
/*!include:re2c "run_start_resume.re" */
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::XmrStarts>(st.cur, st.lim, st.flags);
/*!include:re2c "run_start_next_token.re" */
        /*!re2c
            // Listed first: a run that is an address ties with word+ below,
            // and the first rule wins the tie.
            [48] base58{94} | "4" base58{105} {
                if (st.token_fits() && is_xmr_address(st.tok, st.cur)) sink.add(Type::xmr, kRuleXmr, st.tok, st.cur);
                continue;
            }
            word+       { continue; }
            ([^]\word)+ { continue; }
            $           { return LexStatus::end; }
            *           { continue; }
        */
    }
}

}  // namespace iocscan::detail
