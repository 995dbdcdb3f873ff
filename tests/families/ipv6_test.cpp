// IPv6 beyond the contract's table: RFC 4291 / RFC 5952 text forms, log
// lines that only look like addresses, zones, brackets, hostile runs.
#include "families/ipv6/ipv6_run.hpp"
#include "linear_time.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"
#include "support/skip_oracle.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <random>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

std::vector<std::string> ipv6s(const std::string& text, std::size_t piece = 0) {
    return values_found(Type::ipv6, text, false, piece);
}

// Valid addresses from RFC 4291 section 2.2 and RFC 5952 section 2, each of
// which must be found whole, with nothing else, between spaces.
const char* const kValid[] = {
    "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789",
    "2001:DB8:0:0:8:800:200C:417A",
    "2001:DB8::8:800:200C:417A",
    "FF01:0:0:0:0:0:0:101",
    "FF01::101",
    "0:0:0:0:0:0:0:1",
    "::1",
    "0:0:0:0:0:0:13.1.68.3",
    "0:0:0:0:0:FFFF:129.144.52.38",
    "::13.1.68.3",
    "::FFFF:129.144.52.38",
    "2001:0DB8:0000:CD30:0000:0000:0000:0000",
    "2001:0DB8::CD30:0:0:0:0",
    "2001:0DB8:0:CD30::",
    "2001:db8:0:0:1:0:0:1",
    "2001:0db8:0:0:1:0:0:1",
    "2001:db8::1:0:0:1",
    "2001:db8::0:1:0:0:1",
    "2001:0db8::1:0:0:1",
    "2001:db8:0:0:1::1",
    "2001:db8:0000:0:1::1",
    "2001:DB8:0:0:1::1",
    "2001:db8:aaaa:bbbb:cccc:dddd:eeee:0001",
    "2001:db8::aaaa:0:0:1",
    "2001:db8:0:0:aaaa::1",
    "64:ff9b::198.51.100.7",
    "1::",
    "::2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7::",
    "1::8",
};

TEST(Ipv6, ValidTextFormsFromTheRfcs) {
    for (const char* address : kValid) {
        EXPECT_EQ(ipv6s(std::string("addr ") + address + " up"), V{address}) << address;
    }
}

// Not addresses: wrong group counts, two "::", long groups, bad embedded
// IPv4, stray colons.
const char* const kInvalid[] = {
    "2001:db8:::1",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "1::2::3",
    "12345::1",
    "2001:db8:0:0:0:0:0:0:1",
    ":1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8::",
    "::1:2:3:4:5:6:7:8",
    "::ffff:1.2.3",
    "::ffff:256.1.1.1",
    "::ffff:1.2.3.4.5",
    "1:2:3:4:5:6:7:1.2.3.4",
    "::1.2.3.4:5",
    "g::1",
    "2001:db8::1g",
    "0x2001::1",
};

TEST(Ipv6, InvalidTextsReportNothing) {
    for (const char* text : kInvalid) {
        EXPECT_EQ(ipv6s(std::string("addr ") + text + " up"), V{}) << text;
    }
}

TEST(Ipv6, ValidatorAgreesWithInetPton) {
    // Random short texts over an alphabet that makes many near misses; no
    // '0', so glibc's refusal of leading zeros in IPv4 octets never matters.
    const std::string alphabet = "125aF:::..";
    std::mt19937 rng(4291);
    int valid = 0;
    for (int i = 0; i < 200000; ++i) {
        std::string text(1 + rng() % 24, ' ');
        for (char& c : text) c = alphabet[rng() % alphabet.size()];
        unsigned char address[16];
        const bool expected = ::inet_pton(AF_INET6, text.c_str(), address) == 1;
        const auto* p = reinterpret_cast<const unsigned char*>(text.data());
        ASSERT_EQ(detail::is_ipv6_text(p, p + text.size()), expected) << text;
        valid += expected;
    }
    EXPECT_GT(valid, 100) << "the generator should hit valid addresses";
}

