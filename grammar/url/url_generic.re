// url, rule "generic": a URL anchored on its scheme and separator.
//
// Scheme: f, h, s, t or u, one or two more characters, p or x, optional s
// (http, hXXps, h__p, ftp, fxp, sftp, tcp, udp ...), or smb, ws, wss, file.
// The s may be written "[s]" or "(s)" ("http[s]://", "hxxp(s)[:]//"), and
// the one or two middle characters in brackets ("h[xx]ps://", "h[tt]p://").
// Separator: "://", ":\\", "[:]//", "__", ":__", "[://]", ":[//]",
// "[]://" or ":\/\/" (JSON). Then at most 16 spaces or defang brackets, a
// word character (or "[::"), and every URL character up to whitespace, a
// control byte, a byte >= 0x80, the end of input or a precision bound
// (url_common.re `body`, which passes "\/" and ends at "\"" and "\u").
// Mail-gateway "spaced" defangs (" .example", " /payload") continue the URL.
//
// Linear: the part that can fail (scheme, separator, defang run) is at most
// 7 + 5 + 16 bytes, so a failed start costs a bounded look-ahead; once the body has
// begun every byte extends the accepted token, which is consumed whole
// (`http://http://...` is one token, dropped when longer than 64 KiB).
// Trailing punctuation is trimmed later, in the post-pass; Markdown
// emphasis around the URL ("**http://x/a**") when it is queued, for which
// the four bytes before the token come through TokenPrefix in st.flags.
//
// The body is read in a DFA of its own (the block `body`, st.cond ==
// kInUrlBody), one unit at a time from its loop start, so that between
// units the bytes that leave it there are passed in blocks
// (url_body_run_end(), simd/url_skip.hpp): a 10 MiB "hxxp[:]//hxxp[:]//..."
// line took the DFA byte by byte. `body spaced*` is exactly a string of
// the units below, then "]"*: a unit is `bunit`, "]"+ `bunitp`, or "]"*
// and a spaced defang's first three bytes; none is a prefix of a string
// of units that another unit starts (they end where the body is back at
// its loop start), so the longest unit each time gives the longest body.
#include "families/rule_ids.hpp"
#include "families/url/url_emit.hpp"
#include "simd/url_skip.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */
/*!include:re2c "url_common.re" */

