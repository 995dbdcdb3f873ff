#include "families/email/email_run.hpp"

#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"
#include "families/common/utf8_letter.hpp"
#include "families/rule_ids.hpp"

#include <cstdint>
#include <string_view>

namespace iocscan::detail {
namespace {

bool is_bracket(unsigned char c) {
    return c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}';
}

constexpr std::size_t kMaxLocal = 64;
constexpr std::size_t kMaxDomain = 253;
constexpr std::size_t kMaxLabel = 63;

/// Words joined by dots between two at-signs (or a run's ends).
struct Group {
    const unsigned char* begin = nullptr;
    const unsigned char* end = nullptr;
    std::size_t words = 0;
    std::size_t plain_length = 0;   ///< length once refanged
    bool domain_like = true;        ///< every word is a host label
    bool letter_tld = false;        ///< the last word is 2+ letters
    bool spaced_dots = true;        ///< every dot is a bare spaced " dot "
    bool bracketed_dot = false;     ///< some dot is written in brackets ("[.]", "(dot)")
};

/// " at " or " dot " as a bare word between spaces, no bracket or mark: a
/// defang only in an address written wholly in that style.
bool is_bare_spaced(const EmailPart& separator) {
    for (const unsigned char* p = separator.begin; p < separator.end; ++p) {
        if (*p == '@' || *p == '.' || is_bracket(*p)) return false;
    }
    return true;
}

/// Whether a dot separator holds a bracket: a defanged dot.
bool is_bracketed(const EmailPart& separator) {
    for (const unsigned char* p = separator.begin; p < separator.end; ++p) {
        if (is_bracket(*p)) return true;
    }
    return false;
}

/// "@ " (a space after the at-sign only, "myuser@ example[.]com"): an
/// at-sign only when the domain is defanged too, as iocextract's examples
/// write it; before a plain domain it is a list or a typo ("cc me@ example.com").
bool is_lopsided_at(const EmailPart& separator) {
    return separator.end - separator.begin == 2 && separator.begin[0] == '@' && separator.begin[1] == ' ';
}

/// What a word's bytes may be, as bits: one table load per byte lets one
/// walk over a word tell both whether it is a host label and whether it is
/// letters only (a top-level domain).
enum WordBits : unsigned char { kLabelByte = 1, kLetterByte = 2 };
constexpr auto kWordBits = byte_table<unsigned char>([](unsigned c) {
    return static_cast<unsigned char>((is_alpha(c) || is_digit(c) || c == '-' ? kLabelByte : 0) |
                                      (is_alpha(c) ? kLetterByte : 0));
});

void add_word(Group& group, const EmailPart& word) {
    if (group.words++ == 0) group.begin = word.begin;
    const auto length = word.end - word.begin;
    group.plain_length += static_cast<std::size_t>(length);
    unsigned common = kLabelByte | kLetterByte;   // the bits every byte has
    for (const unsigned char* p = word.begin; p < word.end; ++p) common &= kWordBits[*p];
    const bool label = (common & kLabelByte) != 0 && length <= static_cast<std::ptrdiff_t>(kMaxLabel) &&
                       word.begin[0] != '-' && word.end[-1] != '-';
    group.domain_like = group.domain_like && label;
    group.letter_tld = (common & kLetterByte) != 0 && length >= 2;
    group.end = word.end;
}

/// The lower-cased bytes of a word of at most four, packed big-endian: a
/// number to compare at once.
constexpr std::uint32_t packed_lower(std::string_view word) {
    std::uint32_t packed = 0;
    for (char c : word) packed = packed << 8 | static_cast<unsigned char>(ascii_lower(c));
    return packed;
}

/// Whether the domain's last word is a file extension that is no top-level
/// domain, as written after an "@" in file names: retina images
/// ("logo@2x.png"), assets and documents. Such a name is no address.
bool ends_in_file_extension(const Group& domain) {
    // The last word is letters only (letter_tld) after a dot separator: read
    // it back, packing the letters as packed_lower() does, up to the longest
    // extension. Called for every address found.
    constexpr std::ptrdiff_t kLongest = 4;
    const auto letter_at = [&](std::ptrdiff_t back) { return domain.end - back > domain.begin && is_alpha(domain.end[-1 - back]); };
    std::uint32_t packed = 0;
    std::ptrdiff_t length = 0;
    for (; length < kLongest && letter_at(length); ++length) {
        packed |= static_cast<std::uint32_t>(static_cast<unsigned char>(ascii_lower(static_cast<char>(domain.end[-1 - length]))))
                  << (8 * length);
    }
    if (letter_at(length)) return false;   // a longer word
    switch (packed) {
        case packed_lower("avif"):
        case packed_lower("bmp"): case packed_lower("css"): case packed_lower("dll"): case packed_lower("exe"):
        case packed_lower("gif"): case packed_lower("htm"): case packed_lower("html"): case packed_lower("ico"):
        case packed_lower("jpeg"): case packed_lower("jpg"): case packed_lower("js"): case packed_lower("json"):
        case packed_lower("log"): case packed_lower("pdf"): case packed_lower("php"): case packed_lower("png"):
        case packed_lower("svg"): case packed_lower("tiff"): case packed_lower("txt"): case packed_lower("webp"):
        case packed_lower("xml"):
            return true;
        default:
            return false;
    }
}

/// How the at-sign between two groups is written, where that matters.
enum class AtStyle { plain, bare_spaced, lopsided };

/// A bare spaced " at " in prose ("the server at evil[.]com", "$b at
/// pe.overlay.offset") is only a word: it counts when the domain's dots are
/// bare " dot " too ("john at example dot com"); a lopsided "@" counts
/// before a defanged domain.
bool valid_pair(const Group& local, const Group& domain, AtStyle at) {
    return local.words > 0 && local.plain_length <= kMaxLocal && domain.words >= 2 &&
           domain.domain_like && domain.letter_tld && domain.plain_length <= kMaxDomain &&
           (at != AtStyle::bare_spaced || domain.spaced_dots) && (at != AtStyle::lopsided || domain.bracketed_dot) &&
           !ends_in_file_extension(domain);
}

/// Only "@", spaces and brackets can make an at-sign; most runs are plain
/// words and dotted names, which are passed over at once.
bool may_hold_at_sign(const unsigned char* p, const unsigned char* end) {
    for (; p < end; ++p) {
        if (*p == '@' || *p == ' ' || is_bracket(*p)) return true;
    }
    return false;
}

/// True when [p, end) starts with `word`, in any case.
bool starts_with_word(const unsigned char* p, const unsigned char* end, std::string_view word) {
    if (static_cast<std::size_t>(end - p) < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if ((p[i] | 0x20) != word[i]) return false;
    }
    return true;
}

const unsigned char* skip_spaces_and_brackets(const unsigned char* p, const unsigned char* end) {
    while (p < end && (*p == ' ' || is_bracket(*p))) ++p;
    return p;
}

/// Whether a local part at the start of a run is a URL's userinfo: right
/// after "//" ("http://user@host"), or after ":" with the domain followed by
/// "/" or ":" ("http://user:pw@host/", "...@host:8080"), where an address
/// after a label ("mailto:", "From:") ends the text or the sentence.
bool is_userinfo(unsigned char before2, unsigned char before1, unsigned char after_domain) {
    if (before2 == '/' && before1 == '/') return true;
    return before1 == ':' && (after_domain == '/' || after_domain == ':');
}

/// Whether a local part at the start of a run follows an "@": a fediverse
/// account ("@analyst@infosec.example", as Mastodon threads cite their
/// authors), which names a user on a server and no mailbox.
bool is_fediverse_handle(unsigned char before1) { return before1 == '@'; }

/// The end of the run [begin, end) without one to three "_" that end it
/// after a letter or a digit: a domain never ends in "_", so they close
/// Markdown emphasis opened before the run ("_Write to ops@evil.com_",
/// "__Contact: ops@evil.com__"). Paired runs around the whole run are cut
/// before (without_emphasis()).
const unsigned char* before_emphasis_closer(const unsigned char* begin, const unsigned char* end) {
    constexpr std::ptrdiff_t kLongestRun = 3;
    const unsigned char* closer = end;
    while (closer > begin && end - closer <= kLongestRun && closer[-1] == '_') --closer;
    if (closer == end || end - closer > kLongestRun || closer == begin) return end;
    return is_alnum(closer[-1]) ? closer : end;
}

}  // namespace

