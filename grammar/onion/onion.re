// onion (opt-in): Tor v3 onion service names, 56 base32 characters (one
// case) and ".onion", with the dot plain or defanged as in the domain
// family ("[.]onion"); also in URLs ("http://<name>.onion/path") and under
// subdomains ("www.<name>.onion", reported without the subdomain).
//
// The scanner consumes each maximal host run (grammar/common/host_run.re) once; a
// run that ends in such a name is handed to src/families/onion/onion_name.cpp, which
// checks version byte and checksum. A run that goes on after "onion"
// (".onion.example", ".onionx") is no onion name. v2 names (16
// characters) are obsolete since 2021 and not reported.
#include "core/candidate_sink.hpp"
#include "families/onion/onion_name.hpp"
#include "simd/onion_skip.hpp"
#include "families/rule_ids.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */
/*!include:re2c "host_run.re" */

LexStatus lex_onion(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    if (st.state < 0) {
        // Resumed between tokens without new bytes: the input has ended.
        if (st.cur == st.lim) return LexStatus::end;
        // (A DFA the driver restarted inside an overlong token resumes as it was.)
        if (!st.overlong) goto next_token;
    }
    /*!getstate:re2c*/
    for (;;) {
    next_token:
        // Stretches too short for a name are passed over (simd/onion_skip.hpp).
        st.cur = skip::to_onion_stretch(st.cur, st.lim);
    dfa_token:
        st.start_token();
        if (st.cur == st.lim) {
            // Everything buffered is taken: wait between tokens; the next
            // bytes go through the skip first.
            st.state = -1;
            return LexStatus::waiting;
        }
        /*!re2c
            base32 = [a-z2-7]{56} | [A-Z2-7]{56};
            onion  = (lab dotsep)* base32 dotsep 'onion';

            // Listed first: a run that ends in an onion name ties with the
            // run rule below, and the first rule wins the tie.
            onion {
                if (!st.token_fits()) continue;
                if (const unsigned char* name = find_onion_v3_name(st.tok, st.cur)) {
                    sink.add(Type::onion, kRuleOnion, name, st.cur);
                }
                goto dfa_token;   // a gap follows
            }
            lab (dotsep lab)*     { goto dfa_token; }
            // The skip runs again where a gap with a hard byte ends.
            [^a-zA-Z0-9_\-]+      {
                if (skip::has_hard_byte(st.tok, st.cur)) continue;
                goto dfa_token;
            }
            $                     { return LexStatus::end; }
            *                     { continue; }
        */
    }
}

}  // namespace iocscan::detail
