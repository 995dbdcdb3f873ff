// Reads the address runs found by grammar/email/email.re: words of address
// characters joined by (possibly defanged) dots and at-signs.
#pragma once

#include "core/candidate_sink.hpp"

namespace iocscan::detail {

/// One piece of an address run: a word, or the separator after it; `other`
/// is one byte that is neither, `filler` spaces and brackets that end the
/// text (both only in text the grammar did not accept).
struct EmailPart {
    enum Kind { word, dot, at, other, filler } kind;
    const unsigned char* begin;
    const unsigned char* end;
};

/// The part starting at `p` (< end). A separator spans its spaces and
/// brackets: " at ", "[.]", "(dot)", "@".
EmailPart next_email_part(const unsigned char* p, const unsigned char* end);

/// [begin, end) is an address run. Queues every valid address in it:
/// local@domain with a local part of 1-64 characters and a domain of two or
/// more labels (letters, digits, inner hyphens) ending in a top-level label
/// of two or more letters. An at-sign whose sides are not both valid
/// reports nothing; the part after a reported domain starts afresh.
/// `before2`, `before1`: the two bytes before the run (0 for none; before
/// the Markdown emphasis the caller cut from it, "__a@evil.com__"), which
/// with the byte after the domain tell a URL's userinfo ("//user@host",
/// "user:pw@host/") from an address, and a letter outside ASCII before the
/// local part a piece of a longer word ("jöhn@evil.com"); `cut_before`,
/// `cut_after`: the run's first or last name goes on past it, after a
/// quoted-printable soft line break ("sup=\nport@evil.example",
/// families/common/soft_line_break.hpp) or, after the run, a letter outside
/// ASCII (precedes_two_byte_letter(): "admin@example.coñ"). The byte at
/// `end` is readable (at worst the buffer's sentinel).
void emit_email_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end,
                    unsigned char before2, unsigned char before1, bool cut_before, bool cut_after);

}  // namespace iocscan::detail