TEST(Ipv6, LogLinesWithTimesAndMacAddressesHaveNoAddress) {
    const std::string log =
        "Jan  2 12:34:56 host kernel: [ 1.234] eth0: link up, mac 00:1a:2b:3c:4d:5e\n"
        "2024-01-02T12:34:56.789Z ether 00:1A:2B:3C:4D:5E time 23:59 duration 01:02:03:04\n"
        "at 12:34:56 on 2024-01-02 12:34:56.789 (12:00:00) ratio 16:9\n"
        "std::vector<int> v; Foo::bar(); ns::detail::x; dead::beef add::bad ::\n";
    EXPECT_EQ(ipv6s(log), V{});
}

TEST(Ipv6, LoopbackIsReportedTheUnspecifiedAddressIsNot) {
    EXPECT_EQ(ipv6s("listen [::1]:80 and [::]:443"), V{"::1"});
}

TEST(Ipv6, BracketsPortsAndPunctuationAreLeftOut) {
    EXPECT_EQ(ipv6s("http://[2001:db8::7]:8080/x"), V{"2001:db8::7"});
    EXPECT_EQ(ipv6s("(2001:db8::1), 2001:db8::2. 2001:db8::3;"),
              (V{"2001:db8::1", "2001:db8::2", "2001:db8::3"}));
    EXPECT_EQ(ipv6s("from fe80::1: link up"), V{"fe80::1"});
    EXPECT_EQ(ipv6s("2001:db8::1/64"), V{"2001:db8::1"});
    // Dots before the address, after punctuation, end the sentence before it
    // (iocextract's tests wrap addresses in ".!@..X!@#-"); glued to a word
    // through a dot it is still no address.
    EXPECT_EQ(ipv6s(".!@..2001:db8::1!@#- ..fe80::1ff:fe23:4567:890a. v.2001:db8::2"),
              (V{"2001:db8::1", "fe80::1ff:fe23:4567:890a"}));
}

// Apache joins a client's address and port with a colon, no brackets
// ("[client 2001:db8:bad:1::41:41522]"). Five decimal digits are no group,
// so they are the port, left out; a shorter last group stays an address's
// (or of none), a port over 65535 or "::" before it make nothing; a zone
// ends the run before the colon.
TEST(Ipv6, AFiveDigitPortAfterAColonIsLeftOut) {
    const std::string text =
        "[client 2001:db8:bad:1::41:41522] AH01630 [client ::ffff:192.0.2.7:50122] "
        "1:2:3:4:5:6:7:8:65535, 2001:db8::1:4152 2001:db8::1:65536 fe80::1%eth0:41522 2001:db8:::41522 "
        "dead::beef:41522 2001:db8::1:415222\n";
    const V expected{"2001:db8:bad:1::41", "::ffff:192.0.2.7", "1:2:3:4:5:6:7:8", "2001:db8::1:4152", "fe80::1%eth0"};
    for (std::size_t piece : {0u, 1u, 2u, 3u, 7u, 16u}) EXPECT_EQ(ipv6s(text, piece), expected) << piece;
}

// tcpdump and BSD netstat join an address and its port with a dot
// ("IP6 2001:db8:10::2.53 > 2001:db8:10:4::37.60212:"): the port after the
// last group is left out. An embedded IPv4 address stays whole; a port over
// 65535, one of six digits or one after a dotted IPv4 tail make nothing.
TEST(Ipv6, APortAfterTheLastGroupAndADotIsLeftOut) {
    const std::string text =
        "10:02:09.562311 IP6 2001:db8:10::2.53 > 2001:db8:10:4::37.60212: 48212 1/0/0 AAAA 2001:db8:c0:ff::23 (69)\n"
        "tcp6 0 0 fe80::1.22 1:2:3:4:5:6:7:8.443 ESTABLISHED ::ffff:192.0.2.7 2001:db8::1.65536 "
        "2001:db8::1.123456 ::ffff:192.0.2.7.443 dead::beef.53\n";
    const V expected{"2001:db8:10::2", "2001:db8:10:4::37", "2001:db8:c0:ff::23", "fe80::1", "1:2:3:4:5:6:7:8",
                     "::ffff:192.0.2.7"};
    for (std::size_t piece : {0u, 1u, 2u, 3u, 7u, 16u}) EXPECT_EQ(ipv6s(text, piece), expected) << piece;
}

