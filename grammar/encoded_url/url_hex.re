// url, rule "hex": a URL written as hex digits, "687474703a2f2f..." (either
// case of the hex letters, either case of the scheme's letters).
//
// The token is the hex spelling of "http://", "https://", "ftp://" or
// "ftps://" followed by every hex pair that spells a URL character (RFC 3986
// unreserved, reserved and "%"), up to the first pair that does not. A pair
// may start at any byte: "0x6874...", "\x68..." and a hex run of odd length
// before the scheme are all found. Decoding and the URL inside are the
// post-pass's work (families/encoded_url/encoded_url.cpp); raw output shows the hex.
//
// Linear: only the fixed scheme part (at most 16 bytes) can fail; after it
// every pair extends the accepted token. A failed start gives up one byte,
// so each byte is read by at most 16 attempts, and the fast path
// (simd/encoded_url_skip.hpp) only stops where "68", "48", "66" or "46" stands.
#include "families/encoded_url/encoded_emit.hpp"
#include "simd/encoded_url_skip.hpp"
#include "families/rule_ids.hpp"

namespace iocscan::detail {

/*!include:re2c "common.re" */

LexStatus lex_url_hex(LexState& st, CandidateSink& sink) {
    unsigned char yych;
    /*!getstate:re2c*/
    for (;;) {
        st.cur = skip::to_hex_scheme(st.cur, st.lim);
        st.start_token();
        /*!re2c
            // 'ab' strings are case-insensitive in re2c: "3a" and "3A" alike.
            hex_h = '68' | '48';
            hex_t = '74' | '54';
            hex_p = '70' | '50';
            hex_s = '73' | '53';
            hex_f = '66' | '46';
            hex_sep = '3a2f2f';
            hex_scheme = (hex_h hex_t hex_t hex_p | hex_f hex_t hex_p) hex_s? hex_sep;
            // Hex pairs of the URL characters: ! # $ % & ' ( ) * + , - . /
            // 0-9 : ; = ? @ A-Z [ ] _ a-z ~ (no space, " < > \ ^ ` { | }).
            hex_url_char = "2" [13-9a-fA-F] | "3" [0-9abdfABDF] | "4" hex
                         | "5" [0-9abdfABDF] | "6" [1-9a-fA-F] | "7" [0-9aeAE];

            hex_scheme hex_url_char* {
                emit_url_token(st, sink, kRuleUrlHex, kMaxHexUrlToken);
                continue;
            }
            $ { return LexStatus::end; }
            * { continue; }
        */
    }
}

}  // namespace iocscan::detail
