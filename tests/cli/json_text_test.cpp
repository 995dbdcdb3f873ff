// JSON string output stays valid for any bytes.
#include "cli/json_text.hpp"
#include "support/json.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

std::string round_trip(const std::string& bytes) {
    std::string doc = "\"";
    cli::append_json_string(doc, bytes);
    doc += "\"";
    return parse_json(doc).string;
}

TEST(JsonText, PlainAndEscapedCharacters) {
    EXPECT_EQ(round_trip("a\"b\\c\nd\te"), "a\"b\\c\nd\te");
    EXPECT_EQ(round_trip(std::string("nul\0byte", 8)), std::string("nul\0byte", 8));
}

TEST(JsonText, ValidUtf8PassesThrough) {
    std::string out;
    cli::append_json_string(out, "caf\xc3\xa9 \xe3\x80\x82 \xf0\x9f\x98\x80");
    EXPECT_EQ(out, "caf\xc3\xa9 \xe3\x80\x82 \xf0\x9f\x98\x80");
}

TEST(JsonText, InvalidUtf8BecomesEscapesThatParse) {
    const std::string bad[] = {"\xff", "\xc3", "\xe3\x80", "\xed\xa0\x80", "\xc0\xaf", "\xf5\x80\x80\x80",
                               "ok\x80" "end"};
    for (const auto& bytes : bad) {
        std::string out;
        cli::append_json_string(out, bytes);
        EXPECT_NO_THROW(parse_json("\"" + out + "\"")) << out;
        EXPECT_NE(out.find("\\u00"), std::string::npos) << out;
    }
    EXPECT_EQ(round_trip("\xff"), "\xc3\xbf");   // read as Latin-1 U+00FF
}

TEST(JsonText, EveryByteValueParses) {
    std::string all;
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    std::string out;
    cli::append_json_string(out, all);
    EXPECT_NO_THROW(parse_json("\"" + out + "\""));
}

TEST(JsonText, EachSpecialByteIsEscapedWhereverItStandsInALongValue) {
    // Long values are scanned in blocks: put each byte that needs care at
    // every position of a 40-byte plain value, block edges included.
    const std::string plain(40, 'x');
    const std::pair<std::string, std::string> special[] = {
        {"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {std::string(1, '\0'), "\\u0000"},
        {"\x1f", "\\u001f"}, {"\x7f", "\\u007f"}, {"\xff", "\\u00ff"}, {"\xc3\xa9", "\xc3\xa9"}};
    for (const auto& [byte, written] : special) {
        for (std::size_t at = 0; at <= plain.size(); ++at) {
            std::string out;
            cli::append_json_string(out, plain.substr(0, at) + byte + plain.substr(at));
            EXPECT_EQ(out, plain.substr(0, at) + written + plain.substr(at)) << "at " << at;
        }
    }
}

}  // namespace
}  // namespace iocscan::test
