// The ipv6 and hash skips (simd/skip_scan.hpp) pass whole runs without
// their DFAs: a colon run whose colons rule out an address
// (ipv6_colons_may_hold_address(), in the AVX2 search and in the 16-byte
// look of ipv6_colon_run_passed()), text before the next "[:]" found 32
// positions at a time, and a hex run around an all-hex block that is no
// hash (is_hash_run(), hash_token_start()). Each is checked here against the DFA alone with the
// skips off, with the runs at every offset of a 32-byte block, so that they
// start, end and cross the vector windows everywhere, at the chunk sizes of
// the main oracle and on the AVX2 and SSE2 paths.
#include "simd/skip_scan.hpp"
#include "support/scan_helpers.hpp"
#include "support/skip_oracle.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>


namespace iocscan::test {
namespace {

/// Each unit after 0-33 spaces (every offset of a 32-byte block), then a
/// joiner, the joiners taken in turn.
std::string at_every_offset(std::initializer_list<std::string> units, std::initializer_list<std::string> joiners) {
    std::string text;
    std::size_t turn = 0;
    for (const std::string& unit : units) {
        for (std::size_t pad = 0; pad < 34; ++pad) {
            text += std::string(pad, ' ');
            text += unit;
            text += joiners.begin()[turn++ % joiners.size()];
        }
    }
    return text;
}

// Colon runs with one to nine colons, with and without "::", the six-colon
// address with a dotted quad (the fewest colons an address without "::"
// has), runs that go on past the 16 and 32 bytes from their first colon,
// and runs ended by "%" (a zone, or none: "1:2%eth0::1" holds "::1" after
// the zone, which a skip that lost the zone would not see), and runs led
// by the labels "ip6:", "IPv6:", "Address:" (is_ipv6_label()).
TEST(SkipOracleIpv6, ColonRunsAtEveryOffset) {
    const std::string text = at_every_offset(
        {"1:2", "12:34:56", "http://x", "key: value", "00:1a:2b:3c:4d:5e", "1:2:3:4:5:6", "1:2:3:4:5:6:7:8",
         "1:2:3:4:5:6:1.2.3.4", "IPv6:1:2:3:4:5:6:7:8", "2001:db8::1", "::1", "a::1", "fe80::1%eth0",
         "1:2%eth0::1", "1:2%", "1111:2222:3333:4444:5555:6666:7777:8888", "1111:2222:3333:4444:5555:6666:1.2.3.4",
         "1:2:3:4:5abcdefabcdefabcdefabcdef::1", "a1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "2001:db8::1:",
         "1:2:3:4:5:6:7::", "ab:cd:ef:01:23:45:67:89", "ip6:2001:db8::1", "IP6:1:2:3:4:5:6:7:8", "xip6:2001:db8::1",
         "ip6::1", "Address:2001:db8::1", "ADDRESS:1:2:3:4:5:6:7:8", "xaddress:2001:db8::1", "Address::1"},
        {" ", "\n", "%", "%eth0 ", "[", "].", ". ", "/", "", ":", "-", std::string(1, '\0')});
    EXPECT_GE(expect_skips_agree(text, "ipv6 colon runs", options_for({Type::ipv6}, true)), 300u);
}

// Short runs settled from the AVX2 search's 32 bytes
// (ipv6_short_token32()) and run tokens the lex function takes whole
// (ipv6_whole_token_end()): first fields of 1-15 bytes and of 16, runs that
// end within and past the 32 bytes from their first colon, a "::" that
// ends the run with and without a digit before it, first fields that rule
// the token out or are a label, zones (and "%"s that open none) after the
// run, embedded IPv4 addresses, brackets and ports, lookalikes, runs far
// longer than any address; every offset of a 32-byte block and the main
// oracle's chunk sizes, so that the tokens also straddle the chunk edges.
TEST(SkipOracleIpv6, ShortRunsAndWholeTokensAtEveryOffset) {
    const std::string text = at_every_offset(
        {"2001:db8:79d6:42c6::5eb6", "fe80::1", "a::", "ab::", "ab::1", "1a::", "g::", "g::1", "abc::def",
         "abcdefabcdefabc:1::1", "abcdefabcdefabcd:1::1", "abcdefabcdefabcd:1::1%eth0", "1:2::" + std::string(40, 'a'),
         "1::" + std::string(27, 'a') + "1", "1::" + std::string(28, 'a') + "1", "fe80::1%eth0", "fe80::1%",
         "fe80::1%%", "fe80::1%-", "fe80::1%eth0.", "::ffff:1.2.3.4", "::ffff:1.2.3.4.", "[2001:db8::7]:8080",
         "ip6:2001:db8::/32", "IPv6:fe80::1%zz", "ip6:26::", "Address:fe80::1%eth0", "address:2001:db8::/32",
         "Address:1111:2222:3333:4444:5555:6666:255.255.255.255", "ADDRESS:1111:2222:3333:4444:5555:6666:7777:8888%eth0", "ab:cd:ef:01:23:45:67:89", "12:34::56:78",
         "2015-05-26::", "13:46:12", "[02/Oct/2026:13:46:12", "fe80::1:", "fe80::1::", "x.y:1::2",
         "1:2:3:4:5:6:7:8:9:a:b:c:d:e:f:1:2:3:4:5:6:7:8:9:a:b:c:d:e:f:1"},
        {" ", "\n", "%", "%eth0 ", "[", "].", ". ", "/", "", ":", "-", std::string(1, '\0')});
    EXPECT_GE(expect_skips_agree(text, "ipv6 short runs", options_for({Type::ipv6}, true)), 400u);
}

// Tokens settled from the AVX2 search's 32 bytes (ipv6_short_token32()),
// which hands their end to the lex function: zones of every length up to
// and past the 32 bytes (a zone that reaches their end is not settled),
// "%"s that open none, "::" runs without a digit (which report nothing),
// with the digit only in the first field, the zone or the "/digits", and
// runs that start with "::" without a digit, which the search passes
// (ipv6_search_avx2()), next to ones glued to a run byte before them.
TEST(SkipOracleIpv6, SettledTokensAtEveryOffset) {
    std::initializer_list<std::string> units = {
        "fe80::1%" + std::string(20, 'z'), "fe80::1%" + std::string(22, 'z'), "fe80::1%" + std::string(23, 'z'),
        "fe80::1%" + std::string(24, 'z'), "fe80::1%" + std::string(25, 'z'), "::1%" + std::string(26, 'a'),
        "::1%" + std::string(27, 'a'), "::1%" + std::string(28, 'a'), "1::%", "a::%1", "a:b::%1", "a:b::c%eth0",
        "ab:cd::ef", "a:b::", "a:b::/1", "a:b::/48", "1a:b::", "a:b1::", "a:b::1", "::", "::/48", "::a", "::a/64",
        "::%x", "::.", ":::", "x::", "x::/32", "IPv6:::1", "IPv6:::", "ip6:a::b", "a::b.", "2001:db8::/48",
        "::" + std::string(29, 'a'), "::" + std::string(30, 'a'), "fe80::1%eth0/64", "fe80::1%-x."};
    const std::string text = at_every_offset(units, {" ", "\n", "%", "%eth0 ", "[", "/", "", ":", "-", "z", "1"});
    EXPECT_GE(expect_skips_agree(text, "ipv6 settled tokens", options_for({Type::ipv6, Type::cidr}, true)), 450u);
    EXPECT_GE(expect_skips_agree(text, "ipv6 settled tokens, ipv6 only", options_for({Type::ipv6}, true)), 450u);
}

// Prefix lengths after runs (a cidr with the cidr type wanted, the address
// alone or nothing otherwise): a token the skip would take whole must go
// to the DFA when "/" follows it (ipv6_whole_token_end()), plain and
// defanged, with every kind of "/..." after it.
TEST(SkipOracleIpv6, PrefixLengthsAtEveryOffset) {
    const std::string text = at_every_offset(
        {"2001:db8::", "2a0e:97c0:3e0::", "fe80::1", "::1", "ip6:2001:db8::", "IPv6:::1", "::ffff:1.2.3.4",
         "2001[:]db8[:][:]", "2001:db8::1.", "2001:db8::1:", "fe80::1%eth0", "::", "dead::beef", "12:34:56",
         "1:2:3:4:5:6:7:8", "abcdefabcdefabcd:1::1"},
        {"/48 ", "/0\n", "/128.", "/129 ", "/048 ", "/0048 ", "/48abc ", "/48_ ", "/ ", "/x ", "/64/56 ", "/6:1::2 ",
         "/1", "/"});
    EXPECT_GE(expect_skips_agree(text, "ipv6 prefix lengths", options_for({Type::ipv6, Type::cidr}, true)), 400u);
    EXPECT_GE(expect_skips_agree(text, "ipv6 prefix lengths, ipv6 only", options_for({Type::ipv6}, true)), 300u);
}

/// Where `find` (a skip helper taking the run start and lim) puts its
/// answer in `text`: an offset, or -1 for nullptr.
template <typename Find>
std::ptrdiff_t offset_in(const std::string& text, Find find) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char* const at = find(p, p + text.size());
    return at == nullptr ? -1 : at - p;
}

// The token the lex function takes whole must end before lim: one that
// reaches it (the run, the "%", the zone) may go on in the next bytes. A
// "%" that opens no zone is no part of it.
TEST(SkipOracleIpv6, WholeTokenEndsBeforeLimOnly) {
    const auto end_of = [](const std::string& text) { return offset_in(text, detail::skip::ipv6_whole_token_end); };
    EXPECT_EQ(end_of("fe80::1 x"), 7);
    EXPECT_EQ(end_of("2001:db8:79d6:42c6::5eb6 - -"), 24);
    EXPECT_EQ(end_of("fe80::1%eth0 x"), 12);
    EXPECT_EQ(end_of("fe80::1%eth0-1.a%b"), 16);
    EXPECT_EQ(end_of("fe80::1%%x"), 7);
    EXPECT_EQ(end_of("fe80::1% x"), 7);
    EXPECT_EQ(end_of("fe80::1"), -1);
    EXPECT_EQ(end_of("2001:db8:79d6:42c6::5eb6"), -1);
    EXPECT_EQ(end_of("fe80::1%"), -1);
    EXPECT_EQ(end_of("fe80::1%eth0"), -1);
    EXPECT_EQ(end_of(" fe80::1 "), -1);
    EXPECT_EQ(end_of("%1 "), -1);
    // A prefix length: up to four digits after "/", decided before lim.
    EXPECT_EQ(end_of("2001:db8::/32 "), 13);
    EXPECT_EQ(end_of("2001:db8::/0048"), 15);
    EXPECT_EQ(end_of("2001:db8::/12345"), 15);
    EXPECT_EQ(end_of("2001:db8::/x"), 10);
    EXPECT_EQ(end_of("2001:db8::/32"), -1);
    EXPECT_EQ(end_of("2001:db8::/"), -1);
    EXPECT_EQ(end_of("fe80::1%eth0/64 "), 12);   // a zone: no prefix
}

// ipv6_far_run_byte() against a byte-by-byte reference: the first run byte
// other than "." at 51 bytes or more from the run start, before the run
// ends; runs of 1-99 bytes ending in 0-3 dots, then a byte that ends the
// run ("%" among them) or lim.
TEST(SkipOracleIpv6, FarRunByteMatchesAByteWalk) {
    const auto reference = [](const std::string& text) -> std::ptrdiff_t {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (!detail::skip::is_ipv6_run_char(static_cast<unsigned char>(text[i]))) return -1;
            if (text[i] != '.' && i >= static_cast<std::size_t>(detail::skip::kIpv6LongestReportingRun)) {
                return static_cast<std::ptrdiff_t>(i);
            }
        }
        return -1;
    };
    const auto far_of = [](const std::string& text) {
        return offset_in(text, [](const unsigned char* p, const unsigned char* lim) {
            return detail::skip::ipv6_far_run_byte(p, p, lim);
        });
    };
    int far = 0;
    for (std::size_t length = 1; length < 100; ++length) {
        for (std::size_t dots = 0; dots < 4; ++dots) {
            for (const std::string& end : std::vector<std::string>{"", " ", "%1", "-", "\n" + std::string(40, 'a')}) {
                std::string text;
                for (std::size_t i = 0; i < length; ++i) text += "1:a"[i % 3];
                text += std::string(dots, '.') + end;
                ASSERT_EQ(far_of(text), reference(text)) << text;
                far += reference(text) >= 0;
            }
        }
    }
    EXPECT_GT(far, 100);
}

