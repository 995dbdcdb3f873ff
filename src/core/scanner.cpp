// The scan driver: runs every enabled generated scanner over the input and
// reports their matches in input order.
//
// One thread: one RuleRunner reads the input slice by slice; what it finds
// waits in the candidate queue until no scanner can find anything earlier.
// With Options::threads > 1 the input is cut into segments that are scanned
// at the same time, the first by the true runner, the others speculatively
// from a fresh start; the true runner then catches up through each (see
// segment_sync.hpp), so the output is exactly that of one thread. The helper
// that brings the true runner through a round also finishes what it made
// final (post-pass, noise filter, line numbers); the calling thread only
// hands the last round's finished matches to the callback while the next
// round is scanned.
#include "iocscan/iocscan.hpp"
#include "core/candidate_queue.hpp"
#include "core/compiled_ruleset.hpp"
#include "families/encoded_url/encoded_url.hpp"
#include "threads/input_window.hpp"
#include "core/line_counter.hpp"
#include "postpass/post_pass.hpp"
#include "threads/ready_matches.hpp"
#include "postpass/refang.hpp"
#include "families/rule_ids.hpp"
#include "core/rule_runner.hpp"
#include "families/rule_table.hpp"
#include "threads/segment_sync.hpp"
#include "threads/worker_pool.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <exception>
#include <functional>
#include <limits>
#include <span>
#include <thread>
#include <utility>
#include <vector>

namespace iocscan {
namespace {

using detail::kNoOffset;

/// Input is appended to the buffer in slices of at most this size, so a huge
/// piece passed to feed() does not grow the buffer.
constexpr std::size_t kSliceSize = 256 * 1024;
/// With threads, input is scanned in rounds of up to kRoundSize bytes, each
/// cut into segments scanned at the same time: eight per thread, so that the
/// thread that also reports does not hold the others up and the threads
/// wait little for the last segment of a round (at most 16, which bounds
/// memory), and none shorter than kMinSegment (each costs a catch-up of a
/// few hundred bytes). A file read by the threads (commit_read()) is
/// scanned in rounds of kReadRoundSize: the wait at a round's end is a
/// smaller share of a larger round, and its segments are longer (fewer
/// catch-ups); a pipe's round is what one read gave.
constexpr std::size_t kRoundSize = 1024 * 1024;
constexpr std::size_t kReadRoundSize = 2 * 1024 * 1024;
constexpr std::size_t kMinSegment = 64 * 1024;
constexpr std::size_t kSegmentsPerThread = 8;
constexpr std::size_t kMaxSegments = 16;

/// Threads to use for Options::threads (0: one per usable core).
std::size_t thread_count(unsigned requested) { return requested != 0 ? requested : usable_cores(); }

}  // namespace

struct Scanner::Impl {
    explicit Impl(std::shared_ptr<const Ruleset::Compiled> shared)
        : ruleset(std::move(shared)), options(ruleset->options), threads(thread_count(options.threads)) {
        for (const auto* spec : ruleset->rules) longest_token = std::max<std::uint64_t>(longest_token, spec->kept_bytes());
        const auto new_runner = [&] {
            return std::make_unique<detail::RuleRunner>(ruleset->rules, options.types, ruleset->custom.get());
        };
        truth = new_runner();
        if (parallel()) {
            for (auto& segments : ahead) {
                const std::size_t count = std::min(threads * kSegmentsPerThread, kMaxSegments);
                for (std::size_t i = 1; i < count; ++i) segments.emplace_back(new_runner());
            }
        }
        // A round has at most kMaxSegments tasks: more threads would only wait.
        pool = std::make_unique<detail::WorkerPool>(std::min(threads, kMaxSegments) - 1);
        reset();
    }

    bool parallel() const { return threads > 1; }

    void reset(std::uint64_t first_offset = 0) {
        try {
            pool->wait();   // a round still in flight is dropped
        } catch (...) {
            // Its result is not wanted any more.
        }
        truth->restart(first_offset);
        caught_up_dropped = 0;
        window.clear(first_offset);
        lines.restart(first_offset);
        queue.clear();
        stats = {};
        stopped = false;
        finished = false;
        final_below = first_offset;
        pending = 0;
        filling.clear();
        to_deliver.clear();
        round_stats = {};
        booked_reported_below = first_offset;
    }

