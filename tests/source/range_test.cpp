// Byte-range scans (scan_range, iocscan --range): for any split points, the
// ranges' matches put end to end are the whole-file scan's, byte for byte.
#include "source/file_read.hpp"
#include "families/yara/yara_sync.hpp"
#include "support/case_table.hpp"
#include "support/mixed_text.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace iocscan::test {
namespace {

/// Every family, values refanged: the most work the post-pass does.
Options all_types(unsigned threads = 1) {
    Options options;
    options.types = TypeSet::all();
    options.refang = true;
    options.threads = threads;
    return options;
}

/// Base64 of `bytes`, wrapped at 76 characters as in a mail body.
std::string base64_wrapped(const std::string& bytes) {
    static const char* const kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t line = 0;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
        for (std::size_t k = 0; k < 4; ++k) {
            out += i + k <= bytes.size() ? kAlphabet[(group >> (18 - 6 * k)) & 63] : '=';
            if (++line == 76) {
                out += '\n';
                line = 0;
            }
        }
    }
    return out + "\n";
}

/// Mixed text with the long tokens a split point can fall into: YARA rules
/// with braces in strings and comments, base64 blobs over many lines, long
/// and encoded URLs, and tokens over their family's maximum (a URL over
/// 64 KiB with a URL inside, a YARA rule over 1 MiB with a rule inside).
std::string long_token_text(std::size_t size, std::uint32_t seed) {
    std::string text;
    for (std::uint32_t block = 0; text.size() < size; ++block) {
        text += mixed_text(2000, seed + block);
        switch (block % 8) {
        case 0:
            text += "\nimport \"pe\"\nrule r" + std::to_string(block) + " : tag {\n strings: $a = \"}{" +
                    std::string(3000, 'y') + "\" /* } */ $b = /x{2}\\}/\n condition: $a and $b }\n";
            break;
        case 1:
            text += "\n" + base64_wrapped("see http://blob" + std::to_string(block) + ".example/p?q=" +
                                          std::string(1500, 'b') + " and https://second.example/z\n");
            break;
        case 2: text += " hxxp://long[.]example/" + std::string(5000, 'p') + "?u=http://in.example/ "; break;
        case 3: text += " 687474703a2f2f6865782e6578616d706c652f78 http%3A%2F%2Fpct.example%2Fy "; break;
        case 4: text += " ops[.]team[@]example(.)org 10[.]1[.]2[.]3/24 fe80::1 " + std::string(64, 'a') + " "; break;
        case 5:
            if (block % 40 == 5) text += " http://over.example/" + std::string(70 * 1024, 'o') + "?http://in2.example/ ";
            break;
        case 6:
            if (block % 400 == 6) {
                text += "\nrule huge { strings: $a = \"" + std::string(1100 * 1024, 'h') +
                        " rule inner { condition: true } \" condition: $a }\n";
            }
            break;
        default: text += " call 212-555-0187 at evil-cdn[.]com\n"; break;
        }
    }
    return text;
}

/// The contract's worked examples, one per line.
std::string contract_cases_text() {
    std::string text;
    for (const CaseRow& row : load_cases(cases_path())) text += row.input + "\n";
    return text;
}

class RangeScan {
public:
    RangeScan(const std::string& text, const Options& options) : file_(text), scanner_(options) {
        fd_ = ::open(file_.path().c_str(), O_RDONLY | O_CLOEXEC);
    }
    ~RangeScan() { ::close(fd_); }
    RangeScan(const RangeScan&) = delete;
    RangeScan& operator=(const RangeScan&) = delete;

    std::vector<Found> range(std::uint64_t begin, std::uint64_t end) {
        std::vector<Found> found;
        std::string error;
        const ScanEnd result = scan_range(fd_, {begin, end}, scanner_, {}, collector(found), error);
        EXPECT_EQ(result, ScanEnd::completed) << error;
        return found;
    }

