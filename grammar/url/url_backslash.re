// url, rule "backslash": an address with a dot written as "\.", optionally
// with single spaces around ("evil \ . example"), with or without a scheme:
// evil\.example\.net/x.
//
// Same shape and the same linear-time argument as url_bracket.re: runs of
// address characters are consumed whole; a run of punctuation only
// ("\.\.\....") is skipped as one token.
// A token right after an at-sign ("ops[@]team[.]com", "ops [at] team[.]com",
// families/email/at_sign.hpp) is an e-mail address's domain, not a URL: the eight
// bytes before it come through LongTokenPrefix, kept in st.flags and
// st.depth. (An at-sign after the host is seen by the
// post-pass, families/url/url_host_check.hpp, as the token holds it.)
#include "families/rule_ids.hpp"
#include "families/url/url_emit.hpp"
#include "families/url/url_plain_run.hpp"
#include "simd/url_anchor_skip.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */
/*!include:re2c "url_common.re" */

namespace {

/// Whether the token at `tok` is a piece of a regex: it opens a regex
/// literal ("$a = /evil\.com/" in YARA, after a blank, "=" or "("), or
/// follows a quantifier or a closing bracket, directly or after an escaped
/// dot ("[a-z]+\.evil\.com", "(www\.)?evil\.com", "[0-9]{1,3}\.evil\.org").
/// Then its "\." is the regex's escaped dot, not a defang.
[[gnu::always_inline]] inline bool is_regex_piece(const LongTokenPrefix& prefix, const unsigned char* tok) {
    const unsigned char before = prefix.before(tok, 1);
    if (before == '/') {
        const unsigned char opener = prefix.before(tok, 2);
        if (opener == ' ' || opener == '\t' || opener == '=' || opener == '(') return true;
    }
    const bool escaped_dot = before == '.' && prefix.before(tok, 2) == '\\';
    const unsigned char last = escaped_dot ? prefix.before(tok, 3) : before;
    return last == '+' || last == '*' || last == '?' || last == '}' || last == ']' || last == ')';
}

/// Whether the token [st.tok, st.cur) goes to an emit call: it goes on from
/// no text before it, and is no regex piece unless overlong (the emit call
/// counts an overlong token as dropped whatever the bytes before it, as the
/// skip may park a long run from another start than the DFA alone).
[[gnu::always_inline]] inline bool goes_to_emit(const LongTokenPrefix& prefix, const LexState& st) {
    if (continues_text_before(prefix, st.tok)) return false;
    return st.overlong || !st.token_fits(kMaxUrlLength) || !is_regex_piece(prefix, st.tok);
}

LexStatus lex_url_backslash_tokens(LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix) {
    unsigned char yych;
    const unsigned char* next_anchor = nullptr;   // url_anchor_skip's cache for this call
    // A run of plain address bytes parked at lim (st.skip_state), or one the
    // DFA walked to lim: parked (again), or handed to a fresh DFA.
    const PlainRunResume resume = resume_plain_run<true>(st, prefix);
    if (resume == PlainRunResume::waiting) return LexStatus::waiting;
    // Where a token start may be parked in a joined run: looked for once per
    // call, after the bytes of a parked run are passed.
    ParkableRun<true> parkable(st.cur, st.lim);
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
        st.cur = url_anchor_skip<true>(st.cur, st.lim, next_anchor);
        st.start_token();
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well (a DFA waiting at lim
            // inside a skip token would take the next piece byte by byte).
            st.state = -1;
            return LexStatus::waiting;
        }
        // A joined run that reaches lim waits there without the DFA
        // (simd/url_anchor_skip.hpp).
        if (parkable.holds(st) && !continues_text_before(prefix, st.tok) && parkable.parks(st)) {
            return LexStatus::waiting;
        }
    dfa:
        /*!re2c
            sdot = "\\" " "? ".";
            sgrp = " "? sdot (" " uchar)?;

            surl = word atok* sgrp (sgrp | bunit | "]"+ bunitp)* "]"*;

            // After the anchor: the URL body (url_common.re), defang dots included.
            surl {
                if (goes_to_emit(prefix, st)) emit_url_items(st, sink, kRuleUrlBackslash, prefix);
                continue;
            }
            // Ended by string escapes (evil\.com\n\"): as in url_bracket.re.
            surl ("\\" [nrt"'])+ {
                if (goes_to_emit(prefix, st)) emit_url_before_escape(st, sink, kRuleUrlBackslash, prefix);
                continue;
            }
            // Right after a double quote, "\." is a string or regex escape
            // (grep "foo\.bar", C, YARA); JSON has no such escape.
            "\"" (surl | word atok*) { continue; }
            word atok*     { continue; }
            clsnw+         { continue; }
            // Stops at whitespace: a token never holds a whole line back;
            // and before '"', which may start a token of its own.
            ([^] \ cls \ [ \t\r\n"])+ { continue; }
            $              { return LexStatus::end; }
            *              { continue; }
        */
    }
}

}  // namespace

LexStatus lex_url_backslash(LexState& st, CandidateSink& sink) {
    return lex_past_parked_url_run(st, [&] {
        // st.flags, st.depth: the eight bytes before the token start
        // (families/common/token_prefix.hpp), which the driver may drop before the next call.
        const LongTokenPrefix prefix = long_token_prefix(st);
        const LexStatus status = lex_url_backslash_tokens(st, sink, prefix);
        keep_long_token_prefix(st, prefix);
        return status;
    });
}

}  // namespace iocscan::detail
