#include "threads/segment_sync.hpp"

#include "core/candidate_queue.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace iocscan::detail {
namespace {

/// Slice sizes of a speculative scan: short first slices, because the true
/// scan has to rescan up to the checkpoint where its rules get in step, and
/// that is usually the first; then the size the scanner uses anyway.
constexpr std::array<std::size_t, 5> kSlices{512, 1536, 6 * 1024, 24 * 1024, 64 * 1024};
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
    checkpoints_.clear();
    std::size_t done = 0;
    for (std::size_t k = 0; done < count; ++k) {
        const std::size_t take = std::min(count - done, kSlices[std::min(k, kSlices.size() - 1)]);
        run_in_place(runner, bytes, done, done + take, count);
        done += take;
        Checkpoint& checkpoint = checkpoints_.emplace_back();
        checkpoint.offset = offset + done;
        for (std::size_t i = 0; i < runner.rule_count(); ++i) {
            checkpoint.states.push_back(runner.state_of(i));
            checkpoint.found.push_back(runner.found(i).size());
            checkpoint.dropped.push_back(runner.dropped(i));
        }
    }
}

void SegmentCatchUp::run(std::unique_ptr<RuleRunner>& truth, SpeculativeSegment& segment,
                         std::vector<Candidate>& found, std::uint64_t& dropped) {
    RuleRunner& scan = *truth;
    RuleRunner& ahead = *segment.runner_;
    const std::size_t rules = scan.rule_count();
    constexpr std::size_t kNotYet = static_cast<std::size_t>(-1);
    std::vector<std::size_t> in_step_at(rules, kNotYet);   // checkpoint index per rule
    std::size_t out_of_step = rules;
    std::uint64_t from = segment.begin_;
    // The same slice edges as the segment's scan: states are compared there.
    for (std::size_t j = 0; j < segment.checkpoints_.size() && out_of_step > 0; ++j) {
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
    // What the true scan found, and what the segment's runner found after
    // each rule got in step, merged into `found` in queue order (per rule
    // they come in order; the queue would otherwise sort them all).
    thread_local std::vector<CandidateQueue::Run> runs;
    thread_local std::vector<Candidate> scratch;
    runs.clear();
    for (std::size_t i = 0; i < rules; ++i) {
        auto& mine = scan.found(i);
        runs.push_back({mine.data(), mine.data() + mine.size()});
        dropped += scan.dropped(i);
        if (in_step_at[i] != kNotYet) {
            const auto& checkpoint = segment.checkpoints_[in_step_at[i]];
            auto& later = ahead.found(i);
            runs.push_back({later.data() + checkpoint.found[i], later.data() + later.size()});
            dropped += ahead.dropped(i) - checkpoint.dropped[i];
        }
    }
    CandidateQueue::merge_into(found, runs, scratch);
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