    bool feed(std::string_view piece, const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        stats.bytes += piece.size();
        if (parallel()) {
            while (!piece.empty()) {
                // The copy overlaps the scan of the round in flight.
                const std::size_t take = std::min(piece.size(), kRoundSize - window.open_size());
                std::memcpy(window.room(take), piece.data(), take);
                window.commit(take);
                if (window.open_size() == kRoundSize && !scan_round(on_match)) return false;
                piece.remove_prefix(take);
            }
            if (window.open_size() > 0 && !scan_round(on_match)) return false;
            // The round in flight is scanned, its segments caught up with and
            // its matches reported, while the caller reads the next input.
            if (pool->started()) return true;
        } else {
            while (!piece.empty()) {
                const std::size_t take = std::min(piece.size(), kSliceSize);
                std::memcpy(make_room(take), piece.data(), take);
                scan_slice(take);
                piece.remove_prefix(take);
                if (!release(final_below, on_match)) return false;
            }
        }
        // Nothing final is held back when feed() returns (slow pipes, tail -f).
        return release(final_below, on_match);
    }

    std::span<char> input_space(std::size_t max_bytes) {
        // With threads a piece is scanned in parallel when it is a round.
        const std::size_t size = std::clamp<std::size_t>(max_bytes, 1, parallel() ? kRoundSize : kSliceSize);
        unsigned char* room = nullptr;
        if (stopped || finished) {
            // Once scanning is over, the room is only scratch: nothing is scanned.
            scratch_room.resize(size);
            room = reinterpret_cast<unsigned char*>(scratch_room.data());
        } else {
            room = parallel() ? window.room(size) : make_room(size);
        }
        return {reinterpret_cast<char*>(room), size};
    }

    bool commit_input(std::size_t count, const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        if (count == 0) return true;
        stats.bytes += count;
        if (parallel()) {
            window.commit(count);
            if (!scan_round(on_match)) return false;
            if (pool->started()) return true;   // see feed()
        } else {
            scan_slice(count);
        }
        return release(final_below, on_match);
    }

    bool commit_read(std::size_t count, const Scanner::ReadAt& read, const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        if (count == 0) return true;
        stats.bytes += count;
        if (!parallel()) {
            for (std::size_t done = 0; done < count;) {
                const std::size_t take = std::min(count - done, kSliceSize);
                read(reinterpret_cast<char*>(make_room(take)), done, take);
                scan_slice(take);
                done += take;
                if (!release(final_below, on_match)) return false;
            }
            return true;
        }
        // Rounds of their own: the bytes fed before are scanned first.
        if (window.open_size() > 0 && !scan_round(on_match)) return false;
        book_round();   // the round in flight may still read with the last reader
        round_reader = read;
        for (std::size_t done = 0; done < count;) {
            const std::size_t take = std::min(count - done, kReadRoundSize);
            // Room only: each segment's task reads its part (scan_round()).
            window.room(take);
            window.commit(take);
            round_read_at = done;
            if (!scan_round(on_match, &round_reader)) return false;
            done += take;
        }
        if (pool->started()) return true;   // see feed()
        return release(final_below, on_match);
    }

    bool flush(const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        book_round();
        if (!deliver(on_match)) return false;
        if (pending > 0) {
            catch_up();
            queue_found(stats);
            final_below = truth->watermark();
        }
        return release(final_below, on_match);
    }

    bool finish(const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        finished = true;
        if (parallel() && window.open_size() > 0 && !scan_round(on_match)) return false;
        book_round();
        if (!deliver(on_match)) return false;
        catch_up();
        // Resuming the scanners without new bytes tells them the input has ended.
        truth->finish();
        queue_found(stats);
        return release(kNoOffset, on_match);
    }