    /// The ranges between `points` (and 0 and the end), put end to end.
    std::vector<Found> split(std::vector<std::uint64_t> points, std::uint64_t size) {
        std::sort(points.begin(), points.end());
        points.insert(points.begin(), 0);
        points.push_back(size);
        std::vector<Found> found;
        for (std::size_t i = 0; i + 1 < points.size(); ++i) {
            auto part = range(points[i], points[i + 1]);
            found.insert(found.end(), part.begin(), part.end());
        }
        return found;
    }

private:
    TempFile file_;
    Scanner scanner_;
    int fd_ = -1;
};

/// The first difference, for a failure message.
std::string first_difference(const std::vector<Found>& want, const std::vector<Found>& got) {
    std::size_t i = 0;
    while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
    const auto at = [](const std::vector<Found>& v, std::size_t k) {
        return k < v.size() ? describe({v[k]}) : std::string("(none)");
    };
    return "record " + std::to_string(i) + ": want " + at(want, i) + " got " + at(got, i);
}

TEST(Range, ContractCasesSplitAtEveryByte) {
    const std::string text = contract_cases_text();
    const auto whole = scan_pieces(text, all_types());
    ASSERT_GT(whole.size(), 50u);
    RangeScan scan(text, all_types());
    EXPECT_EQ(scan.range(0, text.size()), whole);
    for (std::uint64_t point = 1; point < text.size(); ++point) {
        const auto got = scan.split({point}, text.size());
        ASSERT_EQ(got, whole) << "split at " << point << ": " << first_difference(whole, got);
    }
}

TEST(Range, ContractCasesRandomSplits) {
    const std::string text = contract_cases_text();
    const auto whole = scan_pieces(text, all_types());
    RangeScan scan(text, all_types());
    std::mt19937 random(19);
    for (int round = 0; round < 200; ++round) {
        std::vector<std::uint64_t> points(1 + random() % 12);
        for (auto& point : points) point = random() % (text.size() + 1);
        const auto got = scan.split(points, text.size());
        ASSERT_EQ(got, whole) << "round " << round << ": " << first_difference(whole, got);
    }
}

/// Points where a split is hardest: one byte before, at, after and inside
/// the first matches of each kind (a range costs a lookback of 1 MiB, so
/// not all of them): YARA rules, base64 blobs, long URLs and short ones.
std::vector<std::uint64_t> adversarial_points(const std::vector<Found>& whole) {
    std::vector<std::uint64_t> points;
    std::map<std::string, int> taken;
    for (const Found& f : whole) {
        const std::string kind = std::string(type_name(f.type)) + f.encoding + (f.raw.size() > 200 ? "long" : "");
        if (++taken[kind] > 2) continue;
        const std::uint64_t at = f.offset, length = f.raw.size();
        for (const std::uint64_t p : {at - std::min<std::uint64_t>(at, 1), at, at + 1, at + length / 2, at + length - 1,
                                      at + length, at + length + 1}) {
            points.push_back(p);
        }
    }
    return points;
}

TEST(Range, LongTokensSplitAtAdversarialPoints) {
    const std::string text = long_token_text(3u << 20, 7);
    const auto whole = scan_pieces(text, all_types());
    const auto count = [&](Type type) {
        return std::count_if(whole.begin(), whole.end(), [&](const Found& f) { return f.type == type; });
    };
    ASSERT_GT(count(Type::yara), 40);
    ASSERT_GT(std::count_if(whole.begin(), whole.end(), [](const Found& f) { return f.encoding == "base64"; }), 40);
    RangeScan scan(text, all_types());
    const auto points = adversarial_points(whole);
    ASSERT_GT(points.size(), 100u);
    // Each point once as the edge between two ranges, in groups of 16.
    for (std::size_t i = 0; i < points.size(); i += 16) {
        std::vector<std::uint64_t> group;
        for (std::size_t k = i; k < std::min(points.size(), i + 16); ++k) group.push_back(std::min<std::uint64_t>(points[k], text.size()));
        const auto got = scan.split(group, text.size());
        ASSERT_EQ(got, whole) << "points from " << group.front() << ": " << first_difference(whole, got);
    }
}

