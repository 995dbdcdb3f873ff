// E-mail beyond the contract's table: every defang style on its own, words
// that must not become an "@", boundaries, hostile runs.
#include "linear_time.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

std::vector<std::string> emails(const std::string& text, bool refang = true, std::size_t piece = 0) {
    return values_found(Type::email, text, refang, piece);
}

TEST(Email, EachDefangStyleOnItsOwn) {
    const char* const styles[] = {
        "ops@example.org",       "ops[@]example.org",     "ops(@)example.org",
        "ops{@}example.org",     "ops at example dot org",    "ops[at]example.org",
        "ops(at)example.org",    "ops{at}example.org",    "ops [at] example.org",
        "ops [ at ] example.org", "ops@example[.]org",    "ops@example(.)org",
        "ops@example{.}org",     "ops@example[dot]org",   "ops@example(dot)org",
        "ops@example dot org",   "ops@example [.] org",   "ops AT example DOT org",
        "OPS[AT]EXAMPLE[DOT]ORG", "Ops(At)Example(Dot)Org",
    };
    for (const char* style : styles) {
        EXPECT_EQ(emails(std::string("mail ") + style + " now"), V{"ops@example.org"}) << style;
    }
}

TEST(Email, RawKeepsTheTextAsWritten) {
    EXPECT_EQ(emails("to: ops[at]example[.]org.", false), V{"ops[at]example[.]org"});
    const auto found = scan_pieces("x ops[at]example[.]org", options_for({Type::email}, true));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].offset, 2u);
    EXPECT_TRUE(found[0].defanged);
    EXPECT_EQ(found[0].rules, V{"email"});
}

TEST(Email, WordsContainingAtOrDotNeverMakeAnAddress) {
    EXPECT_EQ(emails("Atlas.com ycombinator.com Kathmandu.np news.ycombinator.com Dotty.org"), V{});
    EXPECT_EQ(emails("opsat example.org ops atexample.org opsAT example.org ops at.example.org"), V{});
    EXPECT_EQ(emails("look at this; meet at 10.30 or at home."), V{});
}

TEST(Email, TheWordBeforeIsNotGlued) {
    EXPECT_EQ(emails("write to ops.team@example.org today", false), V{"ops.team@example.org"});
    EXPECT_EQ(emails("Contact Alice at example dot org"), V{"alice@example.org"});
}

TEST(Email, ASpaceAfterTheAtSignNeedsADefangedDomain) {
    // iocextract's examples: "myuser@ example[.]com".
    EXPECT_EQ(emails("a myuser@ example[.]com b myuser@ example[.]com[.]tld", false),
              (V{"myuser@ example[.]com", "myuser@ example[.]com[.]tld"}));
    EXPECT_EQ(emails("to myuser@ example(.)com[.]tld"), V{"myuser@example.com.tld"});
    // Before a plain domain it is a list or a typo; a space before the
    // at-sign only starts a mention, defanged domain or not.
    EXPECT_EQ(emails("cc me@ example.com, ask us@ support.example.org"), V{});
    EXPECT_EQ(emails("Twitter: @evil_actor and @cdn-update[.]top, myuser @example[.]com"), V{});
    // A lopsided pair that fails leaves the next one as it was.
    EXPECT_EQ(emails("user1@ user2@example.com"), V{"user2@example.com"});
}

// iocextract's "myuser@example(.)com[.tld": a dot bracketed on one side is
// a dot, as in a URL host and an IPv4 (spec ip4-05).
TEST(Email, HalfBracketedDotsAreDots) {
    EXPECT_EQ(emails("a myuser@example(.)com[.tld b", false), V{"myuser@example(.)com[.tld"});
    EXPECT_EQ(emails("a myuser@example [.] com [.tld b", false), V{"myuser@example [.] com [.tld"});
    EXPECT_EQ(emails("a myuser@example(.)com[.tld b myuser@example [.] com [.tld"),
              (V{"myuser@example.com.tld", "myuser@example.com.tld"}));
    EXPECT_EQ(emails("ops@evil.]com ops@evil[.com ops@evil(.com ops[@]evil.)com ops@mail[.evil.]com"),
              (V{"ops@evil.com", "ops@evil.com", "ops@evil.com", "ops@evil.com", "ops@mail.evil.com"}));
    EXPECT_EQ(emails("ops@evil  [.com"), V{"ops@evil.com"});
    // In the local part: the skip backs over the "]" after the dot.
    EXPECT_EQ(emails("mail x.]y@evil.com now, a.)b (at) evil.com"), (V{"x.y@evil.com", "a.b@evil.com"}));
}

