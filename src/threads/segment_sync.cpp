#include "threads/segment_sync.hpp"

#include "core/candidate_queue.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace iocscan::detail {
namespace {

/// Slice sizes of a speculative scan: short first slices, because the true
/// scan has to rescan up to the checkpoint where its rules get in step, and
/// that is usually the first; then the size the scanner uses anyway. Each
/// slice end costs every rule a resumption (~11,000 instructions in all on
/// the corpus), so there are few.
constexpr std::array<std::size_t, 3> kSlices{512, 4 * 1024, 64 * 1024};
/// The last bytes of a segment are copied into the runner rather than
/// scanned in place: the sentinel after them would cover the next
/// segment's first byte, which another thread reads and writes.
constexpr std::size_t kCopiedTail = 64;

}  // namespace

void run_in_place(RuleRunner& runner, unsigned char* bytes, std::size_t from, std::size_t to, std::size_t end) {
    const std::size_t in_place = std::min(to, end - std::min(end, kCopiedTail));
    // What the rules find does not depend on how the bytes are split.
    if (from < in_place) runner.commit_and_run(in_place - from);
    from = std::max(from, in_place);
    if (from < to) runner.append(bytes + from, to - from, to - from);
}

void SpeculativeSegment::scan(unsigned char* bytes, std::size_t count, std::uint64_t offset) {
    RuleRunner& runner = *runner_;
    if (count > 0) {
        runner.restart_in_place(bytes, offset);
    } else {
        runner.restart(offset);   // bytes[0] is the next segment's
    }
    bytes_ = bytes;
    begin_ = offset;
    checkpoint_count_ = 0;
    std::size_t done = 0;
    for (std::size_t k = 0; done < count; ++k) {
        const std::size_t take = std::min(count - done, kSlices[std::min(k, kSlices.size() - 1)]);
        run_in_place(runner, bytes, done, done + take, count);
        done += take;
        // Checkpoints are reused from segment to segment (their lists keep
        // their storage: no allocation per slice).
        if (checkpoint_count_ == checkpoints_.size()) checkpoints_.emplace_back();
        Checkpoint& checkpoint = checkpoints_[checkpoint_count_++];
        checkpoint.offset = offset + done;
        checkpoint.states.clear();
        checkpoint.found.clear();
        checkpoint.dropped.clear();
        for (std::size_t i = 0; i < runner.rule_count(); ++i) {
            checkpoint.states.push_back(runner.state_of(i));
            checkpoint.found.push_back(runner.found(i).size());
            checkpoint.dropped.push_back(runner.dropped(i));
        }
    }
}

void SegmentCatchUp::run(std::unique_ptr<RuleRunner>& truth, SpeculativeSegment& segment, CandidateQueue& queue,
                         std::uint64_t& dropped) {
    RuleRunner& scan = *truth;
    RuleRunner& ahead = *segment.runner_;
    const std::size_t rules = scan.rule_count();
    constexpr std::size_t kNotYet = static_cast<std::size_t>(-1);
    thread_local std::vector<std::size_t> in_step_at;   // checkpoint index per rule
    in_step_at.assign(rules, kNotYet);
    std::size_t out_of_step = rules;
    std::uint64_t from = segment.begin_;
    // The same slice edges as the segment's scan: states are compared there.
    for (std::size_t j = 0; j < segment.checkpoint_count_ && out_of_step > 0; ++j) {
        const auto& checkpoint = segment.checkpoints_[j];
        const std::size_t size = static_cast<std::size_t>(checkpoint.offset - from);
        scan.append(segment.bytes_ + (from - segment.begin_), size, size);
        from = checkpoint.offset;
        for (std::size_t i = 0; i < rules; ++i) {
            if (in_step_at[i] == kNotYet && scan.state_of(i) == checkpoint.states[i]) {
                in_step_at[i] = j;
                scan.freeze(i);   // the segment's run does the rest of this rule
                --out_of_step;
            }
        }
    }
    // What the true scan found, then what the segment's runner found after
    // the rule got in step: one rule's finds in the order the true scan
    // alone would have made them, one run per rule (a merge's cost grows
    // with its runs). The runs are merged into the queue.
    thread_local std::vector<CandidateQueue::Run> runs;
    thread_local std::vector<Candidate> scratch;
    runs.clear();
    for (std::size_t i = 0; i < rules; ++i) {
        auto& mine = scan.found(i);
        dropped += scan.dropped(i);
        if (in_step_at[i] != kNotYet) {
            const auto& checkpoint = segment.checkpoints_[in_step_at[i]];
            const auto& later = ahead.found(i);
            mine.insert(mine.end(), later.begin() + static_cast<std::ptrdiff_t>(checkpoint.found[i]), later.end());
            dropped += ahead.dropped(i) - checkpoint.dropped[i];
        }
        runs.push_back({mine.data(), mine.data() + mine.size()});
    }
    queue.add_runs(runs, scratch);
    for (std::size_t i = 0; i < rules; ++i) {
        scan.found(i).clear();
        scan.dropped(i) = 0;
        ahead.found(i).clear();
        ahead.dropped(i) = 0;
    }
    if (out_of_step == 0) {
        // The segment's runner is where the true scan would be.
        std::swap(truth, segment.runner_);
        return;
    }
    // Some rule ran through the whole segment in the true scan: keep that
    // runner and give it the segment's end states of the rules in step.
    for (std::size_t i = 0; i < rules; ++i) {
        if (in_step_at[i] != kNotYet) scan.adopt_state(i, ahead);
    }
}

}  // namespace iocscan::detail