    /// One thread: room for the next slice in the runner's buffer, keeping
    /// the bytes of matches not reported yet.
    unsigned char* make_room(std::size_t size) {
        std::uint64_t keep = queue.empty() ? kNoOffset : queue.earliest_offset();
        if (options.line_numbers) {
            // Count what will never be reported, and keep the rest for the count.
            count_lines_to(std::min({keep, final_below, truth->end_offset()}));
            keep = std::min(keep, lines.counted_to());
        }
        return truth->make_room(size, keep);
    }

    /// One thread: scans the `count` bytes written to make_room().
    void scan_slice(std::size_t count) {
        truth->commit_and_run(count);
        queue_found(stats);
        final_below = truth->watermark();
    }

    /// Moves what the true runner found into the queue (with threads on a
    /// helper, off the calling thread; catch-up queued its own), counting
    /// the over-long drops, catch-up's too, in `tally`. The rules' lists are
    /// merged into the queue itself, in queue order: no list in between.
    void queue_found(Stats& tally) {
        found_runs.clear();
        for (std::size_t i = 0; i < truth->rule_count(); ++i) {
            auto& list = truth->found(i);
            found_runs.push_back({list.data(), list.data() + list.size()});
        }
        queue.add_runs(found_runs, merge_scratch);
        for (std::size_t i = 0; i < truth->rule_count(); ++i) {
            truth->found(i).clear();
            tally.dropped_overlong += std::exchange(truth->dropped(i), 0);
        }
        tally.dropped_overlong += std::exchange(caught_up_dropped, 0);
    }

    /// Threads: scans the open block of the window, cut into segments: the
    /// true runner first catches up through the last round's speculative
    /// segments, then scans the first segment and finishes what is final
    /// (report_round()), while the other threads scan the others
    /// speculatively. A round of several segments is left in flight: the
    /// calling thread delivers the last round's finished matches and
    /// returns, to read the next input while the helpers scan; the next call
    /// (or flush(), finish()) books it.
    /// With `read`, the window's open block has room only: each task first
    /// reads its segment (at round_read_at + its place in the round).
    bool scan_round(const MatchCallback& on_match, const Scanner::ReadAt* read = nullptr) {
        book_round();
        unsigned char* const bytes = window.open_data();
        const std::size_t size = window.open_size();
        const std::uint64_t offset = window.open_offset();
        window.close();
        window.view(view);   // what report_round() reads, while the caller adds blocks
        auto& segments_now = ahead[round_parity ^ 1];
        const std::size_t segments = std::clamp<std::size_t>(size / kMinSegment, 1, segments_now.size() + 1);
        const std::size_t halves = short_last_segments(size, segments);
        const auto edge = [size, segments, halves](std::size_t i) {
            // In half segments: 2 per segment before the short ones, 1 per short one.
            const std::size_t full = segments - halves;
            const auto units = [full](std::size_t j) { return 2 * j - (j > full ? j - full : 0); };
            return static_cast<std::size_t>(std::uint64_t{size} * units(i) / units(segments));
        };
        unsigned char* const bytes_to_fill = read != nullptr ? bytes : nullptr;
        const std::uint64_t read_at = round_read_at;
        auto scan_segment = [this, bytes, bytes_to_fill, read, read_at, offset, edge, &segments_now](std::size_t i) {
            if (bytes_to_fill != nullptr) {
                // Read by the core that scans it: no byte crosses cores first.
                (*read)(reinterpret_cast<char*>(bytes_to_fill + edge(i)), read_at + edge(i), edge(i + 1) - edge(i));
            }
            if (i == 0) {
                catch_up();
                // In place after the bytes the true runner still needs, when they fit before the block.
                if (truth->continue_in_place(bytes, detail::InputWindow::kRoomBefore)) {
                    detail::run_in_place(*truth, bytes, 0, edge(1), edge(1));
                } else {
                    truth->append(bytes, edge(1), kSliceSize);
                }
                report_round();
            } else {
                segments_now[i - 1].scan(bytes + edge(i), edge(i + 1) - edge(i), offset + edge(i));
            }
        };
        round_segments = segments;
        if (segments == 1) {
            // A small piece (a slow pipe) is scanned and reported at once.
            if (!deliver(on_match)) return false;
            scan_segment(0);
            book_round_scanned();
            return deliver(on_match);
        }
        pool->start(segments, std::move(scan_segment));
        return deliver(on_match);   // the last round's, while this one is scanned
    }

