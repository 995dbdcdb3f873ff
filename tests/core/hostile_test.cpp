// Hostile and broken input, and faults, through the real binary: never a
// crash, a hang, unbounded memory, or lost output.
#include "support/json.hpp"
#include "support/output_lines.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <random>
#include <unistd.h>

namespace iocscan::test {
namespace {

/// Every stdout line is a JSON object with the record fields.
void expect_valid_jsonl(const std::string& out) {
    for (const auto& line : lines_of(out)) {
        JsonValue record;
        ASSERT_NO_THROW(record = parse_json(line)) << line;
        EXPECT_TRUE(record.has("type") && record.has("value") && record.has("raw") && record.has("offset"));
    }
}

std::string random_bytes(std::size_t size, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::string bytes(size, '\0');
    for (auto& b : bytes) b = static_cast<char>(rng() & 0xff);
    return bytes;
}

TEST(Hostile, HundredMegabytesOfRandomBytes) {
    TempFile file(random_bytes(100u << 20, 7));
    const auto r = run_iocscan({"--jsonl", "--types", "all", "--stats", file.path()});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    EXPECT_NE(r.err.find("104857600 bytes"), std::string::npos) << r.err;
    expect_valid_jsonl(r.out);
}

TEST(Hostile, ABinaryExecutable) {
    const auto r = run_iocscan({"--jsonl", "--types", "all", iocscan_binary()});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    EXPECT_EQ(r.err, "");
    expect_valid_jsonl(r.out);
}

TEST(Hostile, NulBytesWithAndWithoutWide) {
    std::string text(4u << 20, '\0');
    text += "host 10.9.8.7 end";
    text += std::string(1u << 20, '\0');
    const auto plain = run_iocscan({"--jsonl"}, text);
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    ASSERT_EQ(lines_of(plain.out).size(), 1u);
    EXPECT_EQ(parse_json(lines_of(plain.out)[0]).at("offset").number, double((4u << 20) + 5));
    const auto wide = run_iocscan({"--jsonl", "--wide"}, text);
    EXPECT_EQ(wide.exit_code, 0) << wide.err;
    ASSERT_EQ(lines_of(wide.out).size(), 1u);
    // A NUL run is no wide character's high byte: it stays, and offsets are
    // positions in the input anyway.
    EXPECT_EQ(parse_json(lines_of(wide.out)[0]).at("offset").number, double((4u << 20) + 5));
}

TEST(Hostile, InvalidUtf8EverywhereStillGivesValidJson) {
    std::string text;
    for (int i = 0; i < 2000; ++i) {
        text += "\xff\xfe\xc3(10.0.0." + std::to_string(i % 256) + "\x80\xe3\x80 d41d8cd98f00b204e9800998ecf8427e\xed\xa0\x80\n";
    }
    const auto r = run_iocscan({"--jsonl", "--types", "all"}, text);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(lines_of(r.out).size(), 4000u);
    expect_valid_jsonl(r.out);
    const auto grouped = run_iocscan({"--json", "--types", "all"}, text);
    EXPECT_NO_THROW(parse_json(grouped.out));
}

TEST(Hostile, OneGigabyteLineThroughAPipeInBoundedMemory) {
    // A sanitizer build is slower and its allocator keeps a large quarantine:
    // it checks the same path on a quarter of the bytes, without the RSS bound.
    const std::uint64_t total = kSanitized ? (256ull << 20) : (1ull << 30);
    const std::string unit = "a.b[.]c1.2.";   // no newline anywhere
    std::string block;
    while (block.size() < (1u << 20)) block += unit;
    std::uint64_t sent = 0;
    bool tail_sent = false;
    const std::vector<std::string> args = {"--jsonl", "--types", "all", "--stats"};
    const long baseline = baseline_rss_kib(args);
    const auto r = run_iocscan_streaming(args, [&](std::string& piece) {
        if (sent < total) {
            piece = block;
            sent += block.size();
            return true;
        }
        if (tail_sent) return false;
        piece = " 192.0.2.1";
        tail_sent = true;
        return true;
    });
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto found = lines_of(r.out);
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(parse_json(found.back()).at("value").string, "192.0.2.1");
    if (!kSanitized) {
        EXPECT_LT(r.max_rss_kib - baseline, 32 * 1024) << "peak RSS in KiB over the baseline";
    }
}

TEST(Fault, ReadErrorIsReportedAndOtherFilesStillScanned) {
    TempFile good("ok 10.1.1.1\n");
    const auto r = run_iocscan({"--no-path", "/proc/self/mem", good.path()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("iocscan: /proc/self/mem: Input/output error"), std::string::npos) << r.err;
    EXPECT_EQ(lines_of(r.out), std::vector<std::string>{"10.1.1.1"});
}

TEST(Fault, UnreadableFile) {
    if (::geteuid() == 0) GTEST_SKIP() << "root can read a mode-000 file";
    TempFile file("10.1.1.1");
    ::chmod(file.path().c_str(), 0);
    const auto r = run_iocscan({file.path()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(file.path() + ": Permission denied"), std::string::npos) << r.err;
}

TEST(Fault, PathThatVanishesMidRun) {
    auto later = std::make_unique<TempFile>("10.2.2.2\n");
    const std::string path = later->path();
    int step = 0;
    // Standard input is scanned first; the second file is deleted while the
    // first is still being read.
    const auto r = run_iocscan_streaming({"--no-path", "-", path}, [&](std::string& piece) {
        if (step == 0) {
            piece = "first 10.1.1.1\n";
        } else if (step == 1) {
            later.reset();
            piece = "more text\n";
        } else {
            return false;
        }
        ++step;
        return true;
    });
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("iocscan: " + path + ": No such file or directory"), std::string::npos) << r.err;
    EXPECT_EQ(lines_of(r.out), std::vector<std::string>{"10.1.1.1"});
}

TEST(Fault, InterruptFlushesWhatWasFoundAndExitsPromptly) {
    // The interrupt comes while the scanner waits for more input on an open pipe.
    const auto r = run_iocscan_interrupted({"--refang", "--types", "ipv4"}, "seen 10[.]3[.]3[.]3 before the interrupt\n");
    EXPECT_EQ(r.exit_code, 130) << r.err;
    EXPECT_EQ(lines_of(r.out), std::vector<std::string>{"10.3.3.3"});
}

}  // namespace
}  // namespace iocscan::test
