// Encoded URLs (issue 4): the hex, percent and base64 rules, the decoding
// post-pass, and their output, beyond the contract's enc-* rows.
#include "linear_time.hpp"
#include "families/encoded_url/encoded_url.hpp"
#include "simd/encoded_url_skip.hpp"
#include "support/input_encodings.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

/// RFC 4648 base64 with padding; the tests' own encoder, so that the inputs
/// do not come from the code under test.
std::string base64(const std::string& bytes) {
    static const char* const kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                           static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(v >> shift) & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string hex(const std::string& bytes, bool upper = false) {
    static const char* const kLower = "0123456789abcdef";
    static const char* const kUpper = "0123456789ABCDEF";
    const char* digits = upper ? kUpper : kLower;
    std::string out;
    for (const char c : bytes) {
        out += digits[static_cast<unsigned char>(c) >> 4];
        out += digits[static_cast<unsigned char>(c) & 15];
    }
    return out;
}

std::vector<Found> scan_urls(const std::string& text, bool refang, std::size_t piece = 0) {
    return scan_pieces(text, options_for({Type::url}, refang), piece);
}
V decoded(const std::string& text) { return values_of(scan_urls(text, true), Type::url); }
V as_written(const std::string& text) { return values_of(scan_urls(text, false), Type::url); }

// --- hex

TEST(EncodedHex, LowerUpperAndMixedCaseDigitsAndScheme) {
    EXPECT_EQ(decoded("a " + hex("http://a.example/x") + " b"), V{"http://a.example/x"});
    EXPECT_EQ(decoded(hex("https://a.example/x", true)), V{"https://a.example/x"});
    EXPECT_EQ(decoded("687474703A2f2F612e6578616D706c65"), V{"http://a.example"});
    // Decoded URLs are refanged as the same URLs written out would be.
    EXPECT_EQ(decoded(hex("HTTP://A.example/") + " " + hex("ftp://f.example/") + " " + hex("FTPS://g.example/")),
              (V{"http://A.example/", "ftp://f.example/", "http://g.example/"}));
    EXPECT_EQ(as_written(hex("FTPS://g.example/")), V{hex("FTPS://g.example/")});
}

TEST(EncodedHex, StopsAtTheFirstPairThatIsNoUrlCharacter) {
    const std::string url = hex("http://a.example/x");
    const auto found = scan_urls("id " + url + "00ff" + hex("/y") + " end", false);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].raw, url);
    EXPECT_EQ(found[0].offset, 3u);
    EXPECT_EQ(found[0].encoding, "hex");
    EXPECT_EQ(found[0].rules, V{"hex"});
    // A space, '"' or '<' ends it too.
    EXPECT_EQ(decoded(hex("http://b.example/p q")), V{"http://b.example/p"});
    EXPECT_EQ(decoded(hex("http://b.example/\"q")), V{"http://b.example/"});
}

TEST(EncodedHex, FoundAfterAPrefixOrOddHexDigits) {
    EXPECT_EQ(decoded("0x" + hex("http://a.example/")), V{"http://a.example/"});
    EXPECT_EQ(decoded("abc" + hex("http://b.example/")), V{"http://b.example/"});
}

TEST(EncodedHex, SchemeAloneOrNoHostGivesNothing) {
    EXPECT_EQ(decoded(hex("http://") + " and " + hex("http:///")), V{});
    EXPECT_EQ(as_written(hex("http://")), V{});
    EXPECT_EQ(decoded("6874747"), V{});
}

TEST(EncodedHex, IocextractsOwnHexCases) {
    const std::string url = "http://example.com/pa_th.doc?q=a#b";
    for (const std::string& text : {url, "  " + url + "  ", "\r\n" + url + "\r\n", "\t\t" + url + "\t\t",
                                    "words" + url + " words"}) {
        EXPECT_EQ(decoded(hex(text)), V{url}) << text;
        EXPECT_EQ(decoded(hex(text, true)), V{url}) << text;
    }
}

