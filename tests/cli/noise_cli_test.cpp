// --no-private, --allow (and its alias --domain-ignore), --no-rule and
// --list-rules, run as a user runs them.
#include "support/mixed_text.hpp"
#include "support/output_lines.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

TEST(NoiseCli, NoPrivateDropsSpecialAddressesAndTheirUrls) {
    const std::string text = "10.0.0.1 8.8.8.8 fe80::1 2606:4700::1111 http://192.168.1.1/x http://8.8.4.4/y "
                             "172.16.0.0/12 100.64.0.0/9\n";
    const auto r = run_iocscan({"--no-private", "--refang", "--stats"}, text);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out), (V{"8.8.8.8", "2606:4700::1111", "http://8.8.4.4/y", "8.8.4.4", "100.64.0.0/9"}));
    EXPECT_NE(r.err.find("iocscan: stats: filtered (--no-private, --allow) 5\n"), std::string::npos) << r.err;
    // Only private addresses: nothing found, status 1.
    EXPECT_EQ(run_iocscan({"--no-private"}, "10.0.0.1 127.0.0.1\n").exit_code, 1);
}

TEST(NoiseCli, AllowFileHidesValuesDomainsAndRangesInRawOutputToo) {
    TempFile list("# known good\nexample.com\n203.0.113.0/24  # lab\n2001:db8::1\n"
                  "d41d8cd98f00b204e9800998ecf8427e\n", "allow.txt");
    const std::string text =
        "www[.]example[.]com evil[.]org http://cdn.example.com/x hxxp://evil[.]org/y ops[@]example[.]com "
        "203[.]0[.]113[.]7 198.51.100.7 2001:DB8:0::1 d41d8cd98f00b204e9800998ecf8427e\n";
    const auto r = run_iocscan({"--types", "domain,url,email,ipv4,ipv6,md5", "--allow", list.path()}, text);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // evil[.]org: a scheme-less URL and a domain; the URL's host is a domain too.
    EXPECT_EQ(lines_of(r.out), (V{"evil[.]org", "evil[.]org", "hxxp://evil[.]org/y", "evil[.]org", "198.51.100.7"}));
}

TEST(NoiseCli, AllowRepeatsAndDomainIgnoreIsAnAlias) {
    TempFile a("evil.org\n", "a.txt");
    TempFile b("8.8.8.8\n", "b.txt");
    const std::string text = "http://evil.org/x 8.8.8.8 1.1.1.1 mail.evil.org\n";
    EXPECT_EQ(lines_of(run_iocscan({"--types", "url,ipv4,domain", "--allow", a.path(), "--allow", b.path()}, text).out),
              V{"1.1.1.1"});
    EXPECT_EQ(lines_of(run_iocscan({"--types", "url,ipv4,domain", "--domain-ignore", a.path()}, text).out),
              (V{"8.8.8.8", "1.1.1.1"}));
    // --domain-ignore still accepts domain names only.
    EXPECT_EQ(run_iocscan({"--domain-ignore", b.path()}, text).exit_code, 0);
    TempFile range("10.0.0.0/8\n", "range.txt");
    const auto r = run_iocscan({"--domain-ignore", range.path()}, text);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(range.path() + ":1: not a domain name"), std::string::npos) << r.err;
}

TEST(NoiseCli, BadAllowFileNamesFileAndLine) {
    TempFile bad("evil.com\n\n# fine\n10.0.0.0/40\nok.example\ntwo words\n", "bad.txt");
    auto r = run_iocscan({"--allow", bad.path()}, "8.8.8.8\n");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("iocscan: " + bad.path() + ":4: not an IP address or CIDR range: '10.0.0.0/40'"),
              std::string::npos) << r.err;
    EXPECT_NE(r.err.find("iocscan: " + bad.path() + ":6: one entry per line"), std::string::npos) << r.err;
    r = run_iocscan({"--allow", "/no/such/allow-list"}, "8.8.8.8\n");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("iocscan: /no/such/allow-list: No such file or directory"), std::string::npos) << r.err;
    EXPECT_EQ(run_iocscan({"--allow"}, "").exit_code, 2);
}

TEST(NoiseCli, ListFilesThatCannotBeReadFailAlikeForEveryOption) {
    // One reader for --custom-regex, --allow and --domain-ignore: the same
    // "iocscan: PATH: reason" line and exit status 2 for a directory, a
    // missing file and a file that opens but cannot be read (/proc/self/mem
    // at offset 0: EIO; a mode-000 file is readable to root).
    TempFile locked("evil.com\n", "locked.txt");
    ::chmod(locked.path().c_str(), 0);
    std::vector<std::pair<std::string, std::string>> cases = {
        {locked.dir(), "Is a directory"},
        {locked.dir() + "/missing.txt", "No such file or directory"},
        {"/proc/self/mem", "Input/output error"},
    };
    if (::geteuid() != 0) cases.emplace_back(locked.path(), "Permission denied");
    for (const char* option : {"--custom-regex", "--allow", "--domain-ignore"}) {
        for (const auto& [path, reason] : cases) {
            const auto r = run_iocscan({option, path}, "evil.com 8.8.8.8\n");
            EXPECT_EQ(r.exit_code, 2) << option << " " << path;
            EXPECT_EQ(r.out, "") << option << " " << path;
            EXPECT_EQ(r.err, "iocscan: " + path + ": " + reason + "\n") << option;
        }
    }
}

