// phone: North-American numbers and E.164 numbers with a leading "+".
//
// Like ipv4.re, the scanner consumes each maximal "number run" once - digit
// groups joined by "-", one space, or parentheses around a group, then
// groups joined by ".", optionally led by "+" or "(" - and
// src/families/phone/phone_run.cpp decides on the whole run. Words that hold a letter or "_", together with everything
// joined to them by "-" or ".", are consumed as one token and report
// nothing, so no phone comes out of a hex run, an identifier or a host name,
// and a run followed by a letter is dropped whole: nothing is rescanned.
#include "core/candidate_sink.hpp"
#include "families/phone/phone_run.hpp"
#include "families/rule_ids.hpp"
#include "simd/skip_scan.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_phone(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    const unsigned char* known = nullptr;   // to_phone_run's scan of this call
    // st.flags set: the skip stopped at lim inside a token that reports
    // nothing (a chain of words, simd/skip_scan.hpp); no DFA state is pending,
    // the skip goes on with it.
    if (st.flags != 0) {
        if (st.cur == st.lim) return LexStatus::end;   // no new bytes: end of input
        goto next_token;
    }
    if (st.state < 0) {
        // Parked at lim between tokens (below) and resumed without new
        // bytes: the input has ended.
        if (st.cur == st.lim) return LexStatus::end;
        // The first token goes through the skip too: it may be a giant word.
        // (A DFA the driver restarted inside an overlong token resumes as it was.)
        if (!st.overlong) goto next_token;
    }
    /*!getstate:re2c*/
    for (;;) {
    next_token:
        // Text where no number run can report is passed over, and so is a
        // giant word (simd/skip_scan.hpp).
        st.cur = skip::to_phone_run(st.cur, st.lim, st.flags, known);
        st.start_token();
        if (st.flags != 0) return LexStatus::waiting;
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well.
            st.state = -1;
            return LexStatus::waiting;
        }
        /*!re2c
            dg    = digit+;
            tight = [-.];
            sp    = " ";
            // A space or a hyphen may join groups; dots join the groups at
            // the end of a run only ("212.555.0147"), so a dotted run such as
            // an address or a version is never held across spaces.
            sep   = "-" | sp | ")" sp? | sp? "(" | ")-";
            run   = [+(]? dg (sep dg)* ("." dg)*;
            alpha = [a-zA-Z_];
            wordy = word* alpha word* (tight word+)*;

            run {
                if (st.token_fits()) emit_phone_run(sink, st.tok, st.cur);
                continue;
            }
            // A run glued to a word ("212-555-0147x", "212-555-0147-abc")
            // or a word glued to digits ("x212", "ab-212-555-0147").
            run tight? wordy     { continue; }
            (word+ tight)* wordy { continue; }
            [^0-9a-zA-Z_+(]+     { continue; }
            $                    { return LexStatus::end; }
            *                    { continue; }
        */
    }
}

}  // namespace iocscan::detail
