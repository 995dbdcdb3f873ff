// url_bracket, url_backslash: what a lex call does first about a run of
// plain address bytes it parked at lim (simd/url_anchor_skip.hpp says why
// parking is exact). One definition for both grammars.
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
        if (st.cur == st.lim) {
            // Resumed without new bytes: the input has ended. The run's
            // token holds no anchor, so the DFA would end it reporting
            // nothing and wait between tokens at lim: the same here.
            st.skip_state = 0;
            st.start_token();
            st.state = -1;
            return PlainRunResume::waiting;
        }
        return plain_run_parks(st, plain_address_run_end<kBackslash>(st.cur, st.lim)) ? PlainRunResume::waiting
                                                                                        : PlainRunResume::dfa;
    }
    if (resumed_in_plain_run_to_lim<kBackslash>(st) && !follows_at_sign(prefix, st.tok)) {
        // A DFA that walked a short plain run to lim, which goes on: parked too.
        return plain_run_parks(st, st.lim) ? PlainRunResume::waiting : PlainRunResume::dfa;
    }
    return PlainRunResume::none;
}

}  // namespace iocscan::detail
