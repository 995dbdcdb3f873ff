// Compressed input: recognised by magic bytes, streamed, errors reported
// with what was found before them still printed.
#include "support/input_encodings.hpp"
#include "support/output_lines.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <boost/iostreams/filter/bzip2.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/lzma.hpp>
#include <boost/iostreams/filter/zstd.hpp>

#include <gtest/gtest.h>

#include <cstdlib>

namespace iocscan::test {
namespace {

namespace io = boost::iostreams;

std::string addresses(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) {
        text += "event " + std::to_string(i) + " from 10.0." + std::to_string(i % 256) + "." +
                std::to_string(i % 200) + "\n";
    }
    return text;
}

TEST(Compressed, EveryFormatIsDecompressedByItsMagicBytes) {
    const std::string text = addresses(5000);
    const auto expected = values_of(scan_pieces(text, options_for({Type::ipv4})), Type::ipv4);
    ASSERT_EQ(expected.size(), 5000u);
    const std::pair<const char*, std::string> inputs[] = {
        {"gzip", compress(text, io::gzip_compressor())},
        {"bzip2", compress(text, io::bzip2_compressor())},
        {"xz", compress(text, io::lzma_compressor())},
        {"zstd", compress(text, io::zstd_compressor())},
    };
    for (const auto& [name, bytes] : inputs) {
        ASSERT_LT(bytes.size(), text.size()) << name;
        for (std::size_t chunk : {7, 4096, 256 * 1024}) {
            SourceOptions source;
            source.chunk_size = chunk;
            EXPECT_EQ(values_of(scan_through_fd(bytes, options_for({Type::ipv4}), source), Type::ipv4), expected)
                << name << " chunk " << chunk;
        }
        // The file name says nothing: a .txt holding gzip is still gzip.
        TempFile file(bytes, "looks-plain.txt");
        EXPECT_EQ(lines_of(run_iocscan({file.path()}).out).size(), 5000u) << name;
    }
}

TEST(Compressed, ConcatenatedGzipMembersAreAllRead) {
    const std::string both = compress("a 10.1.1.1\n", io::gzip_compressor()) +
                             compress("b 10.2.2.2\n", io::gzip_compressor());
    TempFile file(both, "rotated.log.gz");
    const auto r = run_iocscan({file.path()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out), (std::vector<std::string>{"10.1.1.1", "10.2.2.2"}));
}

TEST(Compressed, NoDecompressScansTheBytesAsTheyAre) {
    TempFile file(compress(addresses(100), io::gzip_compressor()));
    EXPECT_EQ(run_iocscan({"--no-decompress", "--types", "ipv4", file.path()}).exit_code, 1);
}

TEST(Compressed, TruncatedStreamReportsTheErrorAndKeepsWhatWasFound) {
    const std::string whole = compress(addresses(200000), io::gzip_compressor());
    const std::string cut = whole.substr(0, whole.size() / 2);
    TempFile file(cut, "cut.gz");
    TempFile other("later file 192.0.2.55\n");
    const auto r = run_iocscan({"--no-path", file.path(), other.path()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("iocscan: " + file.path() + ": corrupt gzip data at byte " + std::to_string(cut.size())),
              std::string::npos) << r.err;
    const auto found = lines_of(r.out);
    EXPECT_GT(found.size(), 50000u) << "IOCs before the cut are printed";
    EXPECT_EQ(found.front(), "10.0.0.0");
    EXPECT_EQ(found.back(), "192.0.2.55") << "the next file is still scanned";
}

TEST(Compressed, CorruptStreamIsAnErrorNotACrash) {
    std::string bytes = compress(addresses(100000), io::gzip_compressor());
    for (std::size_t i = bytes.size() / 3; i < bytes.size() / 3 + 64; ++i) bytes[i] = 'X';
    TempFile file(bytes, "bad.gz");
    const auto r = run_iocscan({file.path()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(": corrupt gzip data at byte "), std::string::npos) << r.err;
    EXPECT_FALSE(r.out.empty()) << "what was decompressed before the damage is scanned";
}

/// What the format's own tool (gzip -dc, ...) writes from `path` before it
/// gives up: the reference for what a damaged file still holds.
std::string decompressed_by_tool(const std::string& tool, const std::string& path) {
    TempFile out("", "by-tool.txt");
    const std::string command = tool + " -dc '" + path + "' > '" + out.path() + "' 2>/dev/null";
    [[maybe_unused]] const int status = std::system(command.c_str());   // fails: the input is damaged
    return file_text(out.path());
}

/// Distinct lines of ~50 bytes, each with an IPv4 address and a URL.
std::string varied_events(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) {
        const unsigned v = static_cast<unsigned>(i) * 2654435761u;
        text += "id " + std::to_string(v) + " 10." + std::to_string(i >> 16) + "." + std::to_string((i >> 8) & 255) +
                "." + std::to_string(i & 255) + " http://h" + std::to_string(v % 99991) + ".example/\n";
    }
    return text;
}

struct Damaged {
    std::string name;
    std::string tool;
    std::string bytes;
};

/// The bound on what a damaged file may lose against its format's own tool
/// (`gzip -dc t.gz | iocscan`): the IOCs of one zstd block, 128 KiB of
/// decompressed text, the largest piece any of the four libraries decodes
/// at once (a zstd block that fails to decode gives nothing of itself; the
/// zstd tool writes some of it). gzip, bzip2 and xz deliver every byte up
/// to the damage: there the counts are equal or ours are larger.
constexpr std::size_t kWindowBytes = 128 * 1024;

TEST(Compressed, DamagedInputPrintsWhatDecompressedThenTheError) {
    const std::string text = varied_events(50000);
    const auto all = lines_of(run_iocscan({"--no-path"}, text).out);
    ASSERT_EQ(all.size(), 100000u);
    // The lines are of near equal length: any window holds about as many.
    const std::size_t window_iocs = lines_of(run_iocscan({"--no-path"}, text.substr(0, kWindowBytes)).out).size() + 2;
    std::vector<Damaged> inputs;
    const std::pair<const char*, std::string> formats[] = {
        {"gzip", compress(text, io::gzip_compressor())},
        {"bzip2", compress(text, io::bzip2_compressor())},
        {"xz", compress(text, io::lzma_compressor())},
        {"zstd", compress(text, io::zstd_compressor())},
    };
    for (const auto& [name, whole] : formats) {
        inputs.push_back({std::string(name) + " cut at 60000", name, whole.substr(0, 60000)});
        inputs.push_back({std::string(name) + " cut in half", name, whole.substr(0, whole.size() / 2)});
        inputs.push_back({std::string(name) + " last byte missing", name, whole.substr(0, whole.size() - 1)});
        std::string overwritten = whole;
        for (std::size_t i = whole.size() / 2; i < whole.size() / 2 + 16; ++i) overwritten[i] = 'X';
        inputs.push_back({std::string(name) + " damaged in the middle", name, overwritten});
    }
    // A CRC that does not match: every byte decompresses, the check fails last.
    std::string bad_crc = formats[0].second;
    bad_crc[bad_crc.size() - 8] ^= 0x55;
    inputs.push_back({"gzip with a wrong CRC", "gzip", bad_crc});

    for (const auto& input : inputs) {
        TempFile file(input.bytes, "damaged.bin");
        const auto r = run_iocscan({"--no-path", file.path()});
        EXPECT_EQ(r.exit_code, 2) << input.name;
        EXPECT_NE(r.err.find("iocscan: " + file.path() + ": corrupt " + input.tool + " data at byte "),
                  std::string::npos) << input.name << ": " << r.err;
        const auto found = lines_of(r.out);
        const auto by_tool = lines_of(run_iocscan({"--no-path"}, decompressed_by_tool(input.tool, file.path())).out);
        std::printf("%s: %zu IOCs, %s -dc gives %zu\n", input.name.c_str(), found.size(), input.tool.c_str(),
                    by_tool.size());
        EXPECT_GE(found.size() + window_iocs, by_tool.size()) << input.name << ": lost more than a window";
        if (input.tool != "zstd") {
            // All the tool's but the value the damage cut short, if any.
            EXPECT_GE(found.size() + 1, by_tool.size()) << input.name;
        }
        // The same IOCs in the same order as from the tool's output.
        const std::size_t common = std::min(found.size(), by_tool.size());
        EXPECT_TRUE(std::equal(found.begin(), found.begin() + common, by_tool.begin()))
            << input.name << ": not what the tool decompressed";
        // A cut stream: the IOCs of the text before the cut, whole, with no
        // value cut short (`http://h1` of `http://h17.example/`). Damage in
        // the middle may first decompress to wrong bytes, as for the tool.
        if (input.name.find("damaged") == std::string::npos) {
            ASSERT_LE(found.size(), all.size()) << input.name;
            EXPECT_TRUE(std::equal(found.begin(), found.end(), all.begin())) << input.name << ": not a prefix";
        }
        if (input.name == "gzip with a wrong CRC") {
            EXPECT_EQ(found.size(), all.size());
        }
    }
}

TEST(Compressed, AValueTheDamageCutShortIsLeftOut) {
    // Long values on every line: wherever the stream is cut, the text the
    // decompressor still delivers ends inside one value or between two.
    const std::string text = varied_events(400) + "mail ops@collect.example.net\n";
    const auto all = lines_of(run_iocscan({"--no-path", "--types", "all"}, text).out);
    const std::string whole = compress(text, io::gzip_compressor());
    int cut_inside_a_value = 0;
    for (std::size_t cut = whole.size() / 3; cut < whole.size(); cut += 97) {
        TempFile file(whole.substr(0, cut), "cut.gz");
        const auto r = run_iocscan({"--no-path", "--types", "all", file.path()});
        EXPECT_EQ(r.exit_code, 2) << "cut at " << cut;
        const auto found = lines_of(r.out);
        ASSERT_LE(found.size(), all.size()) << "cut at " << cut;
        EXPECT_TRUE(std::equal(found.begin(), found.end(), all.begin())) << "cut at " << cut << ": a value cut short";
        const bool left_out = r.err.find(" it may have cut short ") != std::string::npos;
        // The tool's own text ends inside a value exactly when one is left out.
        const std::string by_tool = decompressed_by_tool("gzip", file.path());
        const bool ends_in_value = !by_tool.empty() && by_tool.back() != '\n' && by_tool.back() != ' ';
        cut_inside_a_value += left_out ? 1 : 0;
        if (!ends_in_value) {
            EXPECT_FALSE(left_out) << "cut at " << cut << ": " << r.err;
        }
    }
    EXPECT_GT(cut_inside_a_value, 0) << "no cut fell inside a value: the test proves nothing";
}

TEST(Compressed, ValuesEndedBeforeTheDamageAreKept) {
    // One line, no white space: a JSON array of strings, each two URLs
    // joined by ",". A URL that a "," or a quote ended before the cut is
    // whole and kept, even when the scanner still holds it at the end (the
    // first of a pair the cut falls in); only one that ends in the last 8
    // bytes may be cut short and is left out.
    std::string text = "[";
    std::vector<std::pair<std::size_t, std::string>> items;   // where each URL ends, and the URL
    for (int i = 0; i < 3000; ++i) {
        text += i == 0 ? "\"" : ",\"";
        for (int k = 0; k < 2; ++k) {
            const int n = 2 * i + k;
            text += (k == 0 ? "" : ",");
            text += "http://h" + std::to_string(n * 7919 % 100003) + ".example/p" + std::to_string(n);
            items.emplace_back(text.size(), text.substr(text.rfind("http://")));
        }
        text += "\"";
    }
    text += "]\n";
    const std::string whole = compress(text, io::gzip_compressor());
    int kept_close_to_the_cut = 0;
    for (std::size_t cut = whole.size() / 4; cut < whole.size(); cut += 211) {
        TempFile file(whole.substr(0, cut), "cut-array.gz");
        const auto r = run_iocscan({"--no-path", file.path()});
        EXPECT_EQ(r.exit_code, 2) << "cut at " << cut;
        const std::size_t delivered = decompressed_by_tool("gzip", file.path()).size();
        std::vector<std::string> expected;
        for (const auto& [end, value] : items) {
            // (The line's end after the last value keeps it: white space.)
            if (end + 8 <= delivered || text.find('\n', end) < delivered) expected.push_back(value);
            if (end + 8 <= delivered && end + 30 > delivered) ++kept_close_to_the_cut;
        }
        EXPECT_EQ(lines_of(r.out), expected) << "cut at " << cut << " (" << delivered << " bytes): " << r.err;
    }
    EXPECT_GT(kept_close_to_the_cut, 0) << "no value ended just before a cut: the test proves nothing";
}

TEST(Compressed, TruncatedZstdIsAnError) {
    const std::string whole = compress(varied_events(1000), io::zstd_compressor());
    TempFile file(whole.substr(0, whole.size() - 3), "cut.zst");
    const auto r = run_iocscan({file.path()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("corrupt zstd data at byte " + std::to_string(whole.size() - 3) +
                         ": unexpected end of input"), std::string::npos) << r.err;
    TempFile intact(whole, "whole.zst");
    EXPECT_EQ(run_iocscan({intact.path()}).exit_code, 0);
}

TEST(Compressed, ConcatenatedStreamsOfEveryFormatAreAllRead) {
    const auto twice = [](const auto& compressor) {
        return compress("a 10.1.1.1\n", compressor) + compress("b 10.2.2.2\n", compressor);
    };
    const std::pair<const char*, std::string> inputs[] = {
        {"bzip2", twice(io::bzip2_compressor())},
        {"xz", twice(io::lzma_compressor())},
        {"zstd", twice(io::zstd_compressor())},
    };
    for (const auto& [name, bytes] : inputs) {
        TempFile file(bytes, "two-streams");
        const auto r = run_iocscan({file.path()});
        EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
        EXPECT_EQ(lines_of(r.out), (std::vector<std::string>{"10.1.1.1", "10.2.2.2"})) << name;
    }
}

TEST(Compressed, TooShortToBeCompressedIsPlainText) {
    EXPECT_EQ(lines_of(run_iocscan({}, "\x1f").out).size(), 0u);
    EXPECT_EQ(run_iocscan({}, "1.2.3.4").out, "1.2.3.4\n");
    EXPECT_EQ(run_iocscan({}, "").exit_code, 1);
}

}  // namespace
}  // namespace iocscan::test
