// A Match copied out of the scanner's callback: it outlives the scan, so the
// scan can run without the GIL and Python objects are made afterwards.
#pragma once

#include "iocscan/iocscan.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace iocscan::python {

struct OwnedMatch {
    explicit OwnedMatch(const Match& m)
        : type(m.type), offset(m.offset), raw(m.raw), value(m.value), defanged(m.defanged),
          encoding(m.encoding), rules(m.rules), rule_count(m.rule_count) {}

    Type type;
    std::uint64_t offset;
    std::string raw;
    std::string value;
    bool defanged;
    Encoding encoding;
    std::array<RuleId, 6> rules;
    std::uint8_t rule_count;
};

/// A callback that appends every match to `out` and goes on.
inline MatchCallback append_to(std::vector<OwnedMatch>& out) {
    return [&out](const Match& m) {
        out.emplace_back(m);
        return true;
    };
}

}  // namespace iocscan::python
