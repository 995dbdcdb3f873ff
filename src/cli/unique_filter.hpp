// --unique: passes on each (type, value) the first time it is seen.
//
// Each new distinct value costs the DistinctSet one cache miss on its table
// (a random slot of up to hundreds of MiB). The filter keeps the last
// kLookahead matches in a window: a match's slot is prefetched when it
// enters, and it is checked kLookahead matches later, when it leaves, so
// the misses overlap with the scan instead of stalling it. Matches leave in
// the order they came, so the output is the one an immediate check gives.
// A match's views die with the scan callback: its value and raw text are
// copied into the window.
#pragma once

#include "cli/distinct_set.hpp"
#include "iocscan/iocscan.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace iocscan::cli {

class UniqueFilter {
public:
    static constexpr std::size_t kLookahead = 16;


    /// Takes `match` into the window; when the window is full, its oldest
    /// match leaves: `emit(const Match&)` is called with it if it is new.
    template <class Emit>
    void add(const Match& match, Emit&& emit) {
        if (count_ == kLookahead) leave(emit);
        enter(match);
    }

    /// Every match in the window leaves, oldest first (end of an input, or
    /// a pause: what was found must be printed now).
    template <class Emit>
    void drain(Emit&& emit) {
        while (count_ > 0) leave(emit);
    }

    std::size_t window_size() const { return count_; }
    std::size_t distinct_count() const { return seen_.size(); }

private:
    /// A match in the window, with its own copy of its key and raw text.
    struct Held {
        Match match;
        std::string bytes;   ///< type byte, value, raw
        std::size_t value_size = 0;
        std::uint64_t hash = 0;
    };

    void enter(const Match& match);
    /// The key: one byte of type, then the value (the same value under
    /// another type is another key).
    static std::string_view key_of(const Held& held) {
        return std::string_view(held.bytes).substr(0, 1 + held.value_size);
    }

    template <class Emit>
    void leave(Emit& emit) {
        Held& held = window_[first_];
        first_ = (first_ + 1) % kLookahead;
        --count_;
        if (seen_.insert(key_of(held), held.hash)) emit(held.match);
    }

    DistinctSet seen_;
    std::array<Held, kLookahead> window_{};
    std::size_t first_ = 0;   ///< oldest match
    std::size_t count_ = 0;
};

}  // namespace iocscan::cli
