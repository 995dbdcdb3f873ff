// domain: host names whose last label is a real public suffix, plain or
// defanged ("evil-cdn[.]com", "(.)", "[dot]", "(dot)", "{.}", "\.").
//
// The scanner consumes each maximal "host run" once - labels of letters,
// digits, "-" and "_" joined by (possibly defanged) dots - together with
// what decides about it and is next to it: a scheme ("http://") before it,
// and one "(", "=" or at-sign ("@", "[@]", "(at)", ...: families/email/at_sign.hpp)
// after it (a call, a key, an e-mail local part), or HTML's "&#64;" or
// "&#46;" (a local part, the first labels of a longer name).
// src/families/domain/domain_run.cpp then decides on the whole run against the Public
// Suffix List and the noise rules of docs/domains-phones.md. A run right
// after "/" or "\" is a path segment and is consumed without a report, and
// so is one that a letter written in UTF-8 touches on either side
// ("münchen.de", "bank.coñ", "mail.shop.рф": pieces of names the DFA cannot
// read, as every byte >= 0x80 ends a label); the bytes before the token come through
// LongTokenPrefix (families/common/token_prefix.hpp), kept in st.flags and
// st.depth.
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
#include "simd/ascii_class.hpp"

#include <algorithm>
#include <cstring>

