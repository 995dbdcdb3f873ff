#include "core/rule_runner.hpp"

#include "families/rule_ids.hpp"

#include <algorithm>
#include <cstring>

namespace iocscan::detail {
namespace {

/// The rules whose skips read the shared block classification.
bool reads_block_classes(RuleId id) {
    return id == kRuleIpv4 || id == kRuleEmail || id == kRuleYara || id == kRuleUrlBase64;
}

}  // namespace

RuleRunner::RuleRunner(std::vector<const RuleSpec*> rules, TypeSet wanted, const void* custom_context)
    : wanted_(wanted), custom_context_(custom_context) {
    rules_.reserve(rules.size());
    for (const RuleSpec* spec : rules) rules_.push_back({spec, {}, false, false, {}, 0});
    classify_ = std::count_if(rules_.begin(), rules_.end(),
                              [](const ActiveRule& rule) { return reads_block_classes(rule.spec->id); }) >= 2;
    restart(0);
}

void RuleRunner::restart(std::uint64_t offset) {
    buffer_.clear(offset);
    blocks_.reset();
    for (auto& rule : rules_) {
        rule.state = {};
        rule.state.context = rule.spec->id == kRuleCustom ? custom_context_ : nullptr;
        rule.state.max_token = rule.spec->max_token;
        rule.ended = false;
        rule.frozen = false;
        rule.found.clear();
        rule.dropped = 0;
    }
    point_rules_at_buffer({});
}

void RuleRunner::restart_in_place(unsigned char* bytes, std::uint64_t offset) {
    restart(offset);
    buffer_.adopt(bytes, offset);
    point_rules_at_buffer({});
}

bool RuleRunner::continue_in_place(unsigned char* next, std::size_t room) {
    std::size_t keep = buffer_.size();
    for (auto& rule : rules_) keep = std::min(keep, first_needed(rule));
    const std::size_t kept = buffer_.size() - keep;
    if (kept > room) return false;
    saved_.clear();
    for (const auto& rule : rules_) saved_.push_back(positions_of(rule.state, keep));
    unsigned char* const start = next - kept;
    if (kept > 0) std::memcpy(start, buffer_.data() + keep, kept);
    buffer_.adopt(start, buffer_.base_offset() + keep);
    buffer_.commit(kept);
    point_rules_at_buffer(saved_);
    return true;
}

std::uint64_t RuleRunner::watermark() const {
    std::uint64_t mark = kNoOffset;
    for (const auto& rule : rules_) {
        if (!rule.ended) mark = std::min(mark, absolute(rule.state.tok));
    }
    return mark;
}

unsigned char* RuleRunner::make_room(std::size_t size, std::uint64_t also_keep) {
    std::size_t keep = buffer_.size();
    for (auto& rule : rules_) keep = std::min(keep, first_needed(rule));
    if (also_keep < end_offset()) {
        keep = std::min(keep, static_cast<std::size_t>(std::max(also_keep, buffer_.base_offset()) -
                                                       buffer_.base_offset()));
    }
    saved_.clear();
    for (const auto& rule : rules_) saved_.push_back(positions_of(rule.state, keep));
    unsigned char* room = buffer_.discard_and_reserve(keep, size);
    point_rules_at_buffer(saved_);
    return room;
}

void RuleRunner::commit_and_run(std::size_t count) {
    buffer_.commit(count);
    if (classify_) blocks_.update(buffer_.data(), buffer_.size(), buffer_.base_offset());
    const unsigned char* lim = buffer_.data() + buffer_.size();
    for (auto& rule : rules_) {
        rule.state.lim = lim;
        run_rule(rule);
    }
}

void RuleRunner::append(const unsigned char* bytes, std::size_t count, std::size_t slice) {
    while (count > 0) {
        const std::size_t take = std::min(count, slice);
        std::memcpy(make_room(take), bytes, take);
        commit_and_run(take);
        bytes += take;
        count -= take;
    }
}

void RuleRunner::finish() {
    if (classify_) blocks_.update(buffer_.data(), buffer_.size(), buffer_.base_offset());
    for (auto& rule : rules_) run_rule(rule);
}

void RuleRunner::run_rule(ActiveRule& rule) {
    if (rule.ended || rule.frozen) return;
    rule.state.blocks = classify_ ? &blocks_ : nullptr;
    CandidateSink sink(wanted_, rule.found, rule.dropped);
    sink.set_origin(buffer_.data(), buffer_.base_offset());
    rule.ended = rule.spec->lex(rule.state, sink) == LexStatus::end;
}

RuleState RuleRunner::state_of(std::size_t i) const {
    const ActiveRule& rule = rules_[i];
    const LexState& st = rule.state;
    // A marker before the token start is stale (never read again); the
    // buffer moving parks it at the token start, so both count as the same.
    const unsigned char* mar = st.mar >= st.tok ? st.mar : st.tok;
    int accept = st.accept;
    if (st.cur == st.tok && !st.overlong) {
        // No byte of the token is consumed yet: re2c sets the marker and
        // yyaccept before it reads them, so old values make no difference.
        mar = st.tok;
        accept = 0;
    }
    return {absolute(st.cur), absolute(mar), absolute(st.tok), st.state, accept, st.cond, st.depth,
            st.flags, st.skip_state, st.overlong, st.marker_is_tok, rule.ended};
}

void RuleRunner::adopt_state(std::size_t i, const RuleRunner& other) {
    const RuleState from = other.state_of(i);
    const auto at = [&](std::uint64_t offset) { return buffer_.data() + (offset - buffer_.base_offset()); };
    ActiveRule& rule = rules_[i];
    LexState& st = rule.state;
    st.cur = at(from.cur);
    st.mar = at(from.mar);
    st.tok = at(from.tok);
    st.lim = buffer_.data() + buffer_.size();
    st.state = from.state;
    st.accept = from.accept;
    st.cond = from.cond;
    st.depth = from.depth;
    st.flags = from.flags;
    st.skip_state = from.skip_state;
    st.overlong = from.overlong;
    st.marker_is_tok = from.marker_is_tok;
    rule.ended = from.ended;
    rule.frozen = false;
}

/// Index of the first byte `rule` may still read. A token that has grown
/// past the rule's maximum gives up its start (its match will be dropped).
std::size_t RuleRunner::first_needed(ActiveRule& rule) {
    LexState& st = rule.state;
    const std::size_t cur = static_cast<std::size_t>(st.cur - buffer_.data());
    const std::size_t tok = static_cast<std::size_t>(st.tok - buffer_.data());
    if (rule.ended) {
        // An ended scanner reads nothing more; park its pointers at the
        // end so they stay inside the buffer when it moves.
        st.cur = st.mar = st.tok = buffer_.data() + buffer_.size();
        return buffer_.size();
    }
    if (cur - tok <= rule.spec->kept_bytes()) return tok;
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
    if (real_marker && st.mar < st.cur) keep = static_cast<std::size_t>(st.mar - buffer_.data());
    if (cur - keep > rule.spec->kept_bytes()) {
        // The DFA is that far past its marker: it went on through accepting
        // states that store none (an ipv6 zone: the marker stays before the
        // "%"), or a grammar looks too far ahead. Move the marker to the
        // cursor rather than restart the DFA: one in accepting states still
        // ends its token where a single buffer would, so the next token
        // starts at the same byte (a restart split the zone into tokens of
        // its own and swallowed the "::1" after it); a backtrack lands at
        // the cursor, where a restart would have begun.
        st.mar = st.cur;
        keep = cur;
    }
    st.marker_is_tok = keep != cur;
    st.tok = buffer_.data() + keep;
    return keep;
}

RuleRunner::Positions RuleRunner::positions_of(const LexState& st, std::size_t keep) const {
    const auto index = [&](const unsigned char* p) { return static_cast<std::size_t>(p - buffer_.data()) - keep; };
    // A stale marker may point before `keep`; it is never read again.
    const unsigned char* mar = st.mar >= st.tok ? st.mar : st.tok;
    return {index(st.cur), index(mar), index(st.tok)};
}

void RuleRunner::point_rules_at_buffer(const std::vector<Positions>& saved) {
    const unsigned char* base = buffer_.data();
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        LexState& st = rules_[i].state;
        const Positions at = i < saved.size() ? saved[i] : Positions{};
        st.cur = base + at.cur;
        st.mar = base + at.mar;
        st.tok = base + at.tok;
        st.lim = base + buffer_.size();
    }
}

}  // namespace iocscan::detail
