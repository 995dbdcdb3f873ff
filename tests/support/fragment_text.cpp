#include "support/fragment_text.hpp"

#include <random>
#include <vector>

namespace iocscan::test {
namespace {

const std::vector<std::string>& dotted_fragments() {
    static const std::vector<std::string> f = {
        "1", "10", "255", "256", "0", "01", "192", "168", "9999", ".", ".", ".", "[.]", "(.)", "\\.", "[dot]",
        "(dot)", "]]", "[[", "]", "[", " ", "/", "/24", "/33", "v", "Chrome/", "_", "-", ",", "a", "x.",
        "\\\\.", "[[[[.]]]]",
        // Labels with a real top-level domain: dotted forms that are host
        // names ("10[.]evil.com"), which a one-letter label never is.
        "evil", "com", "de", "evil.", "/2a"};
    return f;
}

const std::vector<std::string>& ipv6_fragments() {
    static const std::vector<std::string> f = {
        "2001", "db8", "fe80", "ffff", "0", "1", "a", "g", "::", ":", ":", ":", "%", "eth0", "[", "]", ":8080",
        ".", "192.0.2.1", "12", "34", "56", " ", "-", "T", "Z", "IPv6", "0f", "abcd", "12345", "[:]"};
    return f;
}

const std::vector<std::string>& email_fragments() {
    static const std::vector<std::string> f = {
        "ops", "john", "a", "x1", "_", "-", "+", "%", "@", "@", "[@]", "(@)", "{@}", " at ", "[at]", "(at)",
        " AT ", ".", ".", "[.]", "(.)", "[dot]", " dot ", "{dot}", "example", "com", "org", "Atlas", "at",
        "dot", " ", "[", "]", "(", ")", " [ at ] ", "\n", " @ ", "@ ", "http://", "mailto:"};
    return f;
}

const std::vector<std::string>& url_fragments() {
    static const std::vector<std::string> f = {
        "http", "https", "hxxp", "hXXps", "h__p", "ftp", "fxp", "sftp", "tcp", "udp", "HTTP", "smb", "ws",
        "://", "://", ":\\\\", "[:]//", "__", ":__", "[://]", ":[//]", "[]://", ":/", ":", "//", "/",
        "evil", "example", "net", "com", "gd", "x-y", "10", "1", "[.]", "(.)", " [.] ", "\\.", "[dot]", ".",
        ".", "?q=1", "&", "#", "%2F", "%3A%2F%2F", "http%3A%2F%2F", "aHR0cDovL", "aHR0cHM6Ly9", "687474703a2f2f",
        "\"", "'", "<", ">", "<a href=\"", "\">", "](", ")", "(", "[", "]", "{0}", "{", "}", ",", ";", " ",
        " ", "\n", "\\n", "C:\\Users\\", "\\", "*", "|", "$", "@", "Fig(.) 3", "wiki/Foo_(bar)",
        "\"evil\\.com", "\"x.evil", "\\.net\"",
        // Base64 schemes in mixed case at the three alignments, ASCII and
        // UTF-16LE: "HTTP://", "xHTtp://", "xyFtP://", "HTTPS://", "xFtP://".
        // Whole ones ("...evil.example.net/", with a plausible host) so that
        // a URL is reported, and stubs that the fragments after them go on.
        "SFRUUDovL2V2aWwuZXhhbXBsZS5uZXQv", "eEhUdHA6Ly9ldmlsLmV4YW1wbGUubmV0Lw==",
        "eHlGdFA6Ly9ldmlsLmV4YW1wbGUubmV0Lw==", "SFRUUFM6Ly9hLmV4YW1wbGUub3JnLw==",
        "eABGAHQAUAA6AC8ALwBhAC4AZQB4AGEAbQBwAGwAZQAuAG8AcgBnAC8A", "SFR0cDovL", "RnRQOi8v", "hUVFA6Ly",
        "IVFRQOi8v", "SABUAFQAUAA6AC8ALw", " YW1w", "\tL2E="};
    return f;
}

const std::vector<std::string>& other_fragments() {
    static const std::vector<std::string> f = {
        "d41d8cd98f00b204e9800998ecf8427e", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "0123456789abcdef",
        "rule ", "r", "{", "}", " condition: ", "true", "import \"pe\"\n", "private ", "global ", "/*", "*/",
        "//", "\n", "212-555-0147", "(212) ", "555", "+1 ", "0147", "x", "_", "\t", "\r\n", "\xff",
        std::string("\0", 1), "\xe3\x80\x82", "VirusShare_", "_", "-", "sig_", "0x", "fil0AA9"};
    return f;
}

/// Pieces of the opt-in ids (cve, attack): prefixes, digit groups, glue.
const std::vector<std::string>& opt_in_fragments() {
    static const std::vector<std::string> f = {
        "CVE-", "cve-", "CVE-2021-", "2021-", "1998-", "44228", "123", "-", "T1059", "T", "TA0001", "TA",
        ".001", ".", "S0029", "G0007", "M1042", "C0010", "1059", "/", "_", "x", "0"};
    return f;
}

/// Pieces of the opt-in text types (mac, asn, regkey, ssdeep).
const std::vector<std::string>& text_type_fragments() {
    static const std::vector<std::string> f = {
        "00:1A:", "2b:3c:", "4d:5e", "00-1a-", "4d-5e", "001a.", "2b3c.", "4d5e", "AS", "ASN ", "13335", "AS1",
        "HKLM\\", "HKCU:\\", "HKEY_LOCAL_MACHINE\\", "\\\\", "Software\\", "Windows NT", " /v ", "[", "]",
        "96:", "3:", "s4Ud1Lj+/", ":", "12:34:56", " ", "\"", "x"};
    return f;
}

/// Pieces of the checksummed addresses (btc, eth, xmr, onion): whole valid
/// ones, their prefixes and alphabets, glue.
const std::vector<std::string>& address_fragments() {
    static const std::vector<std::string> f = {
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "1A1zP1eP5QGefi2DMP",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "BC1SW50QGDZ25J", "bc1", "BC1", "qpzry9x8",
        "1", "3", "z",
        "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A", "4AdUndXHHZ6cfufTMvppY6Jw", "8", "4",
        "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid", ".onion", "[.]onion", "(dot)onion", "2gzyxa5ihm7n", "www.", "http://",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xde709f2102306220921060314715629080e2fb77", "0x", "0x5aAeb6", "F3E94C9b9A09f336"};
    return f;
}

}  // namespace

std::string fragment_text(FragmentKind kind, std::size_t size, std::uint32_t seed) {
    std::vector<const std::vector<std::string>*> sources;
    switch (kind) {
        case FragmentKind::dotted: sources = {&dotted_fragments()}; break;
        case FragmentKind::ipv6: sources = {&ipv6_fragments()}; break;
        case FragmentKind::email: sources = {&email_fragments()}; break;
        case FragmentKind::url: sources = {&url_fragments()}; break;
        case FragmentKind::any:
            sources = {&dotted_fragments(), &ipv6_fragments(), &email_fragments(), &url_fragments(),
                       &other_fragments(), &opt_in_fragments(), &text_type_fragments(),
                       &address_fragments()};
            break;
    }
    std::mt19937 rng(seed);
    std::string text;
    text.reserve(size + 64);
    while (text.size() < size) {
        const auto& from = *sources[rng() % sources.size()];
        text += from[rng() % from.size()];
        // Now and then a separator, so forms stand alone as well as glued.
        if (rng() % 8 == 0) text += " \n\t,;"[rng() % 5];
    }
    return text;
}

}  // namespace iocscan::test