// The zone pass (ipv6_zone_pass_avx2()): chains of "%" long enough for its
// 32-byte steps, ended by a run that reports or not depending on which "%"
// opened a zone (chains of both parities: "7%8::1" holds "::1" after the
// zone "8", "%8::1" after a lone "%" the run "8::1"), zones with "-" and
// across blocks ended by a colon, "%" after "-" or "%" (no zone), runs of
// one colon between "%"s, bytes no token holds, a "::" across its blocks,
// the "%" as the last byte.
TEST(SkipOracleIpv6, ZoneChainsAtEveryOffset) {
    std::vector<std::string> units;
    std::string chain;
    for (int n = 0; n < 24; ++n) {
        chain += static_cast<char>('0' + n % 10);
        chain += '%';
        if (n >= 14) units.push_back(chain + "8::1");
    }
    std::string http;
    for (int n = 0; n < 7; ++n) http += "http%3A%2F%";
    units.push_back(http + "fe80::1%eth0");
    units.push_back(http + "2F::1");
    units.push_back("q%" + std::string(70, 'a') + "::1");
    units.push_back("q%" + std::string(40, 'a') + "-b.c::1%x");
    units.push_back("q%" + std::string(40, 'b') + "%::1");
    units.push_back("q-%ab%cd%ef%gh%ij%kl%mn%op%qr%st%uv::1");
    units.push_back("q%%ab%cd%ef%gh%ij%kl%mn%op%qr%st%uv::1");
    std::string colons;
    for (int n = 0; n < 12; ++n) colons += "1:%";
    units.push_back(colons + "2001:db8::1");
    units.push_back(colons + ":1");
    units.push_back("a:b%c:d%e:f%a:b%c:d%e:f%a:b%c:d%e:f%a:b%c:d%e:f%::1");
    units.push_back("a%b c%d/e%f\xc3\xa9%a%b c%d/e%f%a%b c%d/e%f%a%b c%d%1::1");
    units.push_back(http + "1:2:3:4:5:6:7:8%1");
    std::string text;
    for (const std::string& unit : units) {
        for (std::size_t pad = 0; pad < 34; ++pad) {
            text += std::string(pad, ' ');
            text += unit;
            text += "\n";
        }
    }
    // A run whose "::" falls on every position of the pass's 32-byte steps
    // (they start at the run before the first stop), then more "%" text.
    for (std::size_t k = 0; k < 33; ++k) text += colons + std::string(k, 'x') + " fe80::1 " + colons + "\n";
    text += http + "fe80::1%";
    EXPECT_GE(expect_skips_agree(text, "ipv6 zone chains", options_for({Type::ipv6}, true)), 400u);
}

