// URL edge cases beyond the contract's table: the three plain-text rules,
// the post-pass (trim, --open, --strip-urls, refang, defang, --rm-scheme),
// the span merging of the candidate queue and the 64 KiB limit.
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <random>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

Options url_options(bool refang) { return options_for({Type::url}, refang); }

std::vector<std::string> urls(const std::string& text, bool refang = false) {
    return values_of(scan_pieces(text, url_options(refang)), Type::url);
}
std::vector<std::string> refanged(const std::string& text) { return urls(text, true); }

std::vector<std::string> urls_with(const std::string& text, void (*tweak)(Options&)) {
    Options options = url_options(false);
    tweak(options);
    return values_of(scan_pieces(text, options), Type::url);
}

TEST(Url, EverySchemeSpelling) {
    EXPECT_EQ(refanged("hxxp://a.example/1 hXXps://b.example/2 h__p://c.example/3 HTTP://d.example/4"),
              (V{"http://a.example/1", "https://b.example/2", "http://c.example/3", "http://d.example/4"}));
    EXPECT_EQ(refanged("ftp://a.example/1 fxp://b.example/2 ftx://c.example/3 sftp://d.example/4"),
              (V{"ftp://a.example/1", "ftp://b.example/2", "ftp://c.example/3", "http://d.example/4"}));
    EXPECT_EQ(refanged("tcp://a.example:1/ udp://b.example:2/ https://c.example/ hxxps://d.example/"),
              (V{"http://a.example:1/", "http://b.example:2/", "https://c.example/", "https://d.example/"}));
    // As written, without --refang.
    EXPECT_EQ(urls("get hXXps://b.example/2 now"), V{"hXXps://b.example/2"});
}

// "http[s]" means "http or https": a URL from its scheme, read as https
// (the safer reading, and what defang tools mean by it).
TEST(Url, SchemeWithTheSInBrackets) {
    EXPECT_EQ(urls("get http[s]://evil.example/a now"), V{"http[s]://evil.example/a"});
    EXPECT_EQ(urls("hxxp[s]://evil[.]example/b hxxps[:]//c.example/ http(s)://d.example/ HXXP(S)[:]//e[.]example"),
              (V{"hxxp[s]://evil[.]example/b", "hxxps[:]//c.example/", "http(s)://d.example/",
                 "HXXP(S)[:]//e[.]example"}));
    EXPECT_EQ(refanged("http[s]://evil.example/a hxxp[s]://evil[.]example/b hxxp(s)[://]c.example fxp[s]://d.example"),
              (V{"https://evil.example/a", "https://evil.example/b", "https://c.example", "ftp://d.example"}));
    EXPECT_EQ(refang(Type::url, "http[s]://evil.example/a"), "https://evil.example/a");
    EXPECT_EQ(defang(Type::url, "http[s]://evil.example/a"), "hxxps://evil[.]example/a");
    EXPECT_EQ(defang(Type::url, "hxxp(s)[:]//evil[.]example/a"), "hxxps://evil[.]example/a");
    // Only an s, only after the scheme's p or x, and only before a separator.
    EXPECT_TRUE(urls("http[ss]://a.example/ http[x]://b.example/ http[s]c.example ht[s]://d.example "
                     "hxxps[s]://e.example/").empty());
}

// The scheme's middle letters in brackets, a defang of their own
// (before: "h[xx]ps://x[.]net/p" gave "ps://x[.]net/p", "h[tt]ps://" gave
// "tt]ps://..."; "h[xx]p://evil.com/p" gave nothing).
TEST(Url, SchemeWithItsMiddleInBrackets) {
    const std::string text = "a h[xx]ps://x[.]net/p b h[tt]ps://y.example/q c h[xx]p://evil.com/p "
                             "d H(XX)PS[:]//z.example e h[**]p://w.example f h**p://v.example/ g hXXps[:]//u[.]net/";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(values_of(scan_pieces(text, url_options(false), piece), Type::url),
                  (V{"h[xx]ps://x[.]net/p", "h[tt]ps://y.example/q", "h[xx]p://evil.com/p", "H(XX)PS[:]//z.example",
                     "h[**]p://w.example", "h**p://v.example/", "hXXps[:]//u[.]net/"}))
            << piece;
    }
    EXPECT_EQ(refanged(text), (V{"https://x.net/p", "https://y.example/q", "http://evil.com/p", "https://z.example",
                                 "http://w.example", "http://v.example/", "https://u.net/"}));
    EXPECT_EQ(refang(Type::url, "h[xx]ps://x[.]net/p"), "https://x.net/p");
    EXPECT_EQ(defang(Type::url, "h[tt]ps://y.example/q"), "hxxps://y[.]example/q");
    // Only one or two letters (or "*", "_") between the brackets, right after
    // the first letter, and a p or x after them.
    EXPECT_TRUE(urls("h[xxx]ps://a.example/ h[x.]p://c.example/ h[xx]q://d.example/ "
                     "h[xx)p://e.example/").empty());
}

