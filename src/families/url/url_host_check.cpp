#include "families/url/url_host_check.hpp"

#include "simd/ascii_class.hpp"
#include "families/email/at_sign.hpp"
#include "simd/byte_set.hpp"
#include "families/domain/domain_run.hpp"
#include "families/url/url_parts.hpp"
#include "families/url/url_refang.hpp"

#include <algorithm>
#include <string>

namespace iocscan::detail {
namespace {

/// The fewest label bytes ([a-z0-9_-]) a host that has_plausible_host()
/// accepts holds: two labels, the last of two bytes or more (four digits
/// for IPv4), unless it holds a colon (a bracketed IPv6 address).
constexpr unsigned kFewestLabelBytes = 3;
/// What may_name_plausible_host() counts for a byte of the text as written:
/// 1 for a label byte in either case, kFewestLabelBytes for a colon.
constexpr auto kHostEvidence = byte_table<unsigned char>([](unsigned c) {
    if (c == ':') return static_cast<unsigned char>(kFewestLabelBytes);
    return static_cast<unsigned char>(is_label_char(c) ? 1 : 0);
});

/// The host of a refanged URL: after "://" and any userinfo, up to the
/// path, port kept; empty when there is no "://".
std::string_view host_of(std::string_view refanged) {
    const std::size_t separator = refanged.find("://");
    if (separator == std::string_view::npos) return {};
    static constexpr ByteSet kHostEnds{"/?#\\"};
    std::string_view host = refanged.substr(separator + 3);
    host = host.substr(0, kHostEnds.find_in(host));
    if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    return host;
}

/// Four decimal octets 0-255.
bool is_ipv4(std::string_view host) {
    int parts = 0;
    std::size_t i = 0;
    while (i <= host.size()) {
        std::size_t j = i;
        int value = 0;
        while (j < host.size() && is_digit(host[j]) && j - i < 3) value = value * 10 + (host[j++] - '0');
        if (j == i || value > 255) return false;
        ++parts;
        if (j == host.size()) return parts == 4;
        if (host[j] != '.') return false;
        i = j + 1;
    }
    return false;
}

/// Labels (is_label_char(), of a lower-cased host) joined by dots, at least
/// two, the last a real TLD.
bool is_dns_name(std::string_view host) {
    if (host.ends_with('.')) host.remove_suffix(1);   // a fully qualified name
    if (host.empty()) return false;
    std::size_t labels = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= host.size(); ++i) {
        if (i < host.size() && host[i] != '.') {
            if (!is_label_char(static_cast<unsigned char>(host[i]))) return false;
            continue;
        }
        if (i == start) return false;   // an empty label
        ++labels;
        start = i + 1;
    }
    const std::string_view tld = host.substr(host.rfind('.') + 1);
    // The documentation names of RFC 2606 count too: examples and tests use them.
    const bool documentation = tld == "example" || tld == "test";
    // Every real top-level domain has two letters or more.
    return labels >= 2 && tld.size() >= 2 && !is_digit(tld[0]) &&
           (is_public_suffix_rule(tld) || tld.starts_with("xn--") || documentation);
}

/// A backslash that is no defang dot, or regex syntax.
bool has_regex_or_path_syntax(std::string_view url) {
    static constexpr ByteSet kSyntax{"\\|^$*"};
    // JSON writes "/" as "\/"; it has no "\." escape, a regex does.
    const bool json_slashes = url.find("\\/") != std::string_view::npos;
    for (std::size_t i = 0; (i = kSyntax.find_in(url, i)) < url.size();) {
        if (url[i] != '\\') return true;
        if (i + 1 < url.size() && url[i + 1] == '/') {
            i += 2;   // a JSON slash: a path separator, not syntax
            continue;
        }
        // "\\." is a defang dot escaped once more (JSON): refang reads it as "."
        if (i + 1 < url.size() && url[i + 1] == '\\') {
            ++i;
        } else if (json_slashes) {
            return true;   // "\." beside "\/": a regex ("evil\.com\/x")
        }
        const std::size_t dot = dot_token(url.substr(i));
        if (dot == 0) return true;
        i += dot;
    }
    return false;
}

}  // namespace