// Runs holding "::" and no digit report nothing, and the skips pass them
// (ipv6_run_compressed_without_digit(): in the zone pass, in the walk and in
// its 16-byte look): chains of them long enough for the zone pass's steps,
// with and without zones between, ended by runs that report or not: a
// digit right after or far after the "::" (past the 32 bytes from it), a
// digit only in a zone ("a::%1"), a lone colon (the digitless eight-group
// address reports), three colons, "[::]", and the same runs without "%".
TEST(SkipOracleIpv6, DigitlessCompressedRunsAtEveryOffset) {
    const auto chain = [](const std::string& piece, int n) {
        std::string text;
        for (int i = 0; i < n; ++i) text += piece;
        return text;
    };
    std::vector<std::string> units;
    for (const std::string piece : {"::%", "a::%", "::%a", ":::%", "[::]%", "a::%1", "fe80::%", "a::b ", ":: ", "a::"}) {
        for (const int n : {1, 11, 23}) {
            for (const std::string end : {"::1", "fe80::1%eth0", "a:b:c:d:e:f:a:b", "dead:beef:dead:beef:dead:beef:dead:beef%x",
                                          "abcd::abcd:abcd:abcd:abcd:abc1", "abcd::abcd:abcd:abcd:abcd:abcd", "a:b::c",
                                          "::ffff:1.2.3.4", "b::c%1::2"}) {
                units.push_back(chain(piece, n) + end);
            }
        }
    }
    units.push_back("::%" + std::string(40, 'a') + "::" + std::string(40, 'b') + "1");
    std::string text;
    std::size_t pad = 0;
    for (const std::string& unit : units) {
        text += std::string(pad++ % 34, ' ');
        text += unit;
        text += pad % 3 == 0 ? " " : "\n";
    }
    EXPECT_GE(expect_skips_agree(text, "ipv6 digitless compressed runs", options_for({Type::ipv6}, true)), 150u);
}

