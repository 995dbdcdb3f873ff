// Records are written in place (cli/record_text.hpp, OutputWriter's
// record_room()): each piece must write what a byte-at-a-time reference
// writes, never past the room its bound gives, and the printer's bounds
// must hold for the longest record of each format.
#include "cli/csv_text.hpp"
#include "cli/json_text.hpp"
#include "cli/output_writer.hpp"
#include "cli/record_printer.hpp"
#include "cli/record_text.hpp"
#include "support/json.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace iocscan::cli {
namespace {

constexpr char kGuard = '#';

/// `write(room)` into a room of `size` bytes followed by guard bytes; fails
/// the test when a guard byte changed. Returns what was written.
template <typename Write>
std::string written_within(std::size_t size, Write write) {
    std::string room(size + 64, kGuard);
    const char* end = write(room.data());
    EXPECT_LE(static_cast<std::size_t>(end - room.data()), size);
    EXPECT_EQ(room.substr(size), std::string(64, kGuard)) << "written past the room";
    return room.substr(0, static_cast<std::size_t>(end - room.data()));
}

std::string random_text(std::mt19937& random, std::size_t max_size) {
    static const std::string kPieces[] = {"a", "1", ".", "\"", "\\", "\n", "\t", std::string(1, '\0'), "\x1f",
                                          "\x7f", "\xff", "\xc3\xa9", "\xe3\x80\x82", "\xf0\x9f\x98\x80", "\xc3",
                                          ",", "=", "\r", "abcdefghij"};
    std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
    std::uniform_int_distribution<std::size_t> size(0, max_size);
    std::string text;
    for (std::size_t n = size(random); text.size() < n;) text += kPieces[piece(random)];
    return text;
}

/// JSON string content, a byte at a time (what json_text.cpp does in blocks).
std::string json_reference(std::string_view bytes) {
    std::string out;
    char u00[8];
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const auto continuation = [&](std::size_t k) {
            return i + k < bytes.size() && (static_cast<unsigned char>(bytes[i + k]) & 0xc0) == 0x80;
        };
        std::size_t length = 0;
        if (c >= 0xc2 && c <= 0xdf && continuation(1)) length = 2;
        if (c >= 0xe0 && c <= 0xef && continuation(1) && continuation(2)) length = 3;
        if (c >= 0xf0 && c <= 0xf4 && continuation(1) && continuation(2) && continuation(3)) length = 4;
        const auto second = length > 1 ? static_cast<unsigned char>(bytes[i + 1]) : 0;
        if ((c == 0xe0 && second < 0xa0) || (c == 0xed && second > 0x9f) || (c == 0xf0 && second < 0x90) ||
            (c == 0xf4 && second > 0x8f)) {
            length = 0;
        }
        if (length > 0) {
            out.append(bytes.substr(i, length));
            i += length - 1;
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c >= 0x7f) {
            std::snprintf(u00, sizeof u00, "\\u00%02x", c);
            out += u00;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

TEST(RecordText, CopyBytesCopiesEverySizeAndNoMore) {
    std::string from(48, 'x');
    for (std::size_t i = 0; i < from.size(); ++i) from[i] = static_cast<char>('a' + i % 26);
    for (std::size_t size = 0; size <= from.size(); ++size) {
        const std::string got = written_within(size, [&](char* out) {
            copy_bytes(out, from.data(), size);
            return out + size;
        });
        EXPECT_EQ(got, from.substr(0, size));
    }
}

TEST(RecordText, NumbersAreTheirDecimalDigits) {
    std::vector<std::uint64_t> numbers = {0, std::numeric_limits<std::uint64_t>::max()};
    for (std::uint64_t ten_power = 1; ten_power <= std::numeric_limits<std::uint64_t>::max() / 10; ten_power *= 10) {
        for (const std::uint64_t n : {ten_power - 1, ten_power, ten_power + 1, 10 * ten_power - 1}) numbers.push_back(n);
    }
    std::mt19937_64 random(3);
    for (int i = 0; i < 10000; ++i) numbers.push_back(random() >> (random() % 64));
    for (const std::uint64_t n : numbers) {
        const std::string got = written_within(kMaxDecimalDigits, [&](char* out) { return put_number(out, n); });
        ASSERT_EQ(got, std::to_string(n));
    }
}

TEST(RecordText, JsonStringIsTheByteAtATimeEscape) {
    std::mt19937 random(5);
    for (int i = 0; i < 20000; ++i) {
        const std::string text = random_text(random, 48);
        const std::string got = written_within(kMaxJsonBytesPerByte * text.size(),
                                               [&](char* out) { return put_json_string(out, text); });
        ASSERT_EQ(got, json_reference(text)) << i;
    }
}

TEST(RecordText, CsvFieldIsQuotedAsRfc4180Asks) {
    std::mt19937 random(7);
    for (int i = 0; i < 20000; ++i) {
        const std::string text = random_text(random, 40);
        for (const bool guard : {false, true}) {
            const bool formula = guard && !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
            std::string expected = text;
            if (formula || text.find_first_of(",\"\r\n") != std::string::npos) {
                expected = formula ? "\"'" : "\"";
                for (const char c : text) expected += c == '"' ? std::string("\"\"") : std::string(1, c);
                expected += '"';
            }
            const std::string got = written_within(max_csv_field_size(text.size()),
                                                   [&](char* out) { return put_csv_field(out, text, guard); });
            ASSERT_EQ(got, expected) << i;
        }
    }
}

std::string file_text(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(RecordText, RecordsInPlaceAndWritesKeepTheirOrderAcrossTheBuffer) {
    char path[] = "/tmp/iocscan_record_room_XXXXXX";
    const int fd = ::mkstemp(path);
    ASSERT_GE(fd, 0);
    std::string expected;
    {
        OutputWriter writer(fd);
        for (int i = 0; i < 30000; ++i) {
            // Records longer than the buffer's 64 KiB take a room of their own.
            const std::size_t size = i % 7000 == 0 ? 70000 + static_cast<std::size_t>(i) : 1 + static_cast<std::size_t>(i) % 90;
            const std::string record(size, static_cast<char>('a' + i % 26));
            if (i % 3 == 0) {
                writer.write(record);
            } else {
                char* out = writer.record_room(size + static_cast<std::size_t>(i % 5));   // a bound, not the size
                writer.commit_record(put(out, record));
            }
            expected += record;
        }
        EXPECT_EQ(writer.accepted(), expected.size());
    }
    ::close(fd);
    EXPECT_EQ(file_text(path), expected);
    std::remove(path);
}

/// The longest record of each format: six rules (custom ones have the
/// longest labels), numbers of twenty digits, a value and a raw text whose
/// every byte is escaped to the most bytes the format writes for one (JSON
/// six, CSV two), a path to escape, defanged, encoded. A bound one byte
/// short aborts (OutputWriter::commit_record()).
TEST(RecordText, TheLongestRecordsFitTheirBounds) {
    const std::string input_path = "dir/\x02\"name,=.txt";
    for (const auto format : {OutputFormat::plain, OutputFormat::jsonl, OutputFormat::csv}) {
        const char escaped_most = format == OutputFormat::csv ? '"' : '\x01';
        const std::string value(300, escaped_most);
        const std::string raw(301, escaped_most);
        char path[] = "/tmp/iocscan_longest_record_XXXXXX";
        const int fd = ::mkstemp(path);
        ASSERT_GE(fd, 0);
        {
            OutputWriter writer(fd);
            RecordPrinter printer(format, writer, {true, true, true});
            Match match;
            match.type = Type::url;
            match.value = value;
            match.raw = raw;
            match.offset = std::numeric_limits<std::uint64_t>::max();
            match.line = std::numeric_limits<std::uint64_t>::max();
            match.input_length = std::numeric_limits<std::uint64_t>::max();
            match.defanged = true;
            match.encoding = Encoding::percent;
            for (std::uint8_t i = 0; i < match.rules.size(); ++i) {
                match.rules[match.rule_count++] = static_cast<RuleId>(kCustomRuleBase + kMaxCustomPatternLine - i);
            }
            printer.print(match, input_path);   // aborts when a bound is short
            printer.finish();
        }
        ::close(fd);
        const std::string text = file_text(path);
        std::remove(path);
        if (format == OutputFormat::jsonl) {
            const test::JsonValue record = test::parse_json(text.substr(0, text.size() - 1));
            EXPECT_EQ(record.at("value").string, value);
            EXPECT_EQ(record.at("raw").string, raw);
            EXPECT_EQ(record.at("path").string, input_path);
            EXPECT_EQ(record.at("rules").array.size(), Match{}.rules.size());
        } else if (format == OutputFormat::plain) {
            EXPECT_EQ(text, input_path + ":18446744073709551615:" + value + "\n");
        } else {
            EXPECT_NE(text.find(",18446744073709551615,18446744073709551615,"), std::string::npos) << text;
        }
    }
}

}  // namespace
}  // namespace iocscan::cli
