#include "core/line_counter.hpp"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace iocscan::detail {

std::uint64_t count_newlines(std::string_view bytes) {
    const char* p = bytes.data();
    const char* const end = p + bytes.size();
    std::uint64_t count = 0;
#if defined(__SSE2__)
    // Per-byte counters (0 - (-1) per match) summed with SAD before any can
    // wrap: 255 blocks of 16 bytes at most between two sums.
    const __m128i newline = _mm_set1_epi8('\n');
    while (end - p >= 16) {
        const std::size_t blocks = std::min<std::size_t>(static_cast<std::size_t>(end - p) / 16, 255);
        __m128i lanes = _mm_setzero_si128();
        for (std::size_t i = 0; i < blocks; ++i, p += 16) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(chunk, newline));
        }
        const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        count += static_cast<std::uint64_t>(_mm_cvtsi128_si32(sums)) +
                 static_cast<std::uint64_t>(_mm_extract_epi16(sums, 4));
    }
#endif
    count += static_cast<std::uint64_t>(std::count(p, end, '\n'));
    return count;
}

}  // namespace iocscan::detail
