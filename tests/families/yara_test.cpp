// YARA rules beyond the contract's table: several rules in one file, braces
// inside strings, regexes, hex strings and comments, chunk edges, limits.
#include "linear_time.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <random>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

std::vector<std::string> rules(const std::string& text, std::size_t piece = 0) {
    return values_found(Type::yara, text, false, piece);
}

const std::string kFirst =
    "// first rule: the comment belongs to it\n"
    "import \"pe\"\n"
    "rule first : tag_a tag_b {\n"
    "  meta:\n"
    "    note = \"a } in a string, and an escaped \\\" quote }\"\n"
    "  strings:\n"
    "    $hex = { 4D 5A [2-4] ( 90 | 91 ) }\n"
    "    $re = /ab\\/c}{2}/i\n"
    "  condition:\n"
    "    $hex and $re and filesize / 2 > 10 // a } in a comment\n"
    "}";
const std::string kSecond =
    "private global rule second {\n"
    "  /* a block comment with } and { and \" */\n"
    "  condition: uint16(0) == 0x5A4D and pe.imphash() matches /[{}]x/\n"
    "}";
const std::string kThird = "rule third{condition:true}";

TEST(Yara, ThreeRulesInOneFile) {
    const std::string file =
        "Some report text with { braces } first.\n\n" + kFirst + "\n\n" + kSecond + "\n" + kThird + "\nbye\n";
    EXPECT_EQ(rules(file), (V{kFirst, kSecond, kThird}));
}

TEST(Yara, RuleStraddlingChunkEdges) {
    const std::string file = "x\n" + kFirst + "\n" + kSecond + "\n";
    for (std::size_t piece : {1, 2, 3, 5, 7, 11, 64, 100}) {
        EXPECT_EQ(rules(file, piece), (V{kFirst, kSecond})) << "piece size " << piece;
    }
}

TEST(Yara, RandomFragmentsGiveTheSameResultAtAnyPieceSize) {
    // Text built from the pieces the state machine reacts to, so rules open,
    // nest, break and close at every possible place relative to chunk edges.
    const std::vector<std::string> pieces = {
        "rule r", "rule ", " x ", " : t ", "{", "}", " { ", "condition", ":", "\"", "\\", "/",
        "=", "matches", "/*", "*/", "//", "\n", " ", "import \"pe\"", "private ", "include \"a\"",
        "\nrule ok { condition: true }\n", "$a", "\x7f", "\xff", "<pre>", "</code>", ">//", ">",
    };
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        std::mt19937 rng(seed);
        std::string text;
        while (text.size() < 20000) text += pieces[rng() % pieces.size()];
        const auto reference = scan_pieces(text, options_for({Type::yara}));
        ASSERT_FALSE(reference.empty()) << "seed " << seed;
        for (std::size_t piece : {1, 2, 3, 7, 64, 4096}) {
            ASSERT_TRUE(scan_pieces(text, options_for({Type::yara}), piece) == reference)
                << "seed " << seed << " piece " << piece;
        }
    }
}

TEST(Yara, NeedsAHeadABodyAndACondition) {
    EXPECT_EQ(rules("a rule of thumb { is not yara }"), V{});
    EXPECT_EQ(rules("rule no_condition { strings: $a = \"x\" }"), V{});
    EXPECT_EQ(rules("rule in_comment { /* condition: */ }"), V{});
    EXPECT_EQ(rules("rule in_string { strings: $a = \"condition:\" }"), V{});
    EXPECT_EQ(rules("the ruler x { condition: y }  x.rule r { condition: y }"), V{});
    EXPECT_EQ(rules("rule unclosed { condition: true"), V{});
}

TEST(Yara, RuleRightAfterAnHtmlTagIsFound) {
    // A web page's source: the rule starts right after "<pre>" or "<code>"
    // and its brace is followed by "</code>" (before: no rule).
    const std::string rule = "rule evil_a {\n  strings:\n    $a = \"xyz\"\n  condition:\n    $a\n}";
    EXPECT_EQ(rules("<pre><code>" + rule + "</code></pre>\n<p>x</p><code>rule b { condition: true }</code>"),
              (V{rule, "rule b { condition: true }"}));
    EXPECT_EQ(rules("<pre>import \"pe\"\n" + rule), V{"import \"pe\"\n" + rule});
    // Glued to a word or other punctuation it is still no rule.
    EXPECT_EQ(rules("a)rule b { condition: true } x.rule c { condition: true } <b>rulebook x { condition: y }</b>"),
              V{});
}

TEST(Yara, PreludeBelongsToTheFirstRuleAfterIt) {
    const std::string rule = "rule r { condition: true }";
    EXPECT_EQ(rules("include \"common.yar\"\n/* c */\n" + rule), V{"include \"common.yar\"\n/* c */\n" + rule});
    // Text between the prelude and the rule ends the prelude.
    EXPECT_EQ(rules("import \"pe\"\nsome words\n" + rule), V{rule});
    EXPECT_EQ(rules("see http://example.org // note\n" + rule), V{rule});
}

TEST(Yara, OverLongRuleIsDroppedAndCounted) {
    const std::string big = "rule big { strings: $a = \"" + std::string(1u << 20, 'x') + "\" condition: $a }";
    const std::string small = "rule small { condition: true }";
    Scanner scanner(options_for({Type::yara}));
    V found;
    const auto collect = [&](const Match& m) {
        found.emplace_back(m.value);
        return true;
    };
    const std::string text = big + "\n" + small;
    for (std::size_t at = 0; at < text.size(); at += 4096) scanner.feed(std::string_view(text).substr(at, 4096), collect);
    scanner.finish(collect);
    EXPECT_EQ(found, V{small});
    EXPECT_EQ(scanner.stats().dropped_overlong, 1u);
    // The same with one piece: the limit does not depend on chunk edges.
    EXPECT_EQ(rules(text), V{small});
}

TEST(Yara, UnclosedBodyDoesNotHideLaterRulesForever) {
    const std::string later = "rule later { condition: true }";
    const std::string text = "rule open { condition: x\n" + std::string((1u << 20) + 10, ' ') + "\n" + later;
    for (std::size_t piece : {0, 4096, 100003}) EXPECT_EQ(rules(text, piece), V{later}) << piece;
    // Words and strings in the open body: the cut falls at the same token.
    std::string words = "rule open { condition: x\n";
    while (words.size() < (1u << 20) + 100) words += "word \"s}\" /* c */ ";
    words += "rule inner { condition: true }\n" + later;
    const auto reference = rules(words);
    for (std::size_t piece : {4096, 100003}) EXPECT_EQ(rules(words, piece), reference) << piece;
}

TEST(Yara, CommandLine) {
    TempFile file("notes\n" + kSecond + "\n" + kThird + "\n", "rules.yar");
    const auto r = run_iocscan({"--extract-yara-rules", "--json", "--chunk-size", "3", file.path()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"yara_rules\":[\"private global rule second {\\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"rule third{condition:true}\"]"), std::string::npos) << r.out;
}

TEST(Yara, HostileInputScansInLinearTime) {
    const Options options = options_for({Type::yara});
    const std::size_t size = 2u << 20;
    const std::string open_body = "\nrule x { condition: ";
    expect_linear_time(options, {
        repeated("rule ", size),
        repeated("{", size),
        repeated("rule x { ", size),
        repeated("/*", size),
        open_body + repeated("\"\\\"", size),
        open_body + repeated("= /\\/", size),
        repeated("import \"a\n", size),
        repeated("rule x : a b c d e f ", size),
        repeated("// c\n", size),
    });
}

}  // namespace
}  // namespace iocscan::test
