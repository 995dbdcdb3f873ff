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
// group's first character, so the decoder (families/encoded_url/encoded_url.cpp) can decode
// from the token's start, and runs to the end of the base64 text, "="
// padding included. A line break, indented by at most 8 spaces or tabs, may
// stand between any two characters (mail bodies, wrapped PowerShell
// strings) when the line after it is base64 to its end. After the scheme, 1-8
// spaces or tabs may stand between two 4-character groups when the group
// after them decodes to URL bytes (see `groups`); any other blank ends the
// text.
//
// Linear: the scheme part can fail, but it is at most 13 base64 characters
// (plus line breaks); a failed start gives up one byte. The fast path
// (simd/encoded_url_skip.hpp) starts the DFA only a few characters before a pair
// that can begin a scheme's fixed part ("aH", "SF", "Zn", "Rl", "h0", "hU",
// "Z0", "od", "IV", "md", "GV", ...).
// Once past the scheme every character extends the accepted token, but for
// a blank run: the DFA reads at most 12 bytes past the token (8 blanks and a
// group) before it gives them back.
#include "families/encoded_url/encoded_emit.hpp"
#include "simd/encoded_url_skip.hpp"
#include "families/rule_ids.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_url_base64(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    /*!getstate:re2c*/
    for (;;) {
        st.cur = skip::to_base64_scheme(st.cur, st.lim, st.blocks);
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
            // ("HTTP://", "HTtp://", "FtP://"): a<k>_<scheme> starts k bytes
            // into a group, w<k>_<scheme> is the same in UTF-16LE, each
            // character followed by a zero byte (PowerShell's
            // -EncodedCommand). A base64 character holds the case bit (0x20)
            // of at most one byte, so a class of the lower and the upper case
            // letter's character at each place spells every mix.
            a0_http = [aS] s [HF] s "R" s [0U] s [cU] s "D" s "o" s "v" s "L";
            a0_https = [aS] s [HF] s "R" s [0U] s [cU] s [HF] s "M" s "6" s "L" s "y";
            a0_ftp = [ZR] s [nl] s "R" s [wQ] s "O" s "i" s "8" s "v";
            a0_ftps = [ZR] s [nl] s "R" s [wQ] s [cU] s "z" s "o" s "v" s "L";
            a1_http = "h" s [0U] s [dV] s [HF] s "A" s "6" s "L" s "y";
            a1_https = "h" s [0U] s [dV] s [HF] s "B" s [zT] s "O" s "i" s "8" s "v";
            a1_ftp = "Z" s [0U] s [cU] s "D" s "o" s "v" s "L";
            a1_ftps = "Z" s [0U] s [cU] s [HF] s "M" s "6" s "L" s "y";
            a2_http = [oI] s [dV] s [HF] s "R" s [wQ] s "O" s "i" s "8" s "v";
            a2_https = [oI] s [dV] s [HF] s "R" s [wQ] s [cU] s "z" s "o" s "v" s "L";
            a2_ftp = [mG] s [dV] s [HF] s "A" s "6" s "L" s "y";
            a2_ftps = [mG] s [dV] s [HF] s "B" s [zT] s "O" s "i" s "8" s "v";
            w0_http = [aS] s "A" s "B" s [0U] s "A" s [HF] s "Q" s "A" s [cU] s "A" s "A" s "6" s "A" s "C" s "8" s "A" s "L" s "w";
            w0_https = [aS] s "A" s "B" s [0U] s "A" s [HF] s "Q" s "A" s [cU] s "A" s "B" s [zT] s "A" s "D" s "o" s "A" s "L" s "w" s "A" s "v" s "A";
            w0_ftp = [ZR] s "g" s "B" s [0U] s "A" s [HF] s "A" s "A" s "O" s "g" s "A" s "v" s "A" s "C" s "8" s "A";
            w0_ftps = [ZR] s "g" s "B" s [0U] s "A" s [HF] s "A" s "A" s [cU] s "w" s "A" s "6" s "A" s "C" s "8" s "A" s "L" s "w";
            w1_http = "g" s "A" s [dV] s "A" s "B" s [0U] s "A" s [HF] s "A" s "A" s "O" s "g" s "A" s "v" s "A" s "C" s "8" s "A";
            w1_https = "g" s "A" s [dV] s "A" s "B" s [0U] s "A" s [HF] s "A" s "A" s [cU] s "w" s "A" s "6" s "A" s "C" s "8" s "A" s "L" s "w";
            w1_ftp = "Y" s "A" s [dV] s "A" s "B" s [wQ] s "A" s "D" s "o" s "A" s "L" s "w" s "A" s "v" s "A";
            w1_ftps = "Y" s "A" s [dV] s "A" s "B" s [wQ] s "A" s [HF] s "M" s "A" s "O" s "g" s "A" s "v" s "A" s "C" s "8" s "A";
            w2_http = [oI] s "A" s [HF] s "Q" s "A" s [dV] s "A" s "B" s [wQ] s "A" s "D" s "o" s "A" s "L" s "w" s "A" s "v" s "A";
            w2_https = [oI] s "A" s [HF] s "Q" s "A" s [dV] s "A" s "B" s [wQ] s "A" s [HF] s "M" s "A" s "O" s "g" s "A" s "v" s "A" s "C" s "8" s "A";
            w2_ftp = [mG] s "A" s [HF] s "Q" s "A" s [cU] s "A" s "A" s "6" s "A" s "C" s "8" s "A" s "L" s "w";
            w2_ftps = [mG] s "A" s [HF] s "Q" s "A" s [cU] s "A" s "B" s [zT] s "A" s "D" s "o" s "A" s "L" s "w" s "A" s "v" s "A";

            // A group whose first byte is the scheme's starts with its fixed
            // characters; otherwise with one or two characters that the bytes
            // before the scheme decide, then a class. start_<n>: the spellings
            // that leave n characters of their last group (the token starts
            // at a group's first character), so that the body knows where
            // groups begin.
            start_0 = a0_ftp
                    | b64 s lead4 s a1_https
                    | b64 s b64 s lead16 s a2_http
                    | b64 s b64 s lead16 s a2_ftps
                    | w0_ftp
                    | b64 s lead4 s w1_http
                    | b64 s lead4 s w1_ftps
                    | b64 s b64 s lead16 s w2_https;
            start_1 = a0_http
                    | a0_ftps
                    | b64 s lead4 s a1_ftp
                    | b64 s b64 s lead16 s a2_https
                    | w0_https
                    | b64 s lead4 s w1_ftp
                    | b64 s b64 s lead16 s w2_http
                    | b64 s b64 s lead16 s w2_ftps;
            start_2 = a0_https
                    | b64 s lead4 s a1_http
                    | b64 s lead4 s a1_ftps
                    | b64 s b64 s lead16 s a2_ftp
                    | w0_http
                    | w0_ftps
                    | b64 s lead4 s w1_https
                    | b64 s b64 s lead16 s w2_ftp;

            // Four characters that decode to three URL bytes (printable ASCII
            // but for " < > \\ ^ ` { | }): the first group after a blank run.
            // Byte 1 is character 1's 6 bits and the top 2 of character 2;
            // byte 2 the low 4 of character 2 and the top 4 of character 3;
            // byte 3 the low 2 of character 3 and character 4. So per second
            // character (its top 2 bits name the first's class, its low 4
            // the rest's), and per low 2 bits k of the third, last_of_k.
            // Classes worked out from that set, by enumeration.
            last_of_0 = [hj-z0-79/];
            last_of_1 = [A-Zabdfh-z0-6+];
            rest_after_2 = [EMQUYcgkosw048] last_of_0 | [FNRVZdhlptx159] last_of_1;
            rest_after_3 = [AEIMQUYcgkos08] last_of_0 | [BFJNRVZdhlpt19] last_of_1;
            rest_after_4 = [AEIMQUYcgkosw048] last_of_0 | [BFJNRVZdhlptx159] last_of_1;
            rest_after_5 = [AEIMQUYcgkos08] last_of_0 | [BFJNRVZdhlpt19] last_of_1;
            rest_after_6 = [EIMQUYcgkosw048] last_of_0 | [FJNRVZdhlptx159] last_of_1;
            rest_after_7 = [AEIMQUYcgko4] last_of_0 | [BFJNRVZdhlp5] last_of_1;
            url_group = [J-OQ-WZa-e] ("C" rest_after_2 | "D" rest_after_3 | "E" rest_after_4 | "F" rest_after_5 | "G" rest_after_6 | "H" rest_after_7)
                      | [I-Za-e] ("S" rest_after_2 | "T" rest_after_3 | "U" rest_after_4 | "V" rest_after_5 | "W" rest_after_6 | "X" rest_after_7)
                      | [J-OQ-WYZa-f] ("i" rest_after_2 | "j" rest_after_3 | "k" rest_after_4 | "l" rest_after_5 | "m" rest_after_6 | "n" rest_after_7)
                      | [I-Za-d] ("y" rest_after_2 | "z" rest_after_3 | "0" rest_after_4 | "1" rest_after_5 | "2" rest_after_6 | "3" rest_after_7);

            // The text after the spelling: whole groups, each of which may
            // have line breaks between its characters, then a last group of
            // 1-3 characters. A run of 1-8 spaces or tabs may stand between
            // groups when the group after it decodes to URL bytes (a blob
            // that a mail gateway or a log wrapped with blanks); otherwise a
            // blank ends the text, so "...Y29t The next" glues nothing on.
            // The DFA reads at most 12 bytes past the token to decide.
            group = s b64 s b64 s b64 s b64;
            groups = (group | [ \t]{1,8} url_group)* (s b64){0,3};
            // After a spelling that leaves 1 or 2 characters of a group.
            after_1 = (s b64){0,2} | (s b64){3} groups;
            after_2 = (s b64)? | (s b64){2} groups;

            // Padding: any run of "=", so that the DFA always reads the byte
            // after the token (base64_text_end() decides on it; only the
            // first "=" matters to the decoder).
            (start_0 groups | start_1 after_1 | start_2 after_2) (s "=")* {
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