// --- percent

TEST(EncodedPercent, IocextractsOwnPercentCases) {
    EXPECT_EQ(decoded("rget=\"http%3A%2F%2Fexample%2Ecom%2Fwhite%2Ehta\"/>"), V{"http://example.com/white.hta"});
    EXPECT_EQ(decoded("http%3A%2F%2Fexample%2Ecom"), V{"http://example.com"});
    EXPECT_EQ(as_written("http%3A%2F%2Fexample%2Ecom"), V{"http%3A%2F%2Fexample%2Ecom"});
    EXPECT_EQ(decoded("http%3A%2F%2Fexa-mple%2Ecom"), V{"http://exa-mple.com"});
}

TEST(EncodedPercent, AnyCaseAndQueryCharacters) {
    EXPECT_EQ(decoded("u=HTTPS%3a%2f%2fa.example%2Fp%3Fq%3D1%26r%3D2&x"), V{"https://a.example/p?q=1&r=2"});
    EXPECT_EQ(decoded("ftp%3A%2F%2Ff.example%2Fa~b_c-d.zip."), V{"ftp://f.example/a~b_c-d.zip"});
    EXPECT_EQ(as_written("(see http%3A%2F%2Fa.example%2Fx)."), V{"http%3A%2F%2Fa.example%2Fx"});
}

TEST(EncodedPercent, StrayPercentEndsTheUrl) {
    EXPECT_EQ(as_written("http%3A%2F%2Fa.example%2Fx%zz"), V{"http%3A%2F%2Fa.example%2Fx"});
    EXPECT_EQ(decoded("http%3A%2F%2F%"), V{});
}

TEST(EncodedPercent, InsideAPlainUrlBothAreReportedEachWithItsRule) {
    const std::string text = "go http://r.example/?to=http%3A%2F%2Fevil.example%2Fx&y=1 now";
    const auto found = scan_urls(text, true);
    ASSERT_EQ(found.size(), 2u) << describe(found);
    EXPECT_EQ(found[0].value, "http://r.example/?to=http%3A%2F%2Fevil.example%2Fx&y=1");
    EXPECT_EQ(found[0].rules, V{"generic"});
    EXPECT_EQ(found[0].encoding, "");
    EXPECT_EQ(found[1].value, "http://evil.example/x");
    EXPECT_EQ(found[1].raw, "http%3A%2F%2Fevil.example%2Fx");
    EXPECT_EQ(found[1].offset, text.find("http%3A"));
    EXPECT_EQ(found[1].rules, V{"percent"});
    EXPECT_EQ(found[1].encoding, "percent");
}

// --- base64

TEST(EncodedBase64, EachOfTheThreeAlignments) {
    for (const std::string scheme : {"http://", "https://", "ftp://", "ftps://"}) {
        for (const std::string prefix : {"", "A", "AB", "xyz", "x=1&u="}) {
            const std::string url = scheme + "evil.example/gate.php";
            const std::string blob = base64(prefix + url);
            const auto found = scan_urls("data " + blob + " end", true);
            ASSERT_EQ(found.size(), 1u) << blob << "\n" << describe(found);
            // Refang writes schemes other than http, https and ftp as http.
            const std::string expected = scheme == "ftps://" ? "http://evil.example/gate.php" : url;
            EXPECT_EQ(found[0].value, expected) << blob;
            EXPECT_EQ(found[0].encoding, "base64");
            EXPECT_EQ(found[0].defanged, true);
            // The span starts at the group holding the scheme's first byte.
            const std::size_t skipped_groups = prefix.size() / 3;
            EXPECT_EQ(found[0].raw, blob.substr(skipped_groups * 4)) << blob;
            EXPECT_EQ(found[0].offset, 5 + skipped_groups * 4);
        }
    }
}

