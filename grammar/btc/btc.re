// btc (opt-in): Bitcoin mainnet addresses: base58check P2PKH/P2SH ("1...",
// "3...", 26-35 characters) and segwit ("bc1...", bech32/bech32m, 14-74
// characters, all lower or all upper case).
//
// The grammar finds candidates by shape; src/families/btc/btc_address.cpp decodes
// them and checks the checksum, and a failed checksum reports nothing. An
// address stands alone as a word: the scanner consumes each maximal run of
// word characters once, so nothing comes out of a longer base58 run, a hash
// or a token ("x1A1z...", "1A1z..._b"). Testnet ("tb1", "m", "n", "2") is
// not reported (docs/families.md).
#include "families/btc/btc_address.hpp"
#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"
#include "simd/run_start_skip.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_btc(LexState& st, CandidateSink& sink) {
/*!include:re2c "run_start_resume.re" */
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::BtcStarts>(st.cur, st.lim, st.flags);
/*!include:re2c "run_start_next_token.re" */
        /*!re2c
            bech32l = [qpzry9x8gf2tvdw0s3jn54khce6mua7l];
            bech32u = [QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L];
            legacy  = [13] base58{25,34};
            segwit  = "bc1" bech32l{11,71} | "BC1" bech32u{11,71};

            // Listed first: a run that is an address ties with word+ below,
            // and the first rule wins the tie.
            legacy | segwit {
                if (st.token_fits() && is_btc_address(st.tok, st.cur)) sink.add(Type::btc, kRuleBtc, st.tok, st.cur);
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
