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

/// Whether `lead`, `next` are such a letter ("×" and "÷", C3 97 and C3 B7,
/// are signs: "ops@evil.com×2" holds an address; the grammars' name for
/// them is `two_byte_sign`, grammar/common/common.re).
constexpr bool is_two_byte_letter(unsigned char lead, unsigned char next) {
    if (!starts_two_byte_letter(lead) || next < 0x80 || next > 0xBF) return false;
    return !(lead == 0xC3 && (next == 0x97 || next == 0xB7));
}

/// Whether `before2`, `before1`, the two bytes before a token, end such a letter.
constexpr bool ends_two_byte_letter(unsigned char before2, unsigned char before1) {
    return is_two_byte_letter(before2, before1);
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
/// after such a dot, as it would have gone on with a label. Only the lead
/// byte is read (the next one may lie past `lim`): the e-mail grammar reads
/// a whole two-byte character after a name instead (common.re `utf8_pair`,
/// name_before_utf8_pair()), so that "×" and "÷" end an address there;
/// this is for a name that no such character follows, and for the URL
/// rules without a scheme, where "evil[.]com×2" still gives nothing.
inline bool precedes_two_byte_letter(const unsigned char* end, const unsigned char* lim) {
    if (end < lim && *end == '.') ++end;
    return end < lim && starts_two_byte_letter(*end);
}

enum class LetterAfter { no, yes, unknown };

/// precedes_two_byte_letter() with "×" and "÷" read as signs that end the
/// name as a space does ("evil.com×2"), for the domain rule, which reads
/// the byte after the lead in C++ (a DFA transition for it in the domain
/// label loop cost 2.7 instructions per byte of the corpus with --types
/// all). `unknown`: the lead byte C3 is the last byte read, so the scanner
/// waits for the next one.
inline LetterAfter two_byte_letter_after(const unsigned char* end, const unsigned char* lim) {
    if (!precedes_two_byte_letter(end, lim)) return LetterAfter::no;
    if (*end == '.') ++end;
    if (*end != 0xC3) return LetterAfter::yes;
    if (end + 1 == lim) return LetterAfter::unknown;
    // C3 then a continuation byte that is_two_byte_letter() leaves out.
    const bool sign = end[1] >= 0x80 && end[1] <= 0xBF && !is_two_byte_letter(end[0], end[1]);
    return sign ? LetterAfter::no : LetterAfter::yes;
}

/// A token [.., cur) that the e-mail grammar ended with a name, an optional ".", then
/// a character that UTF-8 writes in two bytes (common.re `utf8_pair`): where
/// the name ends, and whether that character is a letter that cuts it.
struct NameBeforeUtf8Pair {
    const unsigned char* end;
    bool letter_after;
};
inline NameBeforeUtf8Pair name_before_utf8_pair(const unsigned char* cur) {
    const unsigned char* end = cur - 2;
    if (end[-1] == '.') --end;   // a name ends with a label byte, never with "."
    return {end, is_two_byte_letter(cur[-2], cur[-1])};
}

}  // namespace iocscan::detail
