/*!re2c
    // The start of a run-start rule's lex function (cve, asn, attack,
    // mac, regkey, ssdeep, btc, eth, xmr): restore the saved state.
*/    unsigned char yych;
    // st.flags set: the skip stopped at lim inside a run that starts no
    // candidate (simd/run_start_skip.hpp); no DFA state is pending, the skip
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