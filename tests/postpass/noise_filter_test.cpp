// Noise control in the library (Options::no_private, allow, disabled_rules):
// every type it affects, the allow-list matching rules, and that it is a
// pure post-scan filter (any piece size, any thread count, same output).
#include "support/mixed_text.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

Options with_types(std::initializer_list<Type> types) {
    Options options;
    options.types = TypeSet();
    for (Type t : types) options.types.add(t);
    options.refang = true;
    return options;
}

std::vector<AllowEntry> entries(std::initializer_list<const char*> texts) {
    std::vector<AllowEntry> list;
    std::uint32_t line = 0;
    for (const char* text : texts) list.push_back({text, ++line});
    return list;
}

V scan_values(const std::string& text, const Options& options, Type type) {
    return values_of(scan_pieces(text, options), type);
}

TEST(NoPrivate, DropsSpecialAddressesOfEveryAddressType) {
    const std::string text =
        "a 10.1.2.3 b 8.8.8.8 c 192.168.0.0/16 d 11.0.0.0/8 e 10.0.0.0/7 f fe80::1 g 2606:4700::1111 "
        "h 2001:db8::/32 i 100.64.0.1 j 127.0.0.1 k 198.51[.]100.7 l 1.1.1[.]1\n";
    Options options = with_types({Type::ipv4, Type::ipv6, Type::cidr});
    const auto all = scan_pieces(text, options);
    options.no_private = true;
    const auto kept = scan_pieces(text, options);
    EXPECT_EQ(values_of(all, Type::ipv4), (V{"10.1.2.3", "8.8.8.8", "100.64.0.1", "127.0.0.1", "198.51.100.7",
                                             "1.1.1.1"}));
    EXPECT_EQ(values_of(kept, Type::ipv4), (V{"8.8.8.8", "1.1.1.1"}));
    EXPECT_EQ(values_of(kept, Type::ipv6), (V{"2606:4700::1111"}));
    // A range partly outside every special range stays: it holds public addresses.
    EXPECT_EQ(values_of(kept, Type::cidr), (V{"11.0.0.0/8", "10.0.0.0/7"}));
}

TEST(NoPrivate, DropsUrlsWhoseHostIsASpecialAddress) {
    const std::string text =
        "http://10.0.0.5:8080/x http://user:pw@192.168.1.1/y http://8.8.8.8/z hxxp://127.0.0[.]1/w "
        "http://[fe80::1]/a http://[2606:4700::1]:443/b http://evil.example.com/c http://user@10.0.0.1.evil.com/d\n";
    Options options = with_types({Type::url});
    options.no_private = true;
    EXPECT_EQ(scan_values(text, options, Type::url),
              (V{"http://8.8.8.8/z", "http://[2606:4700::1]:443/b", "http://evil.example.com/c",
                 "http://user@10.0.0.1.evil.com/d"}));
}

TEST(NoPrivate, LeavesOtherTypesAlone) {
    const std::string text = "mail ops@corp.example.com d41d8cd98f00b204e9800998ecf8427e 10.0.0.1\n";
    Options options;
    options.refang = true;
    options.no_private = true;
    const auto found = scan_pieces(text, options);
    EXPECT_EQ(values_of(found, Type::email), V{"ops@corp.example.com"});
    EXPECT_EQ(values_of(found, Type::md5), V{"d41d8cd98f00b204e9800998ecf8427e"});
    EXPECT_TRUE(values_of(found, Type::ipv4).empty());
}

TEST(Allow, DomainHidesItselfAndSubdomainsInDomainsUrlsAndEmails) {
    const std::string text =
        "a Example.COM b mail.example.com. c notexample.com d http://www.example.com/x e "
        "hxxp://cdn[.]example[.]com/y f ops@example.com g ops@corp.example.com h evil.org i "
        "http://user@example.com.evil.org/z j http://example.com@evil.org/w\n";
    Options options = with_types({Type::domain, Type::url, Type::email});
    options.allow = entries({"EXAMPLE.com."});
    const auto found = scan_pieces(text, options);
    EXPECT_EQ(values_of(found, Type::domain), (V{"notexample.com", "evil.org", "example.com.evil.org", "evil.org"}))
        << describe(found);
    EXPECT_EQ(values_of(found, Type::url), (V{"http://user@example.com.evil.org/z", "http://example.com@evil.org/w"}));
    EXPECT_TRUE(values_of(found, Type::email).empty());
}