    /// How many of a round's last segments are half as long as the others:
    /// the threads take segments in order, so the one that runs out of
    /// segments first waits for the other's last one, half as long then.
    /// None where the halves would be shorter than kMinSegment.
    static std::size_t short_last_segments(std::size_t size, std::size_t segments) {
        constexpr std::size_t kHalves = 4;
        if (segments <= kHalves || size / (2 * segments - kHalves) < kMinSegment) return 0;
        return kHalves;
    }

    /// The true runner's task, after its scan (a helper, with threads):
    /// queues what it and catch-up found, and finishes what is final now
    /// into `filling`, counting into `round_stats`. Touches only what the
    /// calling thread leaves alone while a round is in flight.
    void report_round() {
        queue_found(round_stats);
        round_final_below = truth->watermark();
        // The match is kept for deliver(), called inline (no std::function
        // per match). Bytes in a window block stay until deliver() is done
        // (see book_round_scanned()); a match copied across two blocks does not.
        const auto keep_ready = [this](const Match& match) {
            const std::less<const char*> before;
            const char* const scratch = scratch_bytes.data();
            const bool in_scratch = !before(match.raw.data(), scratch) &&
                                    before(match.raw.data(), scratch + std::max<std::size_t>(scratch_bytes.size(), 1));
            filling.add(match, !in_scratch, round_stats.filtered);
            return true;
        };
        queue.release(round_final_below, [&](const detail::MergedCandidate& c) {
            return report(c, keep_ready, round_stats);
        });
    }

    /// Calling thread: hands the booked round's finished matches to the
    /// callback.
    bool deliver(const MatchCallback& on_match) {
        if (to_deliver.deliver(on_match, stats)) return true;
        stopped = true;
        return false;
    }

    /// Waits for the round in flight, if any, and books it.
    void book_round() {
        if (!pool->started()) return;
        pool->wait();
        book_round_scanned();
    }

    /// Takes over the results of the round just scanned: its speculative
    /// segments wait for catch-up, its finished matches wait for deliver()
    /// (which has emptied to_deliver since the last booking).
    void book_round_scanned() {
        round_parity ^= 1;
        pending = round_segments - 1;
        final_below = round_final_below;
        // found and filtered are counted as deliver() hands the matches
        // over, so that a callback that stops leaves the rest uncounted,
        // as with one thread.
        filling.set_filtered(round_stats.filtered);
        stats.dropped_overlong += round_stats.dropped_overlong;
        round_stats = {};
        std::swap(filling, to_deliver);
        const std::uint64_t reported = std::min(queue.empty() ? kNoOffset : queue.earliest_offset(), final_below);
        // The bytes freed are counted first: no match is reported in them.
        if (options.line_numbers) {
            window.view(view);
            count_lines_to(std::min(reported, window.end_offset()));
        }
        // The blocks before the last booking's mark: the matches in them
        // were delivered since (to_deliver keeps their raw bytes as views).
        window.release_before(booked_reported_below);
        booked_reported_below = reported;
    }

    /// Brings the true runner through the speculative segments of the last
    /// round; touches only the runners, the queue and caught_up_dropped.
    void catch_up() {
        for (std::size_t i = 0; i < pending; ++i) {
            detail::SegmentCatchUp::run(truth, ahead[round_parity][i], queue, caught_up_dropped);
        }
        pending = 0;
    }

    /// The input bytes of a match.
    std::string_view input_bytes(std::uint64_t offset, std::uint64_t length) {
        if (parallel()) return view.bytes(offset, length, scratch_bytes);
        const auto& buffer = truth->buffer();
        return {reinterpret_cast<const char*>(buffer.data() + (offset - buffer.base_offset())),
                static_cast<std::size_t>(length)};
    }

