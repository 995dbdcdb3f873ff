// Line numbers for Options::line_numbers: a running count of the newlines
// before a position that only moves forward.
//
// The scanner reports matches in offset order, so the count for the next
// match needs only the bytes between the last counted position and that
// match; every byte is counted once, and nothing but two numbers is kept.
// Before the scanner frees input it counts up to where it frees (see
// Scanner::Impl::count_lines_to), so those bytes are never needed again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace iocscan::detail {

/// The number of '\n' bytes in `bytes` (SSE2 where available).
std::uint64_t count_newlines(std::string_view bytes);

class LineCounter {
public:
    /// The next byte counted is input offset `offset`, on line 1.
    void restart(std::uint64_t offset) {
        counted_to_ = offset;
        newlines_ = 0;
    }
    /// Input offset of the first byte not counted yet.
    std::uint64_t counted_to() const { return counted_to_; }
    /// Counts `bytes`, the input from counted_to() on.
    void advance(std::string_view bytes) {
        newlines_ += count_newlines(bytes);
        counted_to_ += bytes.size();
    }
    /// The 1-based line of the byte at counted_to(): a line ends at '\n'
    /// (a lone '\r' does not end one, as in grep).
    std::uint64_t line() const { return newlines_ + 1; }

private:
    std::uint64_t counted_to_ = 0;
    std::uint64_t newlines_ = 0;
};

}  // namespace iocscan::detail