TEST(EncodedBase64, Utf16LittleEndianAtEachAlignment) {
    for (const std::string scheme : {"http://", "https://", "ftp://"}) {
        for (const std::string prefix : {"", "A", "AB", "IEX (iwr '"}) {
            const std::string url = scheme + "ps.example.org/a.ps1";
            const std::string blob = base64(utf16le(prefix + url + "')"));
            const auto found = scan_urls("powershell -enc " + blob + "\n", true);
            ASSERT_EQ(found.size(), 1u) << blob << "\n" << describe(found);
            EXPECT_EQ(found[0].value, url) << blob;
            EXPECT_EQ(found[0].encoding, "base64");
        }
    }
    // Every URL of a wide script, as for ASCII.
    const std::string script = "$a='http://one.example/1'; $b='https://two.example/2'";
    EXPECT_EQ(decoded("-enc " + base64(utf16le(script))), (V{"http://one.example/1", "https://two.example/2"}));
}

/// Every mix of upper and lower case letters of `scheme` ("http" gives
/// "http", "Http", ..., "HTTP").
V case_mixes(const std::string& scheme) {
    V out;
    for (unsigned mask = 0; mask < (1u << scheme.size()); ++mask) {
        std::string mix = scheme;
        for (std::size_t i = 0; i < mix.size(); ++i) {
            if ((mask >> i & 1) != 0) mix[i] = static_cast<char>(mix[i] - 'a' + 'A');
        }
        out.push_back(mix);
    }
    return out;
}

TEST(EncodedBase64, SchemesInAnyMixOfCasesAtEachAlignment) {
    for (const std::string scheme : {"http", "https", "ftp", "ftps"}) {
        // Refang writes schemes other than http, https and ftp as http.
        const std::string refanged = scheme == "ftps" ? "http" : scheme;
        for (const std::string& mix : case_mixes(scheme)) {
            for (const std::string prefix : {"", "A", "AB", "xyz", "x=1&u="}) {
                const std::string blob = base64(prefix + mix + "://evil.example/gate.php");
                const auto found = scan_urls("data " + blob + " end", true);
                ASSERT_EQ(found.size(), 1u) << mix << " " << blob << "\n" << describe(found);
                EXPECT_EQ(found[0].value, refanged + "://evil.example/gate.php") << blob;
                const std::size_t skipped_groups = prefix.size() / 3;
                EXPECT_EQ(found[0].raw, blob.substr(skipped_groups * 4)) << blob;
                // The same in UTF-16LE (PowerShell's -EncodedCommand).
                const std::string wide = base64(utf16le(prefix + mix + "://ps.example.org/a.ps1')"));
                EXPECT_EQ(decoded("powershell -enc " + wide + "\n"), V{refanged + "://ps.example.org/a.ps1"})
                    << mix << " " << wide;
            }
        }
    }
    // The spellings, each at the three alignments, in a wrapped blob
    // too; and the same results whatever the chunk size.
    std::string text;
    V expected;
    for (const std::string mix : {"HTTP", "HTtp", "FtP"}) {
        for (const std::string prefix : {"", "A", "AB"}) {
            const std::string blob = base64(prefix + mix + "://evil.example/" + prefix + "x");
            text += "b64 " + blob.substr(0, 10) + "\r\n  " + blob.substr(10) + "\n.\n";
            expected.push_back((mix == "FtP" ? "ftp" : "http") + std::string("://evil.example/") + prefix + "x");
        }
    }
    EXPECT_EQ(decoded(text), expected) << text;
    const auto whole = scan_urls(text, true);
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(scan_urls(text, true, piece), whole) << "piece " << piece;
}

