#include "families/domain/domain_run.hpp"
#include "families/domain/domain_refang.hpp"
#include "families/url/url_parts.hpp"

#include "simd/ascii_class.hpp"
#include "families/email/at_sign.hpp"
#include "families/rule_ids.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace iocscan::detail {
namespace {

constexpr std::size_t kMaxLabels = 32;
constexpr std::size_t kMaxLabelLength = 63;
constexpr std::size_t kMaxNameLength = 253;

bool starts_with(const unsigned char* p, const unsigned char* end, std::string_view prefix) {
    return static_cast<std::size_t>(end - p) >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), p);
}

/// File extensions that are also top-level domains: "setup.py" and
/// "README.md" are files, not hosts, unless the name is defanged or comes
/// after a scheme or "www.".
constexpr std::array<std::string_view, 33> kFileExtensionTlds = {
    "ac", "ai", "am", "at", "bz", "cc", "cl", "cr", "cs", "gd", "gs", "in", "ls", "md", "mk", "ml", "mm",
    "mo", "mov", "ms", "pl", "pm", "ps", "py", "rs", "sc", "sh", "so", "st", "sv", "tf", "ts", "zip",
};

/// Country codes that are also English or code words ("user.id", "it.is",
/// "self.me"): a plain name never ends in them.
constexpr std::array<std::string_view, 14> kWordTlds = {
    "as", "be", "by", "do", "go", "id", "is", "it", "me", "my", "no", "to", "tv", "us",
};

/// Generic top-level domains common enough in real host names to be taken
/// without a defang: other generic suffixes (".name", ".host", ".email",
/// ".app", ".style", ".data" ...) are attribute names in source code far more
/// often, and need a defang, a scheme or "www.".
constexpr std::array<std::string_view, 26> kCommonGenericTlds = {
    "biz",  "bid",  "club",  "cloud", "com",  "edu",    "fun",  "gov",  "icu",
    "info", "int",  "live",  "mil",   "net",  "online", "org",  "ru",   "shop",
    "site", "space", "store", "tech", "top",  "vip",    "work", "xyz",
};

/// First labels of reverse-DNS names: "com.google.android", "org.apache.x".
constexpr std::array<std::string_view, 9> kReverseDnsRoots = {
    "android", "androidx", "com", "edu", "io", "java", "javax", "net", "org",
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

struct Label {
    const unsigned char* begin;
    const unsigned char* end;
    std::string_view text() const {
        return {reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin)};
    }
};

/// Past the dot separator at `p`, one the grammar checked: ".", "\.", or
/// a bracketed dot, perhaps spaced (then `defanged` is set).
const unsigned char* past_dot(const unsigned char* p, const unsigned char* end, bool& defanged) {
    if (*p == '.') return p + 1;
    defanged = true;
    return p + host_dot_length(std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p)));
}

/// Labels of the run [p, end), lower-cased into `lowered` ("a.b.c"). False
/// when a label is not a host label.
bool split_labels(const unsigned char* p, const unsigned char* end, std::array<Label, kMaxLabels>& labels,
                  std::size_t& count, bool& defanged, std::string& lowered) {
    count = 0;
    defanged = false;
    while (p < end) {
        if (count == kMaxLabels) return false;
        const unsigned char* start = p;
        while (p < end && is_label_char(*p)) ++p;
        labels[count++] = {start, p};
        if (p == end) break;
        p = past_dot(p, end, defanged);
    }
    lowered.clear();
    for (std::size_t i = 0; i < count; ++i) {
        const Label& label = labels[i];
        const auto length = static_cast<std::size_t>(label.end - label.begin);
        if (length == 0 || length > kMaxLabelLength) return false;
        if (label.begin[0] == '-' || label.end[-1] == '-') return false;
        if (i) lowered.push_back('.');
        for (const unsigned char* q = label.begin; q < label.end; ++q) {
            if (*q == '_') return false;   // identifiers, not host names
            lowered.push_back(ascii_lower(static_cast<char>(*q)));
        }
    }
    return count >= 2 && lowered.size() <= kMaxNameLength;
}

