// Settings shared by every iocscan grammar: the storable-state (push) model
// over the shared chunk buffer. Included by each grammar/<family>/<rule>.re.
//
// Each scanner function restores its saved state (getstate block), then
// loops: start a token, run the DFA block, act on the rule that matched.
// YYFILL saves the DFA state and returns `waiting`; the driver appends bytes
// and calls again. Resuming with no new bytes means end of input ($ rule).
/*!re2c
    re2c:api:style = free-form;
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = "st.cur";
    re2c:define:YYMARKER = "st.mar";
    re2c:define:YYLIMIT = "st.lim";
    re2c:define:YYGETSTATE = "st.state";
    re2c:define:YYSETSTATE = "st.state = @@;";
    re2c:define:YYFILL = "return LexStatus::waiting;";
    re2c:variable:yyaccept = "st.accept";
    re2c:eof = 0;

    // Character classes used by several families.
    digit = [0-9];
    hex   = [0-9a-fA-F];
    word  = [0-9a-zA-Z_];
    // Bitcoin's base58 alphabet, without 0 O I l (btc, xmr).
    base58 = [1-9A-HJ-NP-Za-km-z];
    // The optional s of a scheme written for "http or https": "http[s]://",
    // "hxxp(s)[:]//" (url generic, domain; url_parts.cpp s_mark()).
    scheme_s_mark = "[" [sS] "]" | "(" [sS] ")";
    // A dot written "[.]" or "(.)", with single spaces allowed inside: the
    // anchor of the url bracket rule, and a domain's spaced dot
    // ("evil [ . ] com", spec section url `bracket`).
    bdot = [([] " "? "." " "? [\])];
    // A character that UTF-8 writes in two bytes (U+0080-U+07FF), read whole
    // after a name so that its second byte, at any chunk edge, tells a letter
    // that cuts the name from a sign ("×") that ends it
    // (families/common/utf8_letter.hpp is_two_byte_letter()).
    utf8_pair = [\xC2-\xDF] [\x80-\xBF];
    // The two such characters that are signs, not letters: "×" and "÷"
    // (is_two_byte_letter() leaves out the same two).
    two_byte_sign = "\xC3" [\x97\xB7];
*/
