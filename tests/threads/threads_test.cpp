// Options::threads / --threads: any thread count gives exactly the output of
// one thread, and the helper threads end cleanly on every path.
#include "threads/worker_pool.hpp"
#include "support/mixed_text.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <new>
#include <stdexcept>
#include <thread>

namespace iocscan::test {
namespace {

Options all_types(unsigned threads, bool refang = true) {
    Options options;
    options.types = TypeSet::all();
    options.refang = refang;
    options.threads = threads;
    options.custom_patterns = {{"key=([a-z]+)", 1}, {"(evil)", 2}};
    return options;
}

class ThreadCount : public ::testing::TestWithParam<unsigned> {};

TEST_P(ThreadCount, SameMatchesAsOneThreadAtEveryPieceSize) {
    const unsigned threads = GetParam();
    const std::string text = mixed_text(1 << 20, 11) + "\nkey=abc evil\n";
    const auto reference = scan_pieces(text, all_types(1));
    ASSERT_GT(reference.size(), 1000u);
    for (std::size_t piece : {0, 4096, 1 << 18}) {
        const auto found = scan_pieces(text, all_types(threads), piece);
        ASSERT_EQ(found.size(), reference.size()) << "piece size " << piece;
        EXPECT_TRUE(found == reference) << "piece size " << piece;
    }
    // One barrier per piece is slow: a shorter text for tiny pieces.
    const std::string small = mixed_text(24 << 10, 12) + "\nkey=abc evil\n";
    const auto small_reference = scan_pieces(small, all_types(1));
    ASSERT_GT(small_reference.size(), 20u);
    for (std::size_t piece : {1, 7}) {
        EXPECT_TRUE(scan_pieces(small, all_types(threads), piece) == small_reference) << "piece size " << piece;
    }
}

TEST_P(ThreadCount, SameMatchesThroughScanFd) {
    const std::string text = mixed_text(1 << 20, 13);
    const auto reference = scan_pieces(text, all_types(1, false));
    SourceOptions source;
    for (std::size_t chunk : {64, 256 * 1024}) {
        source.chunk_size = chunk;
        EXPECT_TRUE(scan_through_fd(text, all_types(GetParam(), false), source) == reference)
            << "chunk " << chunk;
    }
}

TEST_P(ThreadCount, SameStats) {
    // Over-long candidates are counted per rule, then summed.
    const std::string text = mixed_text(1 << 19, 14) + std::string(300, 'a') + "\n" +
                             "key=" + std::string(70 * 1024, 'b') + "\n";
    const auto stats_of = [&](unsigned threads) { return scan_stats(text, all_types(threads)); };
    const Stats one = stats_of(1);
    const Stats many = stats_of(GetParam());
    EXPECT_GT(one.dropped_overlong, 0u);
    EXPECT_EQ(many.dropped_overlong, one.dropped_overlong);
    EXPECT_EQ(many.found, one.found);
    EXPECT_EQ(many.bytes, one.bytes);
}

TEST_P(ThreadCount, StopsWhenTheCallbackSaysSo) {
    const std::string text = mixed_text(1 << 20, 15);
    const auto reference = scan_pieces(text, all_types(1));
    ASSERT_GT(reference.size(), 100u);
    std::size_t seen = 0;
    const auto stop_at_50 = [&](const Match& m) {
        EXPECT_EQ(m.offset, reference[seen].offset) << "match " << seen;
        return ++seen < 50;
    };
    Scanner scanner(all_types(GetParam()));
    bool go_on = true;
    for (std::size_t at = 0; go_on && at < text.size(); at += 4096) {
        go_on = scanner.feed(std::string_view(text).substr(at, 4096), stop_at_50);
    }
    EXPECT_FALSE(go_on);
    EXPECT_FALSE(scanner.feed("1.2.3.4 ", stop_at_50));
    EXPECT_FALSE(scanner.finish(stop_at_50));
    EXPECT_EQ(seen, 50u);
}

TEST_P(ThreadCount, ACallbackExceptionLeavesNoThreadBehind) {
    const std::string text = mixed_text(1 << 19, 16);
    std::size_t seen = 0;
    const auto throw_at_10 = [&](const Match&) {
        if (++seen == 10) throw std::runtime_error("callback failed");
        return true;
    };
    {
        Scanner scanner(all_types(GetParam()));
        // A large piece's last matches may come with the next call (see
        // Options::threads), so the throw may come from either.
        EXPECT_THROW(
            {
                scanner.feed(text, throw_at_10);
                scanner.finish(throw_at_10);
            },
            std::runtime_error);
    }   // the destructor joins the helpers; a hang here fails by timeout
    EXPECT_EQ(seen, 10u);
}

TEST_P(ThreadCount, FlushReportsWhatOneThreadReportsByTheEndOfFeed) {
    const std::string text = mixed_text(700 * 1024, 20);
    const auto seen_after = [&](unsigned threads, bool flush) {
        std::size_t seen = 0;
        const auto count = [&](const Match&) { return ++seen > 0; };
        Scanner scanner(all_types(threads));
        scanner.feed(text, count);
        if (flush) scanner.flush(count);
        return seen;
    };
    const std::size_t one = seen_after(1, false);
    ASSERT_GT(one, 1000u);
    EXPECT_EQ(seen_after(GetParam(), true), one);
    EXPECT_EQ(seen_after(1, true), one);   // nothing more to flush
}

TEST_P(ThreadCount, ResetStartsOverWithTheSameThreads) {
    const std::string text = mixed_text(1 << 18, 17);
    const auto reference = scan_pieces(text, all_types(1));
    Scanner scanner(all_types(GetParam()));
    for (int round = 0; round < 3; ++round) {
        std::vector<Found> found;
        const auto keep = collector(found);
        scanner.reset();
        scanner.feed(text, keep);
        scanner.finish(keep);
        EXPECT_TRUE(found == reference) << "round " << round;
    }
}

TEST_P(ThreadCount, APieceMayBeOverwrittenAsSoonAsFeedReturns) {
    // feed() returns while helpers still scan its last round: they must be
    // scanning a copy, not the caller's memory.
    const std::string text = mixed_text(3 << 20, 21);
    const auto reference = scan_pieces(text, all_types(1));
    std::vector<Found> found;
    const auto keep = collector(found);
    Scanner scanner(all_types(GetParam()));
    std::string piece;
    for (std::size_t at = 0; at < text.size(); at += 1 << 20) {
        piece.assign(text, at, 1 << 20);
        scanner.feed(piece, keep);
        piece.assign(piece.size(), '.');   // what a reused read buffer would hold next
    }
    scanner.finish(keep);
    EXPECT_TRUE(found == reference);
}

TEST_P(ThreadCount, AnExceptionOnAHelperReachesTheCallerAndResetStartsClean) {
    // The CLI names the file and goes on to the next one on this path
    // (Robustness.OutOfMemoryOnAHelperThreadNamesTheFileAndTheNextIsScanned
    // makes a helper's malloc() fail in the binary).
    const std::string text = mixed_text(3 << 20, 22);
    const auto reference = scan_pieces(text, all_types(1));
    Scanner scanner(all_types(GetParam()));
    std::vector<Found> found;
    const auto keep = collector(found);
    // Every segment but the first fails, as an allocation there would.
    const Scanner::ReadAt failing = [&text](char* into, std::uint64_t at, std::size_t size) {
        if (at != 0) throw std::bad_alloc();
        std::memcpy(into, text.data(), size);
    };
    EXPECT_THROW(
        {
            scanner.commit_read(2 << 20, failing, keep);
            scanner.finish(keep);
        },
        std::bad_alloc);
    found.clear();
    scanner.reset();
    scanner.feed(text, keep);
    scanner.finish(keep);
    EXPECT_TRUE(found == reference);
}

INSTANTIATE_TEST_SUITE_P(Threads, ThreadCount, ::testing::Values(2u, 3u, 8u));

/// scan_fd() over a regular file (where read-ahead applies), collecting matches.
ScanEnd scan_file(const std::string& path, const Options& options, const SourceOptions& source,
                  const std::function<bool(const Match&)>& on_match) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    EXPECT_GE(fd, 0);
    Scanner scanner(options);
    std::string error;
    const ScanEnd end = scan_fd(fd, scanner, source, on_match, error);
    ::close(fd);
    EXPECT_EQ(error, "");
    return end;
}

TEST(ReadAhead, SameMatchesFromARegularFile) {
    const std::string text = mixed_text(1 << 20, 20);
    const auto reference = scan_pieces(text, all_types(1));
    TempFile file(text);
    for (unsigned threads : {1u, 2u}) {
        for (std::size_t chunk : {7, 4096, 256 * 1024}) {
            SourceOptions source;
            source.read_ahead = true;
            source.chunk_size = chunk;
            std::vector<std::uint64_t> offsets;
            const auto keep = [&](const Match& m) {
                offsets.push_back(m.offset);
                return true;
            };
            EXPECT_EQ(scan_file(file.path(), all_types(threads), source, keep), ScanEnd::completed);
            ASSERT_EQ(offsets.size(), reference.size()) << "chunk " << chunk;
            for (std::size_t i = 0; i < offsets.size(); ++i) {
                ASSERT_EQ(offsets[i], reference[i].offset) << "match " << i << ", chunk " << chunk;
            }
        }
    }
}

TEST(ReadAhead, StopsAndCancelsCleanly) {
    TempFile file(mixed_text(1 << 20, 21));
    SourceOptions source;
    source.read_ahead = true;
    source.chunk_size = 4096;
    std::size_t seen = 0;
    const auto stop_at_5 = [&](const Match&) { return ++seen < 5; };
    EXPECT_EQ(scan_file(file.path(), all_types(2), source, stop_at_5), ScanEnd::stopped);
    EXPECT_EQ(seen, 5u);

    std::atomic<bool> cancel{false};
    source.cancel = &cancel;
    std::size_t after_cancel = 0;
    const auto cancel_at_3 = [&](const Match&) {
        if (cancel.load()) ++after_cancel;
        if (++seen == 8) cancel = true;
        return true;
    };
    EXPECT_EQ(scan_file(file.path(), all_types(2), source, cancel_at_3), ScanEnd::cancelled);
    EXPECT_LT(after_cancel, 1000u) << "cancelling should stop reading soon";
}

TEST(Threads, ZeroMeansOnePerCore) {
    const std::string text = mixed_text(1 << 18, 18);
    EXPECT_TRUE(scan_pieces(text, all_types(0), 4096) == scan_pieces(text, all_types(1), 4096));
}

TEST(WorkerPool, RunsEveryTaskOnceAndWaitsForAll) {
    detail::WorkerPool pool(3);
    EXPECT_EQ(pool.threads(), 4u);
    for (std::size_t count : {0, 1, 2, 5, 64}) {
        std::vector<std::atomic<int>> runs(count);
        pool.run(count, [&](std::size_t i) { runs[i].fetch_add(1); });
        for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(runs[i].load(), 1) << "task " << i << " of " << count;
    }
}

TEST(WorkerPool, TheCallerRunsFirstWhileHelpersTakeTasks) {
    detail::WorkerPool pool(1);
    const auto caller = std::this_thread::get_id();
    std::atomic<int> runs{0};
    bool first_ran = false;
    pool.run(4, [&](std::size_t) { runs.fetch_add(1); }, [&] {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        first_ran = true;
    });
    EXPECT_TRUE(first_ran);
    EXPECT_EQ(runs.load(), 4);
    // An exception from `first` comes back after every task has run.
    runs = 0;
    EXPECT_THROW(pool.run(4, [&](std::size_t) { runs.fetch_add(1); },
                          [] { throw std::runtime_error("report failed"); }),
                 std::runtime_error);
    EXPECT_EQ(runs.load(), 4);
}

TEST(WorkerPool, StartReturnsBeforeTheTasksEndAndWaitTakesTheRest) {
    detail::WorkerPool pool(1);
    std::atomic<bool> go{false};
    std::atomic<int> runs{0};
    // Every task blocks until `go`: if start() waited for them, this hangs
    // (and fails by the test timeout).
    pool.start(4, [&](std::size_t) {
        while (!go.load()) std::this_thread::yield();
        runs.fetch_add(1);
    });
    EXPECT_TRUE(pool.started());
    EXPECT_LT(runs.load(), 4);
    go = true;
    pool.wait();
    EXPECT_FALSE(pool.started());
    EXPECT_EQ(runs.load(), 4);
    // A task's exception comes back from wait().
    pool.start(3, [](std::size_t i) {
        if (i == 2) throw std::runtime_error("task failed");
    });
    EXPECT_THROW(pool.wait(), std::runtime_error);
}

TEST(WorkerPool, TasksStillOutEndBeforeThePoolIsGone) {
    std::atomic<int> runs{0};
    {
        detail::WorkerPool pool(2);
        pool.start(16, [&](std::size_t) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            runs.fetch_add(1);
        });
    }
    EXPECT_EQ(runs.load(), 16);
}

