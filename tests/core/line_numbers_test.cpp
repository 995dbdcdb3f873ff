// Options::line_numbers and `iocscan -n`: the line of every match equals a
// naive reference (the '\n' bytes before its offset in the whole input,
// found by binary search over all of them), whatever the threads, the
// pieces, compression or --wide.
#include "iocscan/iocscan.hpp"
#include "support/case_table.hpp"
#include "support/input_encodings.hpp"
#include "support/json.hpp"
#include "support/mixed_text.hpp"
#include "support/output_lines.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <boost/iostreams/filter/gzip.hpp>

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

namespace iocscan::test {
namespace {

namespace io = boost::iostreams;

/// 1 + the '\n' bytes before an offset, looked up in the list of all of
/// them: shares nothing with the scanner's running count.
class NaiveLines {
public:
    explicit NaiveLines(std::string_view text) {
        for (std::size_t at = 0; (at = text.find('\n', at)) != std::string_view::npos; ++at) newlines_.push_back(at);
    }
    std::uint64_t line_at(std::uint64_t offset) const {
        return 1 + static_cast<std::uint64_t>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) -
                                              newlines_.begin());
    }

private:
    std::vector<std::uint64_t> newlines_;
};

struct Placed {
    Type type;
    std::uint64_t offset;
    std::string value;
    std::uint64_t line;
    bool operator==(const Placed&) const = default;
};

/// Every type but custom (which needs patterns), values refanged.
Options all_types(bool line_numbers, unsigned threads) {
    Options options;
    options.types = TypeSet();
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        if (static_cast<Type>(t) != Type::custom && available_types().has(static_cast<Type>(t))) {
            options.types.add(static_cast<Type>(t));
        }
    }
    options.refang = true;
    options.line_numbers = line_numbers;
    options.threads = threads;
    return options;
}

MatchCallback placing(std::vector<Placed>& out) {
    return [&out](const Match& m) {
        out.push_back({m.type, m.offset, std::string(m.value), m.line});
        return true;
    };
}

std::vector<Placed> scan_in_pieces(const std::string& text, const Options& options, std::size_t piece) {
    std::vector<Placed> found;
    Scanner scanner(options);
    const auto sink = placing(found);
    for (std::size_t at = 0; at < text.size(); at += piece) {
        scanner.feed(std::string_view(text).substr(at, piece), sink);
    }
    scanner.finish(sink);
    return found;
}

/// Checks every line against the reference, and that the matches are those
/// of the same scan without line numbers (whose `line` is 0).
void expect_lines(const std::string& text, const std::vector<Placed>& with_lines,
                  std::vector<Placed> without_lines, const std::string& what) {
    ASSERT_FALSE(with_lines.empty()) << what;
    const NaiveLines naive(text);
    std::size_t wrong = 0;
    for (const auto& m : with_lines) {
        if (m.line != naive.line_at(m.offset) && ++wrong <= 5) {
            ADD_FAILURE() << what << ": offset " << m.offset << " '" << m.value << "' line " << m.line
                          << ", reference " << naive.line_at(m.offset);
        }
    }
    EXPECT_EQ(wrong, 0u) << what;
    for (auto& m : without_lines) {
        EXPECT_EQ(m.line, 0u) << what;
        m.line = naive.line_at(m.offset);
    }
    EXPECT_TRUE(with_lines == without_lines) << what << ": line numbers changed the matches";
}

/// The inputs of the contract's worked examples, one after another.
std::string cases_text(std::string_view line_end) {
    std::string text;
    for (const auto& row : load_cases(cases_path())) {
        text += row.input;
        text += line_end;
    }
    return text;
}

TEST(LineNumbers, LibraryOnCasesInPiecesAndThreads) {
    for (const std::string_view line_end : {"\n", "\r\n", "\r"}) {
        const std::string text = cases_text(line_end);
        const auto reference = scan_in_pieces(text, all_types(false, 1), text.size());
        for (unsigned threads : {1u, 2u}) {
            for (std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, text.size()}) {
                expect_lines(text, scan_in_pieces(text, all_types(true, threads), piece), reference,
                             "threads " + std::to_string(threads) + " piece " + std::to_string(piece));
            }
        }
    }
}

TEST(LineNumbers, LibraryOnMegabytesInPiecesAndThreads) {
    const std::string text = mixed_text(3 << 20, 16);
    const auto reference = scan_in_pieces(text, all_types(false, 1), text.size());
    ASSERT_GT(reference.size(), 10000u);
    for (unsigned threads : {1u, 2u}) {
        // 4093: many small pieces; 1 MiB: rounds scanned in parallel.
        for (std::size_t piece : {std::size_t{4093}, std::size_t{1} << 20}) {
            expect_lines(text, scan_in_pieces(text, all_types(true, threads), piece), reference,
                         "threads " + std::to_string(threads) + " piece " + std::to_string(piece));
        }
    }
}

