// Fuzz target 4: scanning ahead in segments (threads/segment_sync.hpp).
// Oracle: a true runner that catches up with speculative segments starting at
// fuzz-chosen offsets finds exactly the candidates, and drops exactly the
// over-long ones, of one sequential run over the same bytes.
#include "families/rule_ids.hpp"
#include "core/rule_runner.hpp"
#include "families/rule_table.hpp"
#include "threads/segment_sync.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

namespace {

using namespace iocscan;
using detail::Candidate;
using detail::RuleRunner;

std::unique_ptr<RuleRunner> new_runner() {
    static const std::vector<const detail::RuleSpec*> rules = [] {
        std::vector<const detail::RuleSpec*> all;
        for (const auto& spec : detail::builtin_rules()) {
            if (spec.id != detail::kRuleCustom) all.push_back(&spec);
        }
        return all;
    }();
    return std::make_unique<RuleRunner>(rules, TypeSet::all(), nullptr);
}

void take_found(RuleRunner& runner, std::vector<Candidate>& into, std::uint64_t& dropped) {
    for (std::size_t i = 0; i < runner.rule_count(); ++i) {
        into.insert(into.end(), runner.found(i).begin(), runner.found(i).end());
        runner.found(i).clear();
        dropped += std::exchange(runner.dropped(i), 0);
    }
}

using Key = std::tuple<std::uint64_t, std::uint64_t, Type, RuleId>;

std::vector<Key> sorted(const std::vector<Candidate>& found) {
    std::vector<Key> keys;
    for (const auto& c : found) keys.emplace_back(c.offset, c.length, c.type, c.rule);
    std::sort(keys.begin(), keys.end());
    return keys;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4) return 0;
    // First three bytes: where up to three segments start (fractions of the text).
    const auto* text = data + 3;
    const std::size_t length = size - 3;
    std::vector<std::size_t> edges;
    for (std::size_t k = 0; k < 3; ++k) edges.push_back(data[k] * length / 256);
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    edges.push_back(length);

    // A segment is scanned where it lies: its runner writes a sentinel into
    // the bytes and puts it back, so it gets a copy it may write.
    std::vector<unsigned char> writable(text, text + length);
    detail::CandidateQueue queue;   // what catch-up queues
    std::vector<Candidate> found;
    std::uint64_t dropped = 0;
    auto truth = new_runner();
    truth->append(text, edges[0], 64);
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
        if (edges[k] == edges[k + 1]) continue;
        detail::SpeculativeSegment segment(new_runner());
        segment.scan(writable.data() + edges[k], edges[k + 1] - edges[k], edges[k]);
        detail::SegmentCatchUp::run(truth, segment, queue, dropped);
        if (truth->end_offset() != edges[k + 1]) std::abort();
    }
    truth->finish();
    found = queue.held();
    take_found(*truth, found, dropped);

    std::vector<Candidate> reference;
    std::uint64_t reference_dropped = 0;
    auto one_run = new_runner();
    one_run->append(text, length, 64);
    one_run->finish();
    take_found(*one_run, reference, reference_dropped);

    if (sorted(found) != sorted(reference) || dropped != reference_dropped) std::abort();
    return 0;
}