    /// Counts the newlines of the held input up to `offset` (a no-op at or
    /// before the last count): matches come in offset order, so each byte
    /// is counted once.
    void count_lines_to(std::uint64_t offset) {
        if (offset <= lines.counted_to()) return;
        const std::uint64_t from = lines.counted_to();
        if (parallel()) {
            view.visit(from, offset - from, [this](std::string_view bytes) { lines.advance(bytes); });
        } else {
            lines.advance(input_bytes(from, offset - from));
        }
    }

    /// Calling thread, no round in flight: reports what is final below `mark`.
    bool release(std::uint64_t mark, const MatchCallback& on_match) {
        if (parallel()) {
            if (!deliver(on_match)) return false;   // a booked round's come first
            window.view(view);
        }
        const bool go_on = queue.release(mark, [&](const detail::MergedCandidate& c) {
            return report(c, on_match, stats);
        });
        if (!go_on) stopped = true;
        return go_on;
    }

    /// Post-pass and noise filter of one merged candidate, handed to
    /// `on_match` (the caller's MatchCallback, or report_round()'s lambda);
    /// what is reported and filtered is counted in `tally`.
    template <typename OnMatch>
    bool report(const detail::MergedCandidate& c, const OnMatch& on_match, Stats& tally) {
        Match match;
        match.type = c.type;
        match.offset = c.offset;
        match.raw = input_bytes(c.offset, c.length);
        match.rules = c.rules;
        match.rule_count = c.rule_count;
        if (options.line_numbers) {
            count_lines_to(c.offset);
            match.line = lines.line();
        }
        if (c.type == Type::url && detail::is_encoded_url_rule(c.rules[0])) {
            return report_encoded(c.rules[0], match, on_match, tally);
        }
        if (!post_pass.apply(c.type, match.raw, match)) return true;   // url cut, refang, defang ...
        if (is_noise(c.type, post_pass.refanged(), tally)) return true;
        ++tally.found[static_cast<std::size_t>(c.type)];
        return on_match(match);
    }

    /// An encoded URL: one match per URL in the decoded text when values are
    /// to be readable, else one match showing the encoded text (nothing when
    /// it decodes to no URL). See families/encoded_url/encoded_url.hpp.
    template <typename OnMatch>
    bool report_encoded(RuleId rule, Match& match, const OnMatch& on_match, Stats& tally) {
        match.raw = encoded_urls.raw_span(rule, match.raw);
        match.encoding = detail::encoding_of(rule);
        match.defanged = true;
        const auto& urls = encoded_urls.urls(rule, match.raw);
        if (urls.empty()) return true;
        std::uint64_t& found = tally.found[static_cast<std::size_t>(Type::url)];
        if (!options.refang && !options.defang) {
            // Shown as written: noise only when every URL inside is.
            if (std::all_of(urls.begin(), urls.end(), [&](const std::string& url) {
                    return is_noise_unbooked(Type::url, url);
                })) {
                ++tally.filtered;
                return true;
            }
            match.value = match.raw;
            ++found;
            return on_match(match);
        }
        for (const std::string& url : urls) {
            if (is_noise(Type::url, url, tally)) continue;
            match.value = url;
            ++found;
            if (!on_match(match)) return false;
        }
        return true;
    }

    /// --no-private / --allow: the match is dropped (and counted).
    bool is_noise(Type type, std::string_view refanged, Stats& tally) {
        if (!is_noise_unbooked(type, refanged)) return false;
        ++tally.filtered;
        return true;
    }
    bool is_noise_unbooked(Type type, std::string_view refanged) {
        return ruleset->noise && ruleset->noise->drops(type, refanged, noise_scratch);
    }

