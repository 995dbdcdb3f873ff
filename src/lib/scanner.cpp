// The scan driver: runs every enabled generated scanner over each chunk and
// reports their matches in input order.
#include "iocscan/iocscan.hpp"
#include "lib/candidate_queue.hpp"
#include "lib/chunk_buffer.hpp"
#include "lib/custom_matcher.hpp"
#include "lib/encoded_url.hpp"
#include "lib/post_pass.hpp"
#include "lib/refang.hpp"
#include "lib/rule_ids.hpp"
#include "lib/rule_table.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <span>
#include <vector>

namespace iocscan {
namespace {

using detail::LexState;
using detail::LexStatus;

/// Input is appended to the buffer in slices of at most this size, so a huge
/// piece passed to feed() does not grow the buffer.
constexpr std::size_t kSliceSize = 256 * 1024;
constexpr std::uint64_t kEndOfInput = std::numeric_limits<std::uint64_t>::max();

struct ActiveRule {
    const detail::RuleSpec* spec;
    LexState state;
    bool ended = false;
};

}  // namespace

struct Scanner::Impl {
    explicit Impl(const Options& opts)
        : options(opts), sink(opts.types, queue.incoming(), stats.dropped_overlong) {
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
            if (wanted) rules.push_back({&spec, {}, false});
        }
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
        }
        point_rules_at_buffer({});
    }

    /// What a rule's lex function gets in LexState::context.
    const void* context_for(const detail::RuleSpec& spec) const {
        return spec.id == detail::kRuleCustom ? custom.get() : nullptr;
    }

    bool feed(std::string_view piece, const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        while (!piece.empty()) {
            const std::span<char> room = input_space(piece.size());
            std::memcpy(room.data(), piece.data(), room.size());
            piece.remove_prefix(room.size());
            if (!commit_input(room.size(), on_match)) {
                stats.bytes += piece.size();   // the whole piece counts as fed, as before the stop
                return false;
            }
        }
        return true;
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
        buffer.commit(count);
        const unsigned char* lim = buffer.data() + buffer.size();
        for (auto& rule : rules) rule.state.lim = lim;
        run_rules();
        return release(watermark(), on_match);
    }

    bool finish(const MatchCallback& on_match) {
        if (stopped || finished) return !stopped;
        finished = true;
        // Resuming a scanner without new bytes tells it the input has ended.
        run_rules();
        return release(kEndOfInput, on_match);
    }

    /// Lets every scanner consume all buffered bytes.
    void run_rules() {
        sink.set_origin(buffer.data(), buffer.base_offset());
        for (auto& rule : rules) {
            if (!rule.ended) rule.ended = rule.spec->lex(rule.state, sink) == LexStatus::end;
        }
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
    detail::CandidateSink sink;
    detail::PostPass post_pass{options};
    detail::EncodedUrlDecoder encoded_urls{options};
    bool stopped = false;
    bool finished = false;
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