TEST(EncodedBase64, ABlobWithThreeUrlsGivesThreeValuesRefangedAndOneAsWritten) {
    const std::string blob =
        base64("visit http://a.example/1 or ftp://b.example/2\nsee https://c.example/3.");
    const auto found = scan_urls("body: " + blob + "\n", true);
    ASSERT_EQ(found.size(), 3u) << describe(found);
    EXPECT_EQ(values_of(found, Type::url), (V{"http://a.example/1", "ftp://b.example/2", "https://c.example/3"}));
    for (const auto& f : found) {
        EXPECT_EQ(f.raw, found[0].raw);
        EXPECT_EQ(f.offset, found[0].offset);
    }
    const auto raw = scan_urls("body: " + blob + "\n", false);
    ASSERT_EQ(raw.size(), 1u) << describe(raw);
    EXPECT_EQ(raw[0].value, raw[0].raw);
}

TEST(EncodedBase64, LineBreaksAnywhereInsideTheText) {
    const std::string blob = base64("http://wrapped.example/a/long/path?with=query");
    for (const std::string brk : {"\n", "\r\n", "\n    ", "\r\n\t"}) {
        for (std::size_t at = 1; at < blob.size(); at += 3) {
            const std::string text = "x " + blob.substr(0, at) + brk + blob.substr(at) + "\n";
            EXPECT_EQ(decoded(text), V{"http://wrapped.example/a/long/path?with=query"})
                << "break after " << at;
        }
    }
    // A blank line ends the text: what is left, "http://wrapped", is a stub
    // with no top-level domain, no URL. (A space between groups no longer
    // does, see BlanksBetweenGroups.)
    EXPECT_EQ(decoded(blob.substr(0, 20) + "\n\n" + blob.substr(20)), V{});
    EXPECT_EQ(decoded(blob.substr(0, 32) + "\n\n" + blob.substr(32)), V{"http://wrapped.example/a"});
}

TEST(EncodedBase64, BlanksBetweenGroups) {
    // The example, and the spec's "whitespace allowed inside".
    EXPECT_EQ(decoded("aHR0cDovL2V4 YW1wbGUuY29t"), V{"http://example.com"});
    EXPECT_EQ(decoded("x aHR0cDovL2V4\tYW1wbGUuY29t end"), V{"http://example.com"});
    EXPECT_EQ(decoded("aHR0cDovL2V4        YW1wbGUuY29t"), V{"http://example.com"});   // 8 blanks
    EXPECT_EQ(decoded("SFRUUDovL2V4 YW1wbGUuY29t"), V{"http://example.com"});   // HTTP://
    // A following word is not glued on: "The " is no group, "Then" decodes
    // to bytes that are no URL bytes ("N", 0x17, 0xa7).
    EXPECT_EQ(decoded("aHR0cDovL2V4YW1wbGUuY29t The next line"), V{"http://example.com"});
    EXPECT_EQ(decoded("aHR0cDovL2V4YW1wbGUuY29t Then more"), V{"http://example.com"});
    EXPECT_EQ(decoded("aHR0cDovL2V4YW1wbGUuY29t this data"), V{"http://example.com"});
    const auto found = scan_urls("aHR0cDovL2V4YW1wbGUuY29t Then more", false);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].raw, "aHR0cDovL2V4YW1wbGUuY29t");
    // Only between groups, and at most 8 blanks: otherwise the text ends
    // and "http://ex" is a stub, no URL.
    EXPECT_EQ(decoded("aHR0cDovL2V 4YW1wbGUuY29t"), V{});
    EXPECT_EQ(decoded("aHR0cDovL2V4         YW1wbGUuY29t"), V{});   // 9 blanks
    // Every 12, 16 or 20 characters, with spaces, tabs or indented lines.
    // (Blanks inside the scheme's spelling end it: "aHR0 cDov" is no text.)
    EXPECT_EQ(decoded(base64("http://wrapped.example/a").insert(4, " ")), V{});
    const std::string url = "http://wrapped.example/a/long/path?with=query";
    const std::string blob = base64(url);
    std::string text = "log: ";
    for (std::size_t every : {12u, 16u, 20u}) {
        for (const std::string blank : {" ", "\t", "  \t ", "\n    "}) {
            std::string spaced;
            for (std::size_t at = 0; at < blob.size(); at += every) {
                spaced += (at == 0 ? "" : blank) + blob.substr(at, every);
            }
            EXPECT_EQ(decoded(spaced + "\n"), V{url}) << spaced;
            text += spaced + " next\n";
        }
    }
    const auto whole = scan_urls(text, true);
    EXPECT_EQ(whole.size(), 12u) << describe(whole);
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(scan_urls(text, true, piece), whole) << "piece " << piece;
}

