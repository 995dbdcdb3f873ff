// Domains (off by default): names checked against the Public Suffix List,
// defanged forms, and the noise rules of docs/domains-phones.md, with a
// precision check on ordinary technical prose and a recall check on
// defanged names.
#include "linear_time.hpp"
#include "simd/ascii_class.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

V domains(const std::string& text, bool refang = true, std::size_t piece = 0) {
    return values_found(Type::domain, text, refang, piece);
}

// A few pages of ordinary technical text without a single real host name:
// a build log, source code, a README and a changelog.
const char* const kProse = R"PROSE(
-- The CXX compiler identification is GNU 12.2.0
-- Detecting CXX compiler ABI info - done
-- Found Boost: /usr/lib/x86_64-linux-gnu/cmake/Boost-1.74.0/BoostConfig.cmake (found version "1.74.0")
[1/42] Building CXX object src/CMakeFiles/core.dir/lib/parser.cc.o
[2/42] Building CXX object src/CMakeFiles/core.dir/lib/main.cc.o
[3/42] Linking CXX static library libcore.a
[4/42] Generating docs/index.md from README.md
make[2]: Entering directory '/home/build/project'
gcc -O2 -fPIC -shared -o libfoo.so foo.o bar.o -Wl,-soname,libfoo.so.1
g++ -std=c++20 -Iinclude -c src/app.cc -o build/app.o
python3 setup.py build_ext --inplace; pip install -r requirements.txt
./configure.sh --prefix=/usr && make -j8 && make install
Running tests/test_runner.py ... 128 passed, 0 failed in 3.52s
warning: unused variable 'ctx' [-Wunused-variable] in src/net/socket.cc:42
Archive: release-2.4.1.zip  inflating: bin/tool.exe  inflating: lib/tool.so
Copying assets/intro.mov to dist/media/intro.mov
See config.json, settings.yaml, file.txt, notes.md and the Makefile.in for details.

import os.path
from collections import OrderedDict
class Config:
    def load(self, path):
        self.name = os.path.basename(path)
        self.data = json.load(open(path))
        self.host = self.data.get("host", "localhost")
        self.email = user.email
        return self.app.run(debug=True)
if args.verbose and not args.quiet: print(result.stats.total)
using System.IO;
using System.Collections.Generic;
var file = System.IO.File.ReadAllText(path);
Microsoft.Extensions.Logging.ILogger logger = factory.CreateLogger<Program>();
package com.example.android.app;
import org.apache.commons.io.FileUtils;
import java.util.concurrent.atomic.AtomicLong;
val context = androidx.core.content.ContextCompat.getColor(this.ctx, R.color.primary)
const style = document.body.style; element.style.display = "none";
window.location.hash = state.page.id; module.exports.run = main;
std::string name = request.user.name; auto id = msg.header.id;
err := cfg.Server.Listen(); log.Printf("listening on %s", cfg.Addr)
user.id, item.id, it.is, self.me, this.so, data.to, res.json()

# Project README
Install with `pip install mypackage` or `cargo add mycrate`. Build the docs
with `make docs` (see docs/conf.py and mkdocs.yml). The entry point is
src/main.rs; helpers live in src/util/mod.rs and scripts/deploy.sh. Edit
.github/workflows/ci.yml to change CI. Run tool.py --help for options, i.e.
every flag, e.g. --verbose. Works on Node.js 18, Python 3.11 and Go 1.21.
Settings go in ~/.config/tool/settings.toml; logs in /var/log/tool/tool.log.
Supports formats .zip, .tar.gz, .7z and .mov; plugins are *.so files.

## Changelog
### 2.4.1 - 2024-03-02
- Fixed a crash in parser.cc when reading empty files (#412).
- Bumped dependency foo from 1.2.3 to 1.2.4; requires cmake 3.25.1 or later.
- Renamed Config.load to Config.read; deprecated util.helpers.parse.
- Version 2.4.0-rc.1 shipped v2.3.9.post1 fixes.
### 2.4.0 - 2024-01-15
- New option --dry-run. Added docs/usage.md and examples/demo.pl.
- Dropped support for Python 3.7.1 and Ubuntu 18.04.6.
)PROSE";

TEST(Domain, PrecisionOnTechnicalProse) {
    const V found = domains(kProse);
    EXPECT_TRUE(found.empty()) << found.size() << " false domains, first: " << found.front();
}

