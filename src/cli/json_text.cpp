#include "cli/json_text.hpp"

#include "cli/record_text.hpp"
#include "cli/utf8.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace iocscan::cli {
namespace {

constexpr char kHex[] = "0123456789abcdef";

char* put_u00(char* out, unsigned char byte) {
    out = put(out, "\\u00");
    out = put(out, kHex[byte >> 4]);
    return put(out, kHex[byte & 0xf]);
}

#if defined(__SSE2__)
/// How many bytes from `p` on are plain, up to 16 and never at or past
/// `end` (a shorter text is judged in a copy): values are mostly short
/// plain ASCII, which a byte loop took ten instructions a byte for. Plain
/// when in [0x20, 0x7e] (signed: above 0x1f, which also rules out 0x80 and
/// up) and neither '"' nor '\\'.
std::size_t plain_run16(const unsigned char* p, const unsigned char* end, __m128i& bytes) {
    const auto left = static_cast<std::size_t>(end - p);
    if (left >= 16) {
        bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    } else {
        alignas(16) char block[16] = {};
        copy_bytes(block, reinterpret_cast<const char*>(p), left);
        bytes = _mm_load_si128(reinterpret_cast<const __m128i*>(block));
    }
    const __m128i printable = _mm_cmpgt_epi8(bytes, _mm_set1_epi8(0x1f));
    const __m128i escaped =
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(0x7f)),
                     _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
    const auto plain = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(escaped, printable)));
    return std::min<std::size_t>(left, static_cast<std::size_t>(__builtin_ctz(~plain)));   // ~plain: bit 16 and up set
}
#else
/// Printable ASCII other than '"' and '\\': written as it is.
constexpr bool is_plain(unsigned char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; }
#endif

}  // namespace

char* put_json_string(char* out, std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* const end = p + bytes.size();
    while (p < end) {
        // Most values are plain ASCII: copied a run at a time.
#if defined(__SSE2__)
        __m128i block;
        const std::size_t run = plain_run16(p, end, block);
        if (end - p >= 16) {
            // Stored whole (there is room for 6 bytes per byte left), counted as far as plain.
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out), block);
        } else {
            copy_bytes(out, reinterpret_cast<const char*>(p), run);
        }
        p += run;
        out += run;
        if (run == 16) continue;
#else
        while (p < end && is_plain(*p)) *out++ = static_cast<char>(*p++);
#endif
        if (p == end) break;
        const unsigned char c = *p;
        if (c >= 0x80) {
            const std::size_t length = utf8_sequence_length(p, end);
            if (length == 0) {
                out = put_u00(out, c);
                ++p;
            } else {
                std::memcpy(out, p, length);
                out += length;
                p += length;
            }
            continue;
        }
        switch (c) {
            case '"': out = put(out, "\\\""); break;
            case '\\': out = put(out, "\\\\"); break;
            case '\n': out = put(out, "\\n"); break;
            case '\r': out = put(out, "\\r"); break;
            case '\t': out = put(out, "\\t"); break;
            default: out = put_u00(out, c);   // the other controls and DEL: not plain
        }
        ++p;
    }
    return out;
}

void append_json_string(std::string& out, std::string_view bytes) {
    const std::size_t at = out.size();
    out.resize(at + kMaxJsonBytesPerByte * bytes.size());
    out.resize(static_cast<std::size_t>(put_json_string(out.data() + at, bytes) - out.data()));
}

}  // namespace iocscan::cli
