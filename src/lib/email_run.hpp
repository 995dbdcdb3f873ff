// Reads the address runs found by grammar/email.re: words of address
// characters joined by (possibly defanged) dots and at-signs.
#pragma once

#include "lib/candidate_sink.hpp"

namespace iocscan::detail {

/// One piece of an address run: a word, or the separator after it; `other`
/// is one byte that is neither (only in text the grammar did not accept).
struct EmailPart {
    enum Kind { word, dot, at, other } kind;
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
void emit_email_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end);

}  // namespace iocscan::detail