TEST(LineNumbers, FirstAndLastLineAndCarriageReturns) {
    // A lone '\r' ends no line (grep counts '\n' only); no '\n' at the end.
    const std::string text = "1.1.1.1 first\r\nx\ry 2.2.2.2\r\n\n3.3.3.3";
    std::vector<Placed> found = scan_in_pieces(text, all_types(true, 1), text.size());
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].line, 1u);
    EXPECT_EQ(found[1].line, 2u);
    EXPECT_EQ(found[2].line, 4u);
}

TEST(LineNumbers, MultiLineMatchesGiveTheirFirstLine) {
    const std::string rule = "rule Lines {\n  strings:\n    $a = \"}\"\n  condition:\n    $a\n}\n";
    const std::string base64 = "aHR0cDovL2V2aWwuZXhhbXBsZS5uZXQvcGF5bG9h\nZC9zZWNvbmQtc3RhZ2UuYmlu";
    const std::string text = "intro\n" + rule + "after 9.9.9.9\n" + base64 + "\nend 8.8.8.8\n";
    const auto found = scan_in_pieces(text, all_types(true, 1), 5);
    std::vector<std::pair<std::string, std::uint64_t>> lines;
    for (const auto& m : found) lines.emplace_back(std::string(type_name(m.type)), m.line);
    const std::vector<std::pair<std::string, std::uint64_t>> expected = {
        {"yara", 2}, {"ipv4", 8}, {"url", 9}, {"ipv4", 11}};
    EXPECT_EQ(lines, expected);
}

TEST(LineNumbers, RestartAfterReset) {
    Scanner scanner(all_types(true, 1));
    std::vector<Placed> found;
    scanner.feed("a\nb\n1.2.3.4\n", placing(found));
    scanner.finish(placing(found));
    scanner.reset();
    scanner.feed("5.6.7.8\n", placing(found));
    scanner.finish(placing(found));
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].line, 3u);
    EXPECT_EQ(found[1].line, 1u);
}

std::vector<Placed> scan_file(const std::string& bytes, const Options& options, const SourceOptions& source) {
    TempFile file(bytes);
    const int fd = ::open(file.path().c_str(), O_RDONLY);
    std::vector<Placed> found;
    Scanner scanner(options);
    std::string error;
    EXPECT_EQ(scan_fd(fd, scanner, source, placing(found), error), ScanEnd::completed) << error;
    ::close(fd);
    return found;
}

TEST(LineNumbers, ScanFdCompressedAndWide) {
    const std::string text = mixed_text(256 << 10, 7);
    for (std::size_t chunk : {std::size_t{7}, std::size_t{64} << 10}) {
        SourceOptions source;
        source.chunk_size = chunk;
        const std::string what = "chunk " + std::to_string(chunk);
        // Offsets and lines are those of the decompressed text.
        expect_lines(text, scan_file(compress(text, io::gzip_compressor()), all_types(true, 2), source),
                     scan_in_pieces(text, all_types(false, 1), text.size()), "gzip " + what);
        // Wide: the offsets are file positions, the lines count the '\n'
        // bytes the scan reads, here each a UTF-16LE "\n\0".
        const std::string wide = utf16le(text);
        source.wide = true;
        expect_lines(wide, scan_file(wide, all_types(true, 1), source),
                     scan_file(wide, all_types(false, 1), source), "wide " + what);
    }
}

TEST(LineNumbers, ScanRangeRefusesLineNumbers) {
    TempFile file("a\n1.2.3.4\n");
    const int fd = ::open(file.path().c_str(), O_RDONLY);
    Scanner scanner(all_types(true, 1));
    std::vector<Placed> found;
    std::string error;
    EXPECT_EQ(scan_range(fd, {0, 5}, scanner, {}, placing(found), error), ScanEnd::read_error);
    ::close(fd);
    EXPECT_NE(error.find("line numbers"), std::string::npos) << error;
    EXPECT_TRUE(found.empty());
}

// ---- through the binary ----

using V = std::vector<std::string>;

