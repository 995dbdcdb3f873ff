// Compressed input: recognised by magic bytes, streamed, errors reported
// with what was found before them still printed.
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <boost/iostreams/copy.hpp>
#include <boost/iostreams/device/back_inserter.hpp>
#include <boost/iostreams/filter/bzip2.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/lzma.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <gtest/gtest.h>

#include <sstream>

namespace iocscan::test {
namespace {

namespace io = boost::iostreams;

template <typename Compressor>
std::string compress(const std::string& text, Compressor compressor) {
    std::string out;
    io::filtering_ostream stream;
    stream.push(compressor);
    stream.push(io::back_inserter(out));
    stream.write(text.data(), static_cast<std::streamsize>(text.size()));
    stream.reset();   // flushes the compressor's trailer
    return out;
}

std::string addresses(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) {
        text += "event " + std::to_string(i) + " from 10.0." + std::to_string(i % 256) + "." +
                std::to_string(i % 200) + "\n";
    }
    return text;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
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

TEST(Compressed, TooShortToBeCompressedIsPlainText) {
    EXPECT_EQ(lines_of(run_iocscan({}, "\x1f").out).size(), 0u);
    EXPECT_EQ(run_iocscan({}, "1.2.3.4").out, "1.2.3.4\n");
    EXPECT_EQ(run_iocscan({}, "").exit_code, 1);
}

}  // namespace
}  // namespace iocscan::test