TEST(EncodedBase64, ANextLineThatIsNotBase64ToItsEndIsNotGluedOn) {
    const std::string one = base64("cmd=http://a.example/x?id=250");
    const std::string two = base64("http://b.example/y");
    // A log line after the blob: "The" would decode to "N..." after "250".
    EXPECT_EQ(decoded("payload=" + one + "\nThe next line\n"), V{"http://a.example/x?id=250"});
    EXPECT_EQ(decoded("payload=" + one + "\nReceived: from x\n"), V{"http://a.example/x?id=250"});
    // The next line starts a blob of its own: both are found.
    EXPECT_EQ(decoded(one + "\n" + two + " and text"), (V{"http://a.example/x?id=250", "http://b.example/y"}));
    const auto found = scan_urls(one + "\r\nThe end", false);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].raw, one.substr(4));   // from the group holding the scheme
    // A wrapped blob whose lines are base64 to their ends stays one text,
    // also when it is the last thing in the input.
    const std::string wrapped = base64("<a href=\"http://c.example/long/path/to/the/page/index.html\">x</a>");
    EXPECT_EQ(decoded(wrapped.substr(0, 40) + "\r\n" + wrapped.substr(40, 40) + "\r\n" + wrapped.substr(80) +
                      "\r\n--boundary--\r\n"),
              V{"http://c.example/long/path/to/the/page/index.html"});
    EXPECT_EQ(decoded(wrapped.substr(0, 40) + "\n" + wrapped.substr(40)),
              V{"http://c.example/long/path/to/the/page/index.html"});
}

TEST(EncodedBase64, SameResultsAtEveryPieceSize) {
    std::string text = "mail\r\n" + base64("x=http://a.example/1 http://b.example/2") + "\r\n";
    text += "hex " + hex("https://c.example/") + " pct http%3A%2F%2Fd.example%2F ";
    const std::string wrapped = base64("body http://e.example/wrapped/path/that/is/long/enough/to/wrap");
    text += wrapped.substr(0, 30) + "\r\n " + wrapped.substr(30) + "\n";
    // Padding ends a line, then text follows on it (found by the fuzzer:
    // whether that line joins the blob must not depend on the chunk edge).
    text += "aHR0cDovL2E\n uZXhhbXBsZS9i==d=\n";
    const auto whole = scan_urls(text, true);
    // The last line's blob decodes to the stub "http://a": no URL.
    ASSERT_EQ(whole.size(), 5u) << describe(whole);
    for (std::size_t piece : {1, 2, 3, 5, 7, 13, 64}) {
        EXPECT_EQ(scan_urls(text, true, piece), whole) << "piece " << piece;
    }
}

TEST(EncodedBase64, TruncatedOrGarbageTextInventsNothing) {
    EXPECT_EQ(decoded("aHR0cDovL"), V{});            // "http:/"
    EXPECT_EQ(decoded("aHR0cDovL!!!!"), V{});
    EXPECT_EQ(decoded("aHR0cDovL2E=x=="), V{});   // the stub "http://a"
    EXPECT_EQ(decoded("aHR0cDovL2EuY29t=x=="), V{"http://a.com"});
    EXPECT_EQ(decoded("aHR0cDovL2V4YW1wbGUuY29t===="), V{"http://example.com"});
    // Random base64 characters with schemes mixed in: every value found is a
    // URL that begins with a scheme, and nothing crashes.
    std::mt19937 rng(11);
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n ";
    std::string text;
    for (int i = 0; i < 200000; ++i) {
        text += rng() % 50 == 0 ? std::string("aHR0cDovL") : std::string(1, alphabet[rng() % alphabet.size()]);
    }
    for (const auto& value : decoded(text)) {
        EXPECT_TRUE(value.starts_with("http://")) << value;
    }
}

