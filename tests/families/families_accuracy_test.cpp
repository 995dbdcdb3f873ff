// Issue #15, part 2: false positives and misses of the address, e-mail and
// hash families, CIDR on by default, and the refang subcommand. Each example
// of the issue is an input with its expected output.
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

/// Values of `type` with `types` selected, refanged, fed in one piece and
/// byte by byte (the verdicts that look at the bytes before a token must not
/// depend on where pieces end); the two must agree.
V found(const std::string& text, Type type, std::initializer_list<Type> types) {
    const Options options = options_for(types, true);
    const V whole = values_of(scan_pieces(text, options), type);
    for (std::size_t piece : {1, 2, 3, 7}) {
        EXPECT_EQ(values_of(scan_pieces(text, options, piece), type), whole) << "pieces of " << piece << ": " << text;
    }
    return whole;
}
V ipv4s(const std::string& text) { return found(text, Type::ipv4, {Type::ipv4, Type::cidr}); }
V ipv6s(const std::string& text) { return found(text, Type::ipv6, {Type::ipv6}); }
V emails(const std::string& text) { return found(text, Type::email, {Type::email}); }
V md5s(const std::string& text) { return found(text, Type::md5, {Type::md5, Type::sha256}); }
V sha256s(const std::string& text) { return found(text, Type::sha256, {Type::md5, Type::sha256}); }

const std::string kMd5 = "d41d8cd98f00b204e9800998ecf8427e";
const std::string kSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

