// Matches finished on a helper thread (post-pass, noise filter and line
// number done), waiting for the calling thread to hand them to the callback.
//
// With threads, the helper that brings the true scan through a round also
// reports what it made final, into one of these; the caller then only calls
// the callback, in order. A match's raw bytes are kept as a view when they
// stay in the input window until deliver() is done (the scanner frees a
// block one round after the matches in it are booked); bytes that do not
// (a match copied together across two blocks, a refanged value in a
// post-pass buffer the next round reuses) are copied here.
#pragma once

#include "iocscan/iocscan.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace iocscan::detail {

class ReadyMatches {
public:
    /// Keeps `match`: its raw bytes as a view when `raw_stays` (they are not
    /// freed or overwritten before deliver() returns), else a copy; its
    /// value as a view into raw when it lies there, else a copy. The noise
    /// filter had dropped `filtered` matches of the round before it.
    void add(const Match& match, bool raw_stays, std::uint64_t filtered);
    /// The noise filter dropped `filtered` matches in the whole round.
    void set_filtered(std::uint64_t filtered) { filtered_ = filtered; }
    /// Calls `on_match` on every match kept, in the order added, and forgets
    /// them. Returns false as soon as `on_match` does (the rest is dropped).
    /// Counts into `stats` (found, filtered) what one thread would have
    /// counted up to there: a stop leaves the rest uncounted.
    bool deliver(const MatchCallback& on_match, Stats& stats);
    void clear();

private:
    static constexpr std::size_t kInPlace = static_cast<std::size_t>(-1);
    struct Entry {
        Match match;   ///< raw kept as a view unless raw_at says otherwise
        std::size_t raw_at = kInPlace;   ///< where the raw copy starts in text_
        std::size_t value_at = 0;        ///< in raw when value_in_raw, else in text_
        bool value_in_raw = false;
        std::uint64_t filtered_before = 0;   ///< dropped in the round before it
    };
    std::vector<Entry> entries_;
    std::string text_;   ///< the bytes copied for the entries
    std::uint64_t filtered_ = 0;   ///< dropped in the whole round
};

}  // namespace iocscan::detail
