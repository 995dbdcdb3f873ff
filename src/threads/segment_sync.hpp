// Scanning later parts of the input before the earlier ones are done, with
// the exact result of one sequential scan.
//
// A speculative segment is scanned by a runner started fresh at its first
// byte, as if the input began there; it records every rule's state at each
// slice end (checkpoints). Its results are right from the point where the
// true scan (the runner that has read all input before the segment) reaches
// the same state: the scanners are deterministic, so from equal states on
// equal bytes they find the same things. catch_up() runs the true scan into
// the segment slice by slice until each rule's state equals the segment's
// checkpoint (usually after the first, 512-byte, slice: most rules sit between
// tokens there), then takes the segment's candidates from that checkpoint on.
// A rule that never gets in step (a token running through the whole
// segment) is scanned through the segment by the true runner itself, so the
// result is exact in every case; only the work saved differs.
#pragma once

#include "core/candidate_queue.hpp"
#include "core/rule_runner.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace iocscan::detail {

/// Lets `runner`, which has adopted the input at `bytes` (restart_in_place()
/// or continue_in_place()) and scanned it up to bytes + from, scan it up to
/// bytes + to, where they are. The bytes end at bytes + end (to <= end): the
/// last few before it are copied into the runner instead, since the
/// sentinel after them would cover a byte another thread may use.
void run_in_place(RuleRunner& runner, unsigned char* bytes, std::size_t from, std::size_t to, std::size_t end);

class SpeculativeSegment {
public:
    explicit SpeculativeSegment(std::unique_ptr<RuleRunner> runner) : runner_(std::move(runner)) {}

    /// Scans `count` bytes that start at input offset `offset` as if the
    /// input began there, recording a checkpoint after each slice. The bytes
    /// must stay where they are until catch-up. They are scanned where they
    /// are (the runner writes its sentinel over a byte inside them and puts
    /// it back), so no other thread may use them during the scan; the byte
    /// after them is not touched.
    void scan(unsigned char* bytes, std::size_t count, std::uint64_t offset);

    std::uint64_t begin() const { return begin_; }
    std::uint64_t end() const { return runner_->end_offset(); }

    /// The rule states and candidate counts after one slice.
    struct Checkpoint {
        std::uint64_t offset = 0;   ///< input offset the slice ended at
        std::vector<RuleState> states;
        std::vector<std::size_t> found;
        std::vector<std::uint64_t> dropped;
    };

private:
    friend class SegmentCatchUp;
    std::unique_ptr<RuleRunner> runner_;
    const unsigned char* bytes_ = nullptr;
    std::uint64_t begin_ = 0;
    std::vector<Checkpoint> checkpoints_;   ///< the first checkpoint_count_ are this scan's
    std::size_t checkpoint_count_ = 0;
};

/// Brings the true runner to the end of a speculative segment.
class SegmentCatchUp {
public:
    /// Runs `truth`, which has read the input up to segment.begin(), through
    /// the segment's bytes until its rules are in step with the
    /// segment's. Queues every candidate of the true scan up to
    /// segment.end() (CandidateQueue::add_runs: merged into the queue, with
    /// no list in between), and adds the over-long count to `dropped`; the
    /// found lists of both runners are left empty. Afterwards `truth` is the
    /// runner at segment.end() (the segment's runner is swapped in when every
    /// rule got in step), and the segment holds a spare runner.
    static void run(std::unique_ptr<RuleRunner>& truth, SpeculativeSegment& segment, CandidateQueue& queue,
                    std::uint64_t& dropped);
};

}  // namespace iocscan::detail
