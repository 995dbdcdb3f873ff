// url_bracket, url_backslash: what a lex call does first about a run of
// address tokens (plain bytes, and "[.]" "(.)" "[:]" "[/]" "(/)") it parked
// at lim (simd/url_anchor_skip.hpp says why parking is exact). One
// definition for both grammars.
#pragma once

#include "core/lex_state.hpp"
#include "families/url/url_emit.hpp"
#include "simd/url_anchor_skip.hpp"

namespace iocscan::detail {

enum class PlainRunResume {
    none,      ///< nothing parked: the call goes on as usual
    waiting,   ///< parked (again) at lim: the call returns `waiting`
    dfa,       ///< the run ended: the DFA takes the token from `tok`, fresh
};

template <bool kBackslash>
inline PlainRunResume resume_plain_run(LexState& st, const LongTokenPrefix& prefix) {
    if (st.skip_state != 0) {
        bool anchored = (st.skip_state & kUrlRunAnchored) != 0;
        if (st.cur == st.lim) {
            // Resumed without new bytes: the input has ended.
            st.skip_state = 0;
            if (anchored) {
                // The token is the URL rule's: the DFA reports (or drops) it,
                // and the caller calls again so that it sees the end.
                st.cur = st.tok;
                return PlainRunResume::dfa;
            }
            // The run's token holds no anchor, so the DFA would end it
            // reporting nothing and wait between tokens at lim: the same here.
            st.start_token();
            st.state = -1;
            return PlainRunResume::waiting;
        }
        // The bytes of a token cut by the last lim are scanned again.
        const unsigned char* const from = st.cur - (st.skip_state >> kUrlRunCutShift);
        const AddressRunScan scan = address_run_scan<kBackslash>(from, st.lim, st.tok, anchored);
        return plain_run_parks(st, scan, anchored, from) ? PlainRunResume::waiting : PlainRunResume::dfa;
    }
    if (resumed_in_plain_run_to_lim(st) && !continues_text_before(prefix, st.tok)) {
        // A DFA that walked a short joined run to lim, which goes on: parked too.
        if (parks_run_from_tok<kBackslash>(st)) return PlainRunResume::waiting;
        if (st.state < 0) return PlainRunResume::dfa;   // handed back: a fresh DFA from `tok`
    }
    return PlainRunResume::none;
}

/// url_bracket, url_backslash: calls `tokens` (the grammar's lex function)
/// once; when a parked run with an anchor is resumed at the end of input,
/// once more, as the DFA it hands the token to waits at lim first.
template <class Tokens>
inline LexStatus lex_past_parked_url_run(LexState& st, Tokens tokens) {
    const bool anchored_end = (st.skip_state & kUrlRunAnchored) != 0 && st.cur == st.lim;
    const LexStatus status = tokens();
    return anchored_end && status == LexStatus::waiting ? tokens() : status;
}

}  // namespace iocscan::detail
