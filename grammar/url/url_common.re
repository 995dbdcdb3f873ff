// Definitions shared by the three plain-text URL grammars (url_generic.re,
// url_bracket.re, url_backslash.re). Included after common.re.
/*!re2c
    // A URL character: printable ASCII except the space. Whitespace, control
    // bytes (NUL included) and every byte >= 0x80 end a URL.
    uchar = [\x21-\x7e];

    // iocextract's address characters [\.\:\/\\\w\[\]\(\)-]; `clsnw` is the
    // same without word characters.
    cls   = [.:/\\0-9a-zA-Z_[\]()\-];
    clsnw = [.:/\\[\]()\-];

    // The body of a URL stops where the precision rule says a URL ends
    // (spec section 3): at '"' and '<' (markup and data around the URL), at
    // a backslash escape ("\n", "\"", "\\" but not the defang "\\."), and
    // at "](", a Markdown link's second half. (Other bounds, such as an
    // unbalanced closer, are cut in the post-pass, families/url/url_cut.cpp.) Ending
    // the token there lets the URL after it be found.
    bchar  = uchar \ ["<\\\]];
    bslash = "\\" (uchar \ [nrtu"'<\\]) | "\\\\" ".";
    bunit  = bchar | bslash;
    bunitp = (bchar \ [(]) | bslash;
    body   = (bunit | "]"+ bunitp)* "]"*;

    // What the address before the first defanged dot is made of: the same
    // characters, except that a bracket or parenthesis only counts inside a
    // defang token. So "[text](http://evil[.]com)" gives a URL that starts
    // at "http", where iocextract starts at "text".
    // The bracketed middle of a scheme written "h[xx]ps", "h[tt]p", "h(**)p"
    // (url_generic.re; url_parts.cpp bracketed_middle()).
    scheme_mid = [a-zA-Z*_]{1,2};

    atok = [.:/\\0-9a-zA-Z_\-] | "[:]" | "[/]" | "(/)" | '[dot]' | '(dot)' | bdot;   // bdot: common.re
*/
