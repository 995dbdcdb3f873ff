// md5, sha1, sha256, sha512: exactly 32, 40, 64 or 128 hex digits that stand
// alone as a word. The scanner consumes each maximal run of word characters
// once; a run of hex digits of one of the four lengths is a hash, anything
// else (a longer hex run, hex glued to letters or `_`) is nothing. Because
// every run is consumed whole, no byte is examined twice.
#include "lib/candidate_sink.hpp"
#include "lib/rule_ids.hpp"
#include "lib/skip_scan.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_hash(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    /*!getstate:re2c*/
    for (;;) {
        // Passes over text that holds no 32-digit hex run (lib/skip_scan.hpp).
        st.cur = skip::to_hash_candidate(st.cur, st.lim);
        st.start_token();
        /*!re2c
            hex{32}  { if (!st.overlong) sink.add(Type::md5, kRuleHash, st.tok, st.cur); continue; }
            hex{40}  { if (!st.overlong) sink.add(Type::sha1, kRuleHash, st.tok, st.cur); continue; }
            hex{64}  { if (!st.overlong) sink.add(Type::sha256, kRuleHash, st.tok, st.cur); continue; }
            hex{128} { if (!st.overlong) sink.add(Type::sha512, kRuleHash, st.tok, st.cur); continue; }
            word+    { continue; }
            ([^]\word)+ { continue; }
            $        { return LexStatus::end; }
            *        { continue; }
        */
    }
}

}  // namespace iocscan::detail
