// Where the bytes the --wide filter passes on stood in its input.
//
// The filter only ever drops the NUL high byte of a wide character, right
// after the character's low byte. So one bit per output byte, "a dropped NUL
// followed it", gives every output byte's input position: its own position
// plus the dropped NULs before it. Bits are kept in 64-bit words with the
// count of set bits before each word, for the last kWindow output bytes or
// from the last position looked up (matches are reported in offset order,
// and none starts further back than the longest token), so the memory is
// bounded whatever the input.
#pragma once

#include <cstdint>
#include <deque>

namespace iocscan::detail {

class WideOffsets {
public:
    /// Output bytes kept: far more than any family's longest match (1 MiB,
    /// a YARA rule) plus the input a threaded scan holds in flight.
    static constexpr std::uint64_t kWindow = 16u << 20;

    /// Whether a filter drops NULs (else output positions are input positions).
    bool active() const { return active_; }
    void set_active() { active_ = true; }

    /// `count` (1-64) more output bytes; bit i of `dropped` set when a
    /// dropped NUL followed the i-th of them.
    void append(std::uint64_t dropped, unsigned count) {
        const unsigned used = size_ & 63;
        if (used == 0) start_word();
        words_.back() |= dropped << used;
        if (used + count > 64) {
            start_word();
            words_.back() = dropped >> (64 - used);
        }
        size_ += count;
    }

    /// The input position of output position `out` (<= bytes appended).
    std::uint64_t input_position(std::uint64_t out) const {
        const std::uint64_t word = out >> 6;
        if (word < first_word_) return out + dropped_before_first_;   // out of the window: never for a match
        const std::uint64_t index = word - first_word_;
        if (index >= words_.size()) return out + total_dropped();
        const unsigned bit = out & 63;
        const std::uint64_t below = bit == 0 ? 0 : words_[index] & ((std::uint64_t{1} << bit) - 1);
        return out + counts_[index] + popcount(below);
    }

    /// No position before output position `out` is looked up again.
    void release_before(std::uint64_t out) { forget_before(out >> 6); }

private:
    void start_word() {
        counts_.push_back(total_dropped());
        words_.push_back(0);
        trim();
    }

    static unsigned popcount(std::uint64_t x) { return static_cast<unsigned>(__builtin_popcountll(x)); }

    std::uint64_t total_dropped() const {
        return words_.empty() ? dropped_before_first_ : counts_.back() + popcount(words_.back());
    }

    void forget_before(std::uint64_t word) {
        while (first_word_ < word && words_.size() > 1) {
            dropped_before_first_ = counts_[1];
            words_.pop_front();
            counts_.pop_front();
            ++first_word_;
        }
    }

    void trim() {
        const std::uint64_t window_words = kWindow / 64;
        if (words_.size() > window_words) forget_before(first_word_ + (words_.size() - window_words));
    }

    bool active_ = false;
    std::deque<std::uint64_t> words_;    ///< bit i of word w: output byte 64 (first_word_ + w) + i
    std::deque<std::uint64_t> counts_;   ///< dropped NULs before each word
    std::uint64_t first_word_ = 0;
    std::uint64_t dropped_before_first_ = 0;
    std::uint64_t size_ = 0;             ///< output bytes appended
};

}  // namespace iocscan::detail
