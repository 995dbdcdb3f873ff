// domain: host names whose last label is a real public suffix, plain or
// defanged ("evil-cdn[.]com", "(.)", "[dot]", "(dot)", "{.}", "\.").
//
// The scanner consumes each maximal "host run" once - labels of letters,
// digits, "-" and "_" joined by (possibly defanged) dots - together with
// what decides about it and is next to it: a scheme ("http://") before it,
// and one "(", "=" or at-sign ("@", "[@]", "(at)", ...: families/email/at_sign.hpp)
// after it (a call, a key, an e-mail local part).
// src/families/domain/domain_run.cpp then decides on the whole run against the Public
// Suffix List and the noise rules of docs/domains-phones.md. A run right
// after "/" or "\" is a path segment and is consumed without a report, and
// so is one that a letter written in UTF-8 touches on either side
// ("münchen.de", "bank.coñ", "mail.shop.рф": pieces of names the DFA cannot
// read, as every byte >= 0x80 ends a label); the bytes before the token come through
// TokenPrefix (families/common/token_prefix.hpp), kept in st.flags.
// Underscores of Markdown emphasis around a name ("_evil.com_") are cut
// (families/common/markdown_emphasis.hpp). A run right after "%" loses
// the digits of a URL escape or a printf directive ("%40victim.com",
// "%s.com": domain_run.cpp).
#include "core/candidate_sink.hpp"
#include "families/common/markdown_emphasis.hpp"
#include "families/common/token_prefix.hpp"
#include "families/common/utf8_letter.hpp"
#include "families/domain/domain_run.hpp"
#include "families/rule_ids.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */
/*!include:re2c "host_run.re" */

namespace {

/// Whether the host run [st.tok, st.cur) is a piece of a longer name
/// written with letters outside ASCII. The byte that ended the run is in
/// the buffer unless the input ended.
bool in_non_ascii_name(const LexState& st, const TokenPrefix& prefix) {
    return follows_two_byte_letter(prefix, st.tok) || precedes_two_byte_letter(st.cur, st.lim);
}

LexStatus lex_domain_runs(LexState& st, CandidateSink& sink, const TokenPrefix& prefix) {
    unsigned char yych;
    /*!getstate:re2c*/
    for (;;) {
        st.start_token();
        /*!re2c
            run    = lab (dotsep lab)*;
            scheme = [a-zA-Z]+ scheme_s_mark? ("://" | "[:]//" | "[://]" | ":\\/\\/");
            // An at-sign as families/email/at_sign.hpp reads it: "@", "[@]", "(at)", ...
            after  = [(=@] | "[@]" | "(@)" | "{@}" | "[" 'at' "]" | "(" 'at' ")" | "{" 'at' "}";

            // A single label is never a domain: most words end here without
            // a call into domain_run.cpp. Same length as the next rule on
            // such a word; the first listed wins.
            lab after?             { continue; }
            scheme? run after? {
                if (st.token_fits() && !in_non_ascii_name(st, prefix)) {
                    // "_evil.com_": Markdown's underscores around the name.
                    static constexpr ByteSet kNothingAfterCloser{""};
                    const Unemphasized name = without_emphasis(prefix, st.tok, st.cur, kNothingAfterCloser);
                    // "%40victim.com", "%s.com": an escape or a directive before the name.
                    const bool after_percent = name.begin == st.tok && prefix.before(st.tok, 1) == '%';
                    emit_domain_run(sink, name.begin, name.end, after_percent);
                }
                continue;
            }
            [/\\] run after?       { continue; }
            [^a-zA-Z0-9_\-/\\]+    { continue; }
            $                      { return LexStatus::end; }
            *                      { continue; }
        */
    }
}

}  // namespace

LexStatus lex_domain(LexState& st, CandidateSink& sink) {
    // st.flags: the bytes before the token start, which the driver may drop
    // before the next call.
    const TokenPrefix prefix(st.tok, st.flags);
    const LexStatus status = lex_domain_runs(st, sink, prefix);
    st.flags = prefix.saved_at(st.tok);
    return status;
}

}  // namespace iocscan::detail
