// btc (opt-in): Bitcoin mainnet addresses: base58check P2PKH/P2SH ("1...",
// "3...", 26-35 characters) and segwit ("bc1...", bech32/bech32m, 14-74
// characters, all lower or all upper case).
//
// The grammar finds candidates by shape; src/lib/btc_address.cpp decodes
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
        st.cur = skip::to_run_start<skip::BtcStarts>(st.cur, st.lim, st.flags);
        st.start_token();
        if (st.flags != 0) return LexStatus::waiting;
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well.
            st.state = -1;
            return LexStatus::waiting;
        }
        /*!re2c
            bech32l = [qpzry9x8gf2tvdw0s3jn54khce6mua7l];
            bech32u = [QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L];
            legacy  = [13] base58{25,34};
            segwit  = "bc1" bech32l{11,71} | "BC1" bech32u{11,71};

            // Listed first: a run that is an address ties with word+ below,
            // and the first rule wins the tie.
            legacy | segwit {
                if (!st.overlong && is_btc_address(st.tok, st.cur)) sink.add(Type::btc, kRuleBtc, st.tok, st.cur);
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