struct RuleCase {
    const char* rule;
    const char* types;   ///< "" for the default types
    const char* text;    ///< only this rule finds an IOC in it
};

const RuleCase kRuleCases[] = {
    {"hash", "", "d41d8cd98f00b204e9800998ecf8427e"},
    {"ipv4", "", "8.8.8.8"},
    {"generic", "", "http://evil.example.com/x"},
    {"bracket", "", "evil[.]example[.]com/x"},
    {"backslash", "", "evil\\.example\\.com/x"},
    {"ipv6", "", "2606:4700::1111"},
    {"ipv6-defanged", "", "2606[:]4700[:][:]1111"},
    {"email", "", "ops@evil-corp.com"},
    {"yara", "", "rule x { condition: true }"},
    {"phone", "phone,url", "call (212) 555-0147 now"},
    {"domain", "domain,url", "evil-cdn.com"},
    {"hex", "", "687474703a2f2f6576696c2e636f6d2f78"},
    {"percent", "", "http%3A%2F%2Fevil.com%2Fx"},
    {"base64", "", "aHR0cDovL2V2aWwuY29tL3g="},
    {"cve", "cve,url", "CVE-2021-44228"},
    {"attack", "attack,url", "T1059.001"},
};

// Each rule on a text that only it finds an IOC in: with the rule turned
// off, nothing is found. An opt-in type is named in --types, so turning off
// its only rule is the "no rule left" error instead.
TEST(NoiseCli, NoRuleTurnsOffEachRule) {
    for (const auto& c : kRuleCases) {
        std::vector<std::string> args;
        if (*c.types != '\0') args = {"--types", c.types};
        const auto on = run_iocscan(args, std::string("x ") + c.text + " y\n");
        EXPECT_EQ(on.exit_code, 0) << c.rule << ": " << on.err;
        args.insert(args.end(), {"--no-rule", c.rule, "--jsonl"});
        const auto off = run_iocscan(args, std::string("x ") + c.text + " y\n");
        if (*c.types == '\0') {
            EXPECT_EQ(off.exit_code, 1) << c.rule << ": " << off.out << off.err;
        } else {
            EXPECT_EQ(off.exit_code, 2) << c.rule;
            EXPECT_NE(off.err.find("no rule left to find"), std::string::npos) << c.rule << ": " << off.err;
            // Through --types all the type is asked for too; the library
            // test NoRule.EachRuleOffFindsNothingOnItsOwnCase turns it off.
        }
    }
}

TEST(NoiseCli, NoRuleNamesAreCheckedAgainstTheTypes) {
    auto r = run_iocscan({"--no-rule", "bracket,nope"}, "");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--no-rule: unknown rule 'nope' (known: hash ipv4 generic bracket backslash"),
              std::string::npos) << r.err;
    r = run_iocscan({"--types", "md5,url", "--no-rule", "hash"}, "");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--no-rule: no rule left to find md5"), std::string::npos) << r.err;
    r = run_iocscan({"--types", "url:plain", "--no-rule", "generic,bracket,backslash"}, "");
    EXPECT_EQ(r.exit_code, 2);
    // With the default types, a family whose rules are all off just goes.
    r = run_iocscan({"--no-rule", "hash", "--refang"}, "d41d8cd98f00b204e9800998ecf8427e 8.8.8.8\n");
    EXPECT_EQ(lines_of(r.out), V{"8.8.8.8"});
    // ... unless no type of the selection is left at all.
    EXPECT_EQ(run_iocscan({"--types", "ipv4", "--no-rule", "ipv4"}, "").exit_code, 2);
}

TEST(NoiseCli, ListRulesAndHelp) {
    const auto r = run_iocscan({"--list-rules"});
    EXPECT_EQ(r.exit_code, 0);
    const auto lines = lines_of(r.out);
    EXPECT_NE(std::find(lines.begin(), lines.end(), "hash           md5 sha1 sha256 sha512"), lines.end()) << r.out;
    EXPECT_NE(std::find(lines.begin(), lines.end(), "bracket        url"), lines.end()) << r.out;
    const auto help = run_iocscan({"--help"}).out;
    for (const char* flag : {"--no-private", "--allow FILE", "--no-rule NAME", "--list-rules", "--domain-ignore"}) {
        EXPECT_NE(help.find(flag), std::string::npos) << flag;
    }
}

TEST(NoiseCli, ThreadsOneAndTwoGiveTheSameFilteredOutput) {
    TempFile list("example.com\n198.51.100.0/24\n", "allow.txt");
    TempFile input(mixed_text(3 << 20, 11), "mixed.txt");
    const std::vector<std::string> common = {"--jsonl", "--types", "all", "--no-private", "--allow", list.path()};
    auto one = common;
    one.insert(one.end(), {"-j1", input.path()});
    auto two = common;
    two.insert(two.end(), {"-j2", input.path()});
    const auto a = run_iocscan(one);
    const auto b = run_iocscan(two);
    EXPECT_EQ(a.exit_code, 0) << a.err;
    EXPECT_GT(a.out.size(), 1000u);
    EXPECT_TRUE(a.out == b.out);
}

}  // namespace
}  // namespace iocscan::test
