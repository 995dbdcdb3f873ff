// Letters outside ASCII next to a match. A byte >= 0x80 ends every ASCII
// token, so a match that touches a letter written in UTF-8 is a piece of a
// longer word or name: "jöhn@evil.com" holds no address "hn@evil.com",
// "münchen[.]de" no URL "nchen[.]de", "münchen.de" no domain "nchen.de",
// "admin@example.coñ" no address "admin@example.co".
#pragma once

namespace iocscan::detail {

/// Whether `lead` starts a letter that UTF-8 writes in two bytes: Latin-1
/// and Latin Extended, IPA, Greek, Cyrillic (U+00C0-U+052F, lead bytes
/// C3-D4). Not U+0080-U+00BF (lead C2: the no-break space, "«", "»"), nor
/// the scripts written in three bytes, CJK among them, which put no spaces
/// between words ("联系admin@evil.com").
constexpr bool starts_two_byte_letter(unsigned char lead) { return lead >= 0xC3 && lead <= 0xD4; }

/// Whether `before2`, `before1`, the two bytes before a token, end such a
/// letter ("×" and "÷", C3 97 and C3 B7, are signs).
constexpr bool ends_two_byte_letter(unsigned char before2, unsigned char before1) {
    if (!starts_two_byte_letter(before2) || before1 < 0x80 || before1 > 0xBF) return false;
    return !(before2 == 0xC3 && (before1 == 0x97 || before1 == 0xB7));
}

/// Whether the token at `tok` continues such a letter's word ("münchen.de"
/// read from "nchen"); `prefix` (families/common/token_prefix.hpp) reads
/// the bytes before it.
template <class Prefix>
[[gnu::always_inline]] inline bool follows_two_byte_letter(const Prefix& prefix, const unsigned char* tok) {
    const unsigned char before1 = prefix.before(tok, 1);
    // Most tokens follow an ASCII byte: one test before the letter's lead.
    return before1 >= 0x80 && ends_two_byte_letter(prefix.before(tok, 2), before1);
}

/// Whether a name that a scanner ended at `end` (`lim`: the end of the
/// bytes read; `end` == `lim` when the input ended) is cut there by such a
/// letter: right after it ("bank.coñtrol.com" read as "bank.co") or after
/// one dot, where the next label is written in that script
/// ("mail.shop.рф" read as "mail.shop"). The scanner has read the byte
/// after such a dot, as it would have gone on with a label.
inline bool precedes_two_byte_letter(const unsigned char* end, const unsigned char* lim) {
    if (end < lim && *end == '.') ++end;
    return end < lim && starts_two_byte_letter(*end);
}

}  // namespace iocscan::detail
