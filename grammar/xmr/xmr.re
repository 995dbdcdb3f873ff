// xmr (opt-in): Monero mainnet addresses: standard ("4", 95 characters),
// subaddresses ("8", 95) and integrated addresses ("4", 106).
//
// The grammar finds them by shape; src/lib/xmr_address.cpp decodes Monero's
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
        st.cur = skip::to_run_start<skip::XmrStarts>(st.cur, st.lim, st.flags);
        st.start_token();
        if (st.flags != 0) return LexStatus::waiting;
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well.
            st.state = -1;
            return LexStatus::waiting;
        }
        /*!re2c
            // Listed first: a run that is an address ties with word+ below,
            // and the first rule wins the tie.
            [48] base58{94} | "4" base58{105} {
                if (!st.overlong && is_xmr_address(st.tok, st.cur)) sink.add(Type::xmr, kRuleXmr, st.tok, st.cur);
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
