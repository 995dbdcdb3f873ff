// --custom-regex: checking patterns, matching per line across chunk edges,
// hostile patterns, and the command line.
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <random>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

Options custom_options(const std::string& pattern_file) {
    Options options = options_for({Type::custom});
    options.custom_patterns = parse_custom_patterns(pattern_file);
    return options;
}

struct Custom {
    V values;
    std::vector<std::string> rules;   ///< rule_label of each match's first rule
};

Custom run_custom(const std::string& patterns, const std::string& text, std::size_t piece = 0,
                  std::uint64_t* dropped = nullptr) {
    Custom out;
    Scanner scanner(custom_options(patterns));
    const auto collect = [&](const Match& m) {
        out.values.emplace_back(m.value);
        out.rules.push_back(rule_label(m.rules[0]));
        return true;
    };
    const std::size_t step = piece == 0 ? std::max<std::size_t>(text.size(), 1) : piece;
    for (std::size_t at = 0; at < text.size(); at += step) scanner.feed(std::string_view(text).substr(at, step), collect);
    scanner.finish(collect);
    if (dropped) *dropped = scanner.stats().dropped_overlong;
    return out;
}

TEST(Custom, ReadsOnePatternPerLine) {
    const auto patterns = parse_custom_patterns("a(b)\r\n\nc(d)\n");
    ASSERT_EQ(patterns.size(), 2u);
    EXPECT_EQ(patterns[0].regex, "a(b)");
    EXPECT_EQ(patterns[0].line, 1u);
    EXPECT_EQ(patterns[1].regex, "c(d)");
    EXPECT_EQ(patterns[1].line, 3u);
}

TEST(Custom, GoodPatternsReportTheirGroupWithTheirLine) {
    const auto found = run_custom("user=(\\w+)\n\nticket #(\\d+)\n", "user=alice opened ticket #42, user=bob\n");
    EXPECT_EQ(found.values, (V{"alice", "42", "bob"}));
    EXPECT_EQ(found.rules, (V{"custom:1", "custom:3", "custom:1"}));
}

TEST(Custom, BadPatternsAreReportedWithTheirLines) {
    const auto errors = check_custom_patterns(parse_custom_patterns("ok(x)\n(unclosed\nno group\n(a)(b)\n"));
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].line, 2u);
    EXPECT_NE(errors[0].message.find("missing )"), std::string::npos) << errors[0].message;
    EXPECT_EQ(errors[1].line, 3u);
    EXPECT_NE(errors[1].message.find("has 0"), std::string::npos) << errors[1].message;
    EXPECT_EQ(errors[2].line, 4u);
    EXPECT_NE(errors[2].message.find("has 2"), std::string::npos) << errors[2].message;
    EXPECT_THROW(Scanner(custom_options("(a)(b)")), std::invalid_argument);
}

TEST(Custom, MatchAcrossChunkEdgesIsFound) {
    const std::string text = "first line\nkey: ABCDEFGHIJKLMNOP-1234 end\nlast key: Z-9";
    const auto reference = run_custom("key: ([A-Z]+-\\d+)", text);
    ASSERT_EQ(reference.values, (V{"ABCDEFGHIJKLMNOP-1234", "Z-9"}));
    for (std::size_t piece = 1; piece <= 17; ++piece) {
        EXPECT_EQ(run_custom("key: ([A-Z]+-\\d+)", text, piece).values, reference.values) << piece;
    }
}

TEST(Custom, RandomTextGivesTheSameResultAtAnyPieceSize) {
    const std::vector<std::string> pieces = {"id=", "7", "42", "\n", "\r\n", " ", "x", "key: ", "AB-", "9"};
    const std::string patterns = "id=(\\d+)\nkey: ([A-Z]+-\\d+)\n^(x+)$\n";
    std::mt19937 rng(7);
    std::string text;
    while (text.size() < 50000) text += pieces[rng() % pieces.size()];
    const auto reference = run_custom(patterns, text);
    ASSERT_GT(reference.values.size(), 100u);
    for (std::size_t piece : {1, 2, 3, 7, 64, 4096}) {
        const auto found = run_custom(patterns, text, piece);
        EXPECT_EQ(found.values, reference.values) << piece;
        EXPECT_EQ(found.rules, reference.rules) << piece;
    }
}

TEST(Custom, AnchorsWorkPerLine) {
    EXPECT_EQ(run_custom("^(\\w+)$", "alpha\r\nbeta gamma\ndelta").values, (V{"alpha", "delta"}));
}

TEST(Custom, HostilePatternRunsInLinearTime) {
    // A backtracking engine takes 2^n steps for (a+)+$ on a^n b; RE2 does not.
    const std::string line = std::string(5000, 'a') + "b\n" + std::string(40, 'a') + "\n";
    EXPECT_EQ(run_custom("(a+)+$", line).values, V{std::string(40, 'a')});
    const std::string many = std::string(30, 'a') + "b\n";
    std::string text;
    for (int i = 0; i < 2000; ++i) text += many;
    EXPECT_EQ(run_custom("(a+)+$", text).values, V{});
}

TEST(Custom, OverLongLinesAreDroppedAndCounted) {
    const std::string text = "id=1\n" + std::string(kMaxCustomLine + 1, 'x') + " id=2\nid=3\n";
    for (std::size_t piece : {0, 4096, 100000}) {
        std::uint64_t dropped = 0;
        EXPECT_EQ(run_custom("id=(\\d)", text, piece, &dropped).values, (V{"1", "3"})) << piece;
        EXPECT_EQ(dropped, 1u) << piece;
    }
    // A line of exactly the maximum is matched.
    const std::string fits = std::string(kMaxCustomLine - 4, 'x') + "id=7\n";
    EXPECT_EQ(run_custom("id=(\\d)", fits, 1000).values, V{"7"});
}

TEST(Custom, CommandLine) {
    TempFile patterns("user=(\\w+)\nhost=([a-z.]+)\n", "patterns.txt");
    const auto r = run_iocscan({"--jsonl", "--custom-regex", patterns.path(), "-"}, "user=carol host=db.local\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(R"("type":"custom","value":"carol")"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(R"("rules":["custom:2"])"), std::string::npos) << r.out;
    const auto json = run_iocscan({"--json", "--custom-regex", patterns.path()}, "user=dave\n");
    EXPECT_EQ(json.out, "{\"custom_regex\":[\"dave\"]}\n");
}

TEST(Custom, CommandLineStopsOnABadPatternBeforeReading) {
    TempFile patterns("ok=(\\d+)\n(a)(b)\n[z-a](x)\n", "bad.txt");
    const auto r = run_iocscan({"--custom-regex", patterns.path(), "/nonexistent/input"}, "");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("iocscan: " + patterns.path() + ":2: a pattern needs exactly one capture group"),
              std::string::npos) << r.err;
    EXPECT_NE(r.err.find("iocscan: " + patterns.path() + ":3: "), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("nonexistent"), std::string::npos) << "input must not be opened: " << r.err;
    const auto missing = run_iocscan({"--custom-regex", "/nonexistent/patterns.txt"}, "");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("iocscan: /nonexistent/patterns.txt: No such file"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace iocscan::test
