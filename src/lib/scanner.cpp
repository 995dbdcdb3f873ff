// The scan driver: runs every enabled generated scanner over each chunk and
// reports their matches in input order.
//
// With Options::threads > 1 the rules of one slice run concurrently: each
// reads the same immutable buffer and writes only its own LexState and
// candidate vector, so the merged, sorted output is the same as with one
// thread. Appending and the watermark happen between slices on the calling
// thread, which also reports the last slice's final matches (the callback
// always runs there) while the helpers scan the next.
#include "iocscan/iocscan.hpp"
#include "lib/candidate_queue.hpp"
#include "lib/chunk_buffer.hpp"
#include "lib/custom_matcher.hpp"
#include "lib/encoded_url.hpp"
#include "lib/post_pass.hpp"
#include "lib/refang.hpp"
#include "lib/rule_ids.hpp"
#include "lib/rule_table.hpp"
#include "lib/worker_pool.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <functional>
#include <limits>
#include <numeric>
#include <span>
#include <thread>
#include <vector>

namespace iocscan {
namespace {

using detail::LexState;
using detail::LexStatus;

/// Input is appended to the buffer in slices of at most this size, so a huge
/// piece passed to feed() does not grow the buffer.
constexpr std::size_t kSliceSize = 256 * 1024;
/// With helper threads, smaller slices let reporting one slice overlap the
/// scanning of the next within one feed() (a barrier costs a few µs).
constexpr std::size_t kThreadedSliceSize = 64 * 1024;
constexpr std::uint64_t kEndOfInput = std::numeric_limits<std::uint64_t>::max();

struct ActiveRule {
    const detail::RuleSpec* spec;
    LexState state;
    bool ended = false;
    /// What this rule found in the current slice; only its own thread writes
    /// here while the rules run.
    std::vector<detail::Candidate> found;
    std::uint64_t dropped = 0;
    /// Nanoseconds the last slice took, to hand out the costly rules first.
    std::int64_t cost = 0;
};

/// Threads to use for Options::threads (0: one per core).
std::size_t thread_count(unsigned requested) {
    if (requested != 0) return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

struct Scanner::Impl {
    explicit Impl(const Options& opts) : options(opts) {
        for (const auto& spec : detail::builtin_rules()) {
            bool wanted = false;
            for (std::size_t t = 0; t < kTypeCount; ++t) {
                const auto type = static_cast<Type>(t);
                wanted = wanted || (spec.emits.has(type) && opts.types.has(type));
            }
            // The custom rule has nothing to do without patterns.
            if (spec.id == detail::kRuleCustom && opts.custom_patterns.empty()) wanted = false;
            if (spec.emits.has(Type::url)) {
                wanted = wanted && (detail::is_encoded_url_rule(spec.id) ? opts.url_encoded : opts.url_plain);
            }
            if (wanted) rules.push_back({&spec, {}, false, {}, 0, 0});
        }
        order.resize(rules.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        // More threads than rules would only wait.
        const std::size_t threads = std::min(thread_count(opts.threads), std::max<std::size_t>(rules.size(), 1));
        pool = std::make_unique<detail::WorkerPool>(threads - 1);
        if (opts.types.has(Type::custom) && !opts.custom_patterns.empty()) {
            custom = std::make_unique<detail::CustomMatcher>(opts.custom_patterns);
        }
        reset();
    }

    void reset() {
        buffer.clear();
        queue.clear();
        stats = {};
        stopped = false;
        finished = false;
        for (auto& rule : rules) {
            rule.state = {};
            rule.state.context = context_for(*rule.spec);
            rule.ended = false;
            rule.found.clear();
            rule.dropped = 0;
        }
        point_rules_at_buffer({});
    }

    /// What a rule's lex function gets in LexState::context.
    const void* context_for(const detail::RuleSpec& spec) const {
        return spec.id == detail::kRuleCustom ? custom.get() : nullptr;
    }

    bool feed(std::string_view piece, const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        stats.bytes += piece.size();
        const std::size_t slice_size = pool->threads() > 1 ? kThreadedSliceSize : kSliceSize;
        std::uint64_t final_below = 0;   // what ends here is final, not yet reported
        while (!piece.empty()) {
            const std::size_t take = std::min(piece.size(), slice_size);
            std::memcpy(make_room(take), piece.data(), take);
            commit(take);
            // The calling thread reports what the last slice made final while
            // the helpers start on this one: the report reads the buffer and
            // the queue, the scanners read the buffer and write their own data.
            run_rules([&] { release(final_below, on_match); });
            if (stopped) return false;
            final_below = watermark();
            piece.remove_prefix(take);
        }
        // Nothing final is held back when feed() returns (slow pipes, tail -f).
        return release(final_below, on_match);
    }

    std::span<char> input_space(std::size_t max_bytes) {
        const std::size_t size = std::clamp<std::size_t>(max_bytes, 1, kSliceSize);
        // Once scanning is over, the room is only scratch: scanners stay as they are.
        unsigned char* room = stopped || finished ? buffer.discard_and_reserve(0, size) : make_room(size);
        return {reinterpret_cast<char*>(room), size};
    }

    bool commit_input(std::size_t count, const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        if (count == 0) return true;
        stats.bytes += count;
        commit(count);
        run_rules({});
        return release(watermark(), on_match);
    }

    /// Makes `count` bytes written into the room of make_room() part of the
    /// buffer the scanners read.
    void commit(std::size_t count) {
        buffer.commit(count);
        const unsigned char* lim = buffer.data() + buffer.size();
        for (auto& rule : rules) rule.state.lim = lim;
    }

    bool finish(const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        finished = true;
        // Resuming a scanner without new bytes tells it the input has ended.
        run_rules({});
        return release(kEndOfInput, on_match);
    }

    /// Lets every scanner consume all buffered bytes, then queues what they
    /// found. `report` runs on the calling thread before it takes rules.
    void run_rules(const std::function<void()>& report) {
        if (pool->threads() == 1) {
            if (report) report();
            for (auto& rule : rules) run_rule(rule, false);
        } else {
            pool->run(order.size(), run_task, report);
            // Longest first next time, so no thread starts a costly rule last.
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return rules[a].cost > rules[b].cost; });
        }
        for (auto& rule : rules) {
            queue.add(rule.found);
            rule.found.clear();
            stats.dropped_overlong += rule.dropped;
            rule.dropped = 0;
        }
        queue.settle();   // append() reads the earliest offset
    }

    /// Runs one rule over the buffer; touches only that rule's own data.
    void run_rule(ActiveRule& rule, bool timed) {
        if (rule.ended) {
            rule.cost = 0;   // nothing left to do: hand it out last
            return;
        }
        detail::CandidateSink sink(options.types, rule.found, rule.dropped);
        sink.set_origin(buffer.data(), buffer.base_offset());
        using Clock = std::chrono::steady_clock;
        const auto start = timed ? Clock::now() : Clock::time_point();
        rule.ended = rule.spec->lex(rule.state, sink) == LexStatus::end;
        if (timed) rule.cost = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
    }

    /// No scanner can report anything that starts before this offset.
    std::uint64_t watermark() const {
        std::uint64_t mark = kEndOfInput;
        for (const auto& rule : rules) {
            if (!rule.ended) mark = std::min(mark, absolute(rule.state.tok));
        }
        return mark;
    }

    std::uint64_t absolute(const unsigned char* p) const {
        return buffer.base_offset() + static_cast<std::uint64_t>(p - buffer.data());
    }

    /// Index of the first byte `rule` may still read. A token that has grown
    /// past the rule's maximum gives up its start (its match will be dropped).
    std::size_t first_needed(ActiveRule& rule) {
        LexState& st = rule.state;
        const std::size_t cur = static_cast<std::size_t>(st.cur - buffer.data());
        const std::size_t tok = static_cast<std::size_t>(st.tok - buffer.data());
        if (rule.ended) {
            // An ended scanner reads nothing more; park its pointers at the
            // end so they stay inside the buffer when it moves.
            st.cur = st.mar = st.tok = buffer.data() + buffer.size();
            return buffer.size();
        }
        if (cur - tok <= rule.spec->max_token) return tok;
        st.overlong = true;
        // re2c may still backtrack to the marker, so keep it; a marker stored
        // before this token is stale and never read again. positions_of()
        // parks a stale marker at the token start, where re2c never stores
        // one (every rule consumes a byte first); a marker there is real only
        // when this function made it the token start. Taking a parked one for
        // real made a long skip token look like runaway lookahead: the DFA
        // was restarted with `overlong` set, and the next token was lost.
        std::size_t keep = cur;
        const bool real_marker = st.mar > st.tok || (st.mar == st.tok && st.marker_is_tok);
        if (real_marker && st.mar < st.cur) keep = static_cast<std::size_t>(st.mar - buffer.data());
        if (cur - keep > rule.spec->max_token) {
            // The grammar looked too far ahead of its last accepting point
            // (the grammars are written so this cannot happen): restart the
            // DFA here rather than let the buffer grow.
            st.state = -1;
            keep = cur;
        }
        st.marker_is_tok = keep != cur;
        st.tok = buffer.data() + keep;
        return keep;
    }

    /// Discards bytes nobody needs, makes room for `size` new bytes after the
    /// rest, and moves every scanner's pointers to the new buffer (their
    /// limit moves when the bytes are committed).
    unsigned char* make_room(std::size_t size) {
        std::size_t keep = buffer.size();
        for (auto& rule : rules) keep = std::min(keep, first_needed(rule));
        if (!queue.empty()) {
            keep = std::min(keep, static_cast<std::size_t>(queue.earliest_offset() - buffer.base_offset()));
        }
        std::vector<Positions> saved;
        saved.reserve(rules.size());
        for (const auto& rule : rules) saved.push_back(positions_of(rule.state, keep));
        unsigned char* room = buffer.discard_and_reserve(keep, size);
        point_rules_at_buffer(saved);
        return room;
    }

    /// Scanner pointers as indices, so they survive the buffer moving.
    struct Positions {
        std::size_t cur = 0, mar = 0, tok = 0;
    };

    Positions positions_of(const LexState& st, std::size_t keep) const {
        const auto index = [&](const unsigned char* p) {
            return static_cast<std::size_t>(p - buffer.data()) - keep;
        };
        // A stale marker may point before `keep`; it is never read again.
        const unsigned char* mar = st.mar >= st.tok ? st.mar : st.tok;
        return {index(st.cur), index(mar), index(st.tok)};
    }

    void point_rules_at_buffer(const std::vector<Positions>& saved) {
        const unsigned char* base = buffer.data();
        for (std::size_t i = 0; i < rules.size(); ++i) {
            LexState& st = rules[i].state;
            const Positions at = i < saved.size() ? saved[i] : Positions{};
            st.cur = base + at.cur;
            st.mar = base + at.mar;
            st.tok = base + at.tok;
            st.lim = base + buffer.size();
        }
    }

    bool release(std::uint64_t mark, const MatchCallback& on_match) {
        const bool go_on = queue.release(mark, [&](const detail::MergedCandidate& c) {
            return report(c, on_match);
        });
        if (!go_on) stopped = true;
        return go_on;
    }

    bool report(const detail::MergedCandidate& c, const MatchCallback& on_match) {
        Match match;
        match.type = c.type;
        match.offset = c.offset;
        match.raw = std::string_view(
            reinterpret_cast<const char*>(buffer.data() + (c.offset - buffer.base_offset())),
            static_cast<std::size_t>(c.length));
        match.rules = c.rules;
        match.rule_count = c.rule_count;
        if (c.type == Type::url && detail::is_encoded_url_rule(c.rules[0])) {
            return report_encoded(c.rules[0], match, on_match);
        }
        post_pass.apply(c.type, match.raw, match);   // url cut, refang, defang ...
        ++stats.found[static_cast<std::size_t>(c.type)];
        return on_match(match);
    }

    /// An encoded URL: one match per URL in the decoded text when values are
    /// to be readable, else one match showing the encoded text (nothing when
    /// it decodes to no URL). See lib/encoded_url.hpp.
    bool report_encoded(RuleId rule, Match& match, const MatchCallback& on_match) {
        match.raw = encoded_urls.raw_span(rule, match.raw);
        match.encoding = detail::encoding_of(rule);
        match.defanged = true;
        const auto& urls = encoded_urls.urls(rule, match.raw);
        if (urls.empty()) return true;
        std::uint64_t& found = stats.found[static_cast<std::size_t>(Type::url)];
        if (!options.refang && !options.defang) {
            match.value = match.raw;
            ++found;
            return on_match(match);
        }
        for (const std::string& url : urls) {
            match.value = url;
            ++found;
            if (!on_match(match)) return false;
        }
        return true;
    }

    Options options;
    std::unique_ptr<detail::CustomMatcher> custom;   ///< compiled custom patterns, if any
    std::vector<ActiveRule> rules;
    detail::ChunkBuffer buffer;
    detail::CandidateQueue queue;
    Stats stats;
    detail::PostPass post_pass{options};
    detail::EncodedUrlDecoder encoded_urls{options};
    bool stopped = false;
    bool finished = false;
    std::vector<std::size_t> order;   ///< rule indices, costliest first
    const std::function<void(std::size_t)> run_task = [this](std::size_t i) { run_rule(rules[order[i]], true); };
    /// Declared last: its threads are joined before anything they use goes.
    std::unique_ptr<detail::WorkerPool> pool;
};

Scanner::Scanner(const Options& options) : impl_(std::make_unique<Impl>(options)) {}
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
bool Scanner::finish(const MatchCallback& on_match) { return impl_->finish(on_match); }
void Scanner::reset() { impl_->reset(); }
const Stats& Scanner::stats() const { return impl_->stats; }

}  // namespace iocscan