// Chains of tokens whose zone holds the digits and whose run part is a
// digitless "::" ("1::%1::%1" is "1::%1", "::%1", ...), which the zone
// pass takes whole after the walk passed a first digitless token: a zone
// of 0-33 bytes there puts the chain at every offset of the pass's 32-byte
// steps. Long enough for several steps, with zones of "-", "." and "_", a
// "%" that opens no zone, and ended, glued or not, by runs that report or
// not: "::1" after the last zone, a digit in the run part or only in a
// zone, one colon, an address with a zone, a "%" chain.
TEST(SkipOracleIpv6, ZoneDigitsBeforeColonsAtEveryOffset) {
    std::string text;
    for (const std::string piece : {"1::%", "fe80::%", "1::%1-2.", "12::%a_b", "::%99", "1::%%", "a::%b1"}) {
        std::string chain;
        for (int i = 0; i < 9; ++i) chain += piece;
        for (std::size_t offset = 0; offset < 34; ++offset) {
            for (const std::string end : {"1::1", "::1", "1:2", "x::y", "fe80::1%eth0", "%1::1", "1::", ":1::",
                                          "1:2:3:4:5:6:7:8", "-::1"}) {
                text += "::%" + std::string(offset, 'x') + chain + (offset % 2 == 0 ? "" : " ") + end;
                text += offset % 3 == 0 ? "\n" : "/";
            }
        }
    }
    EXPECT_GE(expect_skips_agree(text, "ipv6 zone digits", options_for({Type::ipv6}, true)), 1000u);
}

