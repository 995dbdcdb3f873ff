#include "cli/json_text.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace iocscan::cli {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_u00(std::string& out, unsigned char byte) {
    out += "\\u00";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
}

/// Length of the valid UTF-8 sequence starting at s[i], or 0 if there is none.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned char min_second = 0x80, max_second = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0) min_second = 0xa0;   // no overlong forms
        if (lead == 0xed) max_second = 0x9f;   // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0) min_second = 0x90;
        if (lead == 0xf4) max_second = 0x8f;   // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > s.size()) return 0;
    if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) return 0;
    }
    return length;
}

/// Printable ASCII other than '"' and '\\': written as it is.
constexpr bool is_plain(unsigned char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; }

/// The end of the run of plain bytes that starts at `i`.
std::size_t plain_run_end(std::string_view bytes, std::size_t i) {
#if defined(__SSE2__)
    // 16 bytes at a time: plain when in [0x20, 0x7e] (signed: above 0x1f,
    // which also rules out 0x80 and up) and neither '"' nor '\\'.
    const __m128i space_minus_1 = _mm_set1_epi8(0x1f);
    const __m128i del = _mm_set1_epi8(0x7f);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= bytes.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + i));
        const __m128i printable = _mm_cmpgt_epi8(v, space_minus_1);
        const __m128i escaped = _mm_or_si128(_mm_cmpeq_epi8(v, del),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        const auto plain = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(escaped, printable)));
        if (plain != 0xFFFF) return i + static_cast<std::size_t>(__builtin_ctz(~plain));
    }
#endif
    while (i < bytes.size() && is_plain(static_cast<unsigned char>(bytes[i]))) ++i;
    return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        // Most values are plain ASCII: append them a run at a time, not
        // byte by byte (13% of a `--refang --jsonl` run went here).
        const std::size_t plain_end = plain_run_end(bytes, i);
        if (plain_end > i) {
            out.append(bytes.substr(i, plain_end - i));
            i = plain_end;
            if (i == bytes.size()) break;
        }
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8_sequence_length(bytes, i);
            if (length == 0) {
                append_u00(out, c);
                ++i;
            } else {
                out.append(bytes.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    append_u00(out, c);
                } else {
                    out += static_cast<char>(c);
                }
        }
        ++i;
    }
}

}  // namespace iocscan::cli
