// Decides what a dotted number run found by grammar/ipv4/ipv4.re is.
#pragma once

#include "core/candidate_sink.hpp"
#include "families/common/token_prefix.hpp"
#include "simd/ascii_class.hpp"

namespace iocscan::detail {

/// Whether the word before the "/" just before `run`, whose last byte is
/// `word_end` bytes before `run`, is a Squid hierarchy code, as access.log
/// writes the peer a request went to ("HIER_DIRECT/45.33.2.1",
/// "TIMEOUT_FIRSTUP_PARENT/10.9.8.7", "DIRECT/8.8.8.8"): the rule is in
/// ipv4_run.cpp.
bool follows_squid_hierarchy_code(const LongTokenPrefix& prefix, const unsigned char* run, int word_end);

/// Whether that word is a path segment or a host name, not a product: a "/"
/// or "." comes before it, within the bytes the prefix keeps
/// ("/dev/tcp/203.0.113.89/4444", a bash reverse shell;
/// "shodan.io/host/1.2.3.4", "ipinfo.io/1.2.3.4"), or it ends in "address"
/// or "addresses", a lookup link's segment longer than the window
/// ("/gui/ip-address/1.2.3.4", "/api/v3/ip_addresses/1.2.3.4"). A product
/// name of a User-Agent is written after a space or "(".
bool follows_path_or_host(const LongTokenPrefix& prefix, const unsigned char* run, int word_end);

/// Whether the "=" just before `run` ends a key that names a version, as
/// check-in and asset URLs write one ("gate.php?bot=ws114&v=2.3.0.1",
/// "app.js?ver=1.2.0.4", "version=10.0.19041.1"): "v" and "ver" only as
/// whole keys ("dev=", "server=10.0.0.1", "c2_server_v=" name hosts); "version" as the
/// last seven letters the prefix keeps. The rule is in ipv4_run.cpp.
bool follows_version_key(const LongTokenPrefix& prefix, const unsigned char* run);

/// True when the dotted run that starts at `run` is a version number, not
/// an address, by the bytes before it (`prefix`): glued to a letter or "_"
/// ("v2.4.1.9", "pclean.v2.1.1.0", "epicbanana_2.1.0.1"), after "Word/"
/// ("Chrome/119.0.0.0", and "Chrome\/119.0.0.0" as JSON escapes it) or
/// after a version key ("?v=2.3.0.1": follows_version_key()),
/// unless Word is a Squid hierarchy code, which names the peer the proxy
/// reached ("HIER_DIRECT/45.33.2.1"), or a path segment or host
/// ("/dev/tcp/", "ipinfo.io/"), or
/// the letter ends a percent escape ("http%3A%2F%2F45.33.2.1", a URL in a
/// query string). Inline: it runs once per dotted run.
inline bool is_version_prefix(const LongTokenPrefix& prefix, const unsigned char* run) {
    const auto glued = [](unsigned char c) { return is_alpha(c) || c == '_'; };
    const unsigned char before1 = prefix.before(run, 1);
    if (glued(before1)) return !(is_hex(before1) && is_hex(prefix.before(run, 2)) && prefix.before(run, 3) == '%');
    if (before1 == '=') return follows_version_key(prefix, run);
    if (before1 != '/') return false;
    const int word_end = prefix.before(run, 2) == '\\' ? 3 : 2;   // "Word\/"
    const unsigned char last = prefix.before(run, word_end);
    if (!glued(last)) return false;
    // Every code ends in two upper-case letters, most product names do not
    // ("Chrome/", "X/"): only such a Word is looked at further.
    if (is_upper(last) && is_upper(prefix.before(run, word_end + 1)) &&
        follows_squid_hierarchy_code(prefix, run, word_end)) {
        return false;
    }
    return !follows_path_or_host(prefix, run, word_end);
}

/// Where the address of the dotted run [run, end) starts: two bytes later
/// when a "%" comes right before the run and its first group has two digits
/// or more, since a percent escape ends in them ("q=%2010.0.0.1" is
/// " 10.0.0.1", "%20192.168.1.1%20" is " 192.168.1.1 "); else at `run`.
/// When the escape is the whole group, the rest starts at a separator
/// ("%20.1.2.3", "%12.192.0.2.1"): no address starts there.
inline const unsigned char* after_percent_escape(const LongTokenPrefix& prefix, const unsigned char* run,
                                                 const unsigned char* end) {
    return prefix.before(run, 1) == '%' && end - run > 2 && is_digit(run[1]) ? run + 2 : run;
}

/// Where the address of the dotted run [begin, end) ends when the run is a
/// tcpdump endpoint, four octets and a port joined by plain dots, after
/// "IP " (the source) or "> " (the destination):
/// "IP 10.20.4.37.60211 > 93.184.216.34.443:" reports both addresses
/// (a five-part number is otherwise nothing: a version "1.2.3.4.5").
/// nullptr for any other run. Inline: it runs once per dotted run the DFA
/// takes; the run is read in ipv4_run.cpp.
const unsigned char* tcpdump_endpoint_address_end(const unsigned char* begin, const unsigned char* end);
inline const unsigned char* tcpdump_address_end(const LongTokenPrefix& prefix, const unsigned char* begin,
                                                const unsigned char* end) {
    if (prefix.before(begin, 1) != ' ') return nullptr;   // most runs
    const unsigned char before2 = prefix.before(begin, 2);
    const bool source = before2 == 'P' && prefix.before(begin, 3) == 'I' && !is_word(prefix.before(begin, 4));
    return source || before2 == '>' ? tcpdump_endpoint_address_end(begin, end) : nullptr;
}

/// [begin, end) is a run of digit groups joined by (possibly defanged) dots,
/// optionally followed by "/digits". Queues an ipv4 or a cidr, or nothing
/// (a version number: `version`).
void emit_dotted_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, bool version);

/// [begin, end) is four octets joined by plain dots, already judged so
/// (skip::plain_quad_is_address()): queues it as an ipv4 unless `version`.
void emit_address(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, bool version);

}  // namespace iocscan::detail
