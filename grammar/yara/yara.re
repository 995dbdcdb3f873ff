// yara: a whole YARA rule, from its preceding import/include lines and
// comments (they belong to the first rule after them, as in iocextract) to
// the brace that closes its body.
//
// A DFA cannot count braces, so the scanner is a small state machine over
// several re2c blocks, one per lexical context; st.cond says which block
// runs next, st.depth counts open braces and st.flags holds the rest. Every
// byte is read once in one context (no token is retried from its second
// byte), which keeps the scan linear, and all of it lives in LexState, so
// the push model resumes it at any chunk edge.
//
//   idle     outside a rule: looks for import/include, comments,
//            private/global and "rule", each after whitespace or ">"
//   prelude  import/include/comments seen; st.tok stays at their start
//   pcomment a /* */ comment in the prelude
//   head     after "rule": name, optional ": tags", "{"
//   body     inside the braces: strings, regexes, comments, hex strings
//   string, regex, comment   the lexical contexts inside the body
//   linecom, plinecom, ilinecom   a // comment in the body, in the prelude
//            and outside a rule (glued: it hides the rest of the line)
//
// A rule counts once its body has a "condition:" outside strings and
// comments. A "/" starts a regex after "=" or "matches"; elsewhere it is a
// division. Rules are at most kMaxYaraRule bytes (the rule table's
// max_token): a longer one is dropped and counted, and scanning goes on as
// outside a rule after the token that made it too long. Inside a rule, tokens stay short (strings, comments and
// whitespace go a byte at a time) and the marker is reset per token, so the
// driver never has to cut a token short and where that point falls does not
// depend on chunk edges. A // comment is not checked: as when it was one
// token, the rule is dropped at the first token after it, and its line feed
// is handed back to the context it ends in (a range scan's sync argument,
// docs/scale-out.md, needs every line feed to start a token).
#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"
#include "simd/skip_scan.hpp"
#include "families/yara/yara_sync.hpp"

#include <cstring>

