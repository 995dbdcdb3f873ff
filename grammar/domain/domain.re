// domain: host names whose last label is a real public suffix, plain or
// defanged ("evil-cdn[.]com", "(.)", "[dot]", "(dot)", "{.}", "\.").
//
// The scanner consumes each maximal "host run" once - labels of letters,
// digits, "-" and "_" joined by (possibly defanged) dots - together with
// what decides about it and is next to it: a scheme ("http://") before it,
// and one "(", "=" or at-sign ("@", "[@]", "(at)", ...: families/email/at_sign.hpp)
// after it (a call, a key, an e-mail local part).
// src/families/domain/domain_run.cpp then decides on the whole run against the Public
// Suffix List and the noise rules of docs/domains-phones.md. A run right
// after "/" or "\" is a path segment and is consumed without a report.
#include "core/candidate_sink.hpp"
#include "families/domain/domain_run.hpp"
#include "families/rule_ids.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */
/*!include:re2c "host_run.re" */

LexStatus lex_domain(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    /*!getstate:re2c*/
    for (;;) {
        st.start_token();
        /*!re2c
            run    = lab (dotsep lab)*;
            scheme = [a-zA-Z]+ ("://" | "[:]//" | "[://]" | ":\\/\\/");
            // An at-sign as families/email/at_sign.hpp reads it: "@", "[@]", "(at)", ...
            after  = [(=@] | "[@]" | "(@)" | "{@}" | "[" 'at' "]" | "(" 'at' ")" | "{" 'at' "}";

            // A single label is never a domain: most words end here without
            // a call into domain_run.cpp. Same length as the next rule on
            // such a word; the first listed wins.
            lab after?             { continue; }
            scheme? run after? {
                if (st.token_fits()) emit_domain_run(sink, st.tok, st.cur);
                continue;
            }
            [/\\] run after?       { continue; }
            [^a-zA-Z0-9_\-/\\]+    { continue; }
            $                      { return LexStatus::end; }
            *                      { continue; }
        */
    }
}

}  // namespace iocscan::detail