TEST(Url, EverySeparatorSpelling) {
    EXPECT_EQ(urls("http://a.example/ http:\\\\b.example/ http[:]//c.example/ http__d.example/ "
                   "http:__e.example/"),
              (V{"http://a.example/", "http:\\\\b.example/", "http[:]//c.example/", "http__d.example/",
                 "http:__e.example/"}));
    EXPECT_EQ(refanged("http:\\\\b.example/ http[:]//c.example/ http__d.example/ http:__e.example/"),
              (V{"http://b.example/", "http://c.example/", "http://d.example/", "http://e.example/"}));
}

TEST(Url, DefangBracketsAndSpacesAfterTheSeparator) {
    EXPECT_EQ(refanged("http://[evil.example]/x http:// evil.example/y http://(evil.example)/z"),
              (V{"http://evil.example/x", "http://evil.example/y", "http://evil.example/z"}));
    // More than 16 of them: not a URL.
    EXPECT_TRUE(urls("http://" + std::string(17, '(') + "evil.example/x").empty());
}

TEST(Url, SchemeNeedsNoWordBoundaryBeforeIt) {
    EXPECT_EQ(urls("xhttp://a.example/b"), V{"http://a.example/b"});
    EXPECT_TRUE(urls("http:/a.example http//b.example ftp:/c").empty());
}

TEST(Url, DefangedDotsInHostAndPath) {
    EXPECT_EQ(refanged("hxxp://evil[.]example(.)net/a[.]b(.)c"), V{"http://evil.example.net/a.b.c"});
    EXPECT_EQ(refanged("hxxp://evil[ . ]example[dot]net(DOT)org/x"), V{"http://evil.example.net.org/x"});
    EXPECT_EQ(refanged("hxxp://evil\\.example\\.net/a\\.b"), V{"http://evil.example.net/a.b"});
    EXPECT_EQ(refanged("evil[.]example/a[.]php evil(.)example/b(.)php"),
              (V{"http://evil.example/a.php", "http://evil.example/b.php"}));
    EXPECT_EQ(refanged("evil[ . ]example/x evil\\.example/y"),
              (V{"http://evil.example/x", "http://evil.example/y"}));
    EXPECT_EQ(refanged("hxxp://evil.example[:]8080[/]gate(/)x.php"), V{"http://evil.example:8080/gate/x.php"});
}

TEST(Url, BracketRuleStartsAtAWordBoundary) {
    EXPECT_EQ(urls("([.]evil[.]example) 'evil[.]net' x=evil[.]org"),
              (V{"evil[.]example", "evil[.]net", "evil[.]org"}));
    // Before the first defanged dot, brackets count only in defang tokens.
    EXPECT_EQ(urls("foo[bar[.]com evil[dot]example[.]com evil[dot]com[:]80(/)b[.]c"),
              (V{"bar[.]com", "evil[dot]example[.]com", "evil[dot]com[:]80(/)b[.]c"}));
    // Punctuation only, or no word before the defanged dot: nothing.
    EXPECT_TRUE(urls("[.] ([.]) [.][.][.] \\.\\. (.)net").empty());
    // No defanged dot at all: nothing.
    EXPECT_TRUE(urls("evil.example.net a.b.c/d 1.2.3.4").empty());
}