TEST(Domain, RecallOnDefangedNames) {
    const V expected = {"evil-cdn.com", "evil-cdn.com", "evil-cdn.com", "evil-cdn.com", "evil-cdn.com",
                        "evil-cdn.com", "cdn.bad-actor.co.uk", "payload.zip", "a.b.c.example.net",
                        "evil-cdn.com", "xn--80ak6aa92e.com", "setup.py", "login.example.app"};
    const std::string text =
        "evil-cdn[.]com evil-cdn(.)com evil-cdn[dot]com evil-cdn(DOT)com evil-cdn\\.com "
        "evil-cdn{.}com cdn[.]bad-actor[.]co[.]uk payload[.]zip a.b.c[.]example.net "
        "EVIL-CDN[.]COM xn--80ak6aa92e[.]com setup[.]py login[.]example[.]app";
    EXPECT_EQ(domains(text), expected);
}

TEST(Domain, PlainNames) {
    EXPECT_EQ(domains("beacons to update.evil-cdn.com daily."), V{"update.evil-cdn.com"});
    EXPECT_EQ(domains("foo.co.uk and 163.com and example.xn--p1ai"),
              (V{"foo.co.uk", "163.com", "example.xn--p1ai"}));
    EXPECT_EQ(domains("(see example.org)"), V{"example.org"});
}

TEST(Domain, RawKeepsTheTextAsWritten) {
    EXPECT_EQ(domains("at Evil-CDN[.]com.", false), V{"Evil-CDN[.]com"});
}

TEST(Domain, PublicSuffixesAlone) {
    EXPECT_TRUE(domains("co.uk com.au github.io").empty());
    EXPECT_TRUE(domains("example.notatld foo.invalidtld").empty());
}

TEST(Domain, OneLetterTopLabelsAreNoDomains) {
    // No top-level domain has one letter: neither plain, defanged nor after
    // a scheme ("b" and "and" are pieces of Unicode rules of the list).
    EXPECT_TRUE(domains("a[.]b foo(.)y x.y http://a.b/ hxxp://x[.]k this[.]and").empty());
    EXPECT_EQ(domains("a[.]bz evil[.]co"), (V{"a.bz", "evil.co"}));
}

TEST(Domain, DotNetProductNamesAreNoDomains) {
    EXPECT_TRUE(domains("built on ASP.NET, VB.NET and ADO.NET").empty());
    // Defanged, lower case or with more labels they are hosts.
    EXPECT_EQ(domains("ASP[.]NET asp.net WWW.ASP.NET"), (V{"asp.net", "asp.net", "www.asp.net"}));
}

TEST(Domain, WildcardAndExceptionRulesOfTheList) {
    // "*.ck" makes every name under ck a public suffix; "!www.ck" excepts one.
    EXPECT_TRUE(domains("foo.ck").empty());
    EXPECT_EQ(domains("shop.foo.ck www.ck evil.com.bd"), (V{"shop.foo.ck", "www.ck", "evil.com.bd"}));
}

TEST(Domain, FileExtensionsNeedADefangSchemeOrWww) {
    EXPECT_TRUE(domains("README.md setup.py run.sh libc.so main.rs x.zip intro.mov a.pl b.cc Makefile.in").empty());
    EXPECT_EQ(domains("www.setup.py http://payload.zip/x hxxp://intro.mov"),
              (V{"www.setup.py", "payload.zip", "intro.mov"}));
}

TEST(Domain, NamespacesVersionsAndCode) {
    EXPECT_TRUE(domains("System.IO.File Microsoft.AspNetCore.App com.google.android.apps").empty());
    EXPECT_TRUE(domains("v1.2.com 1.2.3.com 10.0.0.1 self.user.name os.path.join(x) key.name=1").empty());
    EXPECT_TRUE(domains("my_module.example.com obj.getName.com").empty());
}