TEST(LineNumbersCli, PlainLineAndPathPrefixes) {
    TempFile file("1.1.1.1 first\r\nsecond\n\nx\ry 2.2.2.2 and 2.2.2.2\n3.3.3.3");
    auto r = run_iocscan({"-n", file.path()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out), (V{"1:1.1.1.1", "4:2.2.2.2", "4:2.2.2.2", "5:3.3.3.3"}));
    r = run_iocscan({"--line-number", "-H", file.path()});
    EXPECT_EQ(lines_of(r.out), (V{file.path() + ":1:1.1.1.1", file.path() + ":4:2.2.2.2",
                                  file.path() + ":4:2.2.2.2", file.path() + ":5:3.3.3.3"}));
    r = run_iocscan({"-n", "-u"}, "a\n2.2.2.2 2.2.2.2\n1.1.1.1\n2.2.2.2\n");
    EXPECT_EQ(lines_of(r.out), (V{"2:2.2.2.2", "3:1.1.1.1"})) << "--unique: the first occurrence's line";
    r = run_iocscan({"-n", "-H"}, "a\n9.9.9.9\n");
    EXPECT_EQ(lines_of(r.out), V{"(standard input):2:9.9.9.9"});
}

TEST(LineNumbersCli, JsonlFieldAndCsvColumnOnlyWhenAsked) {
    const std::string text = "x\nops@example.org\n";
    auto r = run_iocscan({"--jsonl", "-n"}, text);
    const JsonValue record = parse_json(lines_of(r.out).at(0));
    EXPECT_EQ(record.at("line").number, 2);
    EXPECT_EQ(record.at("offset").number, 2);
    r = run_iocscan({"--jsonl"}, text);
    EXPECT_FALSE(parse_json(lines_of(r.out).at(0)).has("line")) << r.out;
    r = run_iocscan({"--format", "csv", "-n"}, text);
    EXPECT_EQ(r.out, "type,value,raw,offset,line,path,rules,encoding\r\n"
                     "email,ops@example.org,ops@example.org,2,2,\"'-\",email,\r\n");
    r = run_iocscan({"--format", "csv"}, text);
    EXPECT_EQ(r.out, "type,value,raw,offset,path,rules,encoding\r\n"
                     "email,ops@example.org,ops@example.org,2,\"'-\",email,\r\n");
}

TEST(LineNumbersCli, RefusedWhereThereIsNoLine) {
    TempFile file("a\n1.2.3.4\n");
    const std::vector<V> refused = {{"-n", "--json"}, {"--format", "stix", "-n"}, {"-n", "--range", "0:4"}};
    for (V args : refused) {
        args.push_back(file.path());
        const auto r = run_iocscan(args);
        EXPECT_EQ(r.exit_code, 2) << args[1];
        EXPECT_EQ(r.out, "");
        EXPECT_NE(r.err.find("iocscan: --line-number: "), std::string::npos) << r.err;
    }
}

/// (offset, line) of each --jsonl record, read without a full parse.
std::vector<std::pair<std::uint64_t, std::uint64_t>> offsets_and_lines(const std::string& jsonl) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    const auto number_after = [&](std::size_t record, const std::string& key) {
        const std::size_t at = jsonl.find(key, record);
        return at == std::string::npos ? ~std::uint64_t{0} : std::stoull(jsonl.substr(at + key.size(), 20));
    };
    for (std::size_t record = 0; record < jsonl.size();) {
        out.emplace_back(number_after(record, ",\"offset\":"), number_after(record, ",\"line\":"));
        const std::size_t end = jsonl.find('\n', record);
        if (end == std::string::npos) break;
        record = end + 1;
    }
    return out;
}

void expect_cli_lines(const std::string& text, const std::string& file_bytes, const V& extra) {
    TempFile file(file_bytes);
    const NaiveLines naive(text);
    std::size_t records = 0;
    for (const std::string threads : {"1", "2"}) {
        for (const std::string chunk : {"4093", "1048576"}) {
            V args = {"--jsonl", "-n", "-t", "all", "-j", threads, "--chunk-size", chunk, file.path()};
            args.insert(args.end(), extra.begin(), extra.end());
            const auto r = run_iocscan(args);
            ASSERT_EQ(r.exit_code, 0) << r.err;
            const auto found = offsets_and_lines(r.out);
            if (records == 0) records = found.size();
            EXPECT_EQ(found.size(), records) << "threads " << threads << " chunk " << chunk;
            std::size_t wrong = 0;
            for (const auto& [offset, line] : found) wrong += line != naive.line_at(offset);
            EXPECT_EQ(wrong, 0u) << "threads " << threads << " chunk " << chunk;
        }
    }
    EXPECT_GT(records, 1000u);
}

TEST(LineNumbersCli, MegabytesPlainGzipAndWide) {
    const std::string text = mixed_text(3 << 19, 5);   // two rounds of -j 2
    expect_cli_lines(text, text, {});
    expect_cli_lines(text, compress(text, io::gzip_compressor()), {});
    expect_cli_lines(utf16le(text), utf16le(text), {"--wide"});
}

}  // namespace
}  // namespace iocscan::test
