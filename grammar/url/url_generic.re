// url, rule "generic": a URL anchored on its scheme and separator.
//
// Scheme: f, h, s, t or u, one or two more characters, p or x, optional s
// (http, hXXps, h__p, ftp, fxp, sftp, tcp, udp ...), or smb, ws, wss, file.
// Separator: "://", ":\\", "[:]//", "__", ":__", "[://]", ":[//]",
// "[]://" or ":\/\/" (JSON). Then at most 16 spaces or defang brackets, a
// word character (or "[::"), and every URL character up to whitespace, a
// control byte, a byte >= 0x80, the end of input or a precision bound
// (url_common.re `body`, which passes "\/" and ends at "\"" and "\u").
// Mail-gateway "spaced" defangs (" .example", " /payload") continue the URL.
//
// Linear: the part that can fail (scheme, separator, defang run) is at most
// 24 bytes, so a failed start costs a bounded look-ahead; once the body has
// begun every byte extends the accepted token, which is consumed whole
// (`http://http://...` is one token, dropped when longer than 64 KiB).
// Trailing punctuation is trimmed later, in the post-pass.
#include "families/rule_ids.hpp"
#include "families/url/url_emit.hpp"
#include "simd/url_skip.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */
/*!include:re2c "url_common.re" */

LexStatus lex_url_generic(LexState& st, CandidateSink& sink) {
    unsigned char yych;
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
        /*!re2c
            // iocextract's scheme shape, and the schemes it misses that
            // point at a host: smb, ws, wss, file.
            scheme = [fhstuFHSTU] uchar{1,2} [pxPX] [sS]? | 'smb' | 'ws' 's'?;
            // Talos writes "[://]", others ":[//]" and "[]://".
            // ":\/\/": a JSON string's escaped slashes ("http:\/\/evil.com\/x").
            sep    = "://" | ":\\\\" | "[:]//" | ":"? "__" | "[://]" | ":[//]" | "[]://" | ":\\/\\/";
            // No "{}<>" (iocextract has them): "http://{0}:65101/" and
            // "https://<random_string>.evil" are format placeholders.
            defang = [ ()[\]\\];
            // Cisco ESA style: " .example", " /payload" (not " ..", " //").
            spaced = " " [/.] ((bchar \ [./]) | bslash) body;

            // The host starts with a word character, or is an IPv6 address
            // such as "[::1]" (whose "[" is one of the defang characters).
            scheme sep (defang{0,16} word | "[::") body spaced* {
                emit_url_items(st, sink, kRuleUrlGeneric);
                continue;
            }
            // file:///C:/x and file://host/share/x
            'file' "://" "/"? word body {
                emit_url_items(st, sink, kRuleUrlGeneric);
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

}  // namespace iocscan::detail