EmailPart next_email_part(const unsigned char* p, const unsigned char* end) {
    const unsigned char* begin = p;
    if (is_email_char(*p)) {
        while (p < end && is_email_char(*p)) ++p;
        return {EmailPart::word, begin, p};
    }
    // A separator: spaces and brackets around one mark ("@", ".", "at", "dot").
    p = skip_spaces_and_brackets(p, end);
    // Brackets that close nothing at the end ("example[.com[.org]"): only in
    // text the grammar did not check (the refang subcommand); they are dropped.
    if (p == end) return {EmailPart::filler, begin, end};
    EmailPart::Kind kind = EmailPart::dot;
    if (p < end && (*p == '@' || *p == '.')) {
        kind = *p == '@' ? EmailPart::at : EmailPart::dot;
        ++p;
    } else if (starts_with_word(p, end, "at")) {
        kind = EmailPart::at;
        p += 2;
    } else if (starts_with_word(p, end, "dot")) {
        p += 3;
    } else {
        // Only in text the grammar did not check (the refang subcommand).
        return {EmailPart::other, begin, begin + 1};
    }
    return {kind, begin, skip_spaces_and_brackets(p, end)};
}

void emit_email_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end,
                    unsigned char before2, unsigned char before1, bool cut_before, bool cut_after) {
    if (!may_hold_at_sign(begin, end)) return;
    end = before_emphasis_closer(begin, end);
    // Groups are the dot-joined words between at-signs. Each at-sign pairs
    // the group before it (unless that one was just used as a domain) with
    // the group after it.
    Group local{};
    bool have_local = false;
    AtStyle at_style = AtStyle::plain;   // of the at-sign after `local`
    Group current{};
    // A pair at the run's ends may belong to the text around it: a URL's
    // userinfo, a fediverse account, or a piece of a word whose letter
    // outside ASCII or soft line break ended the run ("jöhn@evil.com",
    // "admin@example.coñ": the domain read is another name).
    const auto in_other_text = [&] {
        const bool at_start = local.begin == begin;
        if (at_start && (cut_before || is_userinfo(before2, before1, *current.end) ||
                         is_fediverse_handle(before1) || ends_two_byte_letter(before2, before1))) {
            return true;
        }
        return current.end == end && cut_after;
    };
    const auto close_group = [&] {
        // valid_pair() first: it makes sure the domain has words, so an end.
        if (have_local && valid_pair(local, current, at_style) && !in_other_text()) {
            sink.add(Type::email, kRuleEmail, local.begin, current.end);
            have_local = false;   // the domain cannot also be the next local part
        } else {
            local = current;
            have_local = true;
        }
        current = Group{};
    };
    for (const unsigned char* p = begin; p < end;) {
        const EmailPart part = next_email_part(p, end);
        if (part.kind == EmailPart::word) {
            add_word(current, part);
        } else if (part.kind == EmailPart::dot) {
            ++current.plain_length;
            current.spaced_dots = current.spaced_dots && is_bare_spaced(part);
            current.bracketed_dot = current.bracketed_dot || is_bracketed(part);
        } else if (part.kind == EmailPart::at) {
            close_group();
            at_style = is_bare_spaced(part) ? AtStyle::bare_spaced
                       : is_lopsided_at(part) ? AtStyle::lopsided
                                              : AtStyle::plain;
        }
        p = part.end;
    }
    close_group();
}

}  // namespace iocscan::detail