namespace {

/// st.cond: between tokens or in the first DFA (0), or in the URL body at
/// its loop start or in the body DFA: the token [tok, cur) so far is a URL.
constexpr int kInUrlBody = 1;

/// Ends the URL token [st.tok, st.cur): queued, and the next token starts at
/// st.cur. `sign_after`: "×" or "÷" follows, which ends a host as a space does.
[[gnu::always_inline]] inline void end_url(LexState& st, CandidateSink& sink, const TokenPrefix& prefix,
                                           bool sign_after = false) {
    emit_url_items(st, sink, kRuleUrlGeneric, prefix, sign_after);
    st.cond = 0;
}

LexStatus lex_url_generic_tokens(LexState& st, CandidateSink& sink, const TokenPrefix& prefix) {
    unsigned char yych;
    if (st.state < 0) {
        // Parked at lim between tokens or units (below) and resumed without
        // new bytes: the input has ended (the URL, at its loop start, too).
        if (st.cur == st.lim) {
            if (st.cond == kInUrlBody) end_url(st, sink, prefix);
            return LexStatus::end;
        }
        // The first token goes through the skip too. (A DFA the driver
        // restarted inside an overlong token resumes as it was.)
        if (st.cond == kInUrlBody) goto body_unit;
        if (!st.overlong) goto next_token;
        goto dfa;
    }
    /*!getstate:re2c*/
    for (;;) {
        if (st.cond == kInUrlBody) {
        body_unit:
            // Bytes that leave the body at its loop start, passed at once.
            st.cur = url_body_run_end(st.cur, st.lim);
            if (st.cur == st.lim) {
                // Wait between units: no backtrack is pending.
                st.mar = st.cur;
                st.state = -1;
                return LexStatus::waiting;
            }
            /*!re2c:body
                // One unit of `body spaced*` (the file comment). A spaced
                // defang is Cisco ESA's " .example", " /payload" (not " ..", " //").
                bchar | bslash | "]"+ ((bchar \ [(]) | bslash) | "]"* " " [/.] ((bchar \ [./]) | bslash) { continue; }
                // The body's last "]"s, not followed by a unit: the URL ends after them.
                "]"+           { end_url(st, sink, prefix); continue; }
                // "×" or "÷" (C3 97, C3 B7): a sign, not a letter that cuts
                // the host ("http://evil.com×2"); read whole, at any chunk edge.
                two_byte_sign { st.cur -= 2; end_url(st, sink, prefix, true); continue; }
                $              { end_url(st, sink, prefix); return LexStatus::end; }
                // No unit: the URL ends at the loop start, one byte back.
                *              { --st.cur; end_url(st, sink, prefix); continue; }
            */
        }
    next_token:
        // Passes over text where no URL can start (simd/url_skip.hpp).
        st.cur = url_generic_skip(st.cur, st.lim);
        st.start_token();
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well (a DFA waiting at lim
            // inside a skip token would take the next piece byte by byte).
            st.state = -1;
            return LexStatus::waiting;
        }
    dfa:
        /*!re2c
            // iocextract's scheme shape, and the schemes it misses that
            // point at a host: smb, ws, wss, file. Analysts write "http or
            // https" as "http[s]", "hxxp(s)": the optional s in brackets.
            // The middle letters may be bracketed as a defang of their own
            // ("h[xx]ps", "h[tt]p", "h(xx)p"; url_parts.cpp bracketed_middle()).
            scheme = [fhstuFHSTU] uchar{1,2} [pxPX] ([sS] | scheme_s_mark)? | 'smb' | 'ws' 's'?
                   | [fhstuFHSTU] ("[" scheme_mid "]" | "(" scheme_mid ")") [pxPX] [sS]?;
            // Talos writes "[://]", others ":[//]" and "[]://".
            // ":\/\/": a JSON string's escaped slashes ("http:\/\/evil.com\/x").
            sep    = "://" | ":\\\\" | "[:]//" | ":"? "__" | "[://]" | ":[//]" | "[]://" | ":\\/\\/";
            // No "{}<>" (iocextract has them): "http://{0}:65101/" and
            // "https://<random_string>.evil" are format placeholders.
            defang = [ ()[\]\\];

            // The host starts with a word character, a percent-escaped byte
            // ("http://%65vil.example/", reported as written; not a control
            // byte: "http://%02x.evil.com/" is a printf directive), or is an
            // IPv6 address such as "[::1]" (whose "[" is one of the defang
            // characters); then `body spaced*`, read by the block above.
            scheme sep (defang{0,16} (word | "%" [2-9a-fA-F] hex) | "[::") {
                st.cond = kInUrlBody;
                continue;
            }
            // file:///C:/x and file://host/share/x
            'file' "://" "/"? word body {
                emit_url_items(st, sink, kRuleUrlGeneric, prefix);
                continue;
            }
            // Skip runs stop at whitespace, so that a token never holds the
            // watermark (and the bytes) of a whole line or stream back.
            [^fhstuwFHSTUW \t\r\n]+ { continue; }
            $              { return LexStatus::end; }
            *              { continue; }
        */
    }
}

}  // namespace

LexStatus lex_url_generic(LexState& st, CandidateSink& sink) {
    // st.flags: the four bytes before the token start (Markdown emphasis,
    // families/common/markdown_emphasis.hpp), which the driver may drop before the next call.
    const TokenPrefix prefix(st.tok, st.flags);
    const LexStatus status = lex_url_generic_tokens(st, sink, prefix);
    st.flags = prefix.saved_at(st.tok);
    return status;
}

}  // namespace iocscan::detail