TEST(Ipv6, LabelBeforeTheAddressIsNotPartOfIt) {
    EXPECT_EQ(ipv6s("Received: from [IPv6:2001:db8::25] by mx"), V{"2001:db8::25"});
    EXPECT_EQ(ipv6s("src=fe80::2 host:fe80::3"), V{"fe80::2"});
}

TEST(Ipv6, SpfAndMailAddressLabelsAreLeftOut) {
    // An SPF record's "ip6:" term, any case; "ipv6:" and a mail address
    // literal's "IPv6:" as before.
    const std::string text =
        "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all\n"
        "v=spf1 IP6:2001:db8::1 Ip6:2001:db8:0:0:1:0:0:3/128 ipv6:2001:db8::4 ~all\n"
        "Received: from mx ([IPv6:2001:db8::5]) by mx; [ip6:fe80::6%eth0]\n";
    const V expected{"2001:db8::", "2001:db8::1", "2001:db8:0:0:1:0:0:3", "2001:db8::4", "2001:db8::5", "fe80::6%eth0"};
    EXPECT_EQ(ipv6s(text), expected);
    for (std::size_t piece = 1; piece <= 17; ++piece) EXPECT_EQ(ipv6s(text, piece), expected) << piece;
    const auto found = scan_pieces("v=spf1 ip6:2001:db8::/32", options_for({Type::ipv6}, true));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].offset, 11u);
    EXPECT_EQ(found[0].value, "2001:db8::");
}

// A Postfix/Sendmail address literal of the loopback, "[IPv6:::1]": the
// label's colon, then "::1". A colon run without a label stays nothing.
TEST(Ipv6, LabelBeforeACompressedAddress) {
    const std::string text =
        "Received: from localhost ([IPv6:::1]) by mx; [ipv6:::ffff:192.0.2.1] ip6:::2 a:::1 ip6:::\n";
    const V expected{"::1", "::ffff:192.0.2.1", "::2"};
    EXPECT_EQ(ipv6s(text), expected);
    for (std::size_t piece = 1; piece <= 17; ++piece) EXPECT_EQ(ipv6s(text, piece), expected) << piece;
    const auto found = scan_pieces("[IPv6:::1]", options_for({Type::ipv6}));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].offset, 6u);
}

// OpenSSL prints a certificate's alternative names as "IP Address:" and
// the address, glued to the colon ("openssl x509 -text", sweep19): the label
// "Address" (any case) is left out as "ip6" is. Only the whole word: "xaddress:"
// and "Addresses:" stay nothing, "Address::1" leaves ":1" as "ip6::1" does.
TEST(Ipv6, CertificateAddressLabelIsLeftOut) {
    const std::string text =
        "DNS:vpn.example, IP Address:192.0.2.44, IP Address:2001:DB8:44:0:0:0:0:1\n"
        "IP Address:fe80::1c4e:9a2b:77d0:3f18, ADDRESS:2001:db8::7 address:2001:db8::8/64\n"
        "xaddress:2001:db8::1 Addresses:2001:db8::2 Addres:2001:db8::3 Address::1 Address:dead::beef\n";
    const V expected{"2001:DB8:44:0:0:0:0:1", "fe80::1c4e:9a2b:77d0:3f18", "2001:db8::7", "2001:db8::8"};
    EXPECT_EQ(ipv6s(text), expected);
    for (std::size_t piece = 1; piece <= 17; ++piece) EXPECT_EQ(ipv6s(text, piece), expected) << piece;
}

// A label starts its run: after dots the first field is ".ip6", no label,
// with the skips on and off alike (the DFA alone reported these before).
TEST(Ipv6, NoLabelAfterDotsThatStartTheRun) {
    const std::string text = "].ip6:2001:db8::1. x..IPv6:2001:db8::2 !.Address:2001:db8::3 ..2001:db8::4\n";
    for (std::size_t piece : {0u, 1u, 2u, 3u, 7u, 16u}) EXPECT_EQ(ipv6s(text, piece), V{"2001:db8::4"}) << piece;
    EXPECT_EQ(values_of(dfa_alone(text, options_for({Type::ipv6}, true)), Type::ipv6), V{"2001:db8::4"});
}

