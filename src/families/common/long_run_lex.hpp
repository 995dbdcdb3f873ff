// ipv4, email: the lex protocol around skip::past_long_dotted_run(), which
// passes runs too long to report; one definition for both grammars.
#pragma once

#include "core/lex_state.hpp"
#include "simd/skip_scan.hpp"

namespace iocscan::detail {

/// After the long-run skip: a run dropped from here goes to the DFA with
/// `overlong` set (false); a parked one keeps `tok` and waits at lim with
/// no DFA state pending (true: the lex function returns `waiting`).
inline bool long_run_parks(LexState& st) {
    if (st.skip_state == skip::kLongRunDropFrom) {
        st.skip_state = 0;
        st.overlong = true;
        return false;
    }
    if (st.skip_state == 0) return false;
    st.mar = st.tok;
    st.accept = 0;
    st.cur = st.lim;
    st.state = -1;
    return true;
}

/// Calls `runs` (the grammar's lex function) once; when a parked skip is
/// resumed without new bytes (the input has ended), until no call waits
/// for bytes: the DFA it hands the kept token to waits at lim once more,
/// and only the calls after that see the end.
template <class Runs>
LexStatus lex_past_parked_end(LexState& st, Runs runs) {
    const bool input_ended = st.skip_state != 0 && st.cur == st.lim;
    LexStatus status = runs();
    while (input_ended && status == LexStatus::waiting && (st.skip_state != 0 || st.state >= 0)) status = runs();
    return status;
}

}  // namespace iocscan::detail