bool may_name_plausible_host(std::string_view text) {
    // Refang and the cut only drop bytes, turn tokens into "." ":" "/" and
    // lower the case: the text holds what the host holds.
    unsigned evidence = 0;
    for (const char c : text) {
        evidence += kHostEvidence[static_cast<unsigned char>(c)];
        if (evidence >= kFewestLabelBytes) return true;
    }
    return false;
}

bool plausible_url(std::string_view url, std::string_view refanged) {
    if (has_regex_or_path_syntax(url) || !has_plausible_host(refanged)) return false;
    // A spaced dot ("evil (.) com") also names the character in prose ("the
    // period (.) in", "a dot (.) to"): then the host may not end in a word
    // or a file extension, as a plain domain may not.
    if (url.find(' ') == std::string_view::npos) return true;
    std::string_view host = host_of(refanged);
    host = host.substr(0, host.find(':'));
    if (host.ends_with('.')) host.remove_suffix(1);
    // Nor mix cases in its registrable domain, as a plain domain may not:
    // "ReflectClose (.) Is", "Evil (.) Com" are prose or code.
    return !is_file_or_word_tld(host.substr(host.rfind('.') + 1)) && registrable_in_one_case(host);
}

std::size_t footnote_after_host(std::string_view url) {
    std::size_t letters_end = url.size();
    while (letters_end > 0 && is_digit(url[letters_end - 1])) --letters_end;
    if (letters_end == url.size() || url.size() - letters_end > 2) return 0;   // most URLs
    std::size_t start = letters_end;
    while (start > 0 && is_alpha(url[start - 1])) --start;
    if (start == letters_end || split_url(url).host_end != url.size()) return 0;   // a path's digits
    std::string top(url.substr(start));
    for (char& c : top) c = ascii_lower(c);
    return footnote_digits(top, url.substr(0, start));
}

bool is_email_part(std::string_view token, std::size_t length) {
    return is_email_part(token, length, split_url(token.substr(0, length)));
}

bool is_email_part(std::string_view token, std::size_t length, const UrlParts& parts) {
    if (at_sign_at(token.substr(length)) > 0) return true;
    const std::string_view url = token.substr(0, length);
    static constexpr ByteSet kAtSignStarts{"@[({"};
    for (std::size_t i = parts.host_begin; (i = kAtSignStarts.find_in(url, i)) < parts.host_end; ++i) {
        if (at_sign_at(url.substr(i, parts.host_end - i)) > 0) return true;
    }
    return false;
}

bool has_pattern_host(std::string_view refanged) {
    // One walk from the separator: how each byte acts on the host.
    enum : unsigned char { kHostByte, kHostEnd, kUserinfoEnd, kPatternByte };
    // Label bytes in either case, dots, a port, and the "%" and "~" of the
    // odd encoded name.
    static constexpr ByteSet kHostPunctuation{".:%~"};
    static constexpr auto kRole = byte_table<unsigned char>([](unsigned c) {
        const char byte = static_cast<char>(c);
        if (is_label_char(c) || kHostPunctuation.contains(byte)) {
            return static_cast<unsigned char>(kHostByte);
        }
        if (c == '/' || c == '?' || c == '#' || c == '\\') return static_cast<unsigned char>(kHostEnd);
        return static_cast<unsigned char>(c == '@' ? kUserinfoEnd : kPatternByte);
    });
    // A refanged URL starts with its scheme, whose ":" is the first.
    const std::size_t colon = refanged.find(':');
    if (colon == std::string_view::npos || refanged.substr(colon, 3) != "://") return false;
    const std::string_view rest = refanged.substr(colon + 3);
    bool pattern = false;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const unsigned char role = kRole[static_cast<unsigned char>(rest[i])];
        if (role == kHostByte) continue;
        if (role == kHostEnd) break;
        if (role == kUserinfoEnd) {
            pattern = false;   // what came before was userinfo
            continue;
        }
        // A bracketed IPv6 address (and its port) is a host.
        if (rest[i] == '[') {
            const std::size_t literal = ipv6_literal(rest.substr(i));
            if (literal > 0) {
                i += literal - 1;
                continue;
            }
        }
        pattern = true;
    }
    return pattern;
}