namespace iocscan::detail {

/*!include:re2c "common.re" */
/*!include:re2c "host_run.re" */

namespace {

/// st.skip_state of a run whose next bytes ended the buffer with the lead
/// byte C3 of "×", "÷" or a letter (two_byte_letter_after()): the call
/// returned `waiting` with the token [tok, cur) kept, and decides on it
/// when it resumes.
constexpr unsigned kRunBeforeLeadAtLim = 1;

/// st.cond in a DNS SOA record ("example.com. IN SOA ns1.example.com.
/// hostmaster.example.com. ( ..."): the last run decided was the record's
/// first name, the name server, right after "SOA" (follows_soa()); the
/// next run, right after it, is the responsible person's mailbox written
/// with a dot for its "@" (RFC 1035 3.3.13: hostmaster@example.com), no
/// host. (A DFA rule for "SOA" cost 0.5 % of --types all: it splits the
/// states of every word.) Every token but blanks and punctuation ends
/// that state (forget_soa_name()): the mailbox is the very next name, so
/// a name long after the record ("SOA ns1.x.net. The implant contacted
/// evil.com") is never taken for it, and a scan started anywhere agrees.
enum SoaName : int { kNoSoaName = 0, kSoaMailboxNext = 1 };

/// A token that is no run and no blanks or punctuation came: no mailbox follows.
inline void forget_soa_name(LexState& st) { st.cond = kNoSoaName; }

/// Whether the run at `run` follows the word "SOA" (any case) and one to
/// four blanks ("IN SOA  ns1.example.com.", a tab, a line break).
inline bool follows_soa(const LongTokenPrefix& prefix, const unsigned char* run) {
    int back = 1;
    while (back <= 4 && is_space_or_control(prefix.before(run, back))) ++back;
    if (back == 1) return false;
    return prefix_ends_in(prefix, run, back, "soa") && !is_label_char(prefix.before(run, back + 3));
}

/// Whether the run at `run` comes right after a name, as an SOA record's
/// mailbox after its name server: blanks, the name's closing "." or none,
/// and a label run holding a dot or reaching past the bytes kept
/// ("ns1.example.net. hostmaster.example.net."). A word there ("its SOA
/// ns1.example.net names evil.com") ends the record's names.
inline bool follows_dotted_name(const LongTokenPrefix& prefix, const unsigned char* run) {
    int back = 1;
    while (back <= LongTokenPrefix::kMaxBack && is_space_or_control(prefix.before(run, back))) ++back;
    if (back == 1) return false;
    if (back <= LongTokenPrefix::kMaxBack && prefix.before(run, back) == '.') ++back;
    bool dot = false;
    for (; back <= LongTokenPrefix::kMaxBack; ++back) {
        const unsigned char c = prefix.before(run, back);
        if (c == '.') {
            dot = true;
        } else if (!is_label_char(c)) {
            return dot;
        }
    }
    return true;
}

/// Moves st.cond past the run at `run`; true when it is an SOA record's
/// mailbox, which is not reported.
inline bool is_soa_mailbox(LexState& st, const LongTokenPrefix& prefix, const unsigned char* run) {
    const bool mailbox = st.cond == kSoaMailboxNext && follows_dotted_name(prefix, run);
    st.cond = follows_soa(prefix, run) ? kSoaMailboxNext : kNoSoaName;
    return mailbox;
}

/// Where the name starts in the run [begin, end) when the run is a shell
/// variable's default value: "${C2:-relay.example.org}" (the run starts at
/// the "-", which no label starts with) or "${C2-relay.example.org}" (at the
/// variable's name, which holds no "-"); else `begin`. Switches such as
/// "-Dfoo.bar" or "-hdb.example.com" keep their "-" and stay out.
const unsigned char* past_shell_variable(const LongTokenPrefix& prefix, const unsigned char* begin, const unsigned char* end) {
    const unsigned char before = prefix.before(begin, 1);
    if (before == ':' && begin[0] == '-' && end - begin > 1 && begin[1] != '-') return begin + 1;
    if (before == '{' && prefix.before(begin, 2) == '$') {
        for (const unsigned char* p = begin; p < end && is_label_char(*p); ++p) {
            if (*p == '-') return p + 1;
        }
    }
    return begin;
}

/// Queues the host run of the token [st.tok, st.cur) (less the one space
/// the grammar takes after it, and the "/" of a dnsmasq name) when it
/// passes the checks of domain_run.cpp, unless it is a piece of a name
/// written with letters outside ASCII. False when that depends on a byte
/// not read yet: the caller waits for it. `input_ended`: that byte will
/// never come.
[[gnu::always_inline]] inline bool decide_on_run(LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix, bool input_ended) {
    const unsigned char* const run = *st.tok == '/' ? st.tok + 1 : st.tok;
    if (!st.token_fits() || follows_two_byte_letter(prefix, run)) {
        st.cond = kNoSoaName;
        return true;
    }
    const unsigned char* const end = st.cur[-1] == ' ' ? st.cur - 1 : st.cur;
    const LetterAfter after = two_byte_letter_after(end, st.lim);
    if (after == LetterAfter::unknown && !input_ended) return false;
    if (is_soa_mailbox(st, prefix, run)) return true;
    // A lead byte that ends the input is read as a letter's, as before.
    if (after != LetterAfter::no) return true;
    // "_evil.com_": Markdown's underscores around the name.
    static constexpr ByteSet kNothingAfterCloser{""};
    const Unemphasized name = without_emphasis(prefix, run, end, kNothingAfterCloser);
    if (name.begin != run) {
        emit_domain_run(sink, name.begin, name.end, 0);
        return true;
    }
    // "%40victim.com", "%s.com": an escape or a directive before the name.
    const unsigned char* begin = past_shell_variable(prefix, run, name.end);
    emit_domain_run(sink, begin, name.end, begin == run ? prefix.before(run, 1) : 0);
    return true;
}

/// Decides on the run of the token [st.tok, st.cur); false when it waits
/// for the next bytes (st.skip_state says so).
[[gnu::always_inline]] inline bool run_decided(LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix) {
    if (decide_on_run(st, sink, prefix, false)) return true;
    // The byte after the lead byte at lim tells "×" from a letter.
    st.skip_state = kRunBeforeLeadAtLim;
    st.state = -1;
    return false;
}

/// The token [st.tok, st.cur) is "/" and runs joined by "/" after "=":
/// dnsmasq's list of names ("server=/a.com/b.net/1.2.3.4") when every run
/// that a "/" follows holds a dot (a path such as "=/usr/share/evil.com/"
/// does not). Queues those runs; the last one, with no "/" after it, is the
/// server, address or set after the list. Otherwise only the first run, as
/// the rule for one name does. Each run lies between "/" bytes (or ends
/// the token, whose next byte the DFA has read, as it looked for another
/// "/" run): no letter outside ASCII touches it, no emphasis or shell
/// default surrounds it.
inline void dnsmasq_names(const LexState& st, CandidateSink& sink) {
    const auto next_slash = [&](const unsigned char* from) {
        const void* slash = std::memchr(from, '/', static_cast<std::size_t>(st.cur - from));
        return slash != nullptr ? static_cast<const unsigned char*>(slash) : st.cur;
    };
    const bool slash_after_last = st.cur < st.lim && *st.cur == '/';
    // A run's bytes other than label bytes are its dots (plain, defanged, spaced).
    const auto has_dot = [](const unsigned char* from, const unsigned char* to) {
        return std::find_if(from, to, [](unsigned char c) { return !is_label_char(c); }) != to;
    };
    bool list = true;
    for (const unsigned char* begin = st.tok + 1; list;) {
        const unsigned char* const end = next_slash(begin);
        if (end < st.cur || slash_after_last) list = has_dot(begin, end);
        if (end == st.cur) break;
        begin = end + 1;
    }
    for (const unsigned char* begin = st.tok + 1;;) {
        const unsigned char* const end = next_slash(begin);
        if (begin == st.tok + 1 || (list && (end < st.cur || slash_after_last))) emit_domain_run(sink, begin, end, '/');
        if (!list || end == st.cur) return;
        begin = end + 1;
    }
}

LexStatus lex_domain_runs(LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix) {
    unsigned char yych;
    if (st.skip_state == kRunBeforeLeadAtLim) {
        // Resumed with the byte after the lead, or without new bytes: then
        // the input has ended.
        decide_on_run(st, sink, prefix, true);
        st.skip_state = 0;
        st.start_token();
    }
    /*!getstate:re2c*/
    for (;;) {
        st.start_token();
        /*!re2c
            // "evil [.] com", "evil( . )com": the url bracket rule's dot with
            // single spaces around it too (a bare " dot " is prose).
            run    = lab ((dotsep | " "? bdot " "?) lab)*;
            // After a scheme, a mail gateway's spaced dot too, as url generic
            // reads it ("http://evil .example .net /payload").
            srun   = lab ((dotsep | " "? bdot " "? | " .") lab)*;
            // "h__ps://", "hxxp:__" (url_parts.cpp split_scheme()); the
            // scheme "hxxp__" is a piece of the run's first label.
            scheme = [a-zA-Z] [a-zA-Z_]* scheme_s_mark? ("://" | "[:]//" | "[://]" | ":\\/\\/" | ":__");
            // An at-sign as families/email/at_sign.hpp reads it: "@", "[@]", "(at)", ...;
            // or HTML's numeric reference to "@" or "." (domain_run.cpp,
            // ends_with_name_entity(): "ops.kw&#64;example.com").
            after  = [(=@] | "[@]" | "(@)" | "{@}" | "[" 'at' "]" | "(" 'at' ")" | "{" 'at' "}"
                   | "&#" ("64" | "46" | [xX] ("40" | "2" [eE])) ";";

            // A single label is never a domain: most words end here without
            // a call into domain_run.cpp. Same length as the next rule on
            // such a word; the first listed wins. Each rule takes one space
            // after its run: the DFA reads it anyway, to see whether a
            // spaced dot follows ("evil [.] com"), and so needs no
            // backtrack (and no token of its own) after most words.
            lab after? " "?        { forget_soa_name(st); continue; }
            (run | scheme srun) after? " "? {
                if (!run_decided(st, sink, prefix)) return LexStatus::waiting;
                continue;
            }
            [/\\] run after? " "?  {
                // dnsmasq's "server=/evil.com/0.0.0.0", "address=/evil.com/...":
                // a name between slashes after "=", no path segment.
                if (*st.tok == '/' && prefix.before(st.tok, 1) == '=') {
                    if (!run_decided(st, sink, prefix)) return LexStatus::waiting;
                } else {
                    forget_soa_name(st);
                }
                continue;
            }
            // Runs joined by "/": path segments, read as one token, or
            // after "=" dnsmasq's names ("server=/a.evil.com/b.evil.net/0.0.0.0":
            // each run that a "/" follows; dnsmasq_names()).
            "/" run ("/" run)+ {
                // (An overlong token's start is gone: it reports nothing, as a run over 1 KiB.)
                if (st.token_fits() && prefix.before(st.tok, 1) == '=') dnsmasq_names(st, sink);
                forget_soa_name(st);
                continue;
            }
            [^a-zA-Z0-9_\-/\\]+    { continue; }
            $                      { return LexStatus::end; }
            *                      { forget_soa_name(st); continue; }
        */
    }
}

}  // namespace

LexStatus lex_domain(LexState& st, CandidateSink& sink) {
    // st.flags, st.depth: the eight bytes before the token start, which the
    // driver may drop before the next call (an SOA record's "SOA" and
    // blanks, follows_soa()).
    const LongTokenPrefix prefix = long_token_prefix(st);
    const LexStatus status = lex_domain_runs(st, sink, prefix);
    keep_long_token_prefix(st, prefix);
    return status;
}

}  // namespace iocscan::detail
