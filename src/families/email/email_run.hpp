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

/// The bytes before an e-mail token as far back as a message identifier's
/// header name needs, and where the last address run ended if it was an
/// identifier. Eight bytes come from the LongTokenPrefix (st.flags,
/// st.depth); bytes 9 to 12, which tell "In-Reply-To: <" from
/// "Reply-To: <", and that end are kept in st.cond. Those four bytes are
/// read as 7-bit ASCII (a byte >= 0x80 reads as 0) both from the buffer
/// and from st.cond, so that where a call ends never decides: header names
/// are ASCII. The end is kept as its distance back from the next call's
/// origin, up to kMaxBack (no later token can reach further back to it):
/// an identifier long ago never decides, so a scanner started fresh
/// anywhere (a range scan, a thread's segment) agrees within kMaxBack bytes.
class MessageIdContext {
public:
    /// Bytes read back from a token start.
    static constexpr int kMaxBack = LongTokenPrefix::kMaxBack + 4;

    /// `near`: the call's LongTokenPrefix, whose origin is `origin`;
    /// `kept`: saved_at() of the call before (st.cond).
    MessageIdContext(const LongTokenPrefix& near, const unsigned char* origin, unsigned kept)
        : near_(near), origin_(origin), far_(kept & kFarMask), kept_end_(kept >> kEndShift) {}

    /// The byte `back` (1 to kMaxBack) places before `p` (>= origin); 0 for none.
    unsigned char before(const unsigned char* p, int back) const {
        if (back <= LongTokenPrefix::kMaxBack) return near_.before(p, back);
        const auto distance = p - origin_;
        if (distance >= back) return ascii_only(p[-back]);
        if (back - distance <= LongTokenPrefix::kMaxBack) return ascii_only(near_.before(p, back));
        // far_ holds origin[-9] in its top seven bits ... origin[-12] in its low seven.
        return static_cast<unsigned char>(far_ >> (7 * (kMaxBack - (back - distance))) & 0x7F);
    }

    /// How far back from `p` (>= origin) the last address run ended if it
    /// was a message identifier and ended at most kMaxBack bytes back, else -1.
    int identifier_end_back(const unsigned char* p) const {
        if (end_ == nullptr && kept_end_ == 0) return -1;
        const auto back = end_ != nullptr ? p - end_ : (kept_end_ - 1) + (p - origin_);
        return back <= kMaxBack ? static_cast<int>(back) : -1;
    }
    /// The address run that ends at `end` was (`identifier`) or was not an identifier.
    void note_run(bool identifier, const unsigned char* end) {
        end_ = identifier ? end : nullptr;
        if (!identifier) kept_end_ = 0;
    }

    /// The value to keep in st.cond for the next call, whose origin is `p`.
    unsigned saved_at(const unsigned char* p) const {
        unsigned saved = 0;
        for (int back = LongTokenPrefix::kMaxBack + 1; back <= kMaxBack; ++back) saved = saved << 7 | before(p, back);
        return saved | static_cast<unsigned>(identifier_end_back(p) + 1) << kEndShift;
    }

private:
    static constexpr unsigned kFarMask = (1u << 28) - 1;
    /// st.cond's top four bits: identifier_end_back() of the origin plus one
    /// (0 for none within reach).
    static constexpr unsigned kEndShift = 28;
    static_assert(kMaxBack + 1 < 16, "the end's distance fits in four bits");
    static unsigned char ascii_only(unsigned char c) { return c < 0x80 ? c : 0; }

    const LongTokenPrefix& near_;
    const unsigned char* origin_;
    unsigned far_;
    unsigned kept_end_;                    ///< from st.cond, as saved_at() packs it
    const unsigned char* end_ = nullptr;   ///< an identifier's end in this call
};

/// Whether the run at `tok` is a message identifier in angle brackets, as
/// mail headers write one: after "Message-ID:" or "Content-ID:"
/// ("Message-ID: <1a2b.99@mx.example.com>", "Content-ID: <part1.x@host.example>",
/// "X-Message-ID:<...>", "Resent-Message-ID:"), "References:" or
/// "In-Reply-To:", one space or none, and "<". An identifier names a
/// message, no mailbox (RFC 5322 3.6.4). "Reply-To:" names a mailbox: the
/// "-" before its name tells "In-Reply-To:" (and the rare "X-Reply-To:").
inline bool follows_message_id_header(const MessageIdContext& context, const unsigned char* tok) {
    if (context.before(tok, 1) != '<') return false;
    const int colon = context.before(tok, 2) == ' ' ? 3 : 2;
    if (context.before(tok, colon) != ':') return false;
    // The header name's last bytes, read back from its colon.
    const auto name_ends_in = [&](std::string_view tail) { return prefix_ends_in(context, tok, colon + 1, tail); };
    // "Message-ID", "Content-ID": not "User-ID", "Sender-ID", "Envelope-ID",
    // which may hold a mailbox.
    return name_ends_in("ge-id") || name_ends_in("nt-id") || name_ends_in("ences") || name_ends_in("-reply-to");
}

/// Whether the run at `tok` is a later identifier of the list the last
/// address run began: "References: <a@mx.example> <b@mx.example>", folded
/// onto lines that start with white space ("...example>\r\n\t<c@mx.example>").
/// Only blanks lie between the ">" after that identifier and the "<"
/// before this one, and line breaks that a blank follows: a folded header
/// line (all of the bytes kept, for a fold indented deeper). A line that
/// starts at "<" begins a new header or the body.
/// The identifier's end keeps a mailmap line's second mailbox ("Jo
/// <jo@a.example> <jo@b.example>") an address, and any ">" that closes no
/// identifier.
inline bool continues_message_id_list(const MessageIdContext& context, const unsigned char* tok) {
    if (context.before(tok, 1) != '<') return false;
    // The ">" right after the identifier's run, within the bytes kept.
    const int close = context.identifier_end_back(tok);
    if (close < 2 || context.before(tok, close) != '>') return false;
    for (int back = 2; back < close; ++back) {
        const unsigned char c = context.before(tok, back);
        if (c == 0 || !is_space_or_control(c)) return false;
        // A line feed only where a folded header goes on, a blank after it
        // (RFC 5322 FWS).
        const unsigned char next = context.before(tok, back - 1);
        if (c == '\n' && next != ' ' && next != '\t') return false;
    }
    return true;
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