// Only the registrable domain (public suffix and one label) must be written
// in one case: labels below it may mix cases, as a DNS tunnel's base64
// labels do; code names whose last labels mix cases stay out.
TEST(Domain, MixedCaseLabelsBelowTheRegistrableDomain) {
    EXPECT_EQ(domains("query q.aGVsbG8td29ybGQ.tunnel.example.org TXT"), V{"q.agvsbg8td29ybgq.tunnel.example.org"});
    EXPECT_EQ(domains("q.aGVsbG8td29ybGQ.tunnel.example.org", false), V{"q.aGVsbG8td29ybGQ.tunnel.example.org"});
    EXPECT_EQ(domains("X7kQ.EXAMPLE.CO.UK dGVzdA.cdn.example.com"), (V{"x7kq.example.co.uk", "dgvzda.cdn.example.com"}));
    EXPECT_TRUE(domains("System.IO.File.com obj.Method.net obj.getName.com Evil.COM a.Evil.com x.b.Example.org "
                        "a.example.Com ASP.NET a.bC.co.uk")
                    .empty());
}

// One class of label bytes (is_label_char(), simd/ascii_class.hpp) for the
// run, its refang and the URL host check.
TEST(Domain, LabelBytesAreOneClass) {
    for (unsigned c = 0; c < 256; ++c) {
        const bool label = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
                           c == '_';
        EXPECT_EQ(detail::is_label_char(c), label) << c;
    }
    // The refang keeps label bytes (lower-cased) and writes "." for the rest.
    EXPECT_EQ(refang(Type::domain, "Evil_Host-1[.]Example(.)com"), "evil_host-1.example.com");
}

TEST(Domain, EmailLocalPartIsNotADomainButItsDomainIs) {
    EXPECT_EQ(domains("mail ops.team@mail.example.org"), V{"mail.example.org"});
    EXPECT_EQ(domains("mail ops[.]team[@]evil[.]example[.]org"), V{"evil.example.org"});
    // Every at-sign the e-mail family reads, as the plain "@" above.
    for (const char* at : {"(@)", "{@}", "[at]", "(AT)", "{at}"}) {
        EXPECT_EQ(domains(std::string("mail ops[.]team") + at + "evil[.]example[.]org"), V{"evil.example.org"}) << at;
    }
}

// HTML's numeric references to "@" and ".", as pages hide an address or a
// name from harvesters: the run before one is a local part or the first
// labels of a longer name ("kw" is Kuwait's top-level domain, "ops.kw" no
// host here); the name after it is reported, and a name with a plain "&"
// after it, or another entity, stays.
TEST(Domain, NoHostBeforeAnHtmlAtOrDotReference) {
    EXPECT_EQ(domains("mail ops.kw&#64;example.com"), V{"example.com"});
    EXPECT_EQ(domains("mail ops.kw&#x40;example.com or ops.kw&#X40;example.org"), (V{"example.com", "example.org"}));
    EXPECT_EQ(domains("see ops.kw&#46;example.com and evil.co.uk&#x2E;example.net"), (V{"example.com", "example.net"}));
    EXPECT_EQ(domains("ops.kw&amp;evil.com &#64;mail.evil.org evil.net&#45;x evil.io&#640;"),
              (V{"ops.kw", "evil.com", "mail.evil.org", "evil.net", "evil.io"}));
}

// A DNS SOA record's second name is the responsible person's mailbox,
// written with a dot for its "@" (RFC 1035 3.3.13): no host. The zone and
// the name server before it stay, and so do names after "SOA" in prose
// and a name after a word that follows the name server.
TEST(Domain, NoHostFromAnSoaRecordsMailbox) {
    const std::string text =
        "example.com. 3600 IN SOA ns1.evil-dns.net. hostmaster.evil-dns.net. (\n"
        "@\tIN\tsoa\tns2.evil-dns.net.  admin.evil-dns.org. 2026112003 10800\n"
        "its SOA names ns3.evil-dns.net and then update.evil.com.\n"
        "SOA ns4.evil-dns.net then mail.evil.com\n"
        // A name long after the record is no mailbox, however the words
        // before it end (before the fix: "contacted" read as a name's end).
        "The zone's SOA ns5.evil-dns.net. The implant then contacted update.evil-cdn.com.\n"
        "x. IN SOA ns6.evil-dns.net.\n\nLater it started contacting c2.evil-dns.org over TLS.\n";
    for (std::size_t piece : {0u, 1u, 3u, 7u}) {
        EXPECT_EQ(domains(text, true, piece),
                  (V{"example.com", "ns1.evil-dns.net", "ns2.evil-dns.net", "ns3.evil-dns.net", "update.evil.com",
                     "ns4.evil-dns.net", "mail.evil.com", "ns5.evil-dns.net", "update.evil-cdn.com", "ns6.evil-dns.net",
                     "c2.evil-dns.org"}))
            << piece;
    }
}