TEST(Range, LongTokensRandomSplitsWithThreads) {
    const std::string text = long_token_text(2u << 20, 11);
    const auto whole = scan_pieces(text, all_types());
    RangeScan scan(text, all_types(2));
    std::mt19937 random(5);
    for (int round = 0; round < 6; ++round) {
        std::vector<std::uint64_t> points(1 + random() % 6);
        for (auto& point : points) point = random() % (text.size() + 1);
        const auto got = scan.split(points, text.size());
        ASSERT_EQ(got, whole) << "round " << round << ": " << first_difference(whole, got);
    }
}

TEST(Range, SixtyFourMegabyteFileInRandomRanges) {
    // 64 MiB: the blocks repeat, each in its own place, so offsets differ.
    std::string block = long_token_text(4u << 20, 3);
    std::string text;
    text.reserve(64u << 20);
    while (text.size() + block.size() <= (64u << 20)) text += block;
    Options options;   // the CLI's default families
    const auto whole = scan_pieces(text, options);
    RangeScan scan(text, options);
    std::mt19937 random(64);
    std::vector<std::uint64_t> points(7);
    for (auto& point : points) point = random() % text.size();
    const auto got = scan.split(points, text.size());
    ASSERT_EQ(got.size(), whole.size());
    EXPECT_EQ(got, whole) << first_difference(whole, got);
}

TEST(Range, UrlOnlyScanLooksBackPastAnOverlongUrl) {
    // 200 KB of URL: over-long (dropped), and the URL inside it is no token
    // of its own in the whole-file scan. The lookback (at least 1 MiB, more
    // than url:plain's 64 KiB) starts before it.
    const std::string text = "intro http://a.example/" + std::string(200000, 'x') + "?u=http://b.example/x tail\n";
    Options options;
    options.types = TypeSet().add(Type::url);
    options.url_encoded = false;
    const auto whole = scan_pieces(text, options);
    RangeScan scan(text, options);
    for (const std::uint64_t point : {100000u, 150000u, 200020u, 200030u}) {
        EXPECT_EQ(scan.split({point}, text.size()), whole) << point;
    }
}

/// Splits `text` in two at each of `points` and compares the two ranges'
/// matches with the whole-file scan's.
void expect_exact_at(const std::string& text, const Options& options, const std::vector<std::uint64_t>& points) {
    const auto whole = scan_pieces(text, options);
    RangeScan scan(text, options);
    for (const std::uint64_t point : points) {
        const auto got = scan.split({point}, text.size());
        EXPECT_EQ(got, whole) << "split at " << point << ": " << first_difference(whole, got);
    }
}

/// One byte before, at and after `at`.
std::vector<std::uint64_t> around(std::uint64_t at) { return {at - 1, at, at + 1}; }

// A token longer than the lookback (1 MiB and a little) crosses the range's
// start, and holds a token of the same rule past it. The whole-file scan
// drops the long token and never sees the inner one; a range scan that
// starts inside the long token must not report it either.

TEST(Range, UrlLongerThanTheLookbackHidesTheUrlInside) {
    const std::string head = "intro http://a.example/";
    const std::string text = head + std::string(1500 * 1024, 'x') + "?u=http://b.example/x tail http://c.example/\n";
    const std::uint64_t inner = text.find("http://b.");
    auto points = around(inner);
    for (const std::uint64_t p : {inner - 3, inner + 21, inner + 22}) points.push_back(p);
    expect_exact_at(text, all_types(), points);
    expect_exact_at(text, all_types(2), around(inner));   // the threads' catch-up path
}