TEST(Url, BracketRuleSpacedForms) {
    EXPECT_EQ(urls("evil [.] example [.] net today"), V{"evil [.] example [.] net"});
    EXPECT_EQ(refanged("evil (.) example (.) net today"), V{"http://evil.example.net"});
    // Two spaces end the URL; so does a space not next to a defanged dot.
    // ("evil [.]" has no top-level domain, so it is no URL either.)
    EXPECT_EQ(urls("evil [.]  example"), V{});
    EXPECT_EQ(urls("evil [.]  example [.] net"), V{"example [.] net"});
    EXPECT_EQ(urls("evil[.]net and more"), V{"evil[.]net"});
}

TEST(Url, Ipv4AndIpv6Hosts) {
    EXPECT_EQ(refanged("http://198.51.100.7:8080/a hxxp://198[.]51[.]100[.]7:8080/b"),
              (V{"http://198.51.100.7:8080/a", "http://198.51.100.7:8080/b"}));
    EXPECT_EQ(refanged("198[.]51[.]100[.]7:443"), V{"http://198.51.100.7:443"});
    EXPECT_EQ(refanged("http://[2001:db8::7]:8080/admin http://[::1]/ http://[::ffff:192.0.2.1]:80/"),
              (V{"http://[2001:db8::7]:8080/admin", "http://[::1]/", "http://[::ffff:192.0.2.1]:80/"}));
    // The closing bracket of an IPv6 host is not sentence punctuation.
    EXPECT_EQ(urls("see http://[2001:db8::7]."), V{"http://[2001:db8::7]"});
}

TEST(Url, TrailingPunctuationIsTrimmed) {
    for (std::string tail : {".", "?", ">", "\"", "'", ")", "!", ",", "}", ":", ";", "]", "`", ".);", "\"'>"}) {
        EXPECT_EQ(urls("http://a.example/x" + tail + " y"), V{"http://a.example/x"}) << tail;
        EXPECT_EQ(urls("evil[.]example/x" + tail), V{"evil[.]example/x"}) << tail;
    }
    // Curly quotes are bytes >= 0x80, which end a URL anyway.
    EXPECT_EQ(urls("\xe2\x80\x9chttp://a.example/x\xe2\x80\x9d"), V{"http://a.example/x"});
    // A closer that matches an opener inside the URL stays.
    EXPECT_EQ(urls("(see http://en.wikipedia.org/wiki/Foo_(bar))."), V{"http://en.wikipedia.org/wiki/Foo_(bar)"});
    EXPECT_EQ(urls("evil[.]com[.]"), V{"evil[.]com[.]"});
}

TEST(Url, OpenKeepsTrailingPunctuation) {
    const auto open = [](Options& o) { o.open_punctuation = true; };
    EXPECT_EQ(urls_with("(visit http://a.example/page).", open), V{"http://a.example/page)."});
    EXPECT_EQ(urls_with("evil[.]example/x'; next", open), V{"evil[.]example/x';"});
    // '"' and '<' end a URL even then: they are never part of one.
    EXPECT_EQ(urls_with("evil[.]example/x\"; next", open), V{"evil[.]example/x"});
    // The match's raw text and length follow the cut.
    Options options = url_options(false);
    options.open_punctuation = true;
    const auto found = scan_pieces("x http://a.example/b!!", options);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].raw, "http://a.example/b!!");
    EXPECT_EQ(urls("x http://a.example/b!!"), V{"http://a.example/b"});
}

TEST(Url, StripCutsGarbageAndCommandLineSwitches) {
    const auto strip = [](Options& o) { o.strip_urls = true; };
    EXPECT_EQ(urls_with("<a href=\"http://a.example/x.php\">link</a>", strip), V{"http://a.example/x.php"});
    EXPECT_EQ(urls_with("1,http://a.example/csv,2", strip), V{"http://a.example/csv"});
    EXPECT_EQ(urls_with("{'u':'http://a.example/j'}", strip), V{"http://a.example/j"});
    EXPECT_EQ(urls_with("http://a.example/a.exe /quiet /norestart", strip), V{"http://a.example/a.exe"});
    // Defang tokens and the host characters refang removes are not garbage.
    EXPECT_EQ(urls_with("hxxp://evil(.)example(.)net/x", strip), V{"hxxp://evil(.)example(.)net/x"});
    EXPECT_EQ(urls_with("http://198,51,100,7/x,y", strip), V{"http://198,51,100,7/x"});
    // A space inside the host is a spaced defang; the path after it stays.
    EXPECT_EQ(urls_with("http://evil .example .net /payload", strip), V{"http://evil .example .net /payload"});
}

