// Threads scan segments of the input from a fresh start and catch up with
// them (threads/segment_sync.hpp): the result must be exactly that of one
// sequential scan, above all where tokens cross segment edges or run through
// whole segments.
#include "families/rule_ids.hpp"
#include "core/rule_runner.hpp"
#include "families/rule_table.hpp"
#include "threads/segment_sync.hpp"
#include "support/mixed_text.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace iocscan::test {
namespace {

using detail::Candidate;
using detail::RuleRunner;

/// Text where long tokens of every family stand every few KiB, so that any
/// segment edge falls into or next to one, plus tokens longer than a segment.
std::string edge_heavy_text() {
    std::string text;
    std::uint32_t seed = 1;
    const std::string base64_url = "aHR0cDovL2V2aWwuZXhhbXBsZS9wYXRoP3E9MQ==";
    for (int block = 0; text.size() < (3u << 20); ++block) {
        text += mixed_text(3000, seed++);
        switch (block % 9) {
        case 0: text += "\nrule r" + std::to_string(block) + " { strings: $a = \"" + std::string(4000, 'x') +
                        "\" condition: $a }\n"; break;
        case 1: text += " http://long.example/" + std::string(5000, 'p') + " "; break;
        case 2:
            text += "\nContent-Transfer-Encoding: base64\n\n";
            for (int line = 0; line < 60; ++line) text += "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJz\n";
            text += base64_url + "\n\n";
            break;
        case 3: text += " 1[.]2[.]3[.]4 user[@]mail(.)example " + std::string(64, 'a') + " "; break;
        case 4: text += "\nkey=" + std::string(3000, 'k') + " evil\n"; break;
        case 5: text += " 687474703a2f2f6865782e6578616d706c652f" + std::string(4000, '6') + " "; break;
        case 6: text += " hxxp://" + std::string(2000, 'h') + "[.]example/x "; break;
        case 7:
            // Longer than a segment: a hex run and a dotted run.
            if (block % 27 == 7) text += " " + std::string(200 * 1024, 'a') + " ";
            if (block % 27 == 16) {
                for (int i = 0; i < 40000; ++i) text += "1[.]";
                text += " ";
            }
            break;
        default: text += " fe80::1:2:3:4 2001:db8::" + std::string(100, ':') + " "; break;
        }
    }
    return text;
}

Options every_type(unsigned threads) {
    Options options;
    options.types = TypeSet::all();
    options.refang = true;
    options.threads = threads;
    options.custom_patterns = {{"key=([a-z]+)", 1}, {"(evil)", 2}};
    return options;
}

TEST(Segments, TokensAcrossEveryEdgeAreFoundExactlyOnce) {
    const std::string text = edge_heavy_text();
    const auto reference = scan_pieces(text, every_type(1));
    ASSERT_GT(reference.size(), 2000u);
    for (unsigned threads : {2u, 3u, 5u}) {
        for (std::size_t piece : {0, 1 << 20, 300 * 1024, 128 * 1024, 64 * 1024 + 1}) {
            const auto found = scan_pieces(text, every_type(threads), piece);
            ASSERT_EQ(found.size(), reference.size()) << threads << " threads, piece " << piece;
            EXPECT_TRUE(found == reference) << threads << " threads, piece " << piece;
        }
    }
}

TEST(Segments, SameOverlongCountsAcrossEdges) {
    const std::string text = edge_heavy_text();
    const auto stats_of = [&](unsigned threads) { return scan_stats(text, every_type(threads)); };
    const Stats one = stats_of(1);
    EXPECT_GT(one.dropped_overlong, 0u);
    EXPECT_EQ(stats_of(2).dropped_overlong, one.dropped_overlong);
    EXPECT_EQ(stats_of(2).found, one.found);
}

/// What a scan of `text` in 1 MiB pieces reports with line numbers and the
/// private-address filter, stopping after `stop_after` matches: each match's
/// line and value, then the stats.
struct FinishedScan {
    std::vector<std::pair<std::uint64_t, std::string>> lines_and_values;
    Stats stats;
};
FinishedScan scan_finished(const std::string& text, unsigned threads, std::size_t stop_after) {
    Options options = every_type(threads);
    options.line_numbers = true;
    options.no_private = true;
    Scanner scanner(options);
    FinishedScan out;
    const MatchCallback keep = [&](const Match& match) {
        out.lines_and_values.emplace_back(match.line, std::string(match.value));
        return out.lines_and_values.size() < stop_after;
    };
    constexpr std::size_t kPiece = 1 << 20;
    bool go_on = true;
    for (std::size_t at = 0; go_on && at < text.size(); at += kPiece) {
        go_on = scanner.feed(std::string_view(text).substr(at, kPiece), keep);
    }
    if (go_on) scanner.finish(keep);
    out.stats = scanner.stats();
    return out;
}

// With threads the post-pass, the noise filter and line counting run on the
// helper that finishes a round; the caller only delivers.
TEST(Segments, MatchesFinishedOnHelpersAreTheOneThreadMatches) {
    // Private addresses (filtered) and public ones at the start, in the
    // middle and at the end.
    std::string addresses;
    for (int i = 0; i < 2000; ++i) addresses += "\n10.0.0." + std::to_string(i % 250) + " 8.8." + std::to_string(i % 250) + ".1";
    const std::string heavy = edge_heavy_text();
    std::string text = addresses + heavy.substr(0, heavy.size() / 2) + addresses + heavy.substr(heavy.size() / 2) + addresses;
    const FinishedScan one = scan_finished(text, 1, static_cast<std::size_t>(-1));
    ASSERT_GT(one.stats.filtered, 1000u);
    ASSERT_GT(one.lines_and_values.back().first, 1000u);
    // Stopped in a round in the middle, after some filtered addresses.
    const std::size_t half = one.lines_and_values.size() / 2;
    const FinishedScan one_stopped = scan_finished(text, 1, half);
    ASSERT_GT(one_stopped.stats.filtered, 1000u);
    ASSERT_LT(one_stopped.stats.filtered, one.stats.filtered);
    for (unsigned threads : {2u, 3u}) {
        const FinishedScan many = scan_finished(text, threads, static_cast<std::size_t>(-1));
        EXPECT_TRUE(many.lines_and_values == one.lines_and_values) << threads << " threads";
        EXPECT_EQ(many.stats.found, one.stats.found) << threads << " threads";
        EXPECT_EQ(many.stats.filtered, one.stats.filtered) << threads << " threads";
        EXPECT_EQ(many.stats.dropped_overlong, one.stats.dropped_overlong) << threads << " threads";
        // A callback that stops gets nothing more, in the middle of a round
        // too, and the counts stop where it stopped, as with one thread.
        const FinishedScan stopped = scan_finished(text, threads, half);
        ASSERT_EQ(stopped.lines_and_values.size(), half) << threads << " threads";
        EXPECT_TRUE(std::equal(stopped.lines_and_values.begin(), stopped.lines_and_values.end(),
                               one.lines_and_values.begin()))
            << threads << " threads";
        EXPECT_EQ(stopped.stats.found, one_stopped.stats.found) << threads << " threads";
        EXPECT_EQ(stopped.stats.filtered, one_stopped.stats.filtered) << threads << " threads";
    }
}

/// scan_fd() of the file at `path` from byte `start`, with `threads` and
/// reads of `chunk` bytes; the callback stops after `stop_after` matches.
std::vector<Found> scan_file(const std::string& path, unsigned threads, std::size_t chunk, off_t start = 0,
                             std::size_t stop_after = static_cast<std::size_t>(-1)) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    EXPECT_GE(fd, 0);
    EXPECT_EQ(::lseek(fd, start, SEEK_SET), start);
    std::vector<Found> found;
    ScanEnd end = ScanEnd::completed;
    std::string error;
    {
        Scanner scanner(every_type(threads));
        SourceOptions source;
        source.chunk_size = chunk;
        const MatchCallback collect = collector(found);
        end = scan_fd(fd, scanner, source, [&](const Match& match) {
            return collect(match) && found.size() < stop_after;
        }, error);
        // A round may still be in flight when the callback stopped the scan:
        // its reads then fail on the closed file, and nothing is reported.
        ::close(fd);
    }
    EXPECT_EQ(end, stop_after == static_cast<std::size_t>(-1) ? ScanEnd::completed : ScanEnd::stopped) << error;
    return found;
}

