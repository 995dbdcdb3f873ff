// Reads the address runs found by grammar/email/email.re: words of address
// characters joined by (possibly defanged) dots and at-signs.
#pragma once

#include "core/candidate_sink.hpp"
#include "families/common/token_prefix.hpp"
#include "simd/ascii_class.hpp"

#include <string_view>

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

/// Whether the run at `tok` goes on a name written with an apostrophe, a
/// byte no address character, so that the run starts after it: a letter,
/// then "'" or the typographic "’" (E2 80 99) right before `tok`
/// ("o'brien@example.com", "D’Angelo@example.com" hold no address
/// "brien@example.com", "Angelo@example.com"). Not when "'" closes the run
/// (`after`, the byte after it): a string literal's prefix, as Python 2
/// writes a list (`[u'ops@evil.com']`).
inline bool follows_name_apostrophe(const LongTokenPrefix& prefix, const unsigned char* tok, unsigned char after) {
    if (prefix.before(tok, 1) == '\'') return after != '\'' && is_alpha(prefix.before(tok, 2));
    return prefix.before(tok, 1) == 0x99 && prefix.before(tok, 2) == 0x80 && prefix.before(tok, 3) == 0xE2 &&
           is_alpha(prefix.before(tok, 4));
}

/// Whether the run at `tok` is a message identifier in angle brackets, as
/// mail headers write one: after "Message-ID:" or "Content-ID:"
/// ("Message-ID: <1a2b.99@mx.example.com>", "Content-ID: <part1.x@host.example>",
/// "X-Message-ID:<...>", "Resent-Message-ID:") or
/// "References:" (its first identifier), one space or none, and "<". An
/// identifier names a message, no mailbox (RFC 5322 3.6.4). Not after
/// "In-Reply-To:": the prefix keeps eight bytes, which do not tell it from
/// "Reply-To:", a mailbox.
inline bool follows_message_id_header(const LongTokenPrefix& prefix, const unsigned char* tok) {
    if (prefix.before(tok, 1) != '<') return false;
    const int colon = prefix.before(tok, 2) == ' ' ? 3 : 2;
    if (prefix.before(tok, colon) != ':') return false;
    // The header name's last bytes, read back from its colon.
    const auto name_ends_in = [&](std::string_view tail) {
        const int length = static_cast<int>(tail.size());
        if (colon + length > LongTokenPrefix::kMaxBack) return false;
        for (int i = 0; i < length; ++i) {
            const auto c = static_cast<char>(prefix.before(tok, colon + length - i));
            if (ascii_lower(c) != tail[static_cast<std::size_t>(i)]) return false;
        }
        return true;
    };
    // "Message-ID", "Content-ID": not "User-ID", "Sender-ID", "Envelope-ID",
    // which may hold a mailbox.
    return name_ends_in("ge-id") || name_ends_in("nt-id") || name_ends_in("ences");
}

/// [begin, end) is an address run. Queues every valid address in it:
/// local@domain with a local part of 1-64 characters and a domain of two or
/// more labels (letters, digits, inner hyphens) ending in a top-level label
/// of two or more letters. An at-sign whose sides are not both valid
/// reports nothing; the part after a reported domain starts afresh.
/// `before2`, `before1`: the two bytes before the run (0 for none; before
/// the Markdown emphasis the caller cut from it, "__a@evil.com__"), which
/// with the byte after the domain tell a URL's userinfo ("//user@host",
/// "user:pw@host/") and a fediverse account ("@user@host") from an
/// address, and a letter outside ASCII before the
/// local part a piece of a longer word ("jöhn@evil.com"); `cut_before`,
/// `cut_after`: the run's first or last name goes on past it, after a
/// quoted-printable soft line break ("sup=\nport@evil.example",
/// families/common/soft_line_break.hpp), before the run after an apostrophe
/// (follows_name_apostrophe()) or, after it, a letter outside ASCII
/// (precedes_two_byte_letter(): "admin@example.coñ"). The byte at
/// `end` is readable (at worst the buffer's sentinel).
void emit_email_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end,
                    unsigned char before2, unsigned char before1, bool cut_before, bool cut_after);

}  // namespace iocscan::detail
