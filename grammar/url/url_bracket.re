// url, rule "bracket": an address with a dot written as "[.]" or "(.)",
// optionally with single spaces inside or around ("evil [ . ] example"),
// with or without a scheme: evil[.]example[.]net/x, 198[.]51[.]100[.]7.
//
// As in iocextract, the URL starts at a word boundary inside a run of
// address characters (letters, digits, _ . : / \ - and defang tokens such as
// "[:]" or "[dot]", see url_common.re), needs a defanged dot after its first
// word character, and then takes every URL character up to whitespace, a
// control byte, a byte >= 0x80 or the end.
//
// Linear: every run of address characters is consumed whole, either as a
// URL or by a skip rule that accepts at each of its bytes, so a failed
// candidate never sends the scanner back into the run. A run of
// punctuation only ("[.][.][.]...") is skipped as one token: it has no word
// boundary to start at. The look-ahead past an accepting state is at most
// the few bytes of a spaced "[ . ]".
// A token right after an at-sign ("ops[@]team[.]com", "ops [at] team[.]com",
// families/email/at_sign.hpp) is an e-mail address's domain, not a URL: the eight
// bytes before it come through LongTokenPrefix, kept in st.flags and
// st.depth. (An at-sign after the host is seen by the
// post-pass, families/url/url_host_check.hpp, as the token holds it.)
#include "families/rule_ids.hpp"
#include "families/url/url_emit.hpp"
#include "families/url/url_host_check.hpp"
#include "families/url/url_plain_run.hpp"
#include "simd/url_anchor_skip.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */
/*!include:re2c "url_common.re" */

namespace {

/// Whether a lone run (simd/url_anchor_skip.hpp) may start at `begin`: "x "
/// before it, x a letter or digit.
[[gnu::always_inline]] inline bool starts_alone(const LongTokenPrefix& prefix, const unsigned char* begin) {
    return prefix.before(begin, 1) == ' ' && is_alnum(prefix.before(begin, 2));
}

/// Whether [begin, end) holds too few bytes for a host
/// (may_name_plausible_host(), which holds as well for a scheme and its
/// separator: a generic match passes it). Then the post-pass reports no URL
/// candidate inside it, whatever rules are merged.
inline bool names_no_host(const unsigned char* begin, const unsigned char* end) {
    return !may_name_plausible_host(
        std::string_view(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin)));
}

/// Whether the URL token [st.tok, st.cur) need not be queued: a lone run
/// that names no host ("a[.]a" in prose: one token every few bytes). Its
/// items, and every candidate of a longer URL that could hold it and gain
/// its rule, lie in it and are dropped by the post-pass. (A token too long
/// is queued as ever: --stats counts its drop.)
[[gnu::always_inline]] inline bool names_no_host_alone(const LongTokenPrefix& prefix, const LexState& st) {
    return !opens_with_three_label_bytes(st.tok) && starts_alone(prefix, st.tok) && ends_alone(st.cur, st.lim) &&
           st.token_fits(kMaxUrlLength) && names_no_host(st.tok, st.cur);
}

LexStatus lex_url_bracket_tokens(LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix) {
    unsigned char yych;
    const unsigned char* next_anchor = nullptr;   // url_anchor_skip's cache for this call
    bool after_hostless = false;                  // a token just passed by names_no_host_alone()
    // A run of plain address bytes parked at lim (st.skip_state), or one the
    // DFA walked to lim: parked (again), or handed to a fresh DFA.
    const PlainRunResume resume = resume_plain_run<false>(st, prefix);
    if (resume == PlainRunResume::waiting) return LexStatus::waiting;
    // Where a token start may be parked in a joined run: looked for once per
    // call, after the bytes of a parked run are passed.
    ParkableRun<false> parkable(st.cur, st.lim);
    if (resume == PlainRunResume::dfa) goto dfa;
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
        // Passes over text where no URL can start (simd/url_anchor_skip.hpp).
        st.cur = url_anchor_skip<false>(st.cur, st.lim, next_anchor);
        st.start_token();
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well (a DFA waiting at lim
            // inside a skip token would take the next piece byte by byte).
            st.state = -1;
            return LexStatus::waiting;
        }
        // After a lone token that names no host, the next runs may be
        // alike ("a[.]a a[.]a ..."): passed as long as they are
        // (simd/url_anchor_skip.hpp). Elsewhere they are too rare to look for.
        if (after_hostless && is_word(*st.cur)) {
            after_hostless = false;
            if (skip::skips_on() && starts_alone(prefix, st.cur)) {
                if (const unsigned char* const past = past_hostless_lone_runs(st.cur, st.lim); past != st.cur) {
                    st.cur = past;
                    continue;
                }
            }
        }
        // A joined run that reaches lim waits there without the DFA
        // (simd/url_anchor_skip.hpp).
        if (parkable.holds(st) && !continues_text_before(prefix, st.tok) && parkable.parks(st)) {
            return LexStatus::waiting;
        }
    dfa:
        /*!re2c
            bgrp = " "? bdot (" " uchar)?;

            // After the anchor: the URL body (url_common.re), defang dots included.
            word atok* bgrp (bgrp | bunit | "]"+ bunitp)* "]"* {
                if (continues_text_before(prefix, st.tok)) continue;
                if (names_no_host_alone(prefix, st)) {
                    after_hostless = true;
                } else {
                    emit_url_items(st, sink, kRuleUrlBracket, prefix);
                }
                continue;
            }
            // Ended by string escapes (evil[.]com\n\"): the run of address
            // characters goes on past the URL, so this rule must be as long
            // as `word atok*` to win; the URL ends before the escapes.
            word atok* bgrp (bgrp | bunit | "]"+ bunitp)* "]"* ("\\" [nrt"'])+ {
                if (!continues_text_before(prefix, st.tok)) emit_url_before_escape(st, sink, kRuleUrlBracket, prefix);
                continue;
            }
            word atok*     { continue; }
            clsnw+         { continue; }
            // Stops at whitespace: a token never holds a whole line back.
            ([^] \ cls \ [ \t\r\n])+ { continue; }
            $              { return LexStatus::end; }
            *              { continue; }
        */
    }
}

}  // namespace

LexStatus lex_url_bracket(LexState& st, CandidateSink& sink) {
    return lex_past_parked_url_run(st, [&] {
        // st.flags, st.depth: the eight bytes before the token start
        // (families/common/token_prefix.hpp), which the driver may drop before the next call.
        const LongTokenPrefix prefix = long_token_prefix(st);
        const LexStatus status = lex_url_bracket_tokens(st, sink, prefix);
        keep_long_token_prefix(st, prefix);
        return status;
    });
}

}  // namespace iocscan::detail