TEST(Url, UrlsInMarkup) {
    EXPECT_EQ(urls("<img src='hxxp://evil[.]example/i.png'>"), V{"hxxp://evil[.]example/i.png"});
    EXPECT_EQ(urls("see [the page](http://a.example/md) here"), V{"http://a.example/md"});
    // A defanged Markdown link: the link text is not part of the URL.
    const auto md = scan_pieces("[text](hxxp://evil[.]example/x) [t](evil\\.example/y)", url_options(false));
    ASSERT_EQ(md.size(), 2u) << describe(md);
    EXPECT_EQ(md[0].raw, "hxxp://evil[.]example/x");
    EXPECT_EQ(md[0].rules, (V{"generic", "bracket"}));
    EXPECT_EQ(md[1].raw, "evil\\.example/y");
    EXPECT_EQ(urls("run `curl http://a.example/x.sh` now"), V{"http://a.example/x.sh"});
    EXPECT_EQ(urls("{\"url\": \"http://a.example/json\", \"b\": \"evil[.]example/j2\"}"),
              (V{"http://a.example/json", "evil[.]example/j2"}));
    EXPECT_EQ(urls("id,url\n1,evil[.]example/c1\n2,\"hxxp://evil[.]example/c2\"\n"),
              (V{"evil[.]example/c1", "hxxp://evil[.]example/c2"}));
}

TEST(Url, EndsAtNonAsciiWhitespaceAndEndOfInput) {
    EXPECT_EQ(urls("http://a.example/path\xe3\x80\x82\xe6\xac\xa1 http://b.example/p\xe3\x80\x8cx"),
              (V{"http://a.example/path", "http://b.example/p"}));
    EXPECT_EQ(urls("http://a.example/a\thttp://b.example/b\r\nhttp://c.example/c"),
              (V{"http://a.example/a", "http://b.example/b", "http://c.example/c"}));
    EXPECT_EQ(urls(std::string("http://a.example/a\0b", 20)), V{"http://a.example/a"});
    EXPECT_EQ(urls("two: http://a.example/1 http://b.example/2"), (V{"http://a.example/1", "http://b.example/2"}));
}

TEST(Url, SpacedMailGatewayDefang) {
    EXPECT_EQ(urls("hxxp://evil .example .net /payload and more"), V{"hxxp://evil .example .net /payload"});
    EXPECT_EQ(refanged("hxxp://evil .example .net /payload and more"), V{"http://evil.example.net/payload"});
    // " .." and " //" do not continue a URL.
    EXPECT_EQ(urls("http://a.example .. http://b.example //x"), (V{"http://a.example", "http://b.example"}));
}

TEST(Url, SameSpanIsReportedOnceWithEveryRule) {
    const auto found = scan_pieces("go hxxp://evil[.]example/x now", url_options(false));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].rules, (V{"generic", "bracket"}));
    EXPECT_EQ(found[0].offset, 3u);
}

TEST(Url, ShorterUrlInsideALongerOneIsMergedIntoIt) {
    const auto found = scan_pieces("http://a.example/?next=evil[.]net/x&y=1 evil\\.org", url_options(false));
    ASSERT_EQ(found.size(), 2u) << describe(found);
    EXPECT_EQ(found[0].raw, "http://a.example/?next=evil[.]net/x&y=1");
    EXPECT_EQ(found[0].rules, (V{"generic", "bracket"}));
    EXPECT_EQ(found[1].raw, "evil\\.org");
    EXPECT_EQ(found[1].rules, V{"backslash"});
    // Other types inside a URL are still reported on their own.
    const auto all = scan_pieces("http://10.1.2.3/x", options_for({Type::url, Type::ipv4}));
    EXPECT_EQ(values_of(all, Type::ipv4), V{"10.1.2.3"});
    EXPECT_EQ(values_of(all, Type::url), V{"http://10.1.2.3/x"});
}

