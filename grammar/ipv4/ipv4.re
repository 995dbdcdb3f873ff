// ipv4 and cidr: four decimal octets separated by a dot or a defanged dot.
//
// The scanner consumes each maximal "dotted number run" — digit groups joined
// by separators — once, and only then decides: a run of exactly four groups
// of 1-3 digits, each at most 255, is an address. A longer run (a version
// string such as 1.2.3.4.5) or a longer digit group (01234.1.1.1) is
// nothing, and none of its pieces is reported, so a failed candidate never
// sends the scanner back to rescan its tail. A run followed by /N is a cidr
// when N is 0-32 and no letter or "_" is glued to N. A run right after a
// letter, "_" or "Word/" is a version number (is_version_prefix(),
// families/ipv4/ipv4_run.hpp), also when it is four octets, unless Word is
// a Squid hierarchy code ("HIER_DIRECT/45.33.2.1") or a path segment or
// host ("/dev/tcp/203.0.113.89", "ipinfo.io/1.2.3.4"). After "%", the run's
// first two digits end a percent escape ("%20192.168.1.1": after_percent_escape()).
// The eight bytes before the run come through LongTokenPrefix, kept in
// st.flags and st.depth.
#include "core/candidate_sink.hpp"
#include "families/ipv4/ipv4_run.hpp"
#include "families/rule_ids.hpp"
#include "simd/skip_scan.hpp"
#include "families/common/long_run_lex.hpp"
#include "families/common/token_prefix.hpp"

#include <algorithm>

namespace iocscan::detail {

/*!include:re2c "common.re" */

namespace {

/// The action of a run token [st.tok, st.cur) whose address part ends at
/// `end`: an address or a cidr, unless the token is too long or a version.
void report_run(const LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix, const unsigned char* end) {
    const unsigned char* const begin = after_percent_escape(prefix, st.tok, end);
    if (!is_digit(*begin)) return;   // the escape was the whole first group
    if (const unsigned char* address_end = tcpdump_address_end(prefix, begin, end)) end = address_end;
    const bool version = begin == st.tok && is_version_prefix(prefix, st.tok);
    if (st.token_fits()) emit_dotted_run(sink, begin, end, version);
}

/// The same for a token [st.tok, st.cur) the skip found to be four digit
/// groups joined by plain dots (to_ipv4_run()'s `quad_end`, with
/// kPlainRunReach bytes readable from st.tok), judged by byte masks: most
/// tokens are, and emit_dotted_run() walked each byte twice.
void report_plain_quad(const LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix) {
#if defined(__SSE2__)
    if (prefix.before(st.tok, 1) == '%') [[unlikely]] {
        report_run(st, sink, prefix, st.cur);   // its first digits may be an escape's
        return;
    }
    if (!skip::plain_quad_is_address(skip::load16(st.tok), static_cast<int>(st.cur - st.tok))) return;
    const bool version = is_version_prefix(prefix, st.tok);
    if (st.token_fits()) emit_address(sink, st.tok, st.cur, version);
#else
    report_run(st, sink, prefix, st.cur);
#endif
}

LexStatus lex_dotted_runs(LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix) {
    unsigned char yych;
    // st.skip_state set: the skip parked at lim with a digit of a long run
    // kept in `tok` (skip::past_long_dotted_run); no DFA state is pending.
    if (st.skip_state != 0) {
        const bool input_ended = st.cur == st.lim;   // resumed without new bytes
        st.cur = st.tok;
        if (input_ended) {
            // The DFA ends the long run's token, which reports nothing.
            st.skip_state = 0;
            st.overlong = true;
            goto dfa;
        }
        goto long_run;
    }
    if (st.state < 0) {
        // Parked at lim between tokens (below) and resumed without new
        // bytes: the input has ended.
        if (st.cur == st.lim) return LexStatus::end;
        // The first token goes through the skip too. (A DFA the driver
        // restarted inside an overlong token resumes as it was.)
        if (!st.overlong) goto next_token;
    }
    /*!getstate:re2c*/
    for (;;) {
    next_token:
        // Non-digits, which `[^0-9]+` below skips, and digit groups that
        // cannot start an address are passed over (simd/skip_scan.hpp).
        {
            const unsigned char* quad_end = nullptr;
            st.cur = skip::to_ipv4_run(st.cur, st.lim, st.blocks, quad_end);
            if (quad_end != nullptr) {
                // A plain run of four groups that ends at a token boundary:
                // the token the DFA would take, judged without it.
                st.start_token();
                st.cur = quad_end;
                report_plain_quad(st, sink, prefix);
                continue;
            }
        }
    long_run:
        // Runs too long to report are passed too (simd/skip_scan.hpp).
        st.cur = skip::past_long_dotted_run<skip::Ipv4Words>(st.cur, st.lim, st.max_token, st.skip_state);
        st.start_token();
        // Parked: `tok` is kept, the next call goes on from it.
        if (long_run_parks(st)) return LexStatus::waiting;
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well (a DFA waiting at lim
            // would take a whole run of non-digits in them byte by byte).
            st.state = -1;
            return LexStatus::waiting;
        }
    dfa:
        /*!re2c
            open  = [[(];
            close = [\])];
            // ".", "\.", "[.]", "(.)", "[dot]", "(dot)", and unbalanced forms
            // such as "[[.]]]", ".]]" or "]]" alone. At most four brackets
            // on a side keeps the lookahead past an accepted run short.
            // "\\." and "\\\\." (a backslash escaped once more, as in JSON).
            sep = open{0,4} "\\"{0,2} "." close{0,4}
                | open{1,3} 'dot' close{1,3}
                | "]]" "]"?;
            run = digit+ (sep digit+)*;

            run ("/" digit+)? {
                report_run(st, sink, prefix, st.cur);
                continue;
            }
            // A reverse-DNS name ("17.85.215.91.in-addr.arpa") writes the
            // address backwards: its groups name another host.
            run sep 'in-addr' sep 'arpa' { continue; }
            // "10.1.2.0/2a": a number glued to a letter is a path segment,
            // not a prefix length; the address before it stands alone.
            run "/" digit+ [a-zA-Z_] {
                report_run(st, sink, prefix, std::find(st.tok, st.cur, static_cast<unsigned char>('/')));
                continue;
            }
            [^0-9]+ { continue; }
            $       { return LexStatus::end; }
            *       { continue; }
        */
    }
}

}  // namespace

LexStatus lex_ipv4(LexState& st, CandidateSink& sink) {
    // st.flags, st.depth: the eight bytes before the token start
    // (families/common/token_prefix.hpp), which the driver may drop before
    // the next call.
    const LongTokenPrefix prefix = long_token_prefix(st);
    const LexStatus status = lex_past_parked_end(st, [&] { return lex_dotted_runs(st, sink, prefix); });
    keep_long_token_prefix(st, prefix);
    return status;
}

}  // namespace iocscan::detail
