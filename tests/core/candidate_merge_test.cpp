// CandidateQueue::merge_into(): the rules' candidate runs and catch-up's list,
// merged into queue order, must be exactly what sorting them all gives
// (the order every release and every output depends on).
#include "core/candidate_queue.hpp"

#include <gtest/gtest.h>

#include <random>
#include <tuple>

namespace iocscan::test {
namespace {

using detail::Candidate;
using detail::CandidateQueue;

auto key(const Candidate& c) { return std::make_tuple(c.offset, c.type, ~c.length, c.rule); }

std::vector<Candidate> sorted_by_key(std::vector<Candidate> all) {
    std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) { return key(a) < key(b); });
    return all;
}

TEST(CandidateMerge, EqualsASortOfEverything) {
    std::mt19937 rng(11);
    const Type types[] = {Type::url, Type::ipv4, Type::email, Type::md5};
    std::vector<CandidateQueue::Run> runs;
    std::vector<Candidate> scratch;
    for (int round = 0; round < 500; ++round) {
        const std::size_t rules = rng() % 8;
        std::vector<std::vector<Candidate>> found(rules);
        std::vector<Candidate> caught_up, everything;
        // Half the rounds: every new candidate after catch-up's list (merged
        // onto its end); the others interleave with it.
        const std::uint64_t after = rng() % 2 == 0 ? 40 : 0;
        const auto random_candidate = [&](RuleId rule) {
            // Small ranges: many candidates share an offset, a type, a length.
            const std::uint64_t from = rule == RuleId{9} ? 0 : after;
            return Candidate{from + rng() % 40, std::uint64_t{1 + rng() % 6}, types[rng() % 4], rule};
        };
        for (std::size_t r = 0; r < rules; ++r) {
            for (std::size_t n = rng() % 12; n > 0; --n) found[r].push_back(random_candidate(static_cast<RuleId>(r)));
            // Most rules hand over their candidates in order; one in four does not.
            if (rng() % 4 != 0) found[r] = sorted_by_key(found[r]);
            everything.insert(everything.end(), found[r].begin(), found[r].end());
        }
        // Catch-up's list, in queue order (merge_into()'s own result): the
        // candidates before every new one stay where they are.
        for (std::size_t n = rng() % 10; n > 0; --n) caught_up.push_back(random_candidate(RuleId{9}));
        caught_up = sorted_by_key(caught_up);
        everything.insert(everything.end(), caught_up.begin(), caught_up.end());
        runs.clear();
        for (auto& list : found) {
            // A rule's list in two runs, as catch-up hands them over.
            const std::size_t cut = list.empty() ? 0 : rng() % list.size();
            runs.push_back({list.data(), list.data() + cut});
            runs.push_back({list.data() + cut, list.data() + list.size()});
        }
        CandidateQueue::merge_into(caught_up, runs, scratch);
        const std::vector<Candidate> expected = sorted_by_key(everything);
        ASSERT_EQ(caught_up.size(), expected.size()) << "round " << round;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            ASSERT_EQ(key(caught_up[i]), key(expected[i])) << "round " << round << ", candidate " << i;
        }
    }
}

}  // namespace
}  // namespace iocscan::test