TEST(Ipv6, OtherGluedColonRunsStayNothing) {
    // Only "ip6" or "ipv6" as the whole first field, and a byte other than
    // ":" after its colon, make a label.
    EXPECT_EQ(ipv6s("xip6:2001:db8::1 ip66:2001:db8::1 ip:2001:db8::1 ipv4:2001:db8::1 p6:2001:db8::1 "
                    "ip6_:2001:db8::1 ipv:2001:db8::1 host:ip6:2001:db8::1 ip6:host:2001:db8::1 ip6::1 "
                    "ip6:dead::beef ip6:12:34:56 ip6::: a:::1 2001:db8:::1"),
              V{});
}

TEST(Ipv6, FirstFieldWithANonHexByteReportsNothingButALabel) {
    // The skip passes over runs whose first field holds a byte that is no hex
    // digit; an "IPv6" label (any case) must still reach the validator.
    const std::string text =
        "IPV6:2001:db8::9 ipv6:fe80::4%eth1 ipV6:::1 ipv6::1 07T12:10:00Z 2001:db8::a x.y:1::2 g1:2::3 "
        "1.2.3.4:5::6 [IPv6:fe80::1%zz] ab_c:1::1 2024-01-02T12:34:56Z fe80::5 Ipv6:1::2:3\n";
    const V expected{"2001:db8::9", "fe80::4%eth1", "::1", "2001:db8::a", "fe80::1%zz", "fe80::5", "1::2:3"};
    EXPECT_EQ(ipv6s(text), expected);
    for (std::size_t piece = 1; piece <= 17; ++piece) EXPECT_EQ(ipv6s(text, piece), expected) << piece;
    // Whole blocks of such runs, then an address.
    std::string blocks;
    for (int i = 0; i < 40; ++i) blocks += "07T12:10:00Z g:1::2 ";
    EXPECT_EQ(ipv6s(blocks + "2001:db8::1 " + blocks), V{"2001:db8::1"});
}

TEST(Ipv6, ZoneIsPartOfTheValue) {
    EXPECT_EQ(ipv6s("ping fe80::1%eth0 now"), V{"fe80::1%eth0"});
    EXPECT_EQ(ipv6s("ping fe80::1%eth0."), V{"fe80::1%eth0"});
    EXPECT_EQ(ipv6s("100% fe80::1% sure"), V{"fe80::1"});
}

// The checks after the text is valid (ipv6_text_shape() finds what they
// need in one walk): a compressed text needs a decimal digit in some group
// (hex letters of either case are none); four or more groups of exactly
// two bytes are a fingerprint, but an embedded IPv4 address is no pair; a
// "::" after a "-" and one group is a date's tail. Every piece size, so
// that the runs straddle the chunk edges.
TEST(Ipv6, DigitPairAndDateRulesOnValidTexts) {
    const std::string text =
        "abc::def ABC::DEF abc::de0 a0::b 12:34::56:78 12:34::56 12:34::56:789 12:34:56:78::1.2.3.4 "
        "ab:cd:ef:01:23:45:67:89 ab:cd:ef:01:23:45:67:8 2015-05-26:: 2015-05-26::1 x 26:: -1:: "
        "ip6:ab:cd::ef:01 ip6:26::\n";
    const V expected{"abc::de0",    "a0::b", "12:34::56", "12:34::56:789", "12:34:56:78::1.2.3.4", "ab:cd:ef:01:23:45:67:8",
                     "26::1",       "26::",  "26::"};
    EXPECT_EQ(ipv6s(text), expected);
    for (std::size_t piece = 1; piece <= 17; ++piece) EXPECT_EQ(ipv6s(text, piece), expected) << piece;
}