TEST(Range, HexRunLongerThanTheLookbackHidesTheUrlInside) {
    // "http://" in hex, then URL bytes ("AA" as 41 41) past every bound,
    // with the hex of a second URL near its end: one hex token.
    const std::string scheme = "687474703a2f2f";
    std::string run = scheme + "6578616d706c65";
    while (run.size() < (1300u << 10)) run += "4141";
    run += scheme + "696e2e6578616d706c652f78";
    const std::string text = "hex: " + run + " end\n";
    const std::uint64_t inner = text.rfind(scheme);
    expect_exact_at(text, all_types(), {inner - 1, inner, inner + 1, inner - 2, text.size() - 8});
}

TEST(Range, Base64BlobLongerThanTheLookbackHidesTheUrlInside) {
    // One blob over many lines, longer than base64's 1 MiB bound, whose
    // text ends with a second URL: the blob is dropped whole.
    std::string plain = "http://outer.example/";
    while (plain.size() < (1200u << 10)) plain += "filler-";
    plain += " then http://inner.example/path\n";
    const std::string blob = base64_wrapped(plain);
    const std::string text = "data:\n" + blob + "done\n";
    // The inner URL's spelling is among the blob's last lines.
    const std::uint64_t tail = 6 + blob.size() - 80;
    std::vector<std::uint64_t> points;
    for (std::uint64_t p = tail - 160; p < tail + 60; p += 19) points.push_back(p);
    expect_exact_at(text, all_types(), points);
}

TEST(Range, LongLineOfDomainLikeWordsSplitsExactly) {
    // 2 MiB in one line: the read-back for the URL rules goes to its start.
    std::string line = "start ";
    for (int i = 0; line.size() < (2u << 20); ++i) {
        line += "host-" + std::to_string(i) + ".example" + (i % 97 == 0 ? "/p?q=hxxp://x" + std::to_string(i) + "[.]org " : " ");
    }
    const std::string text = line + "\nnext http://after.example/\n";
    expect_exact_at(text, all_types(), {(1u << 20) + 5000, (3u << 19) + 1, line.size() - 10, line.size(), line.size() + 1});
}

// YARA: a rule longer than 1 MiB is dropped where its length passes 1 MiB,
// which depends on where it started; a scan started inside it may take a
// `rule` word in its text for a rule of its own, which then hides a real
// rule. The range scan must start where the whole-file scan is outside
// every rule (docs/scale-out.md, "YARA").

/// `count` bytes of rule-body lines: words only, nothing that opens or
/// closes anything (a comma in each, which ends any base64 run).
std::string body_lines(std::size_t count) {
    std::string lines;
    for (int i = 0; lines.size() < count; ++i) lines += "  some words, w" + std::to_string(i) + " and more\n";
    return lines;
}

Options yara_only() {
    Options options;
    options.types = TypeSet().add(Type::yara);
    return options;
}

/// Splits at one byte around each of `words`' first occurrences, and in
/// the middle between them.
std::vector<std::uint64_t> points_around(const std::string& text, std::initializer_list<std::string_view> words) {
    std::vector<std::uint64_t> points;
    std::uint64_t last = 0;
    for (const std::string_view word : words) {
        const std::uint64_t at = text.find(word);
        EXPECT_NE(at, std::string::npos) << word;
        for (const std::uint64_t p : around(at)) points.push_back(p);
        points.push_back(at + word.size());
        points.push_back((last + at) / 2);
        last = at;
    }
    points.push_back((last + text.size()) / 2);
    return points;
}

/// The whole-file scan finds `want` (the rules' first words), in order.
void expect_rules(const std::string& text, const std::vector<std::string>& want) {
    const auto found = values_of(scan_pieces(text, yara_only()), Type::yara);
    ASSERT_EQ(found.size(), want.size()) << describe(scan_pieces(text, yara_only()));
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(found[i].substr(0, want[i].size()), want[i]);
}

