// Holds candidates until their order is final, then hands them out sorted.
//
// Scanners run one after another over each chunk, so their candidates arrive
// out of order, and a scanner in the middle of a long token may still report
// something earlier than what another scanner already found. A candidate is
// released once every scanner has moved past its start (the watermark): then
// nothing that sorts before it can appear any more (plain URLs: past their
// end, see below). The output order is thus
// the sorted order of all matches, whatever the chunk sizes.
//
// URLs only: a url candidate whose span lies inside a longer url candidate
// (the "bracket" rule's `evil[.]net` inside the "generic" rule's
// `http://a.example/?u=evil[.]net`) is merged into the longer one, which
// gains its rule name. Encoded URLs (hex, percent, base64) are neither merged
// nor absorbed: a percent-encoded URL in a query string is its own record. Every contained candidate ends no later than its container, so
// it has been queued by the time the container is released.
#pragma once

#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace iocscan::detail {

/// One reported span: candidates of one type at the same span, rules merged.
struct MergedCandidate {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    Type type = Type::url;
    std::array<RuleId, 6> rules{};
    std::uint8_t rule_count = 0;
};

class CandidateQueue {
public:
    /// Candidates in a caller's vector, from `begin` to `end`.
    struct Run {
        Candidate* begin;
        Candidate* end;
    };
    /// The candidates of `runs` merged into `out`, which is in queue order
    /// (merge_into()'s own result, or empty), all in queue order. Each rule
    /// finds its candidates in order and the rules' interleave, so their
    /// lists' heads are merged, not sorted together (a sort of them all cost
    /// ~250 instructions per candidate on logs); a run out of order is
    /// sorted first. The candidates of `out` that sort before every new one
    /// stay where they are, and are not looked at again (catch-up merges a
    /// round's segments one after another into one list). `runs` must not
    /// point into `out`; `scratch` is the caller's, reused between calls.
    static void merge_into(std::vector<Candidate>& out, std::vector<Run>& runs, std::vector<Candidate>& scratch) {
        std::size_t used = 0;
        std::size_t added = 0;
        for (const Run& run : runs) {
            if (run.begin == run.end) continue;
            if (!std::is_sorted(run.begin, run.end, precedes)) std::sort(run.begin, run.end, precedes);
            runs[used++] = run;
            added += static_cast<std::size_t>(run.end - run.begin);
        }
        runs.resize(used);
        if (runs.empty()) return;
        const Candidate* first_new = runs.front().begin;
        for (const Run& run : runs) {
            if (precedes(*run.begin, *first_new)) first_new = run.begin;
        }
        const auto keep = static_cast<std::size_t>(
            std::upper_bound(out.begin(), out.end(), *first_new, precedes) - out.begin());
        if (keep == out.size()) {
            // All new ones sort after `out` (the usual case): merged onto its
            // end (grown geometrically: catch-up appends segment after segment).
            merge_runs(runs, out);
            return;
        }
        runs.push_back({out.data() + keep, out.data() + out.size()});
        scratch.clear();
        scratch.reserve(added + out.size() - keep);
        merge_runs(runs, scratch);
        if (keep == 0) {
            out.swap(scratch);
        } else {
            out.resize(keep);
            out.insert(out.end(), scratch.begin(), scratch.end());
        }
    }
    /// Queues the candidates of `runs` (as merge_into(), which see).
    void add_runs(std::vector<Run>& runs, std::vector<Candidate>& scratch) { merge_into(held_, runs, scratch); }

    bool empty() const { return held_.empty(); }
    /// Every candidate held, in queue order, none merged yet (for tests).
    const std::vector<Candidate>& held() const { return held_; }
    /// Smallest offset still held (meaningful when not empty).
    std::uint64_t earliest_offset() const { return held_.front().offset; }