// With threads, scan_fd() has each thread pread() the segments it scans.
TEST(Segments, FilesReadByTheThreadsThatScanThemGiveTheOneThreadResult) {
    const std::string text = edge_heavy_text();
    const TempFile file(text);
    const auto reference = scan_pieces(text, every_type(1));
    for (unsigned threads : {2u, 3u}) {
        for (std::size_t chunk : {64 * 1024, 256 * 1024, 1 << 20, 3 << 20}) {
            const auto found = scan_file(file.path(), threads, chunk);
            ASSERT_EQ(found.size(), reference.size()) << threads << " threads, chunk " << chunk;
            EXPECT_TRUE(found == reference) << threads << " threads, chunk " << chunk;
        }
    }
    // From inside the file, where a shell's "<" may leave the descriptor.
    constexpr off_t kStart = 123457;
    const auto from_start = scan_pieces(text.substr(kStart), every_type(1));
    EXPECT_TRUE(scan_file(file.path(), 2, 1 << 20, kStart) == from_start);
    // A callback that stops gets the first matches, and nothing after.
    const std::size_t some = reference.size() / 3;
    const auto stopped = scan_file(file.path(), 2, 1 << 20, 0, some);
    ASSERT_EQ(stopped.size(), some);
    EXPECT_TRUE(std::equal(stopped.begin(), stopped.end(), reference.begin()));
}