TEST(RangeYara, RuleOverTheLimitHidesNoRuleWhoseWordItHolds) {
    // a is dropped 1 MiB after its start, inside b's text, so c is found;
    // a scan started after a's start enters b, which would hide c.
    const std::string text = "intro\nrule a {\n" + body_lines(600 << 10) + " rule b {\n" + body_lines(600 << 10) +
                             " rule c { condition: true }\nafter\n";
    expect_rules(text, {"rule c"});
    const auto points = points_around(text, {"rule a", "rule b", "rule c"});
    expect_exact_at(text, yara_only(), points);
    // Every family, and the threads' catch-up path, at the hardest points.
    const std::uint64_t c = text.find("rule c");
    expect_exact_at(text, all_types(), {c - 1, c - (200u << 10)});
    expect_exact_at(text, all_types(2), {c - 1, c - (200u << 10)});
}

TEST(RangeYara, RuleWordInAStringOrGluedCommentOpensNothing) {
    for (const std::string inner : {"strings: $s = \" rule b { \"\n", "x/* rule b { */\n", "$r = / rule b { /\n"}) {
        const std::string text = "rule a {\n" + body_lines(600 << 10) + inner + body_lines(600 << 10) +
                                 " rule c { condition: true }\n";
        expect_rules(text, {"rule c"});
        auto points = points_around(text, {"rule a", "rule b", "rule c"});
        // Ranges whose 1 MiB lookback starts just before the inner word.
        const std::uint64_t b = text.find("rule b");
        for (const std::uint64_t p : {b + (1u << 20) - 1, b + (1u << 20) - 8}) points.push_back(p);
        expect_exact_at(text, yara_only(), points);
    }
}

TEST(RangeYara, RuleAfterAnHtmlTagOpensLikeOneAfterASpace) {
    // The sync's openers follow a ">" too (yara_keyword_lead.hpp): a is
    // dropped inside b's text, so c is found; a scan started after a's
    // start enters b after its "<code>", which would hide c.
    const std::string text = "intro\nrule a {\n" + body_lines(600 << 10) + "<code>rule b {\n" + body_lines(600 << 10) +
                             " rule c { condition: true }\n</code>rule d { condition: true }\n";
    expect_rules(text, {"rule c", "rule d"});
    const auto points = points_around(text, {"rule a", "rule b", "rule c", "rule d"});
    expect_exact_at(text, yara_only(), points);
}

TEST(RangeYara, ImportLinesCountInTheRulesLength) {
    // The imports start rule a: it is dropped 1 MiB after the first one,
    // before c; a scan that starts among them gives a more room.
    std::string imports;
    while (imports.size() < (300u << 10)) imports += "import \"pe\"\n";
    const std::string text = "intro\n" + imports + "rule a {\n" + body_lines(800 << 10) +
                             " rule c { condition: true }\n rule d { condition: true }\n";
    expect_rules(text, {"rule c", "rule d"});
    const std::uint64_t c = text.find("rule c");
    std::vector<std::uint64_t> points = points_around(text, {"import", "rule a", "rule c", "rule d"});
    for (const std::uint64_t p : {c - (100u << 10), c - (50u << 10), c - 1000}) points.push_back(p);
    expect_exact_at(text, yara_only(), points);
}

TEST(RangeYara, ChainOfRulesOverTheLimit) {
    // Each rule starts inside the one before and is dropped inside the one
    // after: which of them are open depends on the whole file's history.
    std::string text = "top\n";
    for (int i = 0; i < 6; ++i) text += "rule r" + std::to_string(i) + " {\n" + body_lines(450 << 10);
    text += " rule last { condition: true }\n";
    std::vector<std::uint64_t> points;
    for (std::uint64_t p = 500u << 10; p < text.size(); p += 97u << 10) points.push_back(p);
    points.push_back(text.find("rule last") - 1);
    points.push_back(text.find("rule last"));
    expect_exact_at(text, yara_only(), points);
}

