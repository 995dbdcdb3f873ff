// url, rule "base64": base64 text that decodes to "http://", "https://",
// "ftp://" or "ftps://", in ASCII or UTF-16LE (PowerShell's
// -EncodedCommand), at any of the three byte alignments, e.g.
// "aHR0cDovL2V2aWwuZXhhbXBsZS9h" (http://evil.example/a) or
// "eD1odHRwOi8v..." ("x=http://..."). Schemes in any mix of cases
// ("SFRUUDovL" is "HTTP://"); refang writes them in lower case.
//
// A base64 character carries 6 bits, so "http://" spells fixed characters
// only where they do not share bits with the bytes before it. For a scheme
// that starts 1 or 2 bytes into a 3-byte group, the group's first one or two
// characters depend on those bytes (any base64 character), and the next one
// is limited to a class (4 or 16 characters). The token starts at that
// group's first character, so the decoder (lib/encoded_url.cpp) can decode
// from the token's start, and runs to the end of the base64 text, "="
// padding included. A line break, indented by at most 8 spaces or tabs, may
// stand between any two characters (mail bodies, wrapped PowerShell
// strings) when the line after it is base64 to its end; any other space, or
// a space before the line break, ends the text.
//
// Linear: the scheme part can fail, but it is at most 13 base64 characters
// (plus line breaks); a failed start gives up one byte. The fast path
// (lib/encoded_skip.hpp) starts the DFA only a few characters before a pair
// that can begin a scheme's fixed part ("aH", "SF", "Zn", "Rl", "h0", "hU",
// "Z0", "od", "IV", "md", "GV", ...).
// Once past the scheme every character extends the accepted token.
#include "lib/encoded_emit.hpp"
#include "lib/encoded_skip.hpp"
#include "lib/rule_ids.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_url_base64(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    /*!getstate:re2c*/
    for (;;) {
        st.cur = skip::to_base64_scheme(st.cur, st.lim);
        st.start_token();
        /*!re2c
            b64 = [A-Za-z0-9+/];
            // A line break inside the text, with up to 8 spaces or tabs of
            // indentation. Bounded so that the fast path's look-behind is.
            br = "\r"? "\n" [ \t]{0,8};
            s = br?;
            // Second character of a group whose third byte is the scheme's
            // first: (byte & 3) << 4 | 6 for "h" (0x68) and "f" (0x66), | 4
            // for "H" and "F".
            lead4 = [2GWm0EUk];
            // Third character of a group whose third byte is the scheme's
            // first: (byte & 15) << 2 | 1 for "h" and "f", either case.
            lead16 = [159BFJNRVZdhlptx];

            // "http://" "https://" "ftp://" "ftps://" in any mix of cases
            // ("HTTP://", "HTtp://", "FtP://"), starting a group ... A base64
            // character holds the case bit (0x20) of at most one byte, so a
            // class of the lower and the upper case letter's character at
            // each place spells every mix.
            at0 = [aS] s [HF] s "R" s [0U] s [cU] s "D" s "o" s "v" s "L"
                | [aS] s [HF] s "R" s [0U] s [cU] s [HF] s "M" s "6" s "L" s "y"
                | [ZR] s [nl] s "R" s [wQ] s "O" s "i" s "8" s "v"
                | [ZR] s [nl] s "R" s [wQ] s [cU] s "z" s "o" s "v" s "L";
            // ... one byte into a group ...
            at1 = "h" s [0U] s [dV] s [HF] s "A" s "6" s "L" s "y"
                | "h" s [0U] s [dV] s [HF] s "B" s [zT] s "O" s "i" s "8" s "v"
                | "Z" s [0U] s [cU] s "D" s "o" s "v" s "L"
                | "Z" s [0U] s [cU] s [HF] s "M" s "6" s "L" s "y";
            // ... two bytes into a group.
            at2 = [oI] s [dV] s [HF] s "R" s [wQ] s "O" s "i" s "8" s "v"
                | [oI] s [dV] s [HF] s "R" s [wQ] s [cU] s "z" s "o" s "v" s "L"
                | [mG] s [dV] s [HF] s "A" s "6" s "L" s "y"
                | [mG] s [dV] s [HF] s "B" s [zT] s "O" s "i" s "8" s "v";
            // The same schemes in UTF-16LE, each character followed by a zero
            // byte: PowerShell's -EncodedCommand. Spellings as above, in order
            // http, https, ftp, ftps.
            at0w = [aS] s "A" s "B" s [0U] s "A" s [HF] s "Q" s "A" s [cU] s "A" s "A" s "6" s "A" s "C" s "8" s "A" s "L" s "w"
                 | [aS] s "A" s "B" s [0U] s "A" s [HF] s "Q" s "A" s [cU] s "A" s "B" s [zT] s "A" s "D" s "o" s "A" s "L" s "w" s "A" s "v" s "A"
                 | [ZR] s "g" s "B" s [0U] s "A" s [HF] s "A" s "A" s "O" s "g" s "A" s "v" s "A" s "C" s "8" s "A"
                 | [ZR] s "g" s "B" s [0U] s "A" s [HF] s "A" s "A" s [cU] s "w" s "A" s "6" s "A" s "C" s "8" s "A" s "L" s "w";
            at1w = "g" s "A" s [dV] s "A" s "B" s [0U] s "A" s [HF] s "A" s "A" s "O" s "g" s "A" s "v" s "A" s "C" s "8" s "A"
                 | "g" s "A" s [dV] s "A" s "B" s [0U] s "A" s [HF] s "A" s "A" s [cU] s "w" s "A" s "6" s "A" s "C" s "8" s "A" s "L" s "w"
                 | "Y" s "A" s [dV] s "A" s "B" s [wQ] s "A" s "D" s "o" s "A" s "L" s "w" s "A" s "v" s "A"
                 | "Y" s "A" s [dV] s "A" s "B" s [wQ] s "A" s [HF] s "M" s "A" s "O" s "g" s "A" s "v" s "A" s "C" s "8" s "A";
            at2w = [oI] s "A" s [HF] s "Q" s "A" s [dV] s "A" s "B" s [wQ] s "A" s "D" s "o" s "A" s "L" s "w" s "A" s "v" s "A"
                 | [oI] s "A" s [HF] s "Q" s "A" s [dV] s "A" s "B" s [wQ] s "A" s [HF] s "M" s "A" s "O" s "g" s "A" s "v" s "A" s "C" s "8" s "A"
                 | [mG] s "A" s [HF] s "Q" s "A" s [cU] s "A" s "A" s "6" s "A" s "C" s "8" s "A" s "L" s "w"
                 | [mG] s "A" s [HF] s "Q" s "A" s [cU] s "A" s "B" s [zT] s "A" s "D" s "o" s "A" s "L" s "w" s "A" s "v" s "A";

            // A group whose first byte is the scheme's starts with its fixed
            // characters; otherwise with one or two characters that the bytes
            // before the scheme decide, then a class.
            start0 = at0 | at0w;
            start1 = b64 s lead4 s (at1 | at1w);
            start2 = b64 s b64 s lead16 s (at2 | at2w);

            // Padding: any run of "=", so that the DFA always reads the byte
            // after the token (base64_text_end() decides on it; only the
            // first "=" matters to the decoder).
            (start0 | start1 | start2) (s b64)* (s "=")* {
                // A last line that is not base64 to its end is no part of
                // the text; it is scanned again (it may start a text itself).
                st.cur = base64_text_end(st.tok, st.cur, st.lim);
                emit_url_token(st, sink, kRuleUrlBase64, kMaxBase64UrlToken);
                continue;
            }
            $ { return LexStatus::end; }
            * { continue; }
        */
    }
}

}  // namespace iocscan::detail
