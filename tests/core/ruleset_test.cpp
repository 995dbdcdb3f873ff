// Ruleset: one compiled set of options shared by many Scanners on many
// threads gives each exactly what a Scanner made from the Options gives.
#include "support/mixed_text.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

namespace iocscan::test {
namespace {

Options custom_and_all() {
    Options options;
    options.types = TypeSet::all();
    options.refang = true;
    options.custom_patterns = {{"key=([a-z]+)", 1}, {"(evil)", 2}};
    return options;
}

std::vector<Found> scan_with(Scanner& scanner, const std::string& text) {
    std::vector<Found> found;
    const auto collect = collector(found);
    scanner.feed(text, collect);
    scanner.finish(collect);
    return found;
}

TEST(Ruleset, SharedByThreadsGivesWhatOptionsGive) {
    const std::string text = mixed_text(1 << 18, 5) + "\nkey=abc evil\n";
    const auto reference = scan_pieces(text, custom_and_all());
    ASSERT_GT(reference.size(), 100u);
    const Ruleset rules(custom_and_all());
    std::vector<std::vector<Found>> results(4);
    std::vector<std::thread> threads;
    for (auto& result : results) {
        threads.emplace_back([&rules, &text, &result] {
            Scanner scanner(rules);
            result = scan_with(scanner, text);
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& result : results) EXPECT_EQ(result, reference);
}

TEST(Ruleset, ScannerKeepsItAliveAndResetStartsOver) {
    const std::string text = "see hxxp://evil[.]example/x and key=abc\n";
    auto scanner = [&] {
        const Ruleset rules(custom_and_all());
        return std::make_unique<Scanner>(rules);
    }();
    const auto first = scan_with(*scanner, text);
    scanner->reset();
    EXPECT_EQ(scan_with(*scanner, text), first);
    EXPECT_EQ(values_of(first, Type::url), std::vector<std::string>{"http://evil.example/x"});
    EXPECT_EQ(values_of(first, Type::custom), (std::vector<std::string>{"evil", "abc"}));
}

TEST(Ruleset, RejectsBadPatternsWhenMade) {
    Options options = custom_and_all();
    options.custom_patterns = {{"(a", 3}};
    EXPECT_THROW(Ruleset{options}, std::invalid_argument);
    options.custom_patterns = {{"no group", 1}};
    EXPECT_THROW(Ruleset{options}, std::invalid_argument);
}

TEST(Ruleset, KeepsItsOptions) {
    const Ruleset rules(custom_and_all());
    EXPECT_TRUE(rules.options().refang);
    EXPECT_EQ(rules.options().custom_patterns.size(), 2u);
}

}  // namespace
}  // namespace iocscan::test
