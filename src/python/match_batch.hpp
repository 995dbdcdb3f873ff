// Matches copied out of the scanner's callback, so the scan can run without
// the GIL and Python objects are made afterwards. The text of all matches
// shares one buffer: a match costs no allocation of its own here, and none
// is freed on another thread than the one that made it.
#pragma once

#include "iocscan/iocscan.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iocscan::python {

class MatchBatch {
public:
    struct Entry {
        Type type;
        Encoding encoding;
        bool defanged;
        std::uint8_t rule_count;
        std::array<RuleId, 6> rules;
        std::uint64_t offset;
        std::uint64_t line;       ///< 1-based; 0: lines not counted
        std::size_t text_at;      ///< raw, then value, from here in text()
        std::uint32_t raw_size;
        std::uint32_t value_size;
    };

    void add(const Match& m) {
        entries_.push_back({m.type, m.encoding, m.defanged, m.rule_count, m.rules, m.offset, m.line, text_.size(),
                            static_cast<std::uint32_t>(m.raw.size()), static_cast<std::uint32_t>(m.value.size())});
        text_.append(m.raw);
        text_.append(m.value);
    }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    const Entry& operator[](std::size_t i) const { return entries_[i]; }
    std::string_view raw(const Entry& e) const { return std::string_view(text_).substr(e.text_at, e.raw_size); }
    std::string_view value(const Entry& e) const {
        return std::string_view(text_).substr(e.text_at + e.raw_size, e.value_size);
    }

private:
    std::vector<Entry> entries_;
    std::string text_;
};

/// A callback that appends every match to `out` and goes on.
inline MatchCallback append_to(MatchBatch& out) {
    return [&out](const Match& m) {
        out.add(m);
        return true;
    };
}

}  // namespace iocscan::python