bool has_optional_group_host(std::string_view raw, const UrlParts* known) {
    std::size_t question = std::string_view::npos;
    if (known != nullptr) {
        question = known->host_end;   // the split tells at once (most URLs with a stop)
    } else {
        question = raw.find('?');
    }
    if (question >= raw.size() || question == 0 || raw[question] != '?' || (raw[question - 1] != ')' && raw[question - 1] != ']')) {
        return false;
    }
    const UrlParts parts = known != nullptr ? *known : split_url(raw);
    if (parts.host_end != question || parts.host_begin >= question) return false;
    const std::string_view host = raw.substr(parts.host_begin, question - parts.host_begin);
    // "[2001:db8::1]?q", "user@[::1]?q": the closer ends an IPv6 address.
    if (const std::size_t open = host.rfind('['); open != std::string_view::npos && ipv6_literal(host.substr(open)) == host.size() - open) {
        return false;
    }
    // "evil[.]com[.]?q", "(dot)": the closer ends a defang token.
    constexpr std::size_t kLongestToken = 7;   // "[ dot ]"
    for (std::size_t length = 3; length <= kLongestToken && length <= host.size(); ++length) {
        const std::string_view tail = host.substr(host.size() - length);
        if (dot_token(tail) == length || colon_token(tail) == length || slash_token(tail) == length) return false;
    }
    return true;
}

bool is_cidr(std::string_view refanged) {
    const std::size_t separator = refanged.find("://");
    if (separator == std::string_view::npos) return false;
    const std::string_view address = refanged.substr(separator + 3);
    const std::size_t slash = address.find('/');
    if (slash == std::string_view::npos || !is_ipv4(address.substr(0, slash))) return false;
    const std::string_view prefix = address.substr(slash + 1);
    if (prefix.empty() || prefix.size() > 2 || !std::all_of(prefix.begin(), prefix.end(), [](char c) { return is_digit(c); })) {
        return false;
    }
    const int bits = prefix.size() == 1 ? prefix[0] - '0' : (prefix[0] - '0') * 10 + (prefix[1] - '0');
    return (prefix.size() == 1 || prefix[0] != '0') && bits <= 32;
}

bool has_plausible_host(std::string_view refanged) {
    std::string_view host = host_of(refanged);
    if (host.size() > 2 && host.front() == '[' && ipv6_literal(host) > 0) return true;
    if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
        for (char c : host.substr(colon + 1)) {
            if (!is_digit(c)) return false;
        }
        host = host.substr(0, colon);
    }
    // Lower-cased on the stack: most hosts are short, and this runs per URL.
    char small[256];
    std::string large;
    char* lower = small;
    if (host.size() > sizeof small) {
        large.resize(host.size());
        lower = large.data();
    }
    for (std::size_t i = 0; i < host.size(); ++i) lower[i] = ascii_lower(host[i]);
    const std::string_view lowered(lower, host.size());
    return is_ipv4(lowered) || is_dns_name(lowered);
}

bool is_quoted_name_piece(std::string_view item, char after) {
    const UrlParts parts = split_url(item);
    // A cut in the path or query leaves the whole host: a URL to block.
    if (parts.host_begin >= parts.host_end || parts.host_end < item.size()) return false;
    if (after != '+' && item.back() != '.' && item.back() != '-') return false;
    std::string refanged;
    refang_url(item, refanged);
    return !has_plausible_host(refanged);
}

}  // namespace iocscan::detail