// A bracket token with too few label bytes for a host ("a[.]a") reports
// nothing alone, but merged into a longer URL it names its rule; the
// bracket scanner passes such a token without queueing it only where no
// longer URL can hold it (grammar/url/url_bracket.re, names_no_host_alone()).
TEST(Url, HostlessBracketTokenStillJoinsTheUrlThatHoldsIt) {
    const auto rules_of = [](const std::string& text) {
        std::vector<V> rules;
        for (const auto& found : scan_pieces(text, url_options(false))) rules.push_back(found.rules);
        return rules;
    };
    // A backslash URL that the space before its anchor joins to the token.
    EXPECT_EQ(rules_of("x a[.]a \\.com y"), (std::vector<V>{{"backslash", "bracket"}}));
    // One that holds it after a byte of its path that no bracket token holds.
    EXPECT_EQ(rules_of("b\\.com/x?u=a[.]a y"), (std::vector<V>{{"backslash", "bracket"}}));
    EXPECT_EQ(rules_of("x http://x.com/?u=a[.]a y"), (std::vector<V>{{"generic", "bracket"}}));
    // A spaced defang after the token's last byte goes on with it.
    EXPECT_EQ(rules_of("x a[.]a [.]com y"), (std::vector<V>{{"bracket"}}));
    // Standing alone, it reports nothing; one with a host next to it does.
    EXPECT_EQ(rules_of("x a[.]a a[.]a a[.]co a[.]a y"), (std::vector<V>{{"bracket"}}));
}

TEST(Url, DefangedFlagAndOffsets) {
    const auto found = scan_pieces("ab http://a.example/x evil[.]example", url_options(true));
    ASSERT_EQ(found.size(), 2u);
    EXPECT_FALSE(found[0].defanged);
    EXPECT_EQ(found[0].offset, 3u);
    EXPECT_TRUE(found[1].defanged);   // no scheme, defanged dot
    EXPECT_EQ(found[1].value, "http://evil.example");
}

TEST(Url, RemoveSchemeAndDefangOptions) {
    Options options = url_options(true);
    options.remove_scheme = true;
    EXPECT_EQ(values_of(scan_pieces("hxxps://evil[.]example/x evil[.]net", options), Type::url),
              (V{"evil.example/x", "evil.net"}));
    options.refang = false;
    EXPECT_EQ(values_of(scan_pieces("hxxp[:]//evil[.]example/x", options), Type::url), V{"evil[.]example/x"});
    Options defang = url_options(false);
    defang.defang = true;
    EXPECT_EQ(values_of(scan_pieces("http://evil.example/a.exe ftp://b.example/c evil[.]net/x", defang), Type::url),
              (V{"hxxp://evil[.]example/a.exe", "fxp://b[.]example/c", "evil[.]net/x"}));
}

TEST(Url, RefangIsThePublicPostPass) {
    EXPECT_EQ(refang(Type::url, "hxxps://login[.]bank-secure[.]co/auth"), "https://login.bank-secure.co/auth");
    EXPECT_EQ(refang(Type::url, "http://198,51,100,7/x"), "http://198.51.100.7/x");
    EXPECT_EQ(refang(Type::url, "http://evil,example.net/a,b"), "http://evilexample.net/a,b");
    EXPECT_EQ(refang(Type::url, "git://evil[.]example/repo"), "http://evil.example/repo");
    EXPECT_EQ(refang(Type::url, "example.org"), "http://example.org");
}

TEST(Url, RefangReadsIocextractsUnbalancedAndEscapedForms) {
    for (const std::string written :
         {"hxxp://example[.com/test", "hxxp://example.]com/test", "hxxp://exampledot]com/test",
          "hxxp://example[dotcom/test", "hxxp://example.com[/test", "http:// example .com /test",
          "http://example(.)com(/)test", "https://example\\(.)com/test", "http://example\\(.\\)com/test"}) {
        EXPECT_EQ(refang(Type::url, written).substr(refang(Type::url, written).find("://")), "://example.com/test")
            << written;
    }
    // Only the host reads half a "[dot]"; a path keeps it.
    EXPECT_EQ(refang(Type::url, "http://a.example/[dotnet]"), "http://a.example/[dotnet]");
}

