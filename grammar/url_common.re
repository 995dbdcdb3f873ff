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

    // A dot written "[.]" or "(.)", with single spaces allowed inside.
    bdot = [([] " "? "." " "? [\])];

    // What the address before the first defanged dot is made of: the same
    // characters, except that a bracket or parenthesis only counts inside a
    // defang token. So "[text](http://evil[.]com)" gives a URL that starts
    // at "http", where iocextract starts at "text".
    atok = [.:/\\0-9a-zA-Z_\-] | "[:]" | "[/]" | "(/)" | '[dot]' | '(dot)' | bdot;
*/