/// Labels of the longest public suffix of `name` ("a.b.co.uk" -> 2), with
/// the list's wildcard and exception rules; 0 when the top label is unknown.
std::size_t public_suffix_labels(std::string_view name, std::size_t count) {
    // No rule of the list has more labels than this; a longer name is
    // looked up only as deep as a rule could reach.
    constexpr std::size_t kMaxRuleLabels = 6;
    std::array<char, kMaxNameLength + 3> scratch{};
    const auto lookup = [&](std::string_view prefix, std::string_view suffix) {
        std::copy(prefix.begin(), prefix.end(), scratch.begin());
        std::copy(suffix.begin(), suffix.end(), scratch.begin() + static_cast<std::ptrdiff_t>(prefix.size()));
        return is_public_suffix_rule(std::string_view(scratch.data(), prefix.size() + suffix.size()));
    };
    std::size_t best = 0;
    std::size_t labels = 0;
    std::size_t at = name.size();
    for (;;) {
        const std::size_t dot = at == 0 ? std::string_view::npos : name.rfind('.', at - 1);
        const std::size_t start = dot == std::string_view::npos ? 0 : dot + 1;
        const std::string_view suffix = name.substr(start);
        ++labels;
        if (labels > 1 && lookup("!", suffix)) return labels - 1;
        const std::string_view parent = labels == 1 ? std::string_view() : name.substr(at + 1);
        if (is_public_suffix_rule(suffix) || (!parent.empty() && lookup("*.", parent))) best = labels;
        if (labels == 1 && suffix.starts_with("xn--")) best = 1;   // punycode TLDs
        if (labels == 1 && best == 0 && !lookup("*.", suffix)) return 0;   // unknown top label
        if (start == 0 || labels == count || labels == kMaxRuleLabels) break;
        at = start - 1;
    }
    return best;
}

bool is_numeric(std::string_view label) {
    if (!label.empty() && (label[0] == 'v' || label[0] == 'V')) label.remove_prefix(1);
    return !label.empty() && std::all_of(label.begin(), label.end(), [](char c) { return is_digit(c); });
}

/// Whether `text` holds letters of one case only (or none).
bool in_one_case(std::string_view text) {
    return std::none_of(text.begin(), text.end(), [](char c) { return is_upper(c); }) ||
           std::none_of(text.begin(), text.end(), [](char c) { return is_lower(c); });
}

}  // namespace

std::size_t footnote_digits(std::string_view top, std::string_view before_top) {
    if (!before_top.ends_with("[.]") && !before_top.ends_with("(.)")) return 0;
    std::size_t letters = top.size();
    while (letters > 0 && is_digit(top[letters - 1])) --letters;
    const std::size_t digits = top.size() - letters;
    const std::string_view tld = top.substr(0, letters);
    return digits >= 1 && digits <= 2 && tld != "int" && contains(kCommonGenericTlds, tld) ? digits : 0;
}

bool registrable_in_one_case(std::string_view host) {
    std::string lowered(host);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](char c) { return ascii_lower(c); });
    const auto count = static_cast<std::size_t>(std::count(host.begin(), host.end(), '.')) + 1;
    const std::size_t suffix = public_suffix_labels(lowered, count);
    if (suffix == 0 || suffix >= count) return true;
    // The registrable domain starts after the dot that ends label count - suffix - 1.
    std::size_t start = host.size();
    for (std::size_t dots = 0; dots <= suffix; ++dots) start = host.rfind('.', start - 1);
    return in_one_case(host.substr(start + 1));
}

bool is_file_or_word_tld(std::string_view top) {
    return contains(kFileExtensionTlds, top) || contains(kWordTlds, top);
}

