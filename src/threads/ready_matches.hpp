// Matches finished on a helper thread (post-pass, noise filter and line
// number done), waiting for the calling thread to hand them to the callback.
//
// With threads, the helper that brings the true scan through a round also
// reports what it made final, into one of these; the caller then only calls
// the callback, in order. The bytes of `raw` and `value` are copied here, so
// a match does not depend on input or post-pass buffers that the next round
// reuses.
#pragma once

#include "iocscan/iocscan.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace iocscan::detail {

class ReadyMatches {
public:
    /// Keeps a copy of `match` (its raw and value bytes included); the noise
    /// filter had dropped `filtered` matches of the round before it.
    void add(const Match& match, std::uint64_t filtered);
    /// The noise filter dropped `filtered` matches in the whole round.
    void set_filtered(std::uint64_t filtered) { filtered_ = filtered; }
    /// Calls `on_match` on every match kept, in the order added, and forgets
    /// them. Returns false as soon as `on_match` does (the rest is dropped).
    /// Counts into `stats` (found, filtered) what one thread would have
    /// counted up to there: a stop leaves the rest uncounted.
    bool deliver(const MatchCallback& on_match, Stats& stats);
    void clear();

private:
    struct Entry {
        Match match;   ///< raw and value: only their sizes are kept
        std::size_t raw_at = 0;
        std::size_t value_at = 0;
        std::uint64_t filtered_before = 0;   ///< dropped in the round before it
    };
    std::vector<Entry> entries_;
    std::string text_;   ///< the raw and value bytes of every entry
    std::uint64_t filtered_ = 0;   ///< dropped in the whole round
};

}  // namespace iocscan::detail