// A log truncated in place while it is scanned ends where it now ends, as
// with one thread: no read error (it was one with the segment reads).
TEST(Segments, AFileThatGetsShorterEndsThereWithoutAnError) {
    std::string text;
    while (text.size() < (12u << 20)) text += "see 8.8.8.8 and http://evil.example/x here\n";
    for (unsigned threads : {1u, 2u}) {
        const TempFile file(text);
        const int fd = ::open(file.path().c_str(), O_RDONLY);
        ASSERT_GE(fd, 0);
        Scanner scanner(every_type(threads));
        SourceOptions source;
        source.chunk_size = 1 << 20;
        std::uint64_t last = 0;
        std::string error;
        const ScanEnd end = scan_fd(fd, scanner, source, [&](const Match& match) {
            // At the first match the file loses all but its first 2 MiB.
            if (last == 0) {
                EXPECT_EQ(::truncate(file.path().c_str(), 2 << 20), 0);
            }
            last = match.offset;
            return true;
        }, error);
        ::close(fd);
        EXPECT_EQ(end, ScanEnd::completed) << threads << " threads: " << error;
        EXPECT_TRUE(error.empty()) << error;
        EXPECT_GT(last, 0u);
        EXPECT_LT(last, 12u << 20);
    }
}

// --- catch-up itself, on the runners

std::vector<const detail::RuleSpec*> built_in_rules() {
    std::vector<const detail::RuleSpec*> rules;
    for (const auto& spec : detail::builtin_rules()) {
        if (spec.id != detail::kRuleCustom) rules.push_back(&spec);
    }
    return rules;
}

std::unique_ptr<RuleRunner> new_runner() {
    return std::make_unique<RuleRunner>(built_in_rules(), TypeSet::all(), nullptr);
}

void take_found(RuleRunner& runner, std::vector<Candidate>& into) {
    for (std::size_t i = 0; i < runner.rule_count(); ++i) {
        into.insert(into.end(), runner.found(i).begin(), runner.found(i).end());
        runner.found(i).clear();
    }
}