TEST(WorkerPool, RethrowsATaskExceptionAfterTheOthersReturn) {
    detail::WorkerPool pool(2);
    std::atomic<int> finished{0};
    EXPECT_THROW(pool.run(8,
                          [&](std::size_t i) {
                              if (i == 1) throw std::runtime_error("task failed");
                              finished.fetch_add(1);
                          }),
                 std::runtime_error);
    const int after = finished.load();
    EXPECT_LE(after, 7);
    // Still usable afterwards.
    std::atomic<int> runs{0};
    pool.run(6, [&](std::size_t) { runs.fetch_add(1); });
    EXPECT_EQ(runs.load(), 6);
    EXPECT_EQ(finished.load(), after);
}

TEST(ThreadsCli, TwoThreadsPrintTheSameAsOne) {
    TempFile file(mixed_text(1 << 20, 19));
    const auto one = run_iocscan({"--threads", "1", "--jsonl", "--types", "all", file.path()});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    for (const char* threads : {"2", "0", "5"}) {
        const auto many = run_iocscan({"--threads", threads, "--jsonl", "--types", "all", file.path()});
        EXPECT_EQ(many.exit_code, 0) << many.err;
        EXPECT_TRUE(many.out == one.out) << "--threads " << threads;
    }
    const auto plain = run_iocscan({"-j", "2", file.path()});
    const auto plain_one = run_iocscan({"--threads=1", file.path()});
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_TRUE(plain.out == plain_one.out);
}