TEST(RangeYara, WholeFileResultDoesNotDependOnPieceSize) {
    // Tokens over 1 MiB inside a rule: a word, a // comment line holding a
    // rule, a run of blank lines in the head, and after each a real rule.
    const std::string word = "rule a {\n x" + std::string(1100 << 10, 'w') + " rule b { condition: true }\n";
    const std::string comment = "rule a {\n // " + std::string(1100 << 10, 'c') + " rule b { condition: true }\n}\n";
    const std::string head = "rule a" + std::string(1100 << 10, '\n') + "x { condition: true }\n rule b { condition: true }\n";
    for (const std::string& text : {word, comment, head}) {
        const auto whole = scan_pieces(text, yara_only());
        for (const std::size_t piece : {4096u, 65536u, 300000u, 1u << 20}) {
            EXPECT_EQ(scan_pieces(text, yara_only(), piece), whole) << "piece " << piece << " in " << text.substr(0, 12);
        }
    }
}

TEST(Range, ReadsNoFurtherThanItNeeds) {
    const std::string text = long_token_text(8u << 20, 9);
    TempFile file(text);
    const int fd = ::open(file.path().c_str(), O_RDONLY | O_CLOEXEC);
    Scanner scanner(all_types());
    std::vector<Found> found;
    std::string error;
    const std::uint64_t begin = 4u << 20, end = begin + (64u << 10);
    ASSERT_EQ(scan_range(fd, {begin, end}, scanner, {}, collector(found), error), ScanEnd::completed);
    ::close(fd);
    // The lookback (1 MiB and a little) and a few chunks past the end.
    EXPECT_LT(scanner.stats().bytes, scanner.longest_token() + (end - begin) + (3u << 20));
    EXPECT_GE(scanner.stats().bytes, scanner.longest_token() + (end - begin));
    for (const Found& f : found) {
        EXPECT_GE(f.offset, begin);
        EXPECT_LT(f.offset, end);
    }
}

TEST(Range, YaraSearchHandsOverTheLookbacksBytes) {
    const std::string text = long_token_text(4u << 20, 5);
    TempFile file(text);
    const int fd = ::open(file.path().c_str(), O_RDONLY | O_CLOEXEC);
    const std::uint64_t begin = 3u << 20;
    std::uint64_t start = begin - (1u << 20);
    detail::HeldBytes held;
    ASSERT_TRUE(detail::yara_sync_point(fd, begin, start, &held));
    ::close(fd);
    // The window before a line start at most `begin`: it holds the
    // lookback's first byte, and it is the file's bytes at their offsets.
    ASSERT_LE(held.from, start);
    ASSERT_LE(held.from + held.bytes.size(), begin);
    EXPECT_GT(held.from + held.bytes.size(), begin - (64u << 10));
    EXPECT_EQ(std::string(held.bytes.begin(), held.bytes.end()), text.substr(held.from, held.bytes.size()));

    char out[8] = {};
    EXPECT_EQ(held.copy_at(held.from - 1, out, sizeof out), 0u);
    EXPECT_EQ(held.copy_at(held.from + held.bytes.size(), out, sizeof out), 0u);
    EXPECT_EQ(held.copy_at(held.from + held.bytes.size() - 3, out, sizeof out), 3u);
    EXPECT_EQ(std::string(out, 3), text.substr(held.from + held.bytes.size() - 3, 3));
}

TEST(Range, RefusesWhatIsNotSplittable) {
    TempFile gzip(std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8) + "rest");
    const int fd = ::open(gzip.path().c_str(), O_RDONLY | O_CLOEXEC);
    EXPECT_NE(range_refusal(fd, {}).find("gzip"), std::string::npos);
    SourceOptions raw;
    raw.decompress = false;
    EXPECT_EQ(range_refusal(fd, raw), "");
    SourceOptions wide;
    wide.wide = true;
    EXPECT_NE(range_refusal(fd, wide).find("--wide"), std::string::npos);
    ::close(fd);
    // A byte-order mark makes the whole input wide text, also with
    // --no-decompress: a range of it would not scan as the whole file does.
    TempFile marked(std::string("\xFF\xFE" "h\0t\0t\0p\0", 10));
    const int marked_fd = ::open(marked.path().c_str(), O_RDONLY | O_CLOEXEC);
    EXPECT_NE(range_refusal(marked_fd, {}).find("byte-order mark"), std::string::npos);
    EXPECT_NE(range_refusal(marked_fd, raw).find("byte-order mark"), std::string::npos);
    ::close(marked_fd);
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    Scanner scanner;
    std::vector<Found> found;
    std::string error;
    EXPECT_EQ(scan_range(pipe_fds[0], {0, 10}, scanner, {}, collector(found), error), ScanEnd::read_error);
    EXPECT_NE(error.find("regular file"), std::string::npos);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
}