// After a space "(" opens an aside, and only one bracket makes a
// half-bracketed dot: the address before stays as it was.
TEST(Email, HalfBracketedDotsKeepTheAddressBefore) {
    EXPECT_EQ(emails("mail ops@evil.com (.net too)", false), V{"ops@evil.com"});
    EXPECT_EQ(emails("mail ops@evil.com [[.net", false), V{"ops@evil.com"});
    EXPECT_EQ(emails("mail ops@evil.com.) Next", false), V{"ops@evil.com"});
    EXPECT_EQ(emails("mail ops@evil.com .]net or ops@evil.com.] net", false), (V{"ops@evil.com", "ops@evil.com"}));
    // iocextract's own "no e-mail" case.
    EXPECT_EQ(emails("myuser@example .]com"), V{});
}

// iocextract's "myuser@example  [  .  ]   com": up to three spaces before,
// inside and after a bracketed separator; more are no defang.
TEST(Email, SeveralSpacesAroundABracketedSeparator) {
    EXPECT_EQ(emails("a myuser@example  [  .  ]   com b", false), V{"myuser@example  [  .  ]   com"});
    EXPECT_EQ(emails("a myuser@example  [  .  ]   com b"), V{"myuser@example.com"});
    EXPECT_EQ(emails("ops   (   at   )   example   {   dot   }   org"), V{"ops@example.org"});
    EXPECT_EQ(emails("ops    [at] example[.]org, ops [at]    example[.]org, ops [    at] example[.]org"), V{});
    EXPECT_EQ(emails("ops@example    [.] org ops@example [.    ] org"), V{});
    // Bracket junk is no defang an analyst writes.
    EXPECT_EQ(emails("myuser@example  [[[[ [ [ [ . )]) com"), V{});
    for (std::size_t piece : {1u, 2u, 3u, 5u}) {
        EXPECT_EQ(emails("x myuser@example  [  .  ]   com y ops@evil(.)com[.tld z", true, piece),
                  (V{"myuser@example.com", "ops@evil.com.tld"}))
            << piece;
    }
}

TEST(Email, DomainMustLookLikeAHostName) {
    EXPECT_EQ(emails("root@localhost a@b.c x@example.123 y@-bad.com z@bad-.com w@ex_ample.com"), V{});
    EXPECT_EQ(emails("a@b.co c@d-e.example.museum"), (V{"a@b.co", "c@d-e.example.museum"}));
}

TEST(Email, FileNamesWithAnAtSignAreNoAddresses) {
    // Retina image names and other files: the last label is a file
    // extension, not a top-level domain.
    EXPECT_EQ(emails("<img src=\"img/logo@2x.png\"> icon@3X.PNG bg@1x.jpg app@2x.js build@prod.json"), V{});
    EXPECT_EQ(emails("<img srcset=\"hero@2x.avif 2x\">"), V{});
    // A real top-level domain stays, also one that is a file extension too.
    EXPECT_EQ(emails("ops@example.com ops@files.zip ops@example.mov ops@pngs.org"),
              (V{"ops@example.com", "ops@files.zip", "ops@example.mov", "ops@pngs.org"}));
}

TEST(Email, LocalPartGluedToANonAsciiLetterIsNoAddress) {
    // "jöhn@evil.com": the run after "ö" is a word's tail, "hn@evil.com" no address.
    const std::string glued = "jöhn@evil.com Ørsted.ivan@evil.com xΣops@evil.com Жops@evil.com";
    // After a no-break space, a guillemet, a CJK character or "×" the address stays.
    const std::string kept = "\xC2\xA0ops@evil.com «ops@evil.org» 联系admin@evil.net 2×ops@evil.io";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(emails(glued, true, piece), V{}) << piece;
        EXPECT_EQ(emails(kept, true, piece), (V{"ops@evil.com", "ops@evil.org", "admin@evil.net", "ops@evil.io"})) << piece;
    }
}