std::vector<std::tuple<std::uint64_t, std::uint64_t, Type, RuleId>> sorted(const std::vector<Candidate>& found) {
    std::vector<std::tuple<std::uint64_t, std::uint64_t, Type, RuleId>> keys;
    for (const auto& c : found) keys.emplace_back(c.offset, c.length, c.type, c.rule);
    std::sort(keys.begin(), keys.end());
    return keys;
}

const unsigned char* bytes_of(const std::string& text) { return reinterpret_cast<const unsigned char*>(text.data()); }

/// Runs the true runner to `edge`, a speculative segment over [edge, end),
/// catch-up, then the rest; returns all candidates and whether the
/// segment's runner was swapped in.
std::vector<Candidate> scan_with_segment(const std::string& text, std::size_t edge, std::size_t end, bool& swapped) {
    std::vector<Candidate> found;
    auto truth = new_runner();
    truth->append(bytes_of(text), edge, 64 * 1024);
    detail::SpeculativeSegment segment(new_runner());
    // Scanned in place: the segment's runner writes into its bytes and puts them back.
    std::string in_place = text;
    segment.scan(reinterpret_cast<unsigned char*>(in_place.data()) + edge, end - edge, edge);
    EXPECT_EQ(in_place, text);
    const RuleRunner* before = truth.get();
    std::uint64_t dropped = 0;
    detail::CandidateQueue queue;
    detail::SegmentCatchUp::run(truth, segment, queue, dropped);
    found = queue.held();
    swapped = truth.get() != before;
    EXPECT_EQ(truth->end_offset(), end);
    truth->append(bytes_of(text) + end, text.size() - end, 64 * 1024);
    truth->finish();
    take_found(*truth, found);
    return found;
}

std::vector<Candidate> scan_in_one_run(const std::string& text) {
    std::vector<Candidate> found;
    auto runner = new_runner();
    runner->append(bytes_of(text), text.size(), 64 * 1024);
    runner->finish();
    take_found(*runner, found);
    return found;
}

TEST(SegmentCatchUp, RulesGetInStepAndTheSegmentRunnerTakesOver) {
    const std::string text = mixed_text(400 * 1024, 21);
    bool swapped = false;
    const auto found = scan_with_segment(text, 100 * 1024 + 17, 300 * 1024, swapped);
    EXPECT_TRUE(swapped);
    const auto reference = scan_in_one_run(text);
    ASSERT_GT(reference.size(), 500u);
    EXPECT_TRUE(sorted(found) == sorted(reference));
}

TEST(SegmentCatchUp, ATokenThroughTheWholeSegmentKeepsTheTrueRunner) {
    // A hex run from before the segment to after it: the hash rule is never
    // in step, so the true runner scans the segment itself for that rule.
    std::string text = mixed_text(90 * 1024, 22) + " " + std::string(220 * 1024, 'b') + " ";
    text += mixed_text(100 * 1024, 23);
    bool swapped = true;
    const auto found = scan_with_segment(text, 100 * 1024, 300 * 1024, swapped);
    EXPECT_FALSE(swapped);
    const auto reference = scan_in_one_run(text);
    ASSERT_GT(reference.size(), 200u);
    EXPECT_TRUE(sorted(found) == sorted(reference));
}

TEST(SegmentCatchUp, ASegmentStartingInsideATokenDropsWhatTheFreshStartInvented) {
    // The segment starts 16 digits into a 64-digit hash: the fresh start
    // sees a 48-digit run, which is no hash; the true scan must still give
    // the sha256 at its real offset.
    const std::string hash(64, 'c');
    const std::string text = mixed_text(70 * 1024, 24) + " " + hash + " " + mixed_text(70 * 1024, 25);
    const std::size_t edge = text.find(hash) + 16;
    bool swapped = false;
    const auto found = scan_with_segment(text, edge, edge + 60 * 1024, swapped);
    const auto reference = scan_in_one_run(text);
    EXPECT_TRUE(sorted(found) == sorted(reference));
    const auto has_sha256 = [&](const std::vector<Candidate>& all) {
        return std::any_of(all.begin(), all.end(), [&](const Candidate& c) {
            return c.type == Type::sha256 && c.offset == edge - 16 && c.length == 64;
        });
    };
    EXPECT_TRUE(has_sha256(reference));
    EXPECT_TRUE(has_sha256(found));
}

