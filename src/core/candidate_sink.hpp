// Where the generated scanners put what they find.
//
// A scanner only knows pointers into the chunk buffer; the sink turns them
// into absolute offsets, drops types the user did not ask for, and queues the
// candidate until the driver knows no earlier match can still appear.
#pragma once

#include "iocscan/iocscan.hpp"
#include "core/lex_state.hpp"

#include <cstdint>
#include <vector>

namespace iocscan::detail {

struct Candidate {
    std::uint64_t offset;
    std::uint64_t length;
    Type type;
    RuleId rule;
};

class CandidateSink {
public:
    CandidateSink(TypeSet wanted, std::vector<Candidate>& out, std::uint64_t& dropped)
        : wanted_(wanted), out_(out), dropped_(dropped) {}

    /// Where the buffer's first byte lies in the input.
    void set_origin(const unsigned char* base, std::uint64_t base_offset) {
        base_ = base;
        base_offset_ = base_offset;
    }

    /// Queues [begin, end) as a match of `type` found by `rule`.
    void add(Type type, RuleId rule, const unsigned char* begin, const unsigned char* end) {
        if (!wanted_.has(type) || end <= begin) return;
        out_.push_back({base_offset_ + static_cast<std::uint64_t>(begin - base_),
                        static_cast<std::uint64_t>(end - begin), type, rule});
    }

    /// Whether matches of `type` are kept (a scanner that can report one span
    /// as either of two types asks, so that the span is never lost).
    bool wants(Type type) const { return wanted_.has(type); }

    /// Counts a candidate that was longer than its family allows.
    void drop_overlong() { ++dropped_; }

private:
    TypeSet wanted_;
    std::vector<Candidate>& out_;
    std::uint64_t& dropped_;
    const unsigned char* base_ = nullptr;
    std::uint64_t base_offset_ = 0;
};

}  // namespace iocscan::detail