TEST(Email, DomainCutByANonAsciiLetterIsNoAddress) {
    // "admin@example.coñ": a byte >= 0x80 ends the run, so the domain read is
    // "example.co", another (innocent) name: no address, plain or defanged.
    const std::string cut =
        "mail admin@example.coñ now, ops@bank.coñtrol.com, ops[@]bank[.]coñtrol[.]com, "
        "ops at bank dot coñ, a@x.com.mü, x@mail.evil.comé y@evil.orgЖ admin@mail.shop.рф __a@evil.com__ñ";
    // After a no-break space, a guillemet or a CJK character the address
    // stays (scripts written without spaces: "admin@evil.com联系",
    // "ops@bank.io.联系"). A letter after a dot starts the domain's next label
    // ("admin@mail.shop.рф" holds no "admin@mail.shop").
    const std::string kept = "ops@evil.com\xC2\xA0x «ops@evil.org» admin@evil.net联系 ops@bank.io.联系";
    for (std::size_t piece : {0u, 1u, 3u}) {
        EXPECT_EQ(emails(cut, true, piece), V{}) << piece;
        EXPECT_EQ(emails(kept, true, piece), (V{"ops@evil.com", "ops@evil.org", "admin@evil.net", "ops@bank.io"}))
            << piece;
    }
}

// "%40" is a URL escape, not a defanged at-sign: no address is decoded out
// of a query string (docs/domains-phones.md; the domain rule reports victim.com).
TEST(Email, PercentEncodedAtSignIsNoAddress) {
    EXPECT_TRUE(emails("https://x.example/login?u=jdoe%40victim.com&p=1 jdoe%40victim.com").empty());
}

// "×" and "÷" share the lead byte C3 with Latin letters: the character
// after the domain is read whole, at any chunk edge, and these signs end
// the address as any ASCII sign would ("ops@evil.com×2" was dropped).
TEST(Email, MultiplicationAndDivisionSignsEndAnAddress) {
    const std::string text = "ops@evil.com×2 ops[@]evil[.]org÷3 a@b.example.net.× x@evil.coñ y@evil.com.ñ";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 13u, 14u, 15u}) {
        EXPECT_EQ(emails(text, true, piece), (V{"ops@evil.com", "ops@evil.org", "a@b.example.net"})) << piece;
    }
}

TEST(Email, MarkdownEmphasisAroundAnAddressIsNoPartOfIt) {
    // Paired runs of "_" (address characters, so inside the run) are cut like
    // those of "*" and "~" (outside it): "__a@evil.com__" is bold.
    EXPECT_EQ(emails("x __a@evil.com__ y **b@evil.com** _c@evil.com_ *d@evil.com* ~~e@evil.com~~ ___f@evil.com___"),
              (V{"a@evil.com", "b@evil.com", "c@evil.com", "d@evil.com", "e@evil.com", "f@evil.com"}));
    EXPECT_EQ(emails("(__a[@]evil[.]com__). __OPS at EVIL dot COM__", true), (V{"a@evil.com", "ops@evil.com"}));
    EXPECT_EQ(emails("__a@evil.com__", false), V{"a@evil.com"});
    // Underscores that are the local part's own stay.
    EXPECT_EQ(emails("snake_case_name@evil.com __init__@x.com _svc@evil.com svc_@evil.com a__b@evil.com"),
              (V{"snake_case_name@evil.com", "__init__@x.com", "_svc@evil.com", "svc_@evil.com", "a__b@evil.com"}));
    // A closer whose opener is before the run, in the text: a domain never
    // ends in "_" (before: nothing).
    EXPECT_EQ(emails("_Write to ops@evil.com_, __Contact: b@evil.com__ x_c@evil.com___"),
              (V{"ops@evil.com", "b@evil.com", "x_c@evil.com"}));
    // Longer runs are no emphasis: "evil.com____" is no domain.
    EXPECT_EQ(emails("____g@evil.com____ h@evil.com____ i@evil.com._"), V{});
    for (std::size_t piece : {1u, 2u, 3u}) {
        EXPECT_EQ(emails("x __a@evil.com__ y _b@evil.com_", true, piece), (V{"a@evil.com", "b@evil.com"})) << piece;
    }
}

TEST(Email, BoundariesAndLists) {
    EXPECT_EQ(emails("<a@x.com>, \"b@y.org\"; (c+tag@z.net)."), (V{"a@x.com", "b@y.org", "c+tag@z.net"}));
    EXPECT_EQ(emails("a@x.com,b@y.org"), (V{"a@x.com", "b@y.org"}));
    // A domain is not reused as the next local part.
    EXPECT_EQ(emails("a@x.com@y.org"), V{"a@x.com"});
}

TEST(Email, AnyPieceSizeGivesTheSameResult) {
    const std::string text =
        "a ops[.]team[@]example(.)org b Alice at example dot org c JOHN.DOE{@}EXAMPLE{.}COM d";
    const auto reference = emails(text);
    ASSERT_EQ(reference.size(), 3u);
    for (std::size_t piece = 1; piece <= 13; ++piece) EXPECT_EQ(emails(text, true, piece), reference);
}

