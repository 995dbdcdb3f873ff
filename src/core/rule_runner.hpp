// One run of the enabled rule scanners over a stream of input, with its own
// chunk buffer.
//
// The scanner drives one runner over the whole input. With threads it also
// starts runners fresh at later offsets (speculative segments, see
// segment_sync.hpp); a runner reads only its own buffer and writes only its
// own states and candidates, so runners can work on different threads.
#pragma once

#include "core/candidate_sink.hpp"
#include "core/chunk_buffer.hpp"
#include "core/lex_state.hpp"
#include "families/rule_table.hpp"
#include "simd/block_classes.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace iocscan::detail {

inline constexpr std::uint64_t kNoOffset = std::numeric_limits<std::uint64_t>::max();

/// A rule scanner's resumable state with buffer pointers as input offsets.
/// Scanners are deterministic: two runs of a rule that are in the same
/// RuleState after the same input byte do exactly the same from there on.
struct RuleState {
    std::uint64_t cur = 0, mar = 0, tok = 0;
    int state = -1, accept = 0, cond = 0, depth = 0;
    unsigned flags = 0, skip_state = 0;
    bool overlong = false, marker_is_tok = false, ended = false;
    bool operator==(const RuleState&) const = default;
};

class RuleRunner {
public:
    /// `rules` are the enabled rules; `custom_context` is what the custom
    /// rule gets in LexState::context.
    RuleRunner(std::vector<const RuleSpec*> rules, TypeSet wanted, const void* custom_context);

    /// Forgets all input: fresh scanners, and the next byte appended is input
    /// offset `offset`. Frozen marks are cleared.
    void restart(std::uint64_t offset);
    /// restart(offset) on input that stays where it is, at `bytes` (see
    /// ChunkBuffer::adopt): commit_and_run() then scans the next bytes there
    /// without a copy, and the next make_room() copies what is still needed.
    void restart_in_place(unsigned char* bytes, std::uint64_t offset);
    /// make_room() for input that stays where it is, at `next` (the bytes
    /// from end_offset() on): when the bytes the rules still need fit in the
    /// `room` bytes before `next`, copies them there and adopts the input
    /// from them on, as restart_in_place() does; else returns false.
    bool continue_in_place(unsigned char* next, std::size_t room);

    /// Discards the bytes no scanner needs (keeping those from `also_keep`
    /// on) and returns room for `size` more bytes. Invalidates pointers into
    /// buffer().
    unsigned char* make_room(std::size_t size, std::uint64_t also_keep = kNoOffset);
    /// Appends the first `count` bytes of the room (or adopted bytes) and
    /// lets every rule that is not frozen consume all buffered bytes.
    void commit_and_run(std::size_t count);
    /// make_room() + copy + commit_and_run(), in slices of `slice` bytes.
    void append(const unsigned char* bytes, std::size_t count, std::size_t slice);
    /// Resumes every rule without new bytes: the input has ended.
    void finish();

    std::size_t rule_count() const { return rules_.size(); }
    /// Offset one past the buffered bytes.
    std::uint64_t end_offset() const { return buffer_.base_offset() + buffer_.size(); }
    /// No rule can report anything that starts before this offset.
    std::uint64_t watermark() const;
    const ChunkBuffer& buffer() const { return buffer_; }

    /// What rule `i` has found since this was last cleared, and how many
    /// over-long candidates it dropped.
    std::vector<Candidate>& found(std::size_t i) { return rules_[i].found; }
    std::uint64_t& dropped(std::size_t i) { return rules_[i].dropped; }

    RuleState state_of(std::size_t i) const;
    /// A frozen rule is skipped by commit_and_run() and finish(); its state
    /// stays as it is (so does the part of the buffer it needs).
    void freeze(std::size_t i) { rules_[i].frozen = true; }
    /// Gives rule `i` the state that rule has in `other`, unfrozen. This
    /// buffer must hold every byte `other`'s rule still needs, up to the same
    /// end offset.
    void adopt_state(std::size_t i, const RuleRunner& other);

private:
    struct ActiveRule {
        const RuleSpec* spec;
        LexState state;
        bool ended = false;
        bool frozen = false;
        std::vector<Candidate> found;
        std::uint64_t dropped = 0;
    };
    /// Scanner pointers as indices, so they survive the buffer moving.
    struct Positions {
        std::size_t cur = 0, mar = 0, tok = 0;
    };

    void run_rule(ActiveRule& rule);
    std::size_t first_needed(ActiveRule& rule);
    Positions positions_of(const LexState& st, std::size_t keep) const;
    void point_rules_at_buffer(const std::vector<Positions>& saved);
    std::uint64_t absolute(const unsigned char* p) const {
        return buffer_.base_offset() + static_cast<std::uint64_t>(p - buffer_.data());
    }

    std::vector<ActiveRule> rules_;
    TypeSet wanted_;
    const void* custom_context_;
    ChunkBuffer buffer_;
    /// The skips' shared classification of buffer_ (made only when two or
    /// more rules read it: one alone is as fast with its own pre-pass).
    skip::BlockClasses blocks_;
    bool classify_ = false;
    std::vector<Positions> saved_;   ///< scratch for make_room()
};

}  // namespace iocscan::detail
