// ipv6: RFC 4291 text forms, found in linear time.
//
// The scanner consumes each maximal run of word characters, colons and dots
// (plus an optional "%zone") exactly once and hands it to a C++ validator
// (src/lib/ipv6_run.cpp), which decides whether the run, or its tail after a
// "label:" prefix such as "IPv6:", is one address. A run that is not an
// address reports nothing and is never rescanned from its second byte, so
// clock times, MAC addresses and "std::" scopes cost one pass. Brackets and
// ":port" are outside the run: "[2001:db8::7]:8080" reports 2001:db8::7.
#include "lib/candidate_sink.hpp"
#include "lib/ipv6_run.hpp"
#include "lib/rule_ids.hpp"
#include "lib/skip_scan.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_ipv6(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    /*!getstate:re2c*/
    for (;;) {
        // Colon-free runs and single other bytes, which the first and third
        // rules below skip, are passed over quickly (lib/skip_scan.hpp).
        st.cur = skip::to_ipv6_run(st.cur, st.lim);
        st.start_token();
        /*!re2c
            runchar  = word | [:.];
            zonechar = word | [.\-];

            // Words and dotted names without a colon, the bulk of any
            // text, are passed over without a call to the validator.
            (word | ".")+ { continue; }
            runchar+ ("%" zonechar+)? {
                if (!st.overlong) emit_ipv6_run(sink, st.tok, st.cur);
                continue;
            }
            [^]\runchar { continue; }
            $           { return LexStatus::end; }
            *           { continue; }
        */
    }
}

}  // namespace iocscan::detail
