// The URL post-pass reads a URL once and hands on what it read (the split,
// the slash-unescaped text, whether the cut met a stop). Each shortcut must
// give what the plain functions give on their own: checked here on
// generated URL-like strings built from the tokens that steer them.
#include "families/url/url_cut.hpp"
#include "families/url/url_host_check.hpp"
#include "families/url/url_parts.hpp"
#include "families/url/url_refang.hpp"

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <vector>

namespace iocscan::detail {
namespace {

bool operator==(const UrlParts& a, const UrlParts& b) {
    return a.scheme_end == b.scheme_end && a.separator_end == b.separator_end && a.host_begin == b.host_begin &&
           a.host_end == b.host_end;
}

/// Strings of schemes, separators, defang tokens, escapes, brackets and
/// punctuation: what the cut, the split and the refang decide on.
std::vector<std::string> url_like_strings(std::size_t count) {
    static constexpr std::array<const char*, 46> kPieces = {
        "http", "hxxps", "https", "ftp", "h__p", "://", ":\\\\", "[:]//", "__", ":\\/\\/", "[.]", "(.)", "[dot]",
        "\\.", "\\\\.", "\\/", "[:]", "[/]", "(/)", "evil", "Example", "com", "198", ".", ",", ";", " ", "\"", "<",
        ">", "{", "}", "(", ")", "[", "]", "\\", "@", "[@]", ":8080", "/x", "?q=1", "#f", "[2001:db8::1]", "`", "!"};
    std::mt19937 random(17);
    std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1);
    std::uniform_int_distribution<int> length(1, 12);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) {
        std::string s = i % 2 == 0 ? "http://" : "";   // half with a plain scheme
        for (int n = length(random); n > 0; --n) s += kPieces[piece(random)];
        out.push_back(std::move(s));
    }
    return out;
}

TEST(UrlReadOnce, SplitOfAPrefixIsTheSplitOfThatPrefix) {
    std::size_t reused = 0;
    for (const std::string& url : url_like_strings(20000)) {
        const UrlParts parts = split_url(url);
        for (std::size_t n = 0; n <= url.size(); ++n) {
            if (const auto prefix = split_of_prefix(url, parts, n)) {
                ++reused;
                ASSERT_TRUE(*prefix == split_url(std::string_view(url).substr(0, n))) << url << " cut at " << n;
            }
        }
    }
    EXPECT_GT(reused, 20000u);   // the shortcut is taken, not only declined
}

TEST(UrlReadOnce, CutHandsOnTheSplitOfWhatItKeeps) {
    std::size_t with_parts = 0;
    std::size_t stop_free = 0;
    std::size_t backslash_free = 0;
    for (const std::string& url : url_like_strings(20000)) {
        for (const bool open : {false, true}) {
            for (const bool strip : {false, true}) {
                const UrlCut cut = cut_url_read(url, open, strip);
                ASSERT_EQ(cut.length, cut_url(url, open, strip));
                const std::string_view kept = std::string_view(url).substr(0, cut.length);
                if (cut.parts) {
                    ++with_parts;
                    ASSERT_TRUE(*cut.parts == split_url(kept)) << url;
                }
                if (cut.stop_free) {
                    ++stop_free;
                    ASSERT_EQ(kPreciseStops.find_in(kept), kept.size()) << url;
                }
                if (cut.backslash_free) {
                    ++backslash_free;
                    ASSERT_EQ(kept.find('\\'), std::string_view::npos) << url;
                }
            }
        }
    }
    EXPECT_GT(with_parts, 1000u);
    EXPECT_GT(stop_free, 1000u);
    EXPECT_GT(backslash_free, 10000u);
}

TEST(UrlReadOnce, RefangFromWhatWasReadIsTheRefang) {
    std::string buffer, expected, got;
    for (const std::string& url : url_like_strings(20000)) {
        refang_url(url, expected);
        const std::string_view slash_free = unescape_json_slashes(url, buffer);
        const UrlParts parts = split_url(url);
        const bool backslash_free = url.find('\\') == std::string::npos;
        refang_url_read(url, slash_free, &parts, backslash_free, got);
        ASSERT_EQ(got, expected) << url;
        refang_url_read(url, slash_free, nullptr, false, got);
        ASSERT_EQ(got, expected) << url;
    }
}

TEST(UrlReadOnce, RefangOfJsonSlashesReadsTheUnescapedText) {
    std::string buffer, got;
    const std::string url = "http:\\/\\/evil.example\\/a\\/b.php?id=1";
    refang_url_read(url, unescape_json_slashes(url, buffer), nullptr, false, got);
    EXPECT_EQ(got, "http://evil.example/a/b.php?id=1");
    // split_url() passes "<" before a host: the copy shortcut must not keep it.
    const std::string before_host = "http:\\/\\/<evil.example\\/a";
    refang_url_read(before_host, unescape_json_slashes(before_host, buffer), nullptr, false, got);
    EXPECT_EQ(got, "http://evil.example/a");
}

TEST(UrlReadOnce, EmailPartWithTheSplitIsTheSame) {
    for (const std::string& url : url_like_strings(20000)) {
        for (std::size_t n = 0; n <= url.size(); n += 3) {
            const std::string_view kept = std::string_view(url).substr(0, n);
            ASSERT_EQ(is_email_part(url, n, split_url(kept)), is_email_part(url, n)) << url << " cut at " << n;
        }
    }
}

/// trim_trailing_punctuation() as the spec words it, counting every bracket.
std::size_t trimmed_by_counting(std::string_view url) {
    long round = 0, square = 0, curly = 0;
    for (char c : url) {
        round += c == '(' ? 1 : c == ')' ? -1 : 0;
        square += c == '[' ? 1 : c == ']' ? -1 : 0;
        curly += c == '{' ? 1 : c == '}' ? -1 : 0;
    }
    const std::string_view trailing = ".?>\"')!,}:;]`";
    std::size_t n = url.size();
    while (n > 1 && trailing.find(url[n - 1]) != std::string_view::npos) {
        const char c = url[n - 1];
        if ((c == ')' && round + 1 > 0) || (c == ']' && square + 1 > 0) || (c == '}' && curly + 1 > 0)) break;
        if (c == '.' && url[n - 2] == '\\') break;
        round += c == ')';
        square += c == ']';
        curly += c == '}';
        --n;
    }
    return n;
}

TEST(UrlReadOnce, TrimCountsBracketsOnlyWhenItMust) {
    for (const std::string& url : url_like_strings(20000)) {
        ASSERT_EQ(trim_trailing_punctuation(url), trimmed_by_counting(url)) << url;
    }
    EXPECT_EQ(trim_trailing_punctuation("http://a.example/x)."), 18u);
    EXPECT_EQ(trim_trailing_punctuation("http://a.example/(x)."), 20u);
    EXPECT_EQ(trim_trailing_punctuation("evil\\."), 6u);
}

TEST(UrlReadOnce, PreciseLengthEndsAQuotedLogUrlAtTheQuote) {
    EXPECT_EQ(precise_length("https://www.example.net/\""), 24u);
    EXPECT_EQ(precise_length("http://a.example/x\" \"curl"), 18u);
    // Not a kept scheme: the general path, same rule.
    EXPECT_EQ(precise_length("hxxp://a.example/x\""), 18u);
}

}  // namespace
}  // namespace iocscan::detail