namespace {

/// The checks a name without a defang, scheme or "www." must pass too.
/// `suffix`: the labels of its public suffix (fewer than `count`).
bool plain_name_is_host(const std::array<Label, kMaxLabels>& labels, std::size_t count, std::size_t suffix,
                        std::string_view top) {
    if (is_file_or_word_tld(top)) return false;
    if (top.size() != 2 && !contains(kCommonGenericTlds, top) && !top.starts_with("xn--")) return false;
    // The registrable domain (the public suffix and the label before it) is
    // written in one case: "System.IO", "Microsoft.AspNetCore.App",
    // "obj.getName.com" are namespaces and members. The labels below it may
    // mix cases: a DNS tunnel's or a CDN's base64-like label
    // ("q.aGVsbG8td29ybGQ.tunnel.example.org").
    const std::string_view registrable(
        reinterpret_cast<const char*>(labels[count - suffix - 1].begin),
        static_cast<std::size_t>(labels[count - 1].end - labels[count - suffix - 1].begin));
    if (!in_one_case(registrable)) return false;
    const bool all_upper = std::none_of(registrable.begin(), registrable.end(), [](char c) { return is_lower(c); });
    // Microsoft's .NET products are written in capitals: "ASP.NET", "VB.NET",
    // "ADO.NET" name a framework, not the host asp.net.
    if (all_upper && count == 2 && top == "net") return false;
    // Version strings: "1.2.3.at", "v2.10.io".
    std::size_t numeric = 0;
    for (std::size_t i = 0; i + 1 < count; ++i) numeric += is_numeric(labels[i].text()) ? 1 : 0;
    if (numeric >= 2 || (numeric == 1 && is_numeric(labels[0].text()) && labels[0].text()[0] == 'v')) return false;
    // Reverse-DNS namespaces: "com.example.app", "org.apache.commons.io".
    std::string first(labels[0].text());
    std::transform(first.begin(), first.end(), first.begin(), [](char c) { return ascii_lower(c); });
    return !(count >= 3 && contains(kReverseDnsRoots, first));
}

}  // namespace

bool is_public_suffix_rule(std::string_view rule) {
    const std::string_view* first = kPublicSuffixRules;
    const std::string_view* last = kPublicSuffixRules + kPublicSuffixRuleCount;
    return std::binary_search(first, last, rule);
}

