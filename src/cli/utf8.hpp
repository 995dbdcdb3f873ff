// UTF-8 validity, for output that must say what it does with other bytes.
#pragma once

#include <cstddef>
#include <string_view>

namespace iocscan::cli {

/// Length of the valid UTF-8 sequence starting at p[0] (before `end`), or 0
/// if there is none (an ASCII byte is not a sequence here: its caller
/// handles it first).
inline std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
    const unsigned char lead = p[0];
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
    if (length > static_cast<std::size_t>(end - p)) return 0;
    if (p[1] < min_second || p[1] > max_second) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if ((p[k] & 0xc0) != 0x80) return 0;
    }
    return length;
}

/// Whether `bytes` is text: valid UTF-8 without a NUL.
inline bool is_text(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* const end = p + bytes.size();
    while (p < end) {
        if (*p == 0) return false;
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const std::size_t length = utf8_sequence_length(p, end);
        if (length == 0) return false;
        p += length;
    }
    return true;
}

}  // namespace iocscan::cli