TEST(FamiliesAccuracy, VersionNumbersAreNoAddresses) {
    EXPECT_EQ(ipv4s("v2.4.1.9"), V{});
    EXPECT_EQ(ipv4s("pclean.v2.1.1.0-linux"), V{});
    EXPECT_EQ(ipv4s("Mozilla/5.0 Chrome/119.0.0.0 Safari/537.36"), V{});
    EXPECT_EQ(ipv4s("epicbanana_2.1.0.1.py"), V{});
    EXPECT_EQ(ipv4s("V10.0.0.1 x_10.0.0.2/24"), V{});
    // Real addresses after other bytes stay, the spec's table included.
    EXPECT_EQ(ipv4s("ip=10.0.0.1 http://10.1.2.3/x host:10.0.0.3 (10.0.0.4) at /10.0.0.5 -10.0.0.6"),
              (V{"10.0.0.1", "10.1.2.3", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"}));
    // A version word with a space is not read: "Version 2.4.1.9" is an
    // address, as iocextract finds it (spec: only glued forms are versions).
    EXPECT_EQ(ipv4s("Version 2.4.1.9 and version 10.0.0.7"), (V{"2.4.1.9", "10.0.0.7"}));
    // The verdict reads the two bytes before the run, also at a piece edge.
    EXPECT_EQ(ipv4s(std::string(5000, ' ') + "Chrome/1.2.3.4 " + std::string(5000, 'x') + " 5.6.7.8"), V{"5.6.7.8"});
}

TEST(FamiliesAccuracy, EscapedAndStackedDefangs) {
    EXPECT_EQ(ipv4s("\"ip\": \"10\\\\.10\\\\.10\\\\.10\""), V{"10.10.10.10"});
    EXPECT_EQ(ipv4s("10[[[[.]]]]10.10.10"), V{"10.10.10.10"});
    EXPECT_EQ(ipv4s("10[[[[.]]]]10[[[[.]]]]10[[[[.]]]]10"), V{"10.10.10.10"});
}

TEST(FamiliesAccuracy, CidrIsADefaultType) {
    EXPECT_TRUE(TypeSet::defaults().has(Type::cidr));
    const auto all = scan_pieces("block 192.0.2.128/25", Options{});
    ASSERT_EQ(all.size(), 1u) << describe(all);
    EXPECT_EQ(all[0].type, Type::cidr);
    EXPECT_EQ(all[0].value, "192.0.2.128/25");
    // With ipv4 but not cidr selected, the address is not dropped.
    EXPECT_EQ(values_of(scan_pieces("block 192.0.2.128/25", options_for({Type::ipv4})), Type::ipv4),
              V{"192.0.2.128"});
    const auto cli = run_iocscan({}, "block 192.0.2.128/25\n");
    EXPECT_EQ(cli.exit_code, 0);
    EXPECT_EQ(cli.out, "192.0.2.128/25\n");
    EXPECT_EQ(run_iocscan({"--json"}, "block 192.0.2.128/25\n").out.find("\"cidrs\":[\"192.0.2.128/25\"]") !=
                  std::string::npos,
              true);
    EXPECT_EQ(run_iocscan({"--extract-ipv4s"}, "block 192.0.2.128/25\n").out, "192.0.2.128\n");
}

TEST(FamiliesAccuracy, Ipv6LookalikesAreNoAddresses) {
    EXPECT_EQ(ipv6s("2015-05-26:: started"), V{});
    EXPECT_EQ(ipv6s("SHA1 Fingerprint=AB:CD:EF:01:23:45:67:89"), V{});
    EXPECT_EQ(ipv6s("ab:cd:ef:01::23"), V{});
    // Short forms stay: not after "-", or more than one group.
    EXPECT_EQ(ipv6s("1:: fe80:: 2001:db8:: x-2001:db8::"), (V{"1::", "fe80::", "2001:db8::", "2001:db8::"}));
    EXPECT_EQ(ipv6s("::1 fe80::1 2001:db8::1"), (V{"::1", "fe80::1", "2001:db8::1"}));
}

TEST(FamiliesAccuracy, DefangedIpv6Colons) {
    EXPECT_EQ(ipv6s("c2 2001[:]db8[:][:]1 up"), V{"2001:db8::1"});
    EXPECT_EQ(ipv6s("fe80[:][:]1, 2001[:]db8::2. 2001::db8[:]3"), (V{"fe80::1", "2001:db8::2", "2001::db8:3"}));
    // Never a plain piece of a defanged address, nor a glued one.
    EXPECT_EQ(ipv6s("x2001[:]db8[:][:]1 [:][:] 1[:]2"), V{});
    const auto raw = scan_pieces("2001[:]db8[:][:]1", options_for({Type::ipv6}));
    ASSERT_EQ(raw.size(), 1u);
    EXPECT_EQ(raw[0].raw, "2001[:]db8[:][:]1");
    EXPECT_EQ(raw[0].value, "2001[:]db8[:][:]1");
    EXPECT_EQ(refang(Type::ipv6, "2001[:]db8[:][:]1"), "2001:db8::1");
}

TEST(FamiliesAccuracy, ProseIsNoEmail) {
    EXPECT_EQ(emails("condition: $b at pe.overlay.offset"), V{});
    EXPECT_EQ(emails("the C2 server at evil[.]com"), V{});
    EXPECT_EQ(emails("PNG AT THIRDAVA[.]CYOU"), V{});
    EXPECT_EQ(emails("john at example dot com"), V{"john@example.com"});
    EXPECT_EQ(emails("JOHN AT EXAMPLE DOT COM"), V{"john@example.com"});
}

TEST(FamiliesAccuracy, UrlUserinfoIsNoEmail) {
    EXPECT_EQ(emails("http://user:pw@host.example.com/"), V{});
    EXPECT_EQ(emails("ftp://user:pw@files.example.com:21/x"), V{});
    EXPECT_EQ(emails("http://user@host.example.com/x"), V{});
    // A label before an address is no userinfo.
    EXPECT_EQ(emails("mailto:john@example.com From:ops@example.org."),
              (V{"john@example.com", "ops@example.org"}));
}

TEST(FamiliesAccuracy, SpacedAndBracketedEmails) {
    EXPECT_EQ(emails("author = \"ths @ ccc.de\""), V{"ths@ccc.de"});
    EXPECT_EQ(emails("myuser[@]example[.]com[.]tld"), V{"myuser@example.com.tld"});
    EXPECT_EQ(emails("user @example.com"), V{});   // one space only: a handle
}

TEST(FamiliesAccuracy, HashesJoinedByUnderscoreOrDash) {
    EXPECT_EQ(md5s("VirusShare_" + kMd5), V{kMd5});
    EXPECT_EQ(sha256s("pk_" + kSha256 + ".doc"), V{kSha256});
    EXPECT_EQ(sha256s("rule sig_" + kSha256 + " {"), V{kSha256});
    EXPECT_EQ(md5s("2016-12-01_05-18_" + kMd5 + "_4132357b"), V{kMd5});
    EXPECT_EQ(md5s(kMd5 + "-x " + kMd5 + "__"), (V{kMd5, kMd5}));
    // Hex glued to more hex digits, or to "0x", is nothing; glued to a
    // letter after "f" it is a whole hex run (spec: not part of a longer one).
    EXPECT_EQ(md5s("fil0AA9" + kMd5 + " 0x" + kMd5 + " " + kMd5 + "0"), V{});
    EXPECT_EQ(md5s(" g" + kMd5 + " words" + kMd5 + "words"), (V{kMd5, kMd5}));
    // A long word joined by "_" still holds its hash.
    EXPECT_EQ(md5s(std::string(300, 'z') + "_" + kMd5 + "_" + std::string(300, 'z')), V{kMd5});
}

TEST(FamiliesAccuracy, RefangSubcommandInventsNothing) {
    const auto r = run_iocscan({"refang"}, "not an ioc\nnotanioc\nhxxp://evil[.]example[.]com/a\n1.2.3\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "not an ioc\nnotanioc\nhttp://evil.example.com/a\n1.2.3\n");
    EXPECT_EQ(r.err, "");
    const auto strict = run_iocscan({"refang", "--strict"}, "10[.]0[.]0[.]1\nnot an ioc\n");
    EXPECT_EQ(strict.exit_code, 2);
    EXPECT_EQ(strict.out, "10.0.0.1\nnot an ioc\n");
    EXPECT_NE(strict.err.find("line 2"), std::string::npos) << strict.err;
    EXPECT_NE(strict.err.find("not an ioc"), std::string::npos) << strict.err;
    EXPECT_EQ(run_iocscan({"refang", "--strict"}, "10[.]0[.]0[.]1\n").exit_code, 0);
    EXPECT_EQ(run_iocscan({"refang", "--kind", "ipv4"}, "v1.2.3\n").out, "v1.2.3\n");
    EXPECT_EQ(run_iocscan({"refang", "--kind", "email"}, "no mail here\n").out, "no mail here\n");
    EXPECT_EQ(run_iocscan({"refang"}, "2001[:]db8[:][:]1\n").out, "2001:db8::1\n");
}

TEST(FamiliesAccuracy, RefangEmailKeepsNoStrayBracket) {
    const auto r = run_iocscan({"refang", "--kind", "email"}, "myuser[@]example[.com[.tld]\nops[@]example[.]org\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "myuser@example.com.tld\nops@example.org\n");
}

}  // namespace
}  // namespace iocscan::test
