// md5, sha1, sha256, sha512: exactly 32, 40, 64 or 128 hex digits, not part
// of a longer hex run (spec, hashes). The scanner consumes each maximal run
// of hex digits once; a run of one of the four lengths is a hash, whatever
// bytes surround it ("md5:<md5>", "VirusShare_<md5>", "sample<md5>.bin"),
// except "0x" ("0x<40 hex>" is an Ethereum address, "0x<64 hex>" a 256-bit
// constant): a longer run, or one glued to "0x", is nothing. Because every
// run is consumed whole, no byte is examined twice.
#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"
#include "simd/skip_scan.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_hash(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    // st.flags set: the skip stopped at lim inside a token that reports
    // nothing (a hex run of more than 128 bytes, simd/skip_scan.hpp); no
    // DFA state is pending, the skip goes on with it.
    if (st.flags != 0) {
        if (st.cur == st.lim) return LexStatus::end;   // no new bytes: end of input
        goto next_token;
    }
    if (st.state < 0) {
        // Parked at lim between tokens (below) and resumed without new
        // bytes: the input has ended.
        if (st.cur == st.lim) return LexStatus::end;
        // The first token goes through the skip too: it may be a giant hex run.
        // (A DFA the driver restarted inside an overlong token resumes as it was.)
        if (!st.overlong) goto next_token;
    }
    /*!getstate:re2c*/
    for (;;) {
    next_token:
        // Passes over text that holds no 32-digit hex run, and hex runs
        // longer than 128 bytes (simd/skip_scan.hpp).
        st.cur = skip::to_hash_candidate(st.cur, st.lim, st.flags);
        st.start_token();
        if (st.flags != 0) return LexStatus::waiting;
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well.
            st.state = -1;
            return LexStatus::waiting;
        }
        /*!re2c
            ("0" [xX])+ hex+ { continue; }
            hex{32}  { if (st.token_fits()) sink.add(Type::md5, kRuleHash, st.tok, st.cur); continue; }
            hex{40}  { if (st.token_fits()) sink.add(Type::sha1, kRuleHash, st.tok, st.cur); continue; }
            hex{64}  { if (st.token_fits()) sink.add(Type::sha256, kRuleHash, st.tok, st.cur); continue; }
            hex{128} { if (st.token_fits()) sink.add(Type::sha512, kRuleHash, st.tok, st.cur); continue; }
            hex+     { continue; }
            ([^]\hex)+ { continue; }
            $        { return LexStatus::end; }
            *        { continue; }
        */
    }
}

}  // namespace iocscan::detail