    /// Shared with other Scanners: only read.
    std::shared_ptr<const Ruleset::Compiled> ruleset;
    const Options& options;
    std::size_t threads;
    std::uint64_t longest_token = 0;   ///< of the enabled rules (max_token)
    /// The runner that has read all input so far (the one-thread scan).
    std::unique_ptr<detail::RuleRunner> truth;
    /// Threads: the speculative segments of a round after its first, two
    /// sets: one being scanned, the last round's waiting for catch-up.
    std::array<std::vector<detail::SpeculativeSegment>, 2> ahead;
    std::size_t round_parity = 0;   ///< ahead[round_parity] holds the last round's
    std::size_t pending = 0;        ///< its segments not caught up with yet
    std::size_t round_segments = 0;   ///< segments of the round scanned last
    detail::InputWindow window;                     ///< threads: the input bytes still needed
    detail::InputView view;   ///< threads: the window as report() reads it
    std::uint64_t caught_up_dropped = 0;   ///< threads: over-long drops catch-up met
    /// queue_found()'s working space, kept between calls.
    std::vector<detail::CandidateQueue::Run> found_runs;
    std::vector<detail::Candidate> merge_scratch;
    detail::CandidateQueue queue;
    detail::LineCounter lines;   ///< Options::line_numbers: newlines before lines.counted_to()
    std::uint64_t final_below = 0;   ///< what starts before here is final
    Stats stats;
    /// Threads: what the true runner's task of the round in flight finished
    /// (matches, counts, its watermark), taken over by book_round_scanned().
    detail::ReadyMatches filling;
    detail::ReadyMatches to_deliver;   ///< the booked round's, for deliver()
    Stats round_stats;
    std::uint64_t round_final_below = 0;
    std::uint64_t booked_reported_below = 0;   ///< reported_below() while a round is in flight
    detail::PostPass post_pass{options};
    detail::EncodedUrlDecoder encoded_urls{options};
    detail::NoiseFilter::Scratch noise_scratch;
    std::string scratch_bytes;   ///< a match that spans two window blocks
    std::string scratch_room;    ///< input_space() after the scan ended
    /// Threads, commit_read(): its reader, kept while a round that reads
    /// with it may be in flight, and where the open round starts in its count.
    Scanner::ReadAt round_reader;
    std::uint64_t round_read_at = 0;
    bool stopped = false;
    bool finished = false;
    /// Declared last: its threads are joined before anything they use goes.
    std::unique_ptr<detail::WorkerPool> pool;
};

Scanner::Scanner(const Options& options) : Scanner(Ruleset(options)) {}
Scanner::Scanner(const Ruleset& ruleset) : impl_(std::make_unique<Impl>(ruleset.compiled_)) {}
Scanner::~Scanner() = default;
Scanner::Scanner(Scanner&&) noexcept = default;
Scanner& Scanner::operator=(Scanner&&) noexcept = default;

bool Scanner::feed(std::string_view piece, const MatchCallback& on_match) {
    return impl_->feed(piece, on_match);
}
std::span<char> Scanner::input_space(std::size_t max_bytes) { return impl_->input_space(max_bytes); }
bool Scanner::commit_input(std::size_t count, const MatchCallback& on_match) {
    return impl_->commit_input(count, on_match);
}
bool Scanner::commit_read(std::size_t count, const ReadAt& read, const MatchCallback& on_match) {
    return impl_->commit_read(count, read, on_match);
}
bool Scanner::flush(const MatchCallback& on_match) { return impl_->flush(on_match); }
bool Scanner::finish(const MatchCallback& on_match) { return impl_->finish(on_match); }
void Scanner::reset() { impl_->reset(); }
void Scanner::reset(std::uint64_t first_offset) { impl_->reset(first_offset); }
std::uint64_t Scanner::reported_below() const {
    // Nothing starts before final_below that is not queued yet; the queue
    // releases in offset order, so all before its first held one is out.
    const auto& impl = *impl_;
    if (impl.finished) return kNoOffset;
    // The queue belongs to the round's task while a round is in flight.
    if (impl.pool->started()) return impl.booked_reported_below;
    return std::min(impl.final_below, impl.queue.empty() ? kNoOffset : impl.queue.earliest_offset());
}
std::uint64_t Scanner::longest_token() const { return impl_->longest_token; }
const Options& Scanner::options() const { return impl_->options; }
const Stats& Scanner::stats() const { return impl_->stats; }

}  // namespace iocscan
