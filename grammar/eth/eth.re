// eth (opt-in): Ethereum addresses, "0x" and 40 hex digits.
//
// The grammar finds them by shape; src/families/eth/eth_address.cpp checks the
// EIP-55 checksum of a mixed-case address (all lower or all upper case has
// none). An address stands alone as a word: the scanner consumes each
// maximal run of word characters once, so nothing comes out of a longer
// hex run ("0x" and 64 digits is a transaction hash), a hash or a token.
// The hash family refuses hex glued to "0x", so no address is a sha1.
#include "core/candidate_sink.hpp"
#include "families/eth/eth_address.hpp"
#include "families/rule_ids.hpp"
#include "simd/run_start_skip.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_eth(LexState& st, CandidateSink& sink) {
/*!include:re2c "run_start_resume.re" */
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::EthStarts>(st.cur, st.lim, st.flags);
/*!include:re2c "run_start_next_token.re" */
        /*!re2c
            // Listed first: a run that is an address ties with word+ below,
            // and the first rule wins the tie.
            "0x" hex{40} {
                if (st.token_fits() && is_eth_address(st.tok, st.cur)) sink.add(Type::eth, kRuleEth, st.tok, st.cur);
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