TEST(RangeCli, SplitOutputIsTheWholeOutput) {
    const std::string text = contract_cases_text();
    TempFile file(text);
    const auto whole = run_iocscan({"--jsonl", "--types", "all", file.path()});
    ASSERT_EQ(whole.exit_code, 0);
    const std::string third = std::to_string(text.size() / 3), two_thirds = std::to_string(2 * text.size() / 3);
    std::string joined;
    for (const std::string& range : {"0:" + third, third + ":" + two_thirds, two_thirds + ":"}) {
        const auto part = run_iocscan({"--jsonl", "--types", "all", "--range", range, file.path()});
        EXPECT_EQ(part.err, "");
        joined += part.out;
    }
    EXPECT_EQ(joined, whole.out);
}

/// The number after `label` in --stats output (-1 when absent).
long long stats_number(const std::string& err, const std::string& label) {
    const std::size_t at = err.find(label);
    return at == std::string::npos ? -1 : std::stoll(err.substr(at + label.size()));
}

TEST(RangeCli, StatsCountTheRangesBytesAndShowTheReadAroundApart) {
    const std::string text = long_token_text(3u << 20, 5);
    TempFile file(text);
    const std::uint64_t begin = (1u << 20) + 7, end = 2u << 20;
    const auto part = run_iocscan({"--stats", "--range", std::to_string(begin) + ":" + std::to_string(end), file.path()});
    ASSERT_EQ(part.exit_code, 0) << part.err;
    EXPECT_EQ(stats_number(part.err, "iocscan: stats: "), static_cast<long long>(end - begin)) << part.err;
    // At least the 1 MiB lookback before the range.
    EXPECT_GE(stats_number(part.err, "read around the range "), 1 << 20) << part.err;
    const auto tail = run_iocscan({"--stats", "--range", std::to_string(end) + ":", file.path()});
    EXPECT_EQ(stats_number(tail.err, "iocscan: stats: "), static_cast<long long>(text.size() - end)) << tail.err;
    // Without --range: the whole file, and no read-around line.
    const auto whole = run_iocscan({"--stats", file.path()});
    EXPECT_EQ(stats_number(whole.err, "iocscan: stats: "), static_cast<long long>(text.size()));
    EXPECT_EQ(whole.err.find("read around"), std::string::npos);
}

TEST(RangeCli, RefusesStdinSeveralFilesDirectoriesAndCompressedInput) {
    TempFile file("http://evil.example/x\n");
    const auto expect_refused = [](const std::vector<std::string>& args, const std::string& input,
                                   const std::string& reason) {
        const auto result = run_iocscan(args, input);
        EXPECT_EQ(result.exit_code, 2) << args.back();
        EXPECT_NE(result.err.find(reason), std::string::npos) << result.err;
        EXPECT_EQ(result.out, "");
    };
    expect_refused({"--range", "0:5"}, "http://evil.example/x\n", "standard input");
    expect_refused({"--range", "0:5", "-"}, "http://evil.example/x\n", "standard input");
    expect_refused({"--range", "0:5", file.path(), file.path()}, "", "exactly one file");
    expect_refused({"--range", "0:5", file.dir()}, "", "directory");
    expect_refused({"--range", "5:1", file.path()}, "", "BEGIN <= END");
    expect_refused({"--range", "x:", file.path()}, "", "BEGIN:END");
    TempFile gzip(std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8) + "rest", "a.gz");
    expect_refused({"--range", "0:", gzip.path()}, "", "gzip");
}

}  // namespace
}  // namespace iocscan::test