TEST(Url, RefangDefangRoundTrips) {
    for (const std::string plain :
         {"http://evil.example.net/dl/a.exe", "https://login.bank-secure.co/auth?x=1.2", "ftp://files.example.net/a.zip",
          "http://203.0.113.9:8080/gate.php", "http://[2001:db8::7]:8080/admin", "http://a.example/p.q/r.s"}) {
        const std::string defanged = defang(Type::url, plain);
        EXPECT_NE(defanged, plain);
        EXPECT_EQ(refang(Type::url, defanged), plain) << defanged;
        EXPECT_EQ(defang(Type::url, defanged), defanged) << "defang is idempotent";
        // A defanged URL is found in text, and refangs back.
        EXPECT_EQ(refanged("see " + defanged + ". ok"), V{plain}) << defanged;
    }
    EXPECT_EQ(defang(Type::url, "https://login.example.co/a.b"), "hxxps://login[.]example[.]co/a.b");
    EXPECT_EQ(defang(Type::url, "evil.example/x.php"), "evil[.]example/x.php");
    EXPECT_EQ(defang(Type::ipv4, "10.0.0.1"), "10[.]0[.]0[.]1");
    EXPECT_EQ(refang(Type::ipv4, defang(Type::ipv4, "10.0.0.1")), "10.0.0.1");
}

// Refang calls any other scheme http; defang renames only http, https and
// ftp (plain or in a defanged spelling), so "x://1.2.3.4" is no "hxxp://".
TEST(Url, DefangKeepsTheNameOfOtherSchemes) {
    EXPECT_EQ(defang(Type::url, "x://1.2.3.4"), "x://1[.]2[.]3[.]4");
    EXPECT_EQ(defang(Type::url, "tcp://a.example:1/"), "tcp://a[.]example:1/");
    EXPECT_EQ(defang(Type::url, "SFTP://a.example"), "sftp://a[.]example");
    EXPECT_EQ(defang(Type::url, "ftps://a.example"), "ftps://a[.]example");
    EXPECT_EQ(defang(Type::url, "SMB://files.example/share"), "smb://files[.]example/share");
    // Defanged spellings of http, https and ftp: the defang tools' spelling.
    EXPECT_EQ(defang(Type::url, "h__p://a.example"), "hxxp://a[.]example");
    EXPECT_EQ(defang(Type::url, "hXXps[:]//a[.]example"), "hxxps://a[.]example");
    EXPECT_EQ(defang(Type::url, "ftx://a.example"), "fxp://a[.]example");
    Options options = url_options(false);
    options.defang = true;
    EXPECT_EQ(values_of(scan_pieces("tcp://c2.example:4444/ udp://c2.example:53/", options), Type::url),
              (V{"tcp://c2[.]example:4444/", "udp://c2[.]example:53/"}));
    EXPECT_EQ(run_iocscan({"defang"}, "x://1.2.3.4\ntcp://c2.example:4444/\n").out,
              "x://1[.]2[.]3[.]4\ntcp://c2[.]example:4444/\n");
}

// defang() of a text of several words keeps the text between the IOCs: the
// URL defang read "hello world" as one host and dropped its blank.
TEST(Url, DefangKeepsTheTextBetweenIocs) {
    EXPECT_EQ(defang(Type::url, "hello world"), "hello world");
    EXPECT_EQ(defang(Type::url, " see http://evil.example/a\tand evil.example/b\n"),
              " see hxxp://evil[.]example/a\tand evil[.]example/b\n");
    EXPECT_EQ(defang(Type::email, "mail ops@evil.example now"), "mail ops[@]evil[.]example now");
    // A word without the kind's shape is defanged by its own: the ipv4
    // defang keeps digit groups alone and would drop "block".
    EXPECT_EQ(defang(Type::ipv4, "block 10.0.0.1 and http://10.0.0.2/x"),
              "block 10[.]0[.]0[.]1 and hxxp://10[.]0[.]0[.]2/x");
    // Types whose values hold blanks keep them too.
    EXPECT_EQ(defang(Type::yara, "rule a{condition:true}"), "rule a{condition:true}");
    EXPECT_EQ(defang(Type::phone, "(212) 555-0147"), "(212) 555-0147");
    EXPECT_EQ(defang(Type::url, ""), "");
    EXPECT_EQ(defang(Type::url, "  "), "  ");
}