TEST(ThreadsCli, APipeThatPausesGetsItsMatchesBeforeItCloses) {
    // A burst large enough to be scanned in parallel, its last IOC at the
    // very end, then the writer waits (tail -f): the match must not wait
    // for more input.
    const std::string burst = mixed_text(600 * 1024, 19) + "\nlast 198.51.100.77\n";
    for (const char* threads : {"1", "2"}) {
        RunningIocscan child({"--threads", threads, "--types", "ipv4"});
        child.write_stdin(burst);
        const std::string seen = child.read_stdout_until("198.51.100.77\n", 20);
        EXPECT_NE(seen.find("198.51.100.77\n"), std::string::npos) << threads << " threads";
        child.close_stdin();
        const auto r = child.wait();
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
}

TEST(ThreadsCli, InterruptWithHelperThreadsFlushesAndExitsPromptly) {
    // Several families, so the scanner has helper threads; they block
    // signals, so SIGINT still interrupts the read() of the waiting caller.
    const auto r = run_iocscan_interrupted({"--threads", "4", "--refang"},
                                           "seen 10[.]3[.]3[.]3 and d41d8cd98f00b204e9800998ecf8427e\n");
    EXPECT_EQ(r.exit_code, 130) << r.err;
    // The defanged address is a "bracket" URL too (url sorts first).
    EXPECT_EQ(r.out, "http://10.3.3.3\n10.3.3.3\nd41d8cd98f00b204e9800998ecf8427e\n");
}

TEST(ThreadsCli, BadValuesAreUsageErrors) {
    for (const char* bad : {"abc", "-1", "", "2x", "1.5", "1025", "99999999999999999999"}) {
        const auto r = run_iocscan({"--threads", bad}, "1.2.3.4\n");
        EXPECT_EQ(r.exit_code, 2) << "--threads '" << bad << "'";
        EXPECT_TRUE(r.err.starts_with("iocscan: --threads: ")) << r.err;
        EXPECT_EQ(r.out, "");
    }
    const auto missing = run_iocscan({"--threads"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("--threads"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace iocscan::test
