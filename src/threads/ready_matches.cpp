#include "threads/ready_matches.hpp"

#include <functional>

namespace iocscan::detail {

void ReadyMatches::add(const Match& match, bool raw_stays, std::uint64_t filtered) {
    std::size_t raw_at = kInPlace;
    if (!raw_stays) {
        raw_at = text_.size();
        text_.append(match.raw);
    }
    // Shown as written, or a part of it (a cut scheme): no copy of its own.
    // std::less orders pointers into unrelated buffers too.
    const std::less<const char*> before;
    const char* const raw_end = match.raw.data() + match.raw.size();
    const bool value_in_raw = !before(match.value.data(), match.raw.data()) &&
                              !before(raw_end, match.value.data() + match.value.size());
    std::size_t value_at = 0;
    if (value_in_raw) {
        value_at = static_cast<std::size_t>(match.value.data() - match.raw.data());
    } else {
        value_at = text_.size();
        text_.append(match.value);
    }
    entries_.push_back(Entry{match, raw_at, value_at, value_in_raw, filtered});
}

bool ReadyMatches::deliver(const MatchCallback& on_match, Stats& stats) {
    bool go_on = true;
    std::uint64_t filtered_counted = 0;
    const std::string_view text(text_);   // no longer grows: views into it stay valid
    for (Entry& entry : entries_) {
        Match& match = entry.match;
        if (entry.raw_at != kInPlace) match.raw = text.substr(entry.raw_at, match.raw.size());
        match.value = (entry.value_in_raw ? match.raw : text).substr(entry.value_at, match.value.size());
        stats.filtered += entry.filtered_before - filtered_counted;
        filtered_counted = entry.filtered_before;
        ++stats.found[static_cast<std::size_t>(match.type)];
        if (!on_match(match)) {
            go_on = false;
            break;
        }
    }
    if (go_on) stats.filtered += filtered_ - filtered_counted;
    clear();
    return go_on;
}

void ReadyMatches::clear() {
    entries_.clear();
    text_.clear();
    filtered_ = 0;
}

}  // namespace iocscan::detail