// Where the address ends: the zone after the run's last colon (a "%" with
// no zone byte after it, or one emptied by the sentence's dots, is left
// out; a second "%" ends the token), a colon of punctuation only without a
// zone, brackets and a port, an embedded IPv4 address with dots after it.
TEST(Ipv6, ZonesTrailingColonsAndDotsAtEveryPieceSize) {
    const std::string text =
        "fe80::1%eth0.. fe80::1%. fe80::1:%eth0 fe80::1%-a fe80::1%% fe80::1%eth0%1 ::1%1%2 "
        "ip6:fe80::1%eth0 IPv6:::ffff:1.2.3.4 ipv6:1:2:3:4:5:6:7:8: [2001:db8::7]:8080 [fe80::1%eth0]:22 "
        "fe80::1:. fe80::1:: ::ffff:1.2.3.4. ::ffff:01.2.3.4\n";
    const V expected{"fe80::1%eth0", "fe80::1",     "fe80::1%-a",   "fe80::1",        "fe80::1%eth0",
                     "::1%1",        "fe80::1%eth0", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "2001:db8::7", "fe80::1%eth0",
                     "fe80::1",      "::ffff:1.2.3.4", "::ffff:01.2.3.4"};
    EXPECT_EQ(ipv6s(text), expected);
    for (std::size_t piece = 1; piece <= 17; ++piece) EXPECT_EQ(ipv6s(text, piece), expected) << piece;
}

// An address right before "/N", N 0-128 in one to three digits, is a cidr
// with its prefix, as a.b.c.d/N is; with another "/..." (a longer number,
// a letter glued on, N over 128), or a zone, the address alone. Every piece
// size, so that the prefix straddles the chunk edges.
TEST(Ipv6, PrefixLengthMakesACidr) {
    const std::string text =
        "route 2a0e:97c0:3e0::/48 via fe80::1, 2001:db8::1/64. v=spf1 ip6:2001:db8::/32 -all "
        "2001:db8::/048 2001:db8::/0 ::ffff:192.0.2.0/120 2001:db8::/0048 2001:db8::/129 "
        "2001:db8::/48abc 2001:db8::/48_ fe80::1%eth0/64 2001:db8::1./64 2001:db8::1:/64 ::/0 dead::beef/32 "
        "2001:db8::/48/56 2001:db8::/6:1::2\n";
    const V cidrs{"2a0e:97c0:3e0::/48", "2001:db8::1/64", "2001:db8::/32",      "2001:db8::/048",
                  "2001:db8::/0",      "::ffff:192.0.2.0/120", "2001:db8::/48", "2001:db8::/6"};
    const V addresses{"fe80::1",    "2001:db8::", "2001:db8::", "2001:db8::", "2001:db8::",
                      "fe80::1%eth0", "2001:db8::1", "2001:db8::1"};
    const Options both = options_for({Type::ipv6, Type::cidr});
    for (std::size_t piece = 0; piece <= 17; ++piece) {
        const auto found = scan_pieces(text, both, piece);
        EXPECT_EQ(values_of(found, Type::cidr), cidrs) << piece;
        EXPECT_EQ(values_of(found, Type::ipv6), addresses) << piece;
    }
    // No address is dropped for want of the cidr type: the ipv6 it starts with.
    EXPECT_EQ(ipv6s("2a0e:97c0:3e0::/48 2001:db8::1/64"), (V{"2a0e:97c0:3e0::", "2001:db8::1"}));
    EXPECT_EQ(values_found(Type::cidr, "2a0e:97c0:3e0::/48 2001:db8::1"), V{"2a0e:97c0:3e0::/48"});
}

TEST(Ipv6, DefangedPrefixIsACidrRefangedAndTyped) {
    const std::string text = "block 2001[:]db8[:][:]/32 and 2a0e[:]97c0[:]3e0[:][:]/480 now\n";
    for (std::size_t piece = 0; piece <= 9; ++piece) {
        const auto found = scan_pieces(text, options_for({Type::ipv6, Type::cidr}, true), piece);
        ASSERT_EQ(found.size(), 2u) << describe(found);
        EXPECT_EQ(found[0].type, Type::cidr);
        EXPECT_EQ(found[0].value, "2001:db8::/32");
        EXPECT_EQ(found[0].raw, "2001[:]db8[:][:]/32");
        EXPECT_EQ(found[0].rules, V{"ipv6-defanged"});
        EXPECT_EQ(found[1].type, Type::ipv6);
        EXPECT_EQ(found[1].value, "2a0e:97c0:3e0::");
    }
    EXPECT_EQ(refang(Type::cidr, "2001[:]db8[:][:]/32"), "2001:db8::/32");
    EXPECT_EQ(refang(Type::cidr, "10[.]0[.]0[.]0/8"), "10.0.0.0/8");
    EXPECT_EQ(defang(Type::cidr, "2001:db8::/32"), "2001:db8::/32");
    EXPECT_EQ(defang(Type::cidr, "10.0.0.0/8"), "10[.]0[.]0[.]0/8");
}

