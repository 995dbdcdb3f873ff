// Markdown emphasis around a match: "see **http://evil.com/a** now",
// "_evil[.]com_", "~~http://old.example/~~", "__evil.com__". The closing
// run is markup, not a byte of the URL or name, yet "*", "_" and "~" are URL
// characters and "_" a label character, so the grammars take it into the
// token. The URL rules cut it when they queue a URL (url_emit.hpp), while
// scanning: like the grammars' stop at "](", a Markdown link's second half,
// it holds with --open too. The domain and e-mail rules cut "_" runs around
// a name or an address.
#pragma once

#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"

namespace iocscan::detail {

/// The `trailing` of without_emphasis() for a token that ends at a word
/// character, so holds no punctuation after its closer.
inline constexpr ByteSet kNoTrailingPunctuation{""};

/// Where a match written between Markdown emphasis runs lies.
struct Unemphasized {
    const unsigned char* begin;
    const unsigned char* end;
};

/// The token [begin, end) without the emphasis around it: a run of one of
/// * _ ~ (at most three bytes, "***" being bold italic) that opens right
/// before `begin` after a byte that is no word character and no such mark
/// (CommonMark: "a*b" and "snake_case" emphasize nothing), and the same
/// run, no longer, at the end or before bytes of `trailing` there (the
/// sentence's punctuation: "**url**.", "(**url**)"; those go too). A token
/// may start at "_", a word character: its leading underscores are the
/// opener then, and are cut as well. Anything else is kept: a lone "*" or
/// "_" at the end ("http://x.example/*" is a proxy's wildcard, "/file_" a
/// name), runs that differ ("**url*"), nested runs ("**_url_**").
/// `prefix` reads the bytes before `begin` (families/common/token_prefix.hpp).
template <class Prefix>
Unemphasized without_emphasis(const Prefix& prefix, const unsigned char* begin, const unsigned char* end,
                              const ByteSet& trailing) {
    constexpr int kLongestRun = 3;
    static_assert(Prefix::kMaxBack >= kLongestRun + 1);
    const auto is_mark = [](unsigned char c) { return c == '*' || c == '_' || c == '~'; };
    unsigned char mark = prefix.before(begin, 1);
    int length = 0;
    const unsigned char* inner_begin = begin;
    if (is_mark(mark)) {   // rare: one test for most tokens
        while (length < kLongestRun && prefix.before(begin, length + 1) == mark) ++length;
        const unsigned char opener_before = prefix.before(begin, length + 1);
        if (opener_before == mark || is_word(opener_before)) return {begin, end};
    } else if (*begin == '_') {
        mark = '_';
        while (inner_begin < end && *inner_begin == '_') ++inner_begin;
        length = static_cast<int>(inner_begin - begin);
        if (length > kLongestRun) return {begin, end};
    } else {
        return {begin, end};
    }
    const unsigned char* closer_end = end;
    while (closer_end > inner_begin && trailing.contains(static_cast<char>(*(closer_end - 1)))) --closer_end;
    const unsigned char* closer = closer_end;
    while (closer > inner_begin && *(closer - 1) == mark) --closer;
    if (closer_end - closer != length || closer == inner_begin) return {begin, end};
    return {inner_begin, closer};
}

}  // namespace iocscan::detail
