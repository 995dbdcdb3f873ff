// E-mail beyond the contract's table: every defang style on its own, words
// that must not become an "@", boundaries, hostile runs.
#include "linear_time.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

std::vector<std::string> emails(const std::string& text, bool refang = true, std::size_t piece = 0) {
    return values_found(Type::email, text, refang, piece);
}

TEST(Email, EachDefangStyleOnItsOwn) {
    const char* const styles[] = {
        "ops@example.org",       "ops[@]example.org",     "ops(@)example.org",
        "ops{@}example.org",     "ops at example dot org",    "ops[at]example.org",
        "ops(at)example.org",    "ops{at}example.org",    "ops [at] example.org",
        "ops [ at ] example.org", "ops@example[.]org",    "ops@example(.)org",
        "ops@example{.}org",     "ops@example[dot]org",   "ops@example(dot)org",
        "ops@example dot org",   "ops@example [.] org",   "ops AT example DOT org",
        "OPS[AT]EXAMPLE[DOT]ORG", "Ops(At)Example(Dot)Org",
    };
    for (const char* style : styles) {
        EXPECT_EQ(emails(std::string("mail ") + style + " now"), V{"ops@example.org"}) << style;
    }
}

TEST(Email, RawKeepsTheTextAsWritten) {
    EXPECT_EQ(emails("to: ops[at]example[.]org.", false), V{"ops[at]example[.]org"});
    const auto found = scan_pieces("x ops[at]example[.]org", options_for({Type::email}, true));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].offset, 2u);
    EXPECT_TRUE(found[0].defanged);
    EXPECT_EQ(found[0].rules, V{"email"});
}

TEST(Email, WordsContainingAtOrDotNeverMakeAnAddress) {
    EXPECT_EQ(emails("Atlas.com ycombinator.com Kathmandu.np news.ycombinator.com Dotty.org"), V{});
    EXPECT_EQ(emails("opsat example.org ops atexample.org opsAT example.org ops at.example.org"), V{});
    EXPECT_EQ(emails("look at this; meet at 10.30 or at home."), V{});
}

TEST(Email, TheWordBeforeIsNotGlued) {
    EXPECT_EQ(emails("write to ops.team@example.org today", false), V{"ops.team@example.org"});
    EXPECT_EQ(emails("Contact Alice at example dot org"), V{"alice@example.org"});
}

TEST(Email, DomainMustLookLikeAHostName) {
    EXPECT_EQ(emails("root@localhost a@b.c x@example.123 y@-bad.com z@bad-.com w@ex_ample.com"), V{});
    EXPECT_EQ(emails("a@b.co c@d-e.example.museum"), (V{"a@b.co", "c@d-e.example.museum"}));
}

TEST(Email, FileNamesWithAnAtSignAreNoAddresses) {
    // Retina image names and other files: the last label is a file
    // extension, not a top-level domain.
    EXPECT_EQ(emails("<img src=\"img/logo@2x.png\"> icon@3X.PNG bg@1x.jpg app@2x.js build@prod.json"), V{});
    // A real top-level domain stays, also one that is a file extension too.
    EXPECT_EQ(emails("ops@example.com ops@files.zip ops@example.mov ops@pngs.org"),
              (V{"ops@example.com", "ops@files.zip", "ops@example.mov", "ops@pngs.org"}));
}

TEST(Email, LocalPartGluedToANonAsciiLetterIsNoAddress) {
    // "jöhn@evil.com": the run after "ö" is a word's tail, "hn@evil.com" no address.
    const std::string glued = "jöhn@evil.com Ørsted.ivan@evil.com xΣops@evil.com Жops@evil.com";
    // After a no-break space, a guillemet, a CJK character or "×" the address stays.
    const std::string kept = "\xC2\xA0ops@evil.com «ops@evil.org» 联系admin@evil.net 2×ops@evil.io";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(emails(glued, true, piece), V{}) << piece;
        EXPECT_EQ(emails(kept, true, piece), (V{"ops@evil.com", "ops@evil.org", "admin@evil.net", "ops@evil.io"})) << piece;
    }
}

TEST(Email, BoundariesAndLists) {
    EXPECT_EQ(emails("<a@x.com>, \"b@y.org\"; (c+tag@z.net)."), (V{"a@x.com", "b@y.org", "c+tag@z.net"}));
    EXPECT_EQ(emails("a@x.com,b@y.org"), (V{"a@x.com", "b@y.org"}));
    // A domain is not reused as the next local part.
    EXPECT_EQ(emails("a@x.com@y.org"), V{"a@x.com"});
}

TEST(Email, AnyPieceSizeGivesTheSameResult) {
    const std::string text =
        "a ops[.]team[@]example(.)org b Alice at example dot org c JOHN.DOE{@}EXAMPLE{.}COM d";
    const auto reference = emails(text);
    ASSERT_EQ(reference.size(), 3u);
    for (std::size_t piece = 1; piece <= 13; ++piece) EXPECT_EQ(emails(text, true, piece), reference);
}

TEST(Email, CommandLine) {
    const auto r = run_iocscan({"--extract-emails", "--refang"}, "x OPS[at]Example[.]org 1.2.3.4\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "ops@example.org\n");
    const auto json = run_iocscan({"--json", "--types", "email"}, "a@b.org\n");
    EXPECT_EQ(json.out, "{\"emails\":[\"a@b.org\"]}\n");
}

TEST(Email, HostileRunsScanInLinearTime) {
    const Options options = options_for({Type::email});
    const std::size_t size = 2u << 20;
    expect_linear_time(options, {
        repeated("@", size),          repeated("a.", size),     repeated(" at", size),
        repeated("a [.] ", size),     repeated("a@", size),     repeated("a [", size),
        repeated("x at y dot ", size), repeated("a{.", size),
    });
    // An over-long run reports nothing and does not hide what follows.
    EXPECT_EQ(emails(repeated("a.", 100000) + " ops@example.org"), V{"ops@example.org"});
}

}  // namespace
}  // namespace iocscan::test
