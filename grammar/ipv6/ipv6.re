// ipv6: RFC 4291 text forms, found in linear time.
//
// The scanner consumes each maximal run of word characters, colons and dots
// (plus an optional "%zone") exactly once and hands it to a C++ validator
// (src/families/ipv6/ipv6_run.cpp), which decides whether the run, or its tail after a
// "label:" prefix such as "IPv6:", is one address. A run that is not an
// address reports nothing and is never rescanned from its second byte, so
// clock times, MAC addresses and "std::" scopes cost one pass. Brackets and
// ":port" are outside the run: "[2001:db8::7]:8080" reports 2001:db8::7.
#include "core/candidate_sink.hpp"
#include "families/ipv6/ipv6_run.hpp"
#include "families/rule_ids.hpp"
#include "simd/skip_scan.hpp"
#include "families/common/token_prefix.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

namespace {

LexStatus lex_ipv6_runs(LexState& st, CandidateSink& sink, const TokenPrefix& prefix) {
    unsigned char yych;
    const unsigned char* settled_end = nullptr;   // the token's end, when the skip settled it
    // st.flags set: the skip stopped at lim inside a token that reports
    // nothing (simd/skip_scan.hpp, to_ipv6_run); no DFA state is pending, the
    // skip goes on with it.
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
        // Colon-free runs, single other bytes and runs that cannot hold an
        // address are passed over quickly (simd/skip_scan.hpp).
        st.cur = skip::to_ipv6_run(st.cur, st.lim, st.flags, settled_end);
        st.start_token();
        if (st.flags != 0) return LexStatus::waiting;
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well.
            st.state = -1;
            return LexStatus::waiting;
        }
        if (settled_end == nullptr) settled_end = skip::ipv6_whole_token_end(st.cur, st.lim);
        if (const unsigned char* const end = settled_end; end != nullptr) {
            // The token the DFA would take below (the second rule: a run
            // without colon or zone reports nothing there as well).
            st.cur = end;
            if (st.token_fits()) {
                st.cur = emit_ipv6_run(sink, st.tok, st.cur, prefix.before(st.tok, 2), prefix.before(st.tok, 1));
            }
            continue;
        }
        /*!re2c
            runchar  = word | [:.];
            zonechar = word | [.\-];

            // Words and dotted names without a colon, the bulk of any
            // text, are passed over without a call to the validator.
            (word | ".")+ { continue; }
            // "2001:db8::/32": a prefix length makes a cidr. It has three
            // digits at most; the DFA takes four, so that it has read the
            // byte after a shorter one (emit_ipv6_run() looks at it). A
            // "/digits" that makes no cidr is no part of the token: the
            // lexer goes on from its "/", as if the run ended there.
            runchar+ ("%" zonechar+ | "/" digit{1,4})? {
                if (st.token_fits()) {
                    st.cur = emit_ipv6_run(sink, st.tok, st.cur, prefix.before(st.tok, 2), prefix.before(st.tok, 1));
                }
                continue;
            }
            [^]\runchar { continue; }
            $           { return LexStatus::end; }
            *           { continue; }
        */
    }
}

}  // namespace

LexStatus lex_ipv6(LexState& st, CandidateSink& sink) {
    // st.cond: the two bytes before the token start, which the driver may
    // drop before the next call (st.flags belongs to the skip).
    const TokenPrefix prefix(st.tok, static_cast<unsigned>(st.cond));
    const LexStatus status = lex_ipv6_runs(st, sink, prefix);
    st.cond = static_cast<int>(prefix.saved_at(st.tok));
    return status;
}

}  // namespace iocscan::detail
