// How long an encoded URL may be, and where a base64 token's text ends. The
// encoded-URL grammars queue their tokens with emit_url_token() and these
// bounds.
#pragma once

#include "families/url/url_emit.hpp"

#include <cstddef>

namespace iocscan::detail {

/// Hex spells each byte of a URL with two characters, percent-encoding with
/// at most three, so these bounds let through every URL iocscan reports.
inline constexpr std::size_t kMaxHexUrlToken = 2 * kMaxUrlLength;
inline constexpr std::size_t kMaxPercentUrlToken = 3 * kMaxUrlLength;
/// A base64 blob may hold many URLs (a mail body, a script), so it may be
/// longer: 1 MiB of base64 text, line breaks included (768 KiB decoded).
inline constexpr std::size_t kMaxBase64UrlToken = 1024 * 1024;

/// Where a base64 token's text ends. The grammar lets a line break continue
/// the text, but only a line that is base64 to its end is a continuation
/// (a wrapped blob, a mail body); "...aWQ9MjUw\nThe next line" must not glue
/// "The" on. So when the token's last line stops before its line end, the
/// text ends at the line break before it. The grammar is written so that the
/// DFA always reads the byte at `cur` to end the token (no accepting state
/// without a way on), so it is known; `cur == lim` there means end of input.
/// Were it not so, the answer would depend on where a chunk ends.
inline const unsigned char* base64_text_end(const unsigned char* tok, const unsigned char* cur,
                                            const unsigned char* lim) {
    if (cur == lim || *cur == '\n' || *cur == '\r') return cur;
    const unsigned char* line_break = cur;
    while (line_break > tok && line_break[-1] != '\n') --line_break;
    if (line_break == tok) return cur;   // one line: nothing was glued on
    --line_break;                        // the '\n'
    if (line_break > tok && line_break[-1] == '\r') --line_break;
    return line_break;
}

}  // namespace iocscan::detail