TEST(Url, PieceSizeDoesNotChangeResults) {
    const std::string text =
        "a hxxp://evil[.]example/x. b (http://en.wikipedia.org/wiki/A_(b)) c evil [.] example [.] net\n"
        "d http://a.example/?n=evil[.]net/x e evil\\.example\\.org/y f http://evil .example .net /p\n"
        "g http://[2001:db8::7]:8080/a h 198[.]51[.]100[.]7 http://a.example/end";
    for (bool refang_on : {false, true}) {
        Options options = url_options(refang_on);
        options.strip_urls = refang_on;
        const auto reference = scan_pieces(text, options);
        ASSERT_EQ(reference.size(), 9u) << describe(reference);
        for (std::size_t piece : {1, 2, 3, 5, 7, 64}) {
            EXPECT_EQ(scan_pieces(text, options, piece), reference) << "piece size " << piece;
        }
    }
}

TEST(Url, DefangAnchorFastPathBacksUpToTheWholeRun) {
    // The bracket and backslash fast paths jump to the defanged dot and back
    // up over its address run, spaced "[ . ]" and "[" / "(" not before a dot
    // included (simd/url_anchor_skip.hpp).
    const std::string text =
        "w[1] (x) foo[bar](baz)evil [ . ]example\\.net/a q( .x a[dot]b [ . ] c\\ .org "
        "r[1]s(.)to u\\v\\.w [ ..] y";
    const auto reference = scan_pieces(text, url_options(false));
    EXPECT_EQ(values_of(reference, Type::url),
              (V{"evil [ . ]example\\.net/a", "c\\ .org", "s(.)to"}));
    // Found by the DFA, dropped by the host check: "a.b.c" has no real
    // top-level domain, "u\\v\\.w" holds a backslash that is no defang.
    EXPECT_EQ(urls("a[dot]b [ . ] c u\\v\\.w"), V{});
    EXPECT_EQ(urls("a[dot]b [ . ] com u\\v\\.com"), V{"a[dot]b [ . ] com"});
    for (std::size_t piece : {1, 2, 3, 7}) {
        EXPECT_EQ(scan_pieces(text, url_options(false), piece), reference) << "piece size " << piece;
    }
}

TEST(Url, RandomUrlTextGivesTheSameResultsAtAnyPieceSize) {
    const std::vector<std::string> pieces = {
        "http", "hxxps", "h__p", "ftp", "://", ":\\\\", "[:]//", "__", "[.]", "(.)", "[ . ]", "\\.", " ",
        "  ", "\n", ".", "/", "evil", "example", "net", "1", "198", ",", ")", "(", "]", "[", "\"", "'", ">",
        "!", "?", "x=", "`", "[::1]", "\xe3\x80\x82", std::string("\0", 1), "..", " /", " .",
    };
    for (std::uint32_t seed : {1u, 2u, 3u, 4u}) {
        std::mt19937 rng(seed);
        std::string text;
        while (text.size() < 20000) text += pieces[rng() % pieces.size()];
        Options options = url_options(seed % 2 == 0);
        options.strip_urls = seed >= 3;
        const auto reference = scan_pieces(text, options);
        ASSERT_GT(reference.size(), 20u) << "seed " << seed;
        for (std::size_t piece : {1, 2, 3, 7, 64}) {
            EXPECT_TRUE(scan_pieces(text, options, piece) == reference) << "seed " << seed << " piece " << piece;
        }
    }
}

}  // namespace
}  // namespace iocscan::test

namespace iocscan::test {
namespace {

TEST(UrlRefang, NestedDefangTokensRefangInOnePassAndStayPlain) {
    const std::pair<std::string, std::string> cases[] = {
        {"hxxp://evil[.]example/a[[.]]b", "http://evil.example/a.b"},
        {"hxxp://evil[.]example/c\\\\.d", "http://evil.example/c.d"},
        {"evil[.]example[[.]]net/x", "http://evil.example.net/x"},
        {"hxxp://a\\\\.example/x", "http://a.example/x"},
    };
    for (const auto& [raw, plain] : cases) {
        const std::string once = refang(Type::url, raw);
        EXPECT_EQ(once, plain) << raw;
        EXPECT_EQ(refang(Type::url, once), once) << raw;
    }
}

}  // namespace
}  // namespace iocscan::test