TEST(Allow, RefangedComparisonWhateverTheOutputForm) {
    const std::string text = "x evil[.]com y ops[at]evil[.]com z 10[.]0[.]0[.]1\n";
    for (bool refang : {false, true}) {
        Options options = with_types({Type::domain, Type::email, Type::ipv4});
        options.refang = refang;
        const auto before = scan_pieces(text, options);
        ASSERT_GE(before.size(), 3u) << describe(before);
        options.allow = entries({"evil.com", "10.0.0.0/8"});
        EXPECT_TRUE(scan_pieces(text, options).empty()) << describe(scan_pieces(text, options));
        options.refang = false;
        options.defang = true;
        EXPECT_TRUE(scan_pieces(text, options).empty());
    }
}

TEST(Allow, AddressesAndRangesCompareParsedAddresses) {
    const std::string text =
        "a 2001:DB8:0:0:0:0:0:1 b 2001:db8::2 c 203.0.113.9 d 203.0.114.1 e 203.0.113.0/28 f 203.0.112.0/23 "
        "g http://203.0.113.5/x h http://[2001:0db8::1]/y i http://[2001:db8::3]/z\n";
    Options options = with_types({Type::ipv4, Type::ipv6, Type::cidr, Type::url});
    options.allow = entries({"2001:db8:0::1", "203.0.113.0/24"});
    const auto found = scan_pieces(text, options);
    EXPECT_EQ(values_of(found, Type::ipv6), (V{"2001:db8::2", "2001:db8::3"})) << describe(found);
    EXPECT_EQ(values_of(found, Type::ipv4), (V{"203.0.114.1"}));
    EXPECT_EQ(values_of(found, Type::cidr), (V{"203.0.112.0/23"}));   // wider than the allowed range
    EXPECT_EQ(values_of(found, Type::url), (V{"http://[2001:db8::3]/z"}));
}

TEST(Allow, ExactValuesOfAnyType) {
    const std::string text =
        "md5 D41D8CD98F00B204E9800998ECF8427E and 0cc175b9c0f1b6a831c399e269772661, CVE-2021-44228 and "
        "CVE-2020-0601, http://evil.example/Path and http://evil.example/path T1059.001\n";
    Options options = with_types({Type::md5, Type::cve, Type::url, Type::attack});
    options.allow = entries({"d41d8cd98f00b204e9800998ecf8427e", "cve-2021-44228", "http://evil.example/Path",
                             "T1059.001"});
    const auto found = scan_pieces(text, options);
    EXPECT_EQ(values_of(found, Type::md5), V{"0cc175b9c0f1b6a831c399e269772661"});
    EXPECT_EQ(values_of(found, Type::cve), V{"CVE-2020-0601"});
    // URL values compare byte for byte: a path's case matters.
    EXPECT_EQ(values_of(found, Type::url), V{"http://evil.example/path"});
    EXPECT_TRUE(values_of(found, Type::attack).empty());
}

TEST(Allow, EncodedUrlsAreJudgedByTheUrlsInside) {
    // "http://10.0.0.1/x" in hex.
    const std::string text = "blob 687474703a2f2f31302e302e302e312f78 end\n";
    Options options = with_types({Type::url});
    options.refang = false;
    ASSERT_EQ(scan_pieces(text, options).size(), 1u);
    options.no_private = true;
    EXPECT_TRUE(scan_pieces(text, options).empty());
    options.refang = true;
    EXPECT_TRUE(scan_pieces(text, options).empty());
}

TEST(Allow, BadEntriesAreRefusedWithTheirLine) {
    const std::vector<AllowEntry> list = {{"evil.com", 1},        {"10.0.0.0/33", 2}, {"has blank", 3},
                                          {"*.", 4},              {"300.1.1.1", 5},   {"2001:db8::/200", 6},
                                          {"00:1a:2b:3c:4d:5e", 7}, {"T1059.001", 8}};
    const auto problems = check_allow_list(list);
    std::vector<std::uint32_t> lines;
    for (const auto& p : problems) lines.push_back(p.line);
    EXPECT_EQ(lines, (std::vector<std::uint32_t>{2, 3, 4, 5, 6}));
    Options options;
    options.allow = list;
    EXPECT_THROW(Scanner scanner(options), std::invalid_argument);
}

TEST(Allow, FileSyntax) {
    const auto list = parse_allow_list("# header\n  evil.com   # ours\r\nhttp://x.example/#frag\n\n\t\n10.0.0.0/8\n");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].text, "evil.com");
    EXPECT_EQ(list[0].line, 2u);
    EXPECT_EQ(list[1].text, "http://x.example/#frag");   // '#' inside a value is not a comment
    EXPECT_EQ(list[2].line, 6u);
}