namespace {

/// Where the host run [p, end) that follows a "%" starts: after the two hex
/// digits of a URL escape ("%40victim.com" is jdoe@victim.com's domain, not
/// 40victim.com), or after a one-letter label and its dot, which is a printf
/// directive ("%s.com", "%d.example.org"); a label that only starts with a
/// letter ("100%secure.com") is kept. The escape's or directive's label
/// left empty, the dot after it goes as well. nullptr: the escape writes a
/// label byte, so the run is a piece of a longer name.
const unsigned char* past_percent_code(const unsigned char* p, const unsigned char* end) {
    if (end - p >= 2 && is_hex(p[0]) && is_hex(p[1])) {
        // An escaped label byte ("%65vil.com" is evil.com) leaves a piece of
        // the name: no host starts after it.
        if (is_label_char(static_cast<unsigned char>(hex_value(p[0]) * 16 + hex_value(p[1])))) return nullptr;
        p += 2;
    } else if (end - p >= 1 && is_alpha(p[0]) && (end - p == 1 || !is_label_char(p[1]))) {
        p += 1;
    } else {
        return p;
    }
    bool defanged = false;
    return p < end && !is_label_char(*p) ? past_dot(p, end, defanged) : p;
}

/// Where the host starts in the token [begin, end): past a scheme and its
/// separator, as url generic reads them (split_scheme(): "hxxps://",
/// "h__ps://", "hxxp__", "hxxp:__", "http[s]://"), or any other name of letters and
/// "_" before "://", "[:]//", "[://]" or the JSON-escaped ":\/\/" (the
/// grammar's `scheme`); `begin` without one. nullptr: a scheme the URL
/// rules do not read before "__" or ":__", so no host.
const unsigned char* past_scheme(const unsigned char* begin, const unsigned char* end) {
    // Most runs have none: their first letters and underscores hold no
    // "__" and are followed by a dot or a label byte.
    const unsigned char* p = begin;
    bool double_underscore = false;
    for (; p < end && (is_alpha(*p) || *p == '_'); ++p) double_underscore |= p[0] == '_' && p > begin && p[-1] == '_';
    // What may start a separator, or the s of "http[s]": ":", "[:", "[s",
    // "(s", "[]" (the grammar's `scheme`).
    const bool separator_next =
        p < end && (*p == ':' || ((*p == '[' || *p == '(') && end - p > 1 &&
                                  (p[1] == ':' || p[1] == 's' || p[1] == 'S' || p[1] == ']')));
    if (!double_underscore && !separator_next) return begin;
    const std::string_view text(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    if (const std::size_t host = split_scheme(text).separator_end; host > 0) return begin + host;
    for (p = begin; p < end && (is_alpha(*p) || *p == '_'); ++p) {
        const unsigned char* next = p + 1;
        next += s_mark(std::string_view(reinterpret_cast<const char*>(next), static_cast<std::size_t>(end - next)));
        for (std::string_view mark : {"://", "[:]//", "[://]", ":\\/\\/"}) {
            if (starts_with(next, end, mark)) return next + mark.size();
        }
        if (starts_with(next, end, ":__")) return nullptr;
    }
    return begin;
}

/// Whether the run [begin, end) ends with HTML's numeric reference to "@"
/// or "." ("&#64;", "&#x40;", "&#46;", "&#x2E;"), as a page writes an
/// address or a name to hide it from harvesters: the run before it is a
/// local part ("ops.kw&#64;example.com": no host "ops.kw") or the first
/// labels of a longer name ("ops.kw&#46;example.com"), whose last label is
/// no top-level domain. (The name after it is reported: "example.com".)
bool ends_with_name_entity(std::string_view run) {
    if (!run.ends_with(';')) return false;
    for (std::string_view entity : {"&#64;", "&#46;", "&#x40;", "&#x2e;"}) {
        if (run.size() >= entity.size() && equal_ignoring_ascii_case(run.substr(run.size() - entity.size()), entity)) {
            return true;
        }
    }
    return false;
}

}  // namespace

void emit_domain_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, unsigned char before) {
    // A host run followed by "(" is a call, by "=" a key, by an at-sign
    // ("@", "[@]", "(at)", ...) a local part.
    if (end[-1] == '(' || end[-1] == '=') return;
    const std::string_view run(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    if (ends_with_at_sign(run) || ends_with_name_entity(run)) return;
    const unsigned char* host = past_scheme(begin, end);
    if (host == nullptr) return;
    const bool scheme = host != begin;
    if (before == '%' && !scheme) host = past_percent_code(host, end);
    if (host == nullptr) return;
    std::array<Label, kMaxLabels> labels{};
    std::size_t count = 0;
    bool defanged = false;
    std::string name;
    if (!split_labels(host, end, labels, count, defanged, name)) return;
    std::string_view top = std::string_view(name).substr(name.rfind('.') + 1);
    if (!std::all_of(top.begin(), top.end(), [](char c) { return is_lower(c); }) && !top.starts_with("xn--")) {
        // "evil[.]com2": a footnote's digits glued to a defanged name.
        if (!defanged) return;
        const std::size_t digits = footnote_digits(
            top, {reinterpret_cast<const char*>(host), static_cast<std::size_t>(labels[count - 1].begin - host)});
        if (digits == 0) return;
        end -= digits;
        name.resize(name.size() - digits);
        top.remove_suffix(digits);
        labels[count - 1].end -= digits;
    }
    // A spaced dot ("evil (.) com") also names the character in prose ("the
    // period (.) in", "a dot (.) to", "Close(.) is"): such a name passes a
    // plain name's checks too.
    const bool spaced = std::find(host, end, ' ') != end;
    const bool explicit_host = (defanged && !spaced) || scheme || name.starts_with("www.");
    // The cheap checks first: "setup.py" and "user.id" end here.
    if (!explicit_host && is_file_or_word_tld(top)) return;
    const std::size_t suffix = public_suffix_labels(name, count);
    if (suffix == 0 || suffix >= count) return;   // unknown top label, or a bare public suffix
    if (!explicit_host && !plain_name_is_host(labels, count, suffix, top)) return;
    sink.add(Type::domain, kRuleDomain, host, end);
}

}  // namespace iocscan::detail