/// Scans `text` as the true runner scans a round's first segments: pieces
/// of `piece` bytes, each in a buffer of its own with `room` spare bytes
/// before it, continued in place when the bytes still needed fit there.
/// Counts the pieces scanned in place and copied; each buffer's bytes must
/// be the text's again afterwards.
std::vector<Candidate> scan_continued_in_place(const std::string& text, std::size_t piece, std::size_t room,
                                               std::size_t& in_place, std::size_t& copied) {
    std::vector<Candidate> found;
    auto runner = new_runner();
    for (std::size_t at = 0; at < text.size(); at += piece) {
        const std::size_t size = std::min(piece, text.size() - at);
        // Exactly room + size: no byte after the piece may be touched (ASan).
        std::vector<unsigned char> block(room + size);
        std::copy_n(bytes_of(text) + at, size, block.begin() + static_cast<std::ptrdiff_t>(room));
        unsigned char* const data = block.data() + room;
        if (runner->continue_in_place(data, room)) {
            detail::run_in_place(*runner, data, 0, size, size);
            ++in_place;
        } else {
            runner->append(data, size, 64 * 1024);
            ++copied;
        }
        EXPECT_TRUE(std::equal(data, data + size, bytes_of(text) + at)) << "piece at " << at;
        EXPECT_EQ(runner->end_offset(), at + size);
        take_found(*runner, found);
    }
    runner->finish();
    take_found(*runner, found);
    return found;
}

TEST(SegmentsInPlace, ContinuingInPlaceOrByCopyGivesTheOneRunResult) {
    // Long tokens cross piece edges: some need more than the room, so both
    // ways are taken.
    const std::string text = edge_heavy_text();
    const auto reference = sorted(scan_in_one_run(text));
    ASSERT_GT(reference.size(), 1000u);
    for (const std::size_t piece : {std::size_t{1000}, std::size_t{64 * 1024 + 3}, std::size_t{128 * 1024}}) {
        std::size_t in_place = 0, copied = 0;
        const auto found = scan_continued_in_place(text, piece, 4096, in_place, copied);
        EXPECT_TRUE(sorted(found) == reference) << "piece " << piece;
        EXPECT_GT(in_place, 0u) << "piece " << piece;
        EXPECT_GT(copied, 0u) << "piece " << piece;
    }
    // Without room, only a piece after which no rule holds a byte goes in place.
    std::size_t in_place = 0, copied = 0;
    const auto found = scan_continued_in_place(text, 50 * 1024, 0, in_place, copied);
    EXPECT_TRUE(sorted(found) == reference);
}

TEST(SegmentsInPlace, ASegmentScannedInPlaceIsPutBackAndTouchesNothingAfterIt) {
    const std::string text = edge_heavy_text().substr(0, 900 * 1024);
    const std::vector<std::size_t> counts{0, 1, 63, 64, 65, 600, 300 * 1024};
    for (const std::size_t count : counts) {
        // The segment alone in a buffer of its size: ASan sees a touch after it.
        std::vector<unsigned char> segment_bytes(bytes_of(text) + 1000, bytes_of(text) + 1000 + count);
        detail::SpeculativeSegment segment(new_runner());
        segment.scan(segment_bytes.data(), count, 1000);
        EXPECT_EQ(segment.end(), 1000 + count);
        EXPECT_TRUE(std::equal(segment_bytes.begin(), segment_bytes.end(), bytes_of(text) + 1000)) << count;
    }
}

}  // namespace
}  // namespace iocscan::test