TEST(Domain, UrlHostIsADomainButItsPathIsNot) {
    EXPECT_EQ(domains("http://update.evil-cdn.com/files/evil.com/a"), V{"update.evil-cdn.com"});
}

// "http[s]://" is a scheme as "https://" is (url generic reads it so):
// its host is a domain, not a path segment after "//".
TEST(Domain, HostAfterASchemeWithTheSInBrackets) {
    EXPECT_EQ(domains("http[s]://payload.zip/a hxxp(s)[:]//update.evil-cdn[.]com/b HTTP[S]://c.evil-cdn.com/"),
              (V{"payload.zip", "update.evil-cdn.com", "c.evil-cdn.com"}));
    for (std::size_t piece : {1, 2, 3}) {
        EXPECT_EQ(domains("x http[s]://payload.zip/a", true, piece), V{"payload.zip"}) << piece;
    }
}

// The name after a URL escape starts after its two hex digits ("%40" is the
// at-sign of jdoe@victim.com, not a label "40victim"), and a printf
// directive ("%s", "%d") is no label.
TEST(Domain, PercentEscapeDigitsAndPrintfDirectivesAreNoLabels) {
    EXPECT_EQ(domains("?u=jdoe%40victim.com&x=1"), V{"victim.com"});
    EXPECT_EQ(domains("next=http%3A%2F%2Fevil.com%2Fx %40victim[.]com"), (V{"evil.com", "victim.com"}));
    EXPECT_TRUE(domains("printf(\"%s@%s.com\") %d.com %x.org").empty());
    EXPECT_EQ(domains("\"%s.evil.com\" %d.example.org"), (V{"evil.com", "example.org"}));
    // A label that only starts with a letter after "%" is kept.
    EXPECT_EQ(domains("100%secure.com"), V{"secure.com"});
    // Raw offsets are those of the name without the escape; any piece size.
    const std::string text = "x jdoe%40victim.com";
    for (std::size_t piece : {0, 1, 2, 3, 7}) {
        const auto found = scan_pieces(text, options_for({Type::domain}, false), piece);
        ASSERT_EQ(found.size(), 1u) << piece;
        EXPECT_EQ(found[0].raw, "victim.com") << piece;
        EXPECT_EQ(found[0].offset, 9u) << piece;
    }
}

// An escape that writes a label byte is part of the name ("%65vil.com" is
// evil.com): what follows it is a piece of that name, no domain.
TEST(Domain, PercentEscapedLabelByteLeavesNoPieceOfTheName) {
    EXPECT_TRUE(domains("see %65vil.com, http://%65vil.com/ and %2dx.evil.org%5fa.com").empty());
    // Escapes of other bytes still end before the name.
    EXPECT_EQ(domains("%40victim.com %2Fevil.com %20evil.net"), (V{"victim.com", "evil.com", "evil.net"}));
}

// A scheme that url generic reads is a scheme here too: the host after
// "h__ps://", "hxxp__" or "hxxp:__" is a domain (before: "h__ps" was a
// label and the host a path segment after "//"; "hxxp__evil" one label).
TEST(Domain, HostAfterASchemeWithUnderscores) {
    const std::string text = "h__ps://a.evil.com/x h__p://b.evil.com/x hxxp__c.evil.com/x hXXp:__d.evil.com/x "
                             "hxxps__e.evil.com";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(domains(text, true, piece),
                  (V{"a.evil.com", "b.evil.com", "c.evil.com", "d.evil.com", "e.evil.com"}))
            << piece;
    }
    // Not a scheme the URL rules read: an identifier, no host.
    EXPECT_EQ(domains("my__evil.com widget:__evil.com __init__.py"), V{});
}

// After a scheme, a mail gateway's spaced dot " ." is a dot, as url generic
// reads it (before: the URL "http://login.evil .com /x" gave no domain).
// Without a scheme it is prose.
TEST(Domain, MailGatewaySpacedDotAfterAScheme) {
    const std::string text = "http://login.evil .com /auth hxxps://a.evil .example .net/x";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(domains(text, true, piece), (V{"login.evil.com", "a.evil.example.net"})) << piece;
    }
    EXPECT_EQ(domains("http://b.example .org", false), V{"b.example .org"});
    EXPECT_EQ(domains("login.evil .com and evil . com"), V{});
}