namespace iocscan::detail {
namespace {

enum YaraContext : int {
    kIdle = 0,
    kPrelude,
    kPreludeComment,
    kHead,
    kBody,
    kString,
    kRegex,
    kComment,
    kLineComment,          // in the body
    kPreludeLineComment,   // starts or continues a prelude
    kIdleLineComment,      // glued, outside a rule: hides the rest of its line
};

// st.flags bits.
constexpr unsigned kGlued = 1;          // the last byte read outside a rule was no whitespace
constexpr unsigned kHasCondition = 2;   // the body has a "condition:" section
constexpr unsigned kRegexNext = 4;      // a "/" here starts a regex
constexpr unsigned kConditionWord = 8;  // "condition" was the last word: ":" follows?
constexpr unsigned kInWord = 16;        // idle: yara_idle() stopped at lim inside a long word

void leave_rule(LexState& st) {
    st.cond = kIdle;
    st.depth = 0;
    st.flags = kGlued;
}

/// The first line feed at or after `p`, or lim (`p` with the skips off).
/// Out of line: inlined, it cost the scanner's hot loop registers.
[[gnu::noinline]] const unsigned char* to_line_feed(const unsigned char* p, const unsigned char* lim) {
    if (!skip::skips_on()) return p;
    const void* feed = std::memchr(p, '\n', static_cast<std::size_t>(lim - p));
    return feed != nullptr ? static_cast<const unsigned char*>(feed) : lim;
}

/// Inside a rule, the bytes that end a run of bytes the string, regex
/// and block-comment contexts take one at a time with a bare `continue`
/// (no state change): at most three each. Rule sets are mostly such bytes
/// and body tokens (below), which cost a DFA round each.
constexpr char kStringStops[3] = {'"', '\\', '\n'};
constexpr char kRegexStops[3] = {'/', '\\', '\n'};
constexpr char kCommentStops[3] = {'*', '*', '*'};

/// The body's bytes as its DFA block sees them: whitespace (`ws`, no state
/// change), word bytes (`word+`), bytes that start a token that means
/// something ("{", "}", a string, a comment or regex, ":", "="), and the
/// rest, each a one-byte token of `*`.
enum BodyByte : unsigned char { kBodyOther = 0, kBodyWs, kBodyWord, kBodyStop };
struct BodyBytes {
    unsigned char of[256] = {};
    constexpr BodyBytes() {
        for (int c = 0; c < 256; ++c) {
            if ((skip::kByteClasses.of[c] & skip::kWordByte) != 0) of[c] = kBodyWord;   // the grammar's `word`
        }
        for (const unsigned char c : {' ', '\t', '\r', '\n', '\v', '\f'}) of[c] = kBodyWs;
        for (const unsigned char c : {'{', '}', '"', '/', ':', '='}) of[c] = kBodyStop;
    }
};
constexpr BodyBytes kBodyBytes{};

/// The body: passes whitespace, words that start with neither "c" nor "m"
/// (only "condition" and "matches" mean something), one-byte tokens of
/// `*`, and braces that do not close the rule (counted in `depth` as the
/// DFA's actions count them: "{ { {" over and over took a DFA round per
/// brace); every token passed but whitespace clears kRegexNext and
/// kConditionWord, so `cleared` says whether one was. Passes the tokens that
/// start before `end`, a word only when its end is in (before lim): the
/// rest of a word that lim cuts could spell "condition" to a DFA that only
/// saw that rest.
const unsigned char* past_plain_body(const unsigned char* p, const unsigned char* end, const unsigned char* lim,
                                     int& depth, bool& cleared) {
    while (p < end) {
        switch (kBodyBytes.of[*p]) {
            case kBodyWs: ++p; break;
            case kBodyStop:
                if (*p == '{') {
                    ++depth;
                } else if (*p == '}' && depth > 1) {
                    --depth;
                } else {
                    return p;
                }
                ++p;
                cleared = true;
                break;
            case kBodyOther: ++p; cleared = true; break;
            default: {
                if (*p == 'c' || *p == 'm') return p;
                const unsigned char* q = p + 1;
                while (q < lim && kBodyBytes.of[*q] == kBodyWord) ++q;
                if (q == lim) return p;
                p = q;
                cleared = true;
                break;
            }
        }
    }
    return p;
}

/// Past the tokens of the rule's context that the DFA would take one by
/// one with no effect but on kRegexNext and kConditionWord (cleared as
/// they would be), starting before `end`; st.cur itself in the other
/// contexts, and with the skips off (so the oracle compares this with the
/// DFA alone). A word may end past `end`, as a DFA token starting before it would.
const unsigned char* past_plain_in_rule(LexState& st, const unsigned char* end) {
    const unsigned char* p = st.cur;
    if (!skip::skips_on()) return p;
    if (st.cond == kBody) {
        bool cleared = false;
        p = past_plain_body(p, end, st.lim, st.depth, cleared);
        if (cleared) st.flags &= ~(kRegexNext | kConditionWord);
        return p;
    }
    const char* stop = st.cond == kString    ? kStringStops
                       : st.cond == kRegex   ? kRegexStops
                       : st.cond == kComment ? kCommentStops
                                             : nullptr;
    if (stop == nullptr) return p;
#if defined(__SSE2__)
    // Strings, regexes and comments run for tens of bytes: 16 at a time.
    while (end - p >= 16) {
        const __m128i v = skip::load16(p);
        const __m128i hit = skip::vor(skip::veq(v, stop[0]), skip::vor(skip::veq(v, stop[1]), skip::veq(v, stop[2])));
        if (const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(hit)); m != 0) return p + __builtin_ctz(m);
        p += 16;
    }
#endif
    while (p < end && *p != stop[0] && *p != stop[1] && *p != stop[2]) ++p;
    return p;
}

}  // namespace

bool yara_outside_rule(int cond) { return cond == kIdle || cond == kIdleLineComment; }

/*!include:re2c "common.re" */