    /// Emits, in order, every merged candidate that is final below
    /// `watermark` (see final_below()). Stops and returns false when `emit`
    /// returns false.
    template <typename Emit>
    bool release(std::uint64_t watermark, Emit&& emit) {
        std::size_t i = 0;
        bool go_on = true;
        while (go_on && i < held_.size() && final_below(held_[i], watermark)) {
            if (absorbed(held_[i])) {
                ++i;
                continue;
            }
            MergedCandidate merged{held_[i].offset, held_[i].length, held_[i].type, {}, 0};
            add_rule(merged, held_[i++].rule);
            for (; i < held_.size() && same_span(held_[i], merged); ++i) {
                add_rule(merged, held_[i].rule);
            }
            if (merged.type == Type::url && !is_encoded_url_rule(merged.rules[0])) {
                absorb_contained_urls(i, merged);
            }
            go_on = emit(merged);
        }
        held_.erase(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(i));
        // Absorbed candidates may sort after one that is not released yet.
        std::erase_if(held_, absorbed);
        return go_on;
    }

    void clear() { held_.clear(); }

private:
    /// The rule of a url candidate merged into a longer one. URL rules have
    /// small ids; other types (custom) may use this id, so the type is checked.
    static constexpr RuleId kAbsorbed = 0xFFFF;
    static bool absorbed(const Candidate& c) { return c.type == Type::url && c.rule == kAbsorbed; }

    /// Merges the url candidates from `from` on that lie inside `m` into it.
    void absorb_contained_urls(std::size_t from, MergedCandidate& m) {
        const std::uint64_t end = m.offset + m.length;
        for (std::size_t j = from; j < held_.size() && held_[j].offset < end; ++j) {
            Candidate& c = held_[j];
            if (c.type != Type::url || absorbed(c) || is_encoded_url_rule(c.rule) ||
                c.offset + c.length > end) {
                continue;
            }
            add_rule(m, c.rule);
            c.rule = kAbsorbed;
        }
    }

    /// Nothing can be found any more that sorts before a candidate starting
    /// below the watermark, nor at its span. A plain URL also waits until
    /// the watermark passes its end, for the shorter URLs inside it to be
    /// merged into it. (The other families need not: an IPv4 address that
    /// ends a line is printed while a pipe pauses, though the word before
    /// the line end may still start a base64 blob.)
    static bool final_below(const Candidate& c, std::uint64_t watermark) {
        if (c.type == Type::url && !is_encoded_url_rule(c.rule)) return c.offset + c.length <= watermark;
        return c.offset < watermark;
    }

    /// Appends the candidates of the sorted, non-empty `runs` to `out` in
    /// queue order (emptying `runs`).
    static void merge_runs(std::vector<Run>& runs, std::vector<Candidate>& out) {
        while (runs.size() > 1) {
            std::size_t first = 0;
            for (std::size_t k = 1; k < runs.size(); ++k) {
                if (precedes(*runs[k].begin, *runs[first].begin)) first = k;
            }
            out.push_back(*runs[first].begin++);
            if (runs[first].begin == runs[first].end) {
                runs[first] = runs.back();   // equal candidates are alike: run order does not matter
                runs.pop_back();
            }
        }
        out.insert(out.end(), runs.front().begin, runs.front().end);
        runs.clear();
    }

    static bool precedes(const Candidate& a, const Candidate& b) {
        if (a.offset != b.offset) return a.offset < b.offset;
        if (a.type != b.type) return a.type < b.type;
        if (a.length != b.length) return a.length > b.length;
        return a.rule < b.rule;
    }
    /// An encoded URL is decoded, a plain one is not, so the two are never
    /// one record even at the same span.
    static bool same_span(const Candidate& c, const MergedCandidate& m) {
        return c.offset == m.offset && c.length == m.length && c.type == m.type &&
               (c.type != Type::url || is_encoded_url_rule(c.rule) == is_encoded_url_rule(m.rules[0]));
    }
    static void add_rule(MergedCandidate& m, RuleId rule) {
        for (std::uint8_t k = 0; k < m.rule_count; ++k) {
            if (m.rules[k] == rule) return;
        }
        if (m.rule_count < m.rules.size()) m.rules[m.rule_count++] = rule;
    }

    std::vector<Candidate> held_;   ///< always in queue order
};

}  // namespace iocscan::detail
