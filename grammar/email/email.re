// email: local@domain, plain or defanged, found in linear time.
//
// The scanner consumes each maximal "address run" once: words of address
// characters joined by dots or at-signs, each possibly defanged ("[.]",
// "(dot)", " dot ", "[@]", "{@}", " at ", "[at]", ...). src/families/email/email_run.cpp
// then pairs the parts around each at-sign and keeps the valid addresses.
// A plain space joins nothing, so the word before "ops.team@example.org" in
// "write to ops.team@example.org" never becomes part of the local part, and
// "at"/"dot" count as separators only between spaces or inside brackets, so
// "Atlas" or "ycombinator" never turn into an "@"; a bare spaced " at " only
// before a domain written with " dot " (email_run.cpp). The userinfo of a URL
// ("http://user:pw@host/") is no address: the two bytes before the run
// (families/common/token_prefix.hpp) and the byte after the domain tell.
// Paired Markdown emphasis around a run ("__a@evil.com__") is cut
// (families/common/markdown_emphasis.hpp). A quoted-printable soft line
// break inside a word ("sup=\nport@evil.example") cuts the name on each
// side of it (families/common/soft_line_break.hpp), an apostrophe after a
// letter the name after it ("o'brien@example.com": follows_name_apostrophe()).
// A message identifier in a mail header ("Message-ID: <id@host>",
// "References: <a@host> <b@host>") is no mailbox (follows_message_id_header(),
// continues_message_id_list()).
#include "core/candidate_sink.hpp"
#include "families/email/email_run.hpp"
#include "families/rule_ids.hpp"
#include "simd/skip_scan.hpp"
#include "families/common/long_run_lex.hpp"
#include "families/common/markdown_emphasis.hpp"
#include "families/common/soft_line_break.hpp"
#include "families/common/token_prefix.hpp"
#include "families/common/utf8_letter.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

namespace {

LexStatus lex_email_runs(LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix,
                         MessageIdContext& message_ids) {
    unsigned char yych;
    // Queues the addresses of the run [st.tok, end); `cut_after`: a letter
    // written in UTF-8 or a soft line break cuts its last name.
    const auto emit_run = [&](const unsigned char* end, bool cut_after) {
        const bool message_id = st.token_fits() && (follows_message_id_header(message_ids, st.tok) ||
                                                    continues_message_id_list(message_ids, st.tok));
        message_ids.note_run(message_id, end);
        if (!st.token_fits() || message_id) return;
        // "__a@evil.com__": Markdown's underscores, address characters, are
        // in the run; "*" and "~" never are, so only a run that starts at
        // "_" can hold a pair to cut.
        Unemphasized address{st.tok, end};
        if (*st.tok == '_') address = without_emphasis(prefix, st.tok, end, kNoTrailingPunctuation);
        const bool cut_before = follows_soft_line_break(prefix, st.tok, is_email_char) ||
                                follows_name_apostrophe(prefix, st.tok, *end);
        emit_email_run(sink, address.begin, address.end, prefix.before(st.tok, 2), prefix.before(st.tok, 1),
                       cut_before, cut_after);
    };
    // st.skip_state set: the skip parked at lim with a word byte of a long
    // run kept in `tok` (skip::past_long_dotted_run); no DFA state is pending.
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
        // Text before anything that could make an at-separator holds no
        // address and is passed over quickly (simd/skip_scan.hpp).
        st.cur = skip::to_email_at(st.cur, st.lim, st.blocks);
    long_run:
        // Runs too long to report are passed too (simd/skip_scan.hpp).
        st.cur = skip::past_long_dotted_run<skip::EmailWords>(st.cur, st.lim, st.max_token, st.skip_state);
        st.start_token();
        // Parked: `tok` is kept, the next call goes on from it.
        if (long_run_parks(st)) return LexStatus::waiting;
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well.
            st.state = -1;
            return LexStatus::waiting;
        }
    dfa:
        /*!re2c
            lchar = [a-zA-Z0-9_%+\-];
            sp    = " ";
            dotmark = "." | 'dot';
            atmark  = "@" | 'at';
            // Up to three spaces around and inside a bracketed mark
            // ("example  [  .  ]   com"); bounded, so that a run of spaces
            // is read once from each token start.
            sps   = sp{0,3};
            // A dot bracketed on one side only, as a URL host and an IPv4
            // read one (spec ip4-05; url_parts.hpp open_dot_token(),
            // closing_dot_run()): "[" or "(" before "." and a word
            // ("com[.tld"), "]" or ")" after a word and "." ("com.]tld").
            // Spaces only before "[": after a space, "(" opens an aside
            // ("ops@evil.com (.net too)"). One bracket: "[[[[ [ . )])" is
            // no defang an analyst writes.
            half_dot = sps "[" "." | "(" "." | "." [\])];
            dotsep = "."
                   | sps "[" sps dotmark sps "]" sps
                   | sps "(" sps dotmark sps ")" sps
                   | sps "{" sps dotmark sps "}" sps
                   | half_dot
                   | sp 'dot' sp;
            // " @ ": YARA author fields ("ths @ ccc.de"); "@ " counts
            // before a defanged domain (email_run.cpp). " @" alone starts a
            // mention ("and @cdn-update[.]top"), no at-separator.
            atsep  = "@"
                   | sp "@" sp
                   | "@" sp
                   | sps "[" sps atmark sps "]" sps
                   | sps "(" sps atmark sps ")" sps
                   | sps "{" sps atmark sps "}" sps
                   | sp 'at' sp;
            run = lchar+ ((dotsep | atsep) lchar+)*;

            // A run without an at-separator holds no address. On such a run
            // this rule and `run` match the same length; the first listed wins.
            lchar+ (dotsep lchar+)* ("."? utf8_pair)? { continue; }
            run {
                emit_run(st.cur, precedes_two_byte_letter(st.cur, st.lim));
                continue;
            }
            // The character after the run read whole: "ops@evil.com×2" holds
            // an address, "admin@example.coñ" none (utf8_letter.hpp).
            run "."? utf8_pair {
                const NameBeforeUtf8Pair name = name_before_utf8_pair(st.cur);
                emit_run(name.end, name.letter_after);
                continue;
            }
            // A soft line break in a word (soft_line_break.hpp): the last
            // name goes on after it, and so does the next run's first.
            run "=" "\r"? "\n" lchar {
                --st.cur;
                emit_run(soft_line_break_start(st.cur), true);
                continue;
            }
            ([^]\lchar)+ { continue; }
            $            { return LexStatus::end; }
            *            { continue; }
        */
    }
}

}  // namespace

LexStatus lex_email(LexState& st, CandidateSink& sink) {
    // st.flags, st.depth: the eight bytes before the token start, which the
    // driver may drop before the next call; st.cond: the four before them
    // (a message identifier's header name, follows_message_id_header())
    // and where the last run ended if it was an identifier, when that is
    // near (continues_message_id_list()).
    const LongTokenPrefix prefix = long_token_prefix(st);
    MessageIdContext message_ids(prefix, st.tok, static_cast<unsigned>(st.cond));
    const LexStatus status =
        lex_past_parked_end(st, [&] { return lex_email_runs(st, sink, prefix, message_ids); });
    st.cond = static_cast<int>(message_ids.saved_at(st.tok));
    keep_long_token_prefix(st, prefix);
    return status;
}

}  // namespace iocscan::detail
