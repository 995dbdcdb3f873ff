// Writing a record in place: each put_*() writes at `out` and returns the
// end of what it wrote. The caller has made room for the longest text the
// record can have (OutputWriter::record_room()), so no put checks for
// room: a record costs a few stores, not a string's growth per piece.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace iocscan::cli {

/// memcpy() of `size` bytes, without a call for the short texts most
/// records hold (an address, a type name): two copies of a word that
/// overlap in the middle.
inline void copy_bytes(char* out, const char* from, std::size_t size) {
    const auto overlapping = [&]<typename Word>(Word) {
        Word head, tail;
        std::memcpy(&head, from, sizeof head);
        std::memcpy(&tail, from + size - sizeof tail, sizeof tail);
        std::memcpy(out, &head, sizeof head);
        std::memcpy(out + size - sizeof tail, &tail, sizeof tail);
    };
    if (size >= 8 && size <= 16) {
        overlapping(std::uint64_t{});
    } else if (size >= 4 && size < 8) {
        overlapping(std::uint32_t{});
    } else {
        std::memcpy(out, from, size);
    }
}

inline char* put(char* out, std::string_view text) {
    copy_bytes(out, text.data(), text.size());
    return out + text.size();
}
/// A string literal: its length is known when compiled, so is the copy.
template <std::size_t N>
char* put(char* out, const char (&literal)[N]) {
    std::memcpy(out, literal, N - 1);
    return out + (N - 1);
}
inline char* put(char* out, char c) {
    *out = c;
    return out + 1;
}

/// Room for any put_number().
inline constexpr std::size_t kMaxDecimalDigits = 20;

/// "00" to "99", for put_number() to write two digits at a time.
inline constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/// 10^k for k = 0 to 19.
inline constexpr auto kTenPowers = [] {
    std::array<std::uint64_t, kMaxDecimalDigits> powers{};
    std::uint64_t power = 1;
    for (auto& p : powers) {
        p = power;
        power *= 10;
    }
    return powers;
}();

/// The decimal digits of `n` (inline: std::to_chars cost 70 instructions
/// a number, a tenth of a jsonl record).
inline char* put_number(char* out, std::uint64_t n) {
    if (n < 10) return put(out, static_cast<char>('0' + n));
    // Digits from the bit length: 1233 / 4096 is just over log10(2), so
    // `guess` is the count of digits or one more.
    const auto bits = static_cast<std::size_t>(64 - __builtin_clzll(n));
    const std::size_t guess = (bits * 1233) >> 12;
    const std::size_t digits = guess + (n >= kTenPowers[guess] ? 1 : 0);
    char* const end = out + digits;
    char* at = end;
    for (; n >= 100; n /= 100) {
        at -= 2;
        std::memcpy(at, kDigitPairs + 2 * (n % 100), 2);
    }
    if (n >= 10) {
        std::memcpy(at - 2, kDigitPairs + 2 * n, 2);
    } else {
        at[-1] = static_cast<char>('0' + n);
    }
    return end;
}

}  // namespace iocscan::cli