TEST(Ipv6, CidrInEveryOutputFormat) {
    const std::string text = "2001[:]db8[:][:]/32 10.0.0.0/8\n";
    const auto stix = run_iocscan({"--format", "stix"}, text, {"SOURCE_DATE_EPOCH=1700000000"});
    EXPECT_NE(stix.out.find(R"([ipv6-addr:value = '2001:db8::/32'])"), std::string::npos) << stix.out;
    EXPECT_NE(stix.out.find(R"([ipv4-addr:value = '10.0.0.0/8'])"), std::string::npos) << stix.out;
    EXPECT_EQ(run_iocscan({"--refang", "--format", "json"}, text).out, "{\"cidrs\":[\"2001:db8::/32\",\"10.0.0.0/8\"]}\n");
    EXPECT_EQ(run_iocscan({"--refang", "--format", "csv"}, "2001:db8::/32\n").out,
              "type,value,raw,offset,path,rules,encoding\r\ncidr,2001:db8::/32,2001:db8::/32,0,\"'-\",ipv6,\r\n");
    // `iocscan refang` guesses the shape of each line.
    EXPECT_EQ(run_iocscan({"refang"}, "2001[:]db8[:][:]/32\n").out, "2001:db8::/32\n");
}

TEST(Ipv6, GluedToAWordIsNoAddress) {
    EXPECT_EQ(ipv6s("x2001:db8::1 2001:db8::1_ abc12345::1"), V{});
}

TEST(Ipv6, RefangKeepsTheAddressAsWritten) {
    const auto found = scan_pieces("[2001:DB8::1]", options_for({Type::ipv6}, true));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].value, "2001:DB8::1");
    EXPECT_EQ(found[0].offset, 1u);
    EXPECT_FALSE(found[0].defanged);
    EXPECT_EQ(found[0].rules, V{"ipv6"});
}

TEST(Ipv6, AnyPieceSizeGivesTheSameResult) {
    const std::string text = "a 2001:db8::1 b fe80::1%eth0 c ::ffff:192.0.2.1 d [::1]:80 12:34:56";
    const auto reference = ipv6s(text);
    ASSERT_EQ(reference.size(), 4u);
    for (std::size_t piece = 1; piece <= 13; ++piece) EXPECT_EQ(ipv6s(text, piece), reference) << piece;
}

TEST(Ipv6, CommandLineFlags) {
    const std::string text = "a 10.1.2.3 b 2001:db8::1 c ops@example.org\n";
    EXPECT_EQ(run_iocscan({"--extract-ipv6s"}, text).out, "2001:db8::1\n");
    EXPECT_EQ(run_iocscan({"--extract-ips"}, text).out, "10.1.2.3\n2001:db8::1\n");
    EXPECT_EQ(run_iocscan({"--types", "ipv6"}, "12:34:56\n").exit_code, 1);
    // ipv6, email and yara are in the default set.
    const auto all = run_iocscan({}, text + "rule r { condition: true }\n");
    EXPECT_EQ(all.out, "10.1.2.3\n2001:db8::1\nops@example.org\nrule r { condition: true }\n");
}

TEST(Ipv6, HostileRunsScanInLinearTime) {
    const Options options = options_for({Type::ipv6});
    const std::size_t size = 2u << 20;
    expect_linear_time(options, {
        repeated("1:2:3:4:5:6:7:8:9:", size),   // one endless colon run
        repeated("::", size),
        repeated("1:2 ", size),                  // many short runs
        repeated("12:34:56.789 ", size),
        repeated("f", size),
        repeated("a:b.", size),
    });
    // A long run reports nothing and does not hide the address after it.
    EXPECT_EQ(ipv6s(repeated("1:2:3:4:5:6:7:8:9:", 100000) + " 2001:db8::1"), V{"2001:db8::1"});
}

}  // namespace
}  // namespace iocscan::test