// "${C2:-relay.example.org}": a shell default after ":-" (before: the run
// "-relay..." started with "-", no label), or after "-" alone (before: the
// wrong name "srv-relay.example.org"). Other switches stay out.
TEST(Domain, ShellDefaultValues) {
    EXPECT_EQ(domains("C2=${C2:-relay2.slate-ops.org}; H=${HOST:=b.example.org} --server=c.example.org -h d.example.org"),
              (V{"relay2.slate-ops.org", "b.example.org", "c.example.org", "d.example.org"}));
    EXPECT_EQ(domains("export SRV=${SRV-relay.example.net} ${C2_HOST:-e.example.org}", false),
              (V{"relay.example.net", "e.example.org"}));
    EXPECT_EQ(domains("java -Dfoo.bar -Dhttp.proxyHost=x -hdb.example.com -evil.com a:--b.example.org x-relay.evil"), V{});
}

// The url bracket rule's dot, "[.]" or "(.)" with single spaces inside or
// around it, is a dot of a domain too (before: "evil [.] com" was a URL,
// no domain). A bare " dot " is prose, and "[dot]" takes no spaces (as for URLs).
TEST(Domain, SpacedBracketDotsAsInTheUrlBracketRule) {
    const std::string text = "a.evil [.] com b.evil (.) com c.evil( . )com d.evil [ . ]com e.evil[.] com";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(domains(text, true, piece),
                  (V{"a.evil.com", "b.evil.com", "c.evil.com", "d.evil.com", "e.evil.com"}))
            << piece;
    }
    EXPECT_EQ(domains("evil [.] com", false), V{"evil [.] com"});
    // A spaced dot also names the character in prose: such a name passes a
    // plain name's checks (no word or file-extension TLD, one case).
    EXPECT_EQ(domains("the period (.) in bc, a dot (.) to split, ReflectClose(.) is, Evil (.) Com"), V{});
    EXPECT_EQ(domains("evil dot com, evil [dot] com, evil  [.]  com, evil [  .  ] com"), V{});
}

// "×" (C3 97) and "÷" after a name are signs, not letters of a longer name:
// a count or a footnote in a report (before: nothing). The byte after C3
// may come with the next piece; a lone C3 at the end is still a letter's.
TEST(Domain, TimesSignAfterANameEndsIt) {
    const std::string text = "x evil[.]com×2 y.evil.com×3 z.evil.org.÷4 q.evil.net×";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u, 7u}) {
        EXPECT_EQ(domains(text, true, piece), (V{"evil.com", "y.evil.com", "z.evil.org", "q.evil.net"})) << piece;
    }
    EXPECT_EQ(domains("a.evil.com\xC3"), V{});
    EXPECT_EQ(domains("a.evil.com\xC3!"), V{});
    EXPECT_EQ(domains("bank.coñtrol.com évil.com"), V{});
}

// A footnote's marker glued to a defanged name ("evil[.]com2"): the name
// without it, after a common generic top-level domain only (before: none).
TEST(Domain, FootnoteDigitsAfterADefangedName) {
    EXPECT_EQ(domains("evil[.]com2, a.evil(.)net12"), (V{"evil.com", "a.evil.net"}));
    // Only after a bracketed dot ("System\\.Int32" is code), and never "int".
    EXPECT_EQ(domains("evil.com2 song[.]mp3 x[.]md5 e[.]com123 e[.]co2 a[.]b2 b.evil\\.org3 System\\.Int32 "
                      "np\\.int64 value (.) int32 evil[.]int16"),
              V{});
}

// A dnsmasq line names several domains, each followed by "/" (before: only
// the first). Only when every such run holds a dot: a path after "=" stays
// a path ("p=/usr/share/evil.com/x", "x=/a.com/images/b.net/").
TEST(Domain, DnsmasqListOfNames) {
    const std::string text = "server=/a.evil.com/b.evil.net/\naddress=/c.evil.org/d(.)evil.com/e.evil.net/127.0.0.1\n"
                             "local=/f.evil.com/g.evil.net p=/usr/share/h.evil.com/x x=/i.evil.com/images/j.evil.net/\n"
                             "k /l.evil.com/m.evil.com/ n";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 7u}) {
        EXPECT_EQ(domains(text, true, piece),
                  (V{"a.evil.com", "b.evil.net", "c.evil.org", "d.evil.com", "e.evil.net", "f.evil.com", "i.evil.com"}))
            << piece;
    }
}