TEST(Noise, StatsCountFilteredNotFound) {
    Options options = with_types({Type::ipv4});
    options.no_private = true;
    Scanner scanner(options);
    std::vector<Found> found;
    scanner.feed("10.0.0.1 8.8.8.8 192.168.1.1\n", collector(found));
    scanner.finish(collector(found));
    EXPECT_EQ(scanner.stats().found[static_cast<std::size_t>(Type::ipv4)], 1u);
    EXPECT_EQ(scanner.stats().filtered, 2u);
}

TEST(Noise, SameOutputForEveryPieceSizeAndThreadCount) {
    const std::string text = mixed_text(512 << 10, 20);
    Options options = Options();
    options.types = TypeSet::all();
    options.refang = true;
    options.no_private = true;
    options.allow = entries({"example.com", "198.51.100.0/24", "d41d8cd98f00b204e9800998ecf8427e"});
    Options plain = options;
    plain.no_private = false;
    plain.allow.clear();
    const auto whole = scan_pieces(text, options);
    ASSERT_LT(whole.size(), scan_pieces(text, plain).size());   // the filter drops something
    for (unsigned threads : {2u, 3u}) {
        options.threads = threads;
        EXPECT_EQ(scan_pieces(text, options), whole) << threads << " threads";
    }
    options.threads = 1;
    EXPECT_EQ(scan_pieces(text, options, 4093), whole);
}

TEST(NoRule, RuleNamesAreCheckedAndEachRuleTurnsOff) {
    Options options;
    options.disabled_rules = {"no-such-rule"};
    EXPECT_THROW(Scanner scanner(options), std::invalid_argument);
    const auto rules = builtin_rule_list();
    EXPECT_GE(rules.size(), 16u);
    EXPECT_EQ(rules.front().name, "hash");
}

struct RuleCase {
    const char* rule;
    Type type;          ///< the type only this rule finds in `text`
    const char* text;
};

const RuleCase kRuleCases[] = {
    {"hash", Type::md5, "d41d8cd98f00b204e9800998ecf8427e"},
    {"ipv4", Type::ipv4, "8.8.8.8"},
    {"generic", Type::url, "http://evil.example.com/x"},
    {"bracket", Type::url, "evil[.]example[.]com/x"},
    {"backslash", Type::url, "evil\\.example\\.com/x"},
    {"ipv6", Type::ipv6, "2606:4700::1111"},
    {"ipv6-defanged", Type::ipv6, "2606[:]4700[:][:]1111"},
    {"email", Type::email, "ops@evil-corp.com"},
    {"yara", Type::yara, "rule x { condition: true }"},
    {"phone", Type::phone, "call (212) 555-0147 now"},
    {"domain", Type::domain, "evil-cdn.com"},
    {"hex", Type::url, "687474703a2f2f6576696c2e636f6d2f78"},
    {"percent", Type::url, "http%3A%2F%2Fevil.com%2Fx"},
    {"base64", Type::url, "aHR0cDovL2V2aWwuY29tL3g="},
    {"cve", Type::cve, "CVE-2021-44228"},
    {"attack", Type::attack, "T1059.001"},
};

TEST(NoRule, EachRuleOffFindsNothingOnItsOwnCase) {
    for (const auto& c : kRuleCases) {
        Options options;
        options.types = TypeSet::all();
        const std::string text = std::string("x ") + c.text + " y\n";
        EXPECT_FALSE(values_of(scan_pieces(text, options), c.type).empty()) << c.rule;
        options.disabled_rules = {c.rule};
        EXPECT_TRUE(values_of(scan_pieces(text, options), c.type).empty()) << c.rule;
    }
}

TEST(NoRule, TypesWithoutRules) {
    Options options;
    options.disabled_rules = {"hash"};
    const TypeSet missing = types_without_rules(options);
    EXPECT_TRUE(missing.has(Type::md5));
    EXPECT_TRUE(missing.has(Type::sha512));
    EXPECT_FALSE(missing.has(Type::url));
    options.disabled_rules = {"generic", "bracket", "backslash"};
    EXPECT_FALSE(types_without_rules(options).has(Type::url));   // the encoded rules remain
    options.url_encoded = false;
    EXPECT_TRUE(types_without_rules(options).has(Type::url));
}