// A quoted-printable body ends a line in "=" where the encoder wants, also
// inside an address: the names on the word side of such a break are pieces
// ("port@..." of "sup=\nport@...", "...@mail.co" of "...@mail.co=\nm.example").
// A break between an address and a non-word byte cuts nothing.
TEST(Email, ASoftLineBreakCutsTheNameItSplits) {
    const std::string split =
        "<a href=3D\"mailto:support@evil.example\">sup=\nport@evil.example</a> a=\r\nb.c@evil.example\n"
        "ops@mail.co=\nm.example ops@mail.co=\r\nm x@evil.example.co=\n-uk";
    const std::string kept = "ops@evil.example=\n\"x\" \"=\nops@evil.org =\nops@evil.net 1@a.io 2@b.io=\n=3D";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u}) {
        EXPECT_EQ(emails(split, true, piece), V{"support@evil.example"}) << piece;
        EXPECT_EQ(emails(kept, true, piece), (V{"ops@evil.example", "ops@evil.org", "ops@evil.net", "1@a.io", "2@b.io"}))
            << piece;
    }
    EXPECT_EQ(emails("x=\na.b@evil.example c@evil.org"), V{"c@evil.org"});
}

// An apostrophe is no address character, so "o'brien@example.com" starts a
// run at "brien": after a letter and an apostrophe (or the typographic "’"
// of text taken from a PDF) the first name is a piece. A quote that also
// closes the run is a string literal's ("[u'ops@evil.com']", Python 2).
TEST(Email, NoAddressFromTheTailOfANameWithAnApostrophe) {
    const std::string text =
        "o'brien@example.com, d'angelo.m@corp.example.org; jean-luc.o'neil@evil.example.com "
        "D\xE2\x80\x99" "Angelo@example.com "
        "[u'ops@evil.com', u'x@evil.org'] b'y@evil.net' {'email': 'z@evil.com'} \xE2\x80\x98q@evil.com\xE2\x80\x99 "
        "it\xE2\x80\x99s w@evil.com 1'v@evil.com";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u}) {
        EXPECT_EQ(emails(text, true, piece),
                  (V{"ops@evil.com", "x@evil.org", "y@evil.net", "z@evil.com", "q@evil.com", "w@evil.com", "v@evil.com"}))
            << piece;
    }
}

// A Mastodon thread cites its authors as "@user@server": an account, no
// mailbox. An address after a mention's space or a colon is still one.
TEST(Email, NoAddressFromAFediverseAccount) {
    const std::string text =
        "@threatfox_watch@infosec.example \xC2\xB7 Dec 3\n"
        "@blue_hat_bri@mastodon.example nice; (@sec_kat[@]ioc.example)\n"
        "@ops: mail ops@evil.example or @bob ir@evil.org, cc:soc@evil.net";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u}) {
        EXPECT_EQ(emails(text, true, piece), (V{"ops@evil.example", "ir@evil.org", "soc@evil.net"})) << piece;
    }
}

// A message identifier ("Message-ID: <id@host>", RFC 5322 3.6.4) names a
// message, no mailbox: after a header name ending in "-ID", after
// "References:" or "In-Reply-To:", one space or none, and "<". The
// mailboxes of From:, To:, Reply-To: and Cc: stay.
TEST(Email, NoAddressFromAMessageIdentifier) {
    const std::string text =
        "Message-ID: <20261119133604.88213.7f3a9c21@mailer.evil-billing.com>\n"
        "Content-ID:<logo01.png@mx.example.com>\nX-Message-Id: <a.b@mx.example.org>\n"
        "References: <CAF4k9Lm2Qv+Tz1R8d0f@mail.example.com>\n"
        "From: \"Billing\" <billing@evil-billing.com>\nReply-To: <ops@evil.com>\nTo: <jo@corp.com>\n"
        "User-ID: bob@corp.com\nCc: s.reyes@corp.com, <finance@corp.com>\nIn-Reply-To: <x1@mail.example.com>\n"
        "User-ID: <bob2@corp.com>\nX-Sender-ID: <eve@corp.com>\nEnvelope-ID:<env@corp.com>\n";
    const V expected{"billing@evil-billing.com", "ops@evil.com", "jo@corp.com", "bob@corp.com",
                     "s.reyes@corp.com", "finance@corp.com", "bob2@corp.com",
                     "eve@corp.com", "env@corp.com"};
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u, 8u, 9u}) EXPECT_EQ(emails(text, true, piece), expected) << piece;
}