// dnsmasq's sinkhole lines: the name between slashes after "=" is no path
// segment (before: nothing). Other runs after "/" still are.
TEST(Domain, DnsmasqNameBetweenSlashes) {
    const std::string text = "server=/a.evil.net/0.0.0.0\naddress=/b.evil.org/127.0.0.1\nipset=/c.evil.com×2/x";
    for (std::size_t piece : {0u, 1u, 2u, 3u}) {
        EXPECT_EQ(domains(text, true, piece), (V{"a.evil.net", "b.evil.org", "c.evil.com"})) << piece;
    }
    EXPECT_EQ(domains("x /d.evil.com/ a:/e.evil.com http://f.example.com/g.evil.com"), V{"f.example.com"});
}

TEST(Domain, OffByDefault) {
    Options options;
    EXPECT_FALSE(options.types.has(Type::domain));
    EXPECT_TRUE(values_of(scan_pieces("visit evil-cdn[.]com", options), Type::domain).empty());
}

TEST(Domain, InvariantUnderPieceSize) {
    const std::string text = "x update.evil-cdn.com y evil-cdn[dot]com z README.md http://a.zip/b.com\n";
    const V expected = domains(text);
    EXPECT_EQ(expected.size(), 3u);
    for (std::size_t piece : {1, 2, 3, 5, 64}) EXPECT_EQ(domains(text, true, piece), expected) << piece;
}

TEST(Domain, NoDomainFromAPieceOfANameWithANonAsciiLetter) {
    // A byte >= 0x80 ends a label, so a letter written in UTF-8 cuts an
    // IDN name in pieces: "münchen.de" holds no "nchen.de", "bank.coñtrol"
    // no "bank.co" (before: both reported), after a scheme or a defang too;
    // nor "mail.shop.рф" a "mail.shop" (a label in Cyrillic after the dot).
    const std::string pieces_of_names =
        "münchen.de www.bücher.de http://straße.com/f bücher[.]de jöhn\\.example\\.com "
        "аpple.com bank.coñtrol.com evil.comñ évil.com. mail.shop.рф";
    // A no-break space, a CJK character, guillemets, "×" and a dash are no
    // letters of a name: the names next to them stay.
    const std::string kept =
        "\xC2\xA0" "a.example.com 联系b.example.com «c.example.com» ×d.example.com e.example.com— f.example.com.联系";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(domains(pieces_of_names, false, piece), V{}) << piece;
        EXPECT_EQ(domains(kept, false, piece),
                  (V{"a.example.com", "b.example.com", "c.example.com", "d.example.com", "e.example.com",
                     "f.example.com"}))
            << piece;
    }
}

TEST(Domain, MarkdownEmphasisAroundANameIsCut) {
    // "_" is a label character, so the grammar's run holds the underscores
    // of "_evil.com_" (before: no domain, "_" making it an identifier);
    // "*" and "~" end a run anyway.
    const std::string text = "_a.example.com_ __b[.]example[.]com__. **c.example.com** ~~d.example.com~~ "
                             "*e.example.com* ___f.example.com___";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(domains(text, true, piece),
                  (V{"a.example.com", "b.example.com", "c.example.com", "d.example.com", "e.example.com", "f.example.com"}))
            << piece;
    }
    // Unpaired, or after a word character: an identifier, no name.
    EXPECT_EQ(domains("_g.example.com h.example.com_ x_i.example.com_ __init__.py ____j.example.com____"), V{});
}

TEST(Domain, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::domain});
    expect_linear_time_on_repeated(options, {"a.", "a[.]", "a(.", "http://a.", "/a.b", "ab-", "x.zip ",
                                             "a.b.c.d.e.f.g.h.i "});
}

TEST(Domain, AMatchEveryFewBytesCostsLinearTime) {
    // Every six bytes a reported domain: the cost is per match, so compare
    // the input with twice itself rather than with prose.
    const Options options = options_for({Type::domain});
    const double once = scan_seconds(repeated("x.com ", 5 << 20), options);
    const double twice = scan_seconds(repeated("x.com ", 10 << 20), options);
    EXPECT_LT(twice, 4 * once + 0.05) << once << " s, then " << twice << " s";
}

}  // namespace
}  // namespace iocscan::test