TEST(Allow, EachEntryReadOnceAsDomainAddressOrValue) {
    // The reading that checks an entry is the one that builds the list: a
    // name, wildcard or not, with or without a trailing dot, is a domain;
    // a name with an empty label is an exact value; an address-like entry
    // that does not parse and "*." before no name are refused.
    const std::vector<AllowEntry> list = {{"*.Example.ORG.", 1}, {"1password.com", 2}, {"a..b.com", 3},
                                          {".1.2.3.4", 4},        {"1.2.3", 5},         {"*.-x", 6}};
    const auto problems = check_allow_list(list);
    std::vector<std::uint32_t> lines;
    for (const auto& p : problems) lines.push_back(p.line);
    ASSERT_EQ(lines, (std::vector<std::uint32_t>{4, 5, 6}));
    EXPECT_EQ(problems[0].message, "not an IP address or CIDR range: '.1.2.3.4'");
    EXPECT_EQ(problems[1].message, "not an IP address or CIDR range: '1.2.3'");
    EXPECT_EQ(problems[2].message, "not a domain name: '*.-x'");

    const std::string text = "a example.org b www.example.org c x.1password.com d b.com e other.org\n";
    Options options = with_types({Type::domain});
    options.allow = {list[0], list[1], list[2]};
    EXPECT_EQ(scan_values(text, options, Type::domain), (V{"b.com", "other.org"}));
    options.allow.push_back(list[5]);
    try {
        Scanner scanner(options);
        ADD_FAILURE() << "'*.-x' accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "allow list line 6: not a domain name: '*.-x'");
    }
}

TEST(Allow, AddressIntervalsInAnyOrderMergeWhenAdjacent) {
    // Listed out of order; 10.0.0.0/24 and 10.0.1.0/24 touch, so together
    // they hide 10.0.0.0/23; 10.0.3.0/24 leaves a gap; the last IPv4
    // address must not overflow the merge.
    const std::string text =
        "a 10.0.0.0/23 b 10.0.1.200 c 10.0.0.0/22 d 10.0.2.7 e 10.0.3.9 f 255.255.255.255 g 255.255.254.1 "
        "h 2001:db8:1::/48 i 2001:db8::/47 j 2001:db8:2::1\n";
    Options options = with_types({Type::ipv4, Type::ipv6, Type::cidr});
    options.allow = entries({"10.0.3.0/24", "10.0.1.0/24", "255.255.255.255", "10.0.0.0/24", "255.255.255.0/24",
                             "2001:db8:1::/48", "2001:db8::/48"});
    const auto found = scan_pieces(text, options);
    EXPECT_EQ(values_of(found, Type::cidr), (V{"10.0.0.0/22"})) << describe(found);
    EXPECT_EQ(values_of(found, Type::ipv4), (V{"10.0.2.7", "255.255.254.1"}));
    EXPECT_EQ(values_of(found, Type::ipv6), (V{"2001:db8:2::1"}));
}

TEST(Allow, ADomainEntryHidesAValueOfAnotherTypeThatIsThatName) {
    // Custom values are compared byte for byte as exact values, but a
    // listed domain (any case) hides a value that is that name; the hash
    // of a dotless value (md5) skips the domain lookup, and an md5 entry
    // still hides its value.
    const std::string text = "host=Evil.COM host=sub.evil.com host=good.org d41d8cd98f00b204e9800998ecf8427e\n";
    Options options = with_types({Type::custom, Type::md5});
    options.refang = false;
    options.custom_patterns = {{R"(host=(\S+))", 1}};
    options.allow = entries({"evil.com", "D41D8CD98F00B204E9800998ECF8427E"});
    const auto found = scan_pieces(text, options);
    EXPECT_EQ(values_of(found, Type::custom), (V{"sub.evil.com", "good.org"})) << describe(found);
    EXPECT_TRUE(values_of(found, Type::md5).empty());
}

TEST(Allow, RulesetKeepsTheListOnlyCompiled) {
    Options options = with_types({Type::domain});
    options.allow = entries({"example.com"});
    const Ruleset rules(options);
    EXPECT_TRUE(rules.options().allow.empty());
    EXPECT_TRUE(rules.options().refang);
    Scanner scanner(rules);
    std::vector<std::string> seen;
    const std::string text = "example.com evil.org\n";
    scanner.feed(text, [&](const Match& m) {
        seen.emplace_back(m.value);
        return true;
    });
    scanner.finish([&](const Match& m) {
        seen.emplace_back(m.value);
        return true;
    });
    EXPECT_EQ(seen, V{"evil.org"});
}

}  // namespace
}  // namespace iocscan::test