LexStatus lex_yara(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    // Parked at lim between tokens outside a rule (below) and resumed
    // without new bytes: the input has ended.
    if (st.state < 0 && (st.cond == kIdle || st.cond == kIdleLineComment) && st.cur == st.lim) return LexStatus::end;
    // A fresh DFA (state -1) goes through the context dispatch below.
    if (st.state >= 0) {
        /*!getstate:re2c*/
    }
    for (;;) {
        if (st.cond == kIdle) {
            // Words, whitespace and punctuation that cannot start a rule or
            // its prelude are passed over quickly (simd/skip_scan.hpp).
            bool glued = (st.flags & kGlued) != 0;
            bool in_word = (st.flags & kInWord) != 0;
            // No new bytes inside a long word: the input ended with it.
            if (in_word && st.cur == st.lim) return LexStatus::end;
            st.cur = skip::yara_idle(st.cur, st.lim, glued, in_word, st.blocks);
            st.flags = glued ? (st.flags | kGlued) : (st.flags & ~kGlued);
            st.flags = in_word ? (st.flags | kInWord) : (st.flags & ~kInWord);
            st.start_token();
            if (in_word || st.cur == st.lim) {
                // Wait between tokens (inside a long word, or with everything
                // buffered passed over): no DFA state, so the next bytes go
                // through the skip as well.
                st.state = -1;
                return LexStatus::waiting;
            }
        } else if (st.cond == kIdleLineComment) {
            // The rest of the line is one-byte tokens that only `continue`
            // (linecom below): passed up to its line feed, which goes back
            // to the DFA ("http://..." on a 10 MiB line took it byte by byte).
            st.cur = to_line_feed(st.cur, st.lim);
            st.start_token();
            if (st.cur == st.lim) {
                // Wait between tokens, as in idle: the next bytes go through here too.
                st.state = -1;
                return LexStatus::waiting;
            }
        } else if (st.cond == kLineComment || st.cond == kPreludeLineComment) {
            st.mar = st.cur;   // no marker from an earlier token is kept alive
        } else if (st.token_fits()) {
            // Plain bytes in a rule, passed at once: no further than the
            // last byte the length check above would let a token start at
            // (past it, that check runs again, as it did for each byte).
            // (A DFA reads on past lim up to the NUL that the driver puts
            // there; yara_sync.cpp's simulations put none: cur may be past lim.)
            const std::size_t room = st.max_token - static_cast<std::size_t>(st.cur - st.tok);
            const std::size_t left = st.cur < st.lim ? static_cast<std::size_t>(st.lim - st.cur) : 0;
            const bool bounded = left > room;
            const unsigned char* const end = bounded ? st.cur + room + 1 : st.cur + left;
            st.cur = past_plain_in_rule(st, end);
            // At the bound, the check above drops the rule; short of it,
            // the token here passes that check and the DFA runs at once.
            if (bounded && st.cur >= end) continue;
            st.mar = st.cur;   // no marker from an earlier token is kept alive
        } else {
            if (st.cond != kPrelude && st.cond != kPreludeComment) sink.drop_overlong();
            leave_rule(st);
            continue;
        }
        switch (st.cond) {
        case kIdle:
        /*!re2c:idle
            ws      = [ \t\r\n\v\f];
            ident   = [a-zA-Z_] word*;
            module  = ("import" | "include") [ \t]+ "\"" [^"\n]* "\"";

            ws+      { st.flags &= ~kGlued; continue; }
            ">"      { st.flags &= ~kGlued; continue; }   // families/yara/yara_keyword_lead.hpp
            module | "private" | "global" {
                if (!(st.flags & kGlued)) st.cond = kPrelude;
                st.flags |= kGlued;
                continue;
            }
            "//"     { st.cond = (st.flags & kGlued) ? kIdleLineComment : kPreludeLineComment; st.flags |= kGlued; continue; }
            "/*"     { if (!(st.flags & kGlued)) st.cond = kPreludeComment; st.flags |= kGlued; continue; }
            "rule"   { if (!(st.flags & kGlued)) st.cond = kHead; st.flags |= kGlued; continue; }
            word+    { st.flags |= kGlued; continue; }
            $        { return LexStatus::end; }
            *        { st.flags |= kGlued; continue; }
        */
        case kPrelude:
        /*!re2c:prelude
            ws+      { st.flags &= ~kGlued; continue; }
            module | "private" | "global" {
                if (st.flags & kGlued) leave_rule(st);
                st.flags |= kGlued;
                continue;
            }
            "//" {
                if (st.flags & kGlued) leave_rule(st);
                st.cond = st.cond == kIdle ? kIdleLineComment : kPreludeLineComment;
                st.flags |= kGlued;
                continue;
            }
            "/*"     { if (st.flags & kGlued) leave_rule(st); else st.cond = kPreludeComment; continue; }
            "rule"   { if (st.flags & kGlued) leave_rule(st); else st.cond = kHead; continue; }
            $        { return LexStatus::end; }
            *        { leave_rule(st); continue; }
        */
        case kPreludeComment:
        /*!re2c:pcomment
            "*/"     { st.cond = kPrelude; st.flags &= ~kGlued; continue; }
            [^*]     { continue; }
            $        { return LexStatus::end; }
            *        { continue; }
        */
        case kHead:
        /*!re2c:head
            ws+ ident ws* (":" ws* word+ (ws+ word+)*)? ws* "{" {
                st.cond = kBody;
                st.depth = 1;
                st.flags = 0;
                continue;
            }
            ws+      { leave_rule(st); st.flags = 0; continue; }
            $        { return LexStatus::end; }
            *        { leave_rule(st); continue; }
        */
        case kBody:
        /*!re2c:body
            "{"      { ++st.depth; st.flags &= ~(kRegexNext | kConditionWord); continue; }
            "}" {
                if (--st.depth > 0) {
                    st.flags &= ~(kRegexNext | kConditionWord);
                    continue;
                }
                if (st.flags & kHasCondition) {
                    if (!st.token_fits()) {
                        sink.drop_overlong();
                    } else {
                        sink.add(Type::yara, kRuleYara, st.tok, st.cur);
                    }
                }
                leave_rule(st);
                continue;
            }
            "\""     { st.cond = kString; st.flags &= ~kConditionWord; continue; }
            "//"     { st.cond = kLineComment; continue; }
            "/*"     { st.cond = kComment; continue; }
            "/" {
                if (st.flags & kRegexNext) st.cond = kRegex;
                st.flags &= ~(kRegexNext | kConditionWord);
                continue;
            }
            "condition" { st.flags = (st.flags | kConditionWord) & ~kRegexNext; continue; }
            ":" {
                if (st.flags & kConditionWord) st.flags |= kHasCondition;
                st.flags &= ~(kConditionWord | kRegexNext);
                continue;
            }
            "=" | "matches" { st.flags = (st.flags | kRegexNext) & ~kConditionWord; continue; }
            word+    { st.flags &= ~(kRegexNext | kConditionWord); continue; }
            ws       { continue; }
            $        { return LexStatus::end; }
            *        { st.flags &= ~(kRegexNext | kConditionWord); continue; }
        */
        case kString:
        /*!re2c:string
            "\"" | "\n" { st.cond = kBody; st.flags &= ~kRegexNext; continue; }
            "\\" [^\n]  { continue; }
            [^"\\\n]    { continue; }
            $           { return LexStatus::end; }
            *           { continue; }
        */
        case kRegex:
        /*!re2c:regex
            "/" | "\n"  { st.cond = kBody; st.flags &= ~kRegexNext; continue; }
            "\\" [^\n]  { continue; }
            [^/\\\n]    { continue; }
            $           { return LexStatus::end; }
            *           { continue; }
        */
        case kComment:
        /*!re2c:comment
            "*/"     { st.cond = kBody; continue; }
            [^*]     { continue; }
            $        { return LexStatus::end; }
            *        { continue; }
        */
        case kLineComment:
        case kPreludeLineComment:
        case kIdleLineComment:
        /*!re2c:linecom
            // The line feed is not part of the comment: hand it back.
            "\n" {
                --st.cur;
                st.cond = st.cond == kLineComment ? kBody : st.cond == kPreludeLineComment ? kPrelude : kIdle;
                continue;
            }
            [^\n]    { continue; }
            $        { return LexStatus::end; }
            *        { continue; }
        */
        }
    }
}

}  // namespace iocscan::detail
