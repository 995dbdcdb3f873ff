// Host names as the domain and onion families see them: labels of letters,
// digits, "-" and "_" joined by plain or defanged dots ("[.]", "(.)",
// "[dot]", "(dot)", "{.}", "\."). The one definition of a defanged dot in
// a host name; src/families/domain/domain_refang.cpp writes each of them as ".".
/*!re2c
    lab    = [a-zA-Z0-9_\-]+;
    dotsep = "." | "\\." | "[" ("." | 'dot') "]" | "(" ("." | 'dot') ")" | "{" ("." | 'dot') "}";
*/