TEST(EncodedBase64, BinaryDecodedBytesStayOutOfValuesAndJsonStaysValid) {
    const std::string blob = base64(std::string("\xff\xfe") + "http://bin.example/\x80\x81\x00x" + "\xc3");
    const auto r = run_iocscan({"--jsonl", "--refang"}, "b64 " + blob + "\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const JsonValue record = parse_json(r.out);
    EXPECT_EQ(record.at("value").string, "http://bin.example/");
    EXPECT_EQ(record.at("encoding").string, "base64");
    EXPECT_EQ(record.at("raw").string, blob);
    EXPECT_EQ(record.at("offset").number, 4);
}

TEST(EncodedBase64, LongerThanOneMebibyteIsDroppedAndCounted) {
    std::string text = base64("http://big.example/" + std::string(800 * 1024, 'a'));
    text += " then " + base64("http://small.example/") + "\n";
    Scanner scanner(options_for({Type::url}, true));
    V values;
    const auto keep = [&](const Match& m) {
        values.emplace_back(m.value);
        return true;
    };
    for (std::size_t at = 0; at < text.size(); at += 4096) {
        scanner.feed(std::string_view(text).substr(at, 4096), keep);
    }
    scanner.finish(keep);
    EXPECT_EQ(values, V{"http://small.example/"});
    EXPECT_EQ(scanner.stats().dropped_overlong, 1u);
}

// --- hostile input: linear time

TEST(EncodedLinear, TenMegabyteLinesWithoutUrls) {
    const Options options = options_for({Type::url});
    std::mt19937 rng(5);
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string random_base64;
    while (random_base64.size() < (10u << 20)) random_base64 += alphabet[rng() % alphabet.size()];
    const std::vector<std::pair<std::string, std::string>> hostile = {
        {"random base64", random_base64},
        {"aHaHaH", repeated("aH", 10u << 20)},
        {"base64 scheme prefixes", repeated("aHR0cDov", 10u << 20)},
        {"UTF-16LE base64 prefixes", repeated("aAB0AHQAcAA6AC8A", 10u << 20)},
        {"upper case base64 scheme prefixes", repeated("SFRUUDov", 10u << 20)},
        {"base64 words", repeated("aHR0 ", 10u << 20)},
        {"base64 URL stubs and blanks", repeated("aHR0cDovL2V4 YW1w ", 10u << 20)},
        {"mixed case base64 scheme starts", repeated("SFhUIVFRQUF", 10u << 20)},
        {"base64 of zero bytes", repeated("AAAA", 10u << 20)},
        {"odd line breaks", repeated("od\n", 10u << 20)},
        {"hex scheme prefixes", repeated("6874747", 10u << 20)},
        {"hex digits", repeated("68686868", 10u << 20)},
        {"percent signs", repeated("http%3A%2F%", 10u << 20)},
        {"indented breaks", repeated("x\n        ", 10u << 20)},
    };
    for (const auto& [name, text] : hostile) {
        double ratio = 0;
        EXPECT_TRUE(scans_in_linear_time(text, options, &ratio)) << name << ": " << ratio << "x prose";
    }
}

TEST(EncodedLinear, SixtyFourMegabyteBase64LineThroughThePipeInBoundedMemory) {
    std::string block;
    std::mt19937 rng(3);
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    while (block.size() < (1u << 20)) block += alphabet[rng() % alphabet.size()];
    int sent = 0;
    const std::vector<std::string> args = {"--jsonl", "--refang", "--stats"};
    const long baseline = baseline_rss_kib(args);
    const auto r = run_iocscan_streaming(args, [&](std::string& piece) {
        if (sent == 64) return false;
        piece = ++sent == 64 ? block + " " + base64("http://tail.example/") + "\n" : block;
        return true;
    });
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::istringstream lines(r.out);
    std::string last;
    for (std::string line; std::getline(lines, line);) last = line;
    ASSERT_FALSE(last.empty()) << r.err;
    EXPECT_EQ(parse_json(last).at("value").string, "http://tail.example/");
    // A sanitizer's shadow memory and quarantine make the figure meaningless.
    if (!kSanitized) {
        EXPECT_LT(r.max_rss_kib - baseline, 32 * 1024) << "peak RSS in KiB over the baseline";
    }
}

// --- selection and output

TEST(EncodedSelection, UrlPlainAndUrlEncodedOnTheCommandLine) {
    const std::string text = "a http://plain.example/ b " + hex("http://hex.example/") + "\n";
    const auto encoded = run_iocscan({"--types", "url:encoded", "--refang"}, text);
    EXPECT_EQ(encoded.out, "http://hex.example/\n") << encoded.err;
    const auto plain = run_iocscan({"--types", "url:plain", "--refang"}, text);
    EXPECT_EQ(plain.out, "http://plain.example/\n") << plain.err;
    const auto both = run_iocscan({"--extract-urls", "--refang"}, text);
    EXPECT_EQ(both.out, "http://plain.example/\nhttp://hex.example/\n") << both.err;
    const auto csv = run_iocscan({"--types", "url:encoded", "--format", "csv"}, text);
    EXPECT_NE(csv.out.find(",hex,hex\r\n"), std::string::npos) << csv.out;
}

TEST(EncodedSelection, LibraryFlagsPickTheRules) {
    Options options = options_for({Type::url}, true);
    options.url_plain = false;
    const std::string text = "http://plain.example/ " + base64("http://b64.example/");
    EXPECT_EQ(values_of(scan_pieces(text, options), Type::url), V{"http://b64.example/"});
    options.url_plain = true;
    options.url_encoded = false;
    EXPECT_EQ(values_of(scan_pieces(text, options), Type::url), V{"http://plain.example/"});
}

TEST(EncodedOutput, DefangShowsTheDecodedUrlDefanged) {
    Options options = options_for({Type::url});
    options.defang = true;
    EXPECT_EQ(values_of(scan_pieces(hex("http://evil.example/x"), options), Type::url),
              V{"hxxp://evil[.]example/x"});
}

TEST(EncodedOutput, StixAndJsonHoldTheDecodedUrl) {
    const std::string text = "cfg " + hex("http://evil.example/a") + "\n";
    const auto stix = run_iocscan({"--format", "stix"}, text, {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    EXPECT_NE(stix.out.find("[url:value = 'http://evil.example/a']"), std::string::npos) << stix.out;
    EXPECT_EQ(stix.out.find(hex("http://")), std::string::npos) << stix.out;
    const auto json = run_iocscan({"--json", "--refang"}, text);
    EXPECT_EQ(json.out, "{\"urls\":[\"http://evil.example/a\"]}\n") << json.err;
}

// --- decoders on their own

TEST(EncodedDecoders, BoundedAndForgiving) {
    std::string out;
    detail::decode_hex("6869a", out);
    EXPECT_EQ(out, "hi");
    detail::decode_hex("68zz69", out);
    EXPECT_EQ(out, "h");
    detail::decode_percent("a%2Fb%2g%", out);
    EXPECT_EQ(out, "a/b%2g%");
    detail::decode_percent("%41%4", out);
    EXPECT_EQ(out, "A%4");
    detail::decode_base64("aGk=", out);
    EXPECT_EQ(out, "hi");
    detail::decode_base64("aG\r\n k", out);
    EXPECT_EQ(out, "hi");
    detail::decode_base64("a", out);
    EXPECT_EQ(out, "");
    detail::decode_base64("aGk*aGk=", out);
    EXPECT_EQ(out, "hi");
    out = std::string("x\0h\0t\0t\0p\0", 10);
    detail::narrow_utf16le(out);
    EXPECT_EQ(out, "xhttp");
    out = std::string("\0h\0tp", 6);
    detail::narrow_utf16le(out);
    EXPECT_EQ(out.size(), 6u);   // no wide scheme: bytes kept
}

// The skips pass over text with AVX2 when the CPU has it and with SSE2
// otherwise; both must stop at the same places. Text full of what their
// cheap tests look for (scheme spellings in base64, "at"/"dot" and brackets,
// YARA keywords, colons), at every offset and piece size.
TEST(Skips, Sse2AndAvx2PathsFindTheSame) {
    const std::string parts[] = {
        base64("see http://b64.example/a"), base64("x https://b64.example/bb"),
        base64(utf16le("  http://wide.example/c")), "aHR0", "ZnRw", "odHRw", "mAHQA", "aA\nB0", "Z0\r\ncDov",
        "ops at example dot org", "ops[at]example[.]org", "x (at) y (dot) z", "a@b.example", " [ at ] ",
        "{dot}", " do ", " at", "worker[42]", "rule r { condition: true }", "import \"pe\"", "include",
        "// note\n", "/* c */", "private rule p { condition: false }", "global", "gl", "pri", "imp",
        "2001:db8::1", "fe80::1%eth0", "07T12:10:00Z", "IPv6:2001:db8::2", "g:1::2", "12:34:56", "::",
        "687474703a2f2f6865782e6578616d706c652f78", "http%3A%2F%2Fpct.example%2Fy", "\n", "\r\n", "  ", "\t",
        "plain words and more words", "Zg", "h0", "YA", "10.0.0.1", "1[.]2[.]3[.]4", "5]]", "7\\.8", "4]",
        "10.1.2.0/24", "1(.)2(.)3(.)4", "9[dot]8[dot]7[dot]6", "6]]6.5.4", "v1.2.3", "[1234]", "8(",
    };
    // Spellings broken across lines after their first, second or third character.
    std::vector<std::string> broken;
    for (const std::string& url : {std::string("http://b.example/1"), std::string("https://b.example/2"),
                                   std::string("ftp://b.example/3")}) {
        for (const std::string& blob : {base64(url), base64("." + url), base64(".." + url), base64(utf16le(url))}) {
            for (const std::size_t at : {1, 2, 3}) {
                broken.push_back(blob.substr(0, at) + "\n " + blob.substr(at));
                broken.push_back(blob.substr(0, at) + "\r\n\t" + blob.substr(at));
            }
        }
    }
    std::mt19937 random(7);
    std::string text;
    while (text.size() < 60000) {
        if (random() % 3 == 0) text += broken[random() % broken.size()];
        text += parts[random() % std::size(parts)];
        text += std::string(random() % 3, " .-_x"[random() % 5]);
    }
    const Options options =
        options_for({Type::url, Type::email, Type::yara, Type::ipv6, Type::ipv4, Type::md5, Type::sha1});
    for (const std::size_t piece : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{33}, std::size_t{4096}}) {
        for (std::size_t from = 0; from < 40; from += 13) {
            const std::string slice = text.substr(from);
            detail::skip::set_avx2_for_tests(false);
            const auto sse2 = scan_pieces(slice, options, piece);
            detail::skip::set_avx2_for_tests(true);
            const auto avx2 = scan_pieces(slice, options, piece);
            EXPECT_GT(sse2.size(), 100u);
            EXPECT_EQ(sse2, avx2) << piece << " " << from;
        }
    }
}

}  // namespace
}  // namespace iocscan::test
