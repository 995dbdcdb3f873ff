#include "threads/ready_matches.hpp"

namespace iocscan::detail {

void ReadyMatches::add(const Match& match, std::uint64_t filtered) {
    Entry& entry = entries_.emplace_back();
    entry.match = match;
    entry.filtered_before = filtered;
    entry.raw_at = text_.size();
    text_.append(match.raw);
    // Shown as written (no refang, defang or cut scheme): one copy serves.
    if (match.value.data() == match.raw.data() && match.value.size() == match.raw.size()) {
        entry.value_at = entry.raw_at;
        return;
    }
    entry.value_at = text_.size();
    text_.append(match.value);
}

bool ReadyMatches::deliver(const MatchCallback& on_match, Stats& stats) {
    bool go_on = true;
    std::uint64_t filtered_counted = 0;
    for (const Entry& entry : entries_) {
        Match match = entry.match;
        // text_ no longer grows: views into it stay valid during the call.
        match.raw = std::string_view(text_).substr(entry.raw_at, entry.match.raw.size());
        match.value = std::string_view(text_).substr(entry.value_at, entry.match.value.size());
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