// Runs holding a "[:]" and a byte no address holds ("hxxp[:]//"), passed
// 32 bytes at a time after the first (defanged_foreign_runs()): 0-33 bytes
// after that first run put the chains of them that follow at every offset
// of the pass's 32-byte steps, with a "[:]" across the steps' ends; ended,
// glued or not, by runs that report or not: an address, one glued to a
// foreign byte before or after, "[:]" alone, lone brackets.
TEST(SkipOracleIpv6, DefangedForeignRunChainsAtEveryOffset) {
    const std::vector<std::string> pieces{"hxxp[:]//", "g[:]", "[:]g ", "x[:]y[:]z.", "a[:]_/", "[[:]g]",
                                          "hxxp[:]" + std::string(40, 'g') + "/",
                                          "a[:]b[:]c[:]d[:]e[:]f[:]g[:]", "1[:]2]"};
    std::string text;
    for (const std::string& piece : pieces) {
        std::string chain;
        for (int i = 0; i < 4; ++i) chain += piece;
        for (std::size_t offset = 0; offset < 34; ++offset) {
            for (const std::string end : {"2001[:]db8[:][:]1", "fe80[:][:]1.", "[:][:]1", "g1[:][:]2", "1[:][:]2g",
                                          "[:]", "a[:]b", "1[:]2[:]3[:]4[:]5[:]6[:]7[:]8", "[1[:][:]2]", "[:"}) {
                text += "g[:]/" + std::string(offset, offset % 2 == 0 ? ' ' : '/') + chain +
                        (offset % 3 == 0 ? " " : "") + end;
                text += offset % 2 == 0 ? "\n" : " ";
            }
        }
    }
    EXPECT_GE(expect_skips_agree(text, "defanged foreign runs", options_for({Type::ipv6}, true)), 1000u);
}

// "[:]" at every offset of a 32-byte block, alone, in an address, in a run
// too long to report, and as the last bytes of the input.
TEST(SkipOracleIpv6, DefangedColonsAtEveryOffset) {
    // A run of "[:]"-joined words longer than max_token (passed in blocks).
    std::string long_joined_run;
    for (int i = 0; i < 100; ++i) long_joined_run += "a[:]";
    // With runs holding a byte no address holds (the skip passes them
    // whole): a scheme, a "g" or "_" glued on before or after.
    std::string text = at_every_offset({"2001[:]db8[:][:]1", "fe80[:][:]1", "[:]", "a[:]b", "1[:]2[:]3[:]4[:]5[:]6[:]7[:]8",
                                        "[:][:]1", "2001[:]db8[:][:]" + std::string(250, 'a'), "hxxp[:]//",
                                        "fe8g[:][:]1", "1.2.3.4[:][:]1", long_joined_run},
                                       {" ", "[", "]", ":", "", "\n", "g", "_"});
    text += "2001[:]db8[:][:]1[:]";
    EXPECT_GE(expect_skips_agree(text, "defanged ipv6", options_for({Type::ipv6}, true)), 60u);
}

// Hex runs of the four hash lengths and one byte either side of them,
// glued to letters, "0x" (also after hex digits, where the "0" ends a run
// instead of starting one), "_" and "-", at every offset of a 32-byte block.
TEST(SkipOracleIpv6, HashRunsAtEveryOffset) {
    const auto hex = [](std::size_t n) {
        std::string run;
        for (std::size_t i = 0; i < n; ++i) run += "0123456789abcdefABCDEF"[(i * 7) % 22];
        return run;
    };
    const std::string text = at_every_offset(
        {hex(16), hex(31), hex(32), hex(33), hex(39), hex(40), hex(41), hex(63), hex(64), hex(65), hex(96),
         hex(127), hex(128), hex(129), hex(200), "0x" + hex(32), "g" + hex(40), hex(64) + "g", hex(20) + "z" + hex(40),
         "a0x" + hex(32), "x0X" + hex(40), "70x" + hex(64), "0x" + hex(130), "0x0x" + hex(32)},
        {" ", "_", "-", "g", "", ".", "\n", "0x", "0", "x", "0X"});
    EXPECT_GE(expect_skips_agree(text, "hash runs",
                                 options_for({Type::md5, Type::sha1, Type::sha256, Type::sha512})),
              80u);
}

}  // namespace
}  // namespace iocscan::test