// "In-Reply-To:" is told from "Reply-To:" by the "-" before "Reply": the
// twelve bytes before the identifier, kept across calls (st.cond holds
// the four past the eight of the prefix), so any piece size finds the same.
TEST(Email, NoAddressFromAnInReplyToIdentifier) {
    const std::string text =
        "In-Reply-To: <CAH7x2Lq9@mail.example.com>\nIN-REPLY-TO:<d41.77@mx.example.org>\n"
        "Reply-To: <ops@evil.com>\nReply-To:<soc@evil.net>\n\nReply-To: <ir@evil.org>\n";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u, 8u, 11u, 12u, 13u}) {
        EXPECT_EQ(emails(text, true, piece), (V{"ops@evil.com", "soc@evil.net", "ir@evil.org"})) << piece;
    }
}

// A References: header lists identifiers separated by white space and
// folded onto continuation lines that start with white space: every one
// names a message. A mailbox after the header, a mailmap line's second
// address in angle brackets (no identifier before it) and a quoted line's
// ("> <a@b>": no identifier's host before the ">") and a line that starts
// at "<" (no fold: the body after the headers) stay.
TEST(Email, NoAddressFromTheLaterIdentifiersOfAList) {
    const std::string text =
        "References: <a1.x@mx.example.com> <b2.y@mx.example.com>\r\n"
        "\t<c3.z@mx.example.com>\r\n <d4@mx.example.com>\n"
        "        <e5@mx.example.com><f6@mx.example.com>\n"
        "In-Reply-To: <g7@mx.example.com>\n <h8@mx.example.com>\n"
        "From: Bob <bob@evil.com>\nTo: <jo@corp.com> <amy@corp.com>\n"
        "Jo Doe <jo@a.example> <jo.doe@b.example>\n"
        "Message-ID: <m9@mx.example.com>\n> <quoted@evil.org>\n"
        "In-Reply-To: <n1@mx.example.com>\n\n<body@evil.org> wrote:\n";
    const V expected{"bob@evil.com", "jo@corp.com", "amy@corp.com", "jo@a.example", "jo.doe@b.example",
                     "quoted@evil.org", "body@evil.org"};
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u, 8u, 9u, 13u}) EXPECT_EQ(emails(text, true, piece), expected) << piece;
}

TEST(Email, OnlyTheIdentifiersOwnCloserContinuesAList) {
    // A ">" that closes no identifier continues no list, however recent
    // the last one was: the scan started anywhere agrees (a range, a
    // thread's segment).
    const std::string text = "References: <a1@mx.example.com> see the quoted: x> <bob@evil.com>\n"
                             "In-Reply-To: <b2@mx.example.com>\nfoo> <amy@evil.org>\n";
    const V expected{"bob@evil.com", "amy@evil.org"};
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u, 8u, 9u, 13u}) EXPECT_EQ(emails(text, true, piece), expected) << piece;
    // A scan started after a1's ">" (and before "bob") finds the same.
    for (std::size_t from = text.find('>') + 1; from < text.find("bob@"); ++from) {
        EXPECT_EQ(emails(text.substr(from), true, 0), expected) << from;
    }
}

TEST(Email, CommandLine) {
    const auto r = run_iocscan({"--extract-emails", "--refang"}, "x OPS[at]Example[.]org 1.2.3.4\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "ops@example.org\n");
    const auto json = run_iocscan({"--json", "--types", "email"}, "a@b.org\n");
    EXPECT_EQ(json.out, "{\"emails\":[\"a@b.org\"]}\n");
}

TEST(Email, HostileRunsScanInLinearTime) {
    const Options options = options_for({Type::email});
    const std::size_t size = 2u << 20;
    expect_linear_time(options, {
        repeated("@", size),          repeated("a.", size),     repeated(" at", size),
        repeated("a [.] ", size),     repeated("a@", size),     repeated("a [", size),
        repeated("x at y dot ", size), repeated("a{.", size),
        repeated("a  [  .  ]   ", size), repeated("a[.", size), repeated("a   [   ", size),
        repeated("a@a  [  .  ]  ", size), repeated("a@a.co=\n", size),
    });
    // An over-long run reports nothing and does not hide what follows.
    EXPECT_EQ(emails(repeated("a.", 100000) + " ops@example.org"), V{"ops@example.org"});
}

}  // namespace
}  // namespace iocscan::test
