#include "lib/allow_list.hpp"

#include "lib/byte_set.hpp"

#include <algorithm>

namespace iocscan::detail {
namespace {

constexpr ByteSet kBlanks{" \t"};
constexpr ByteSet kDottedNumber{"0123456789./"};
constexpr ByteSet kLabelBytes{"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

void lower_into(std::string_view text, std::string& out) {
    out.resize(text.size());
    std::transform(text.begin(), text.end(), out.begin(), lower);
}

/// ".example.com" and "*.example.com" list example.com as well: the
/// subdomains are covered anyway.
bool strip_wildcard(std::string_view& entry) {
    if (entry.starts_with("*.")) {
        entry.remove_prefix(2);
        return true;
    }
    if (entry.starts_with('.')) {
        entry.remove_prefix(1);
        return true;
    }
    return false;
}

/// Labels of letters, digits, '-' and '_' joined by dots, at least two, the
/// last with a letter (so "1.2.3" and "T1059.001" are not domains); a
/// trailing dot is allowed.
bool is_domain_name(std::string_view name) {
    if (name.ends_with('.')) name.remove_suffix(1);
    std::size_t labels = 0;
    bool letter_in_last = false;
    for (std::size_t start = 0; start <= name.size();) {
        const std::size_t dot = std::min(name.find('.', start), name.size());
        const std::string_view label = name.substr(start, dot - start);
        if (label.empty()) return false;
        letter_in_last = false;
        for (char c : label) {
            if (!kLabelBytes.contains(c)) return false;
            letter_in_last = letter_in_last || (lower(c) >= 'a' && lower(c) <= 'z');
        }
        ++labels;
        start = dot + 1;
    }
    return labels >= 2 && letter_in_last;
}

/// Digits, dots and a "/": meant as an IPv4 address or range.
bool looks_ipv4(std::string_view entry) {
    return entry.find('.') != std::string_view::npos &&
           std::all_of(entry.begin(), entry.end(), [](char c) { return kDottedNumber.contains(c); }) &&
           std::count_if(entry.begin(), entry.end(), [](char c) { return c != '.' && c != '/'; }) > 0;
}

/// "2001:db8::/N": an IPv6 address before the slash.
bool looks_ipv6_range(std::string_view entry) {
    const auto slash = entry.find('/');
    return slash != std::string_view::npos && entry.find(':') < slash &&
           parse_ip_range(entry.substr(0, slash)).has_value();
}

}  // namespace

std::string allow_entry_problem(std::string_view entry) {
    const auto quoted = [&] { return "'" + std::string(entry) + "'"; };
    if (entry.empty()) return "empty entry";
    if (kBlanks.find_in(entry) < entry.size()) return "one entry per line, no blanks inside: " + quoted();
    if ((looks_ipv4(entry) || looks_ipv6_range(entry)) && !parse_ip_range(entry)) {
        return "not an IP address or CIDR range: " + quoted();
    }
    std::string_view name = entry;
    if (strip_wildcard(name) && !is_domain_name(name)) return "not a domain name: " + quoted();
    return "";
}

std::string_view AllowList::keep(std::string_view text) {
    // One buffer, reserved for every entry up front: it never moves.
    const std::size_t start = storage_.size();
    storage_.append(text);
    return std::string_view(storage_).substr(start, text.size());
}

AllowList::AllowList(const std::vector<AllowEntry>& entries) {
    std::size_t bytes = 0;
    for (const AllowEntry& entry : entries) bytes += 2 * entry.text.size();
    storage_.reserve(bytes);
    domains_.reserve(entries.size());
    std::string folded;
    for (const AllowEntry& entry : entries) {
        const std::string_view text = entry.text;
        ++entry_count_;
        if (const auto range = parse_ip_range(text)) {
            auto* sets = range->v6 ? v6_.data() : v4_.data();
            auto& lengths = range->v6 ? v6_lengths_ : v4_lengths_;
            sets[range->prefix].insert(range->base);
            if (std::find(lengths.begin(), lengths.end(), range->prefix) == lengths.end()) {
                lengths.push_back(range->prefix);
            }
            continue;
        }
        // A domain name hides itself and its subdomains (and a value of any
        // type that is that name); any other entry is an exact value.
        std::string_view name = text;
        strip_wildcard(name);
        if (is_domain_name(name)) {
            if (name.ends_with('.')) name.remove_suffix(1);
            lower_into(name, folded);
            domains_.insert(keep(folded));
            continue;
        }
        values_.insert(keep(text));
        lower_into(text, folded);
        folded_values_.insert(keep(folded));
    }
}

bool AllowList::hides_address(const IpRange& range) const {
    const auto* sets = range.v6 ? v6_.data() : v4_.data();
    for (unsigned length : range.v6 ? v6_lengths_ : v4_lengths_) {
        if (length <= range.prefix && sets[length].count(network_of(range.base, length, range.bits())) != 0) {
            return true;
        }
    }
    return false;
}

bool AllowList::hides_domain(std::string_view host, std::string& scratch) const {
    if (domains_.empty()) return false;
    if (host.ends_with('.')) host.remove_suffix(1);
    lower_into(host, scratch);
    for (std::string_view rest = scratch;;) {
        if (domains_.count(rest) != 0) return true;
        const auto dot = rest.find('.');
        if (dot == std::string_view::npos) return false;
        rest.remove_prefix(dot + 1);
    }
}

bool AllowList::hides_value(Type type, std::string_view value, std::string& scratch) const {
    if (values_.empty() && domains_.empty()) return false;
    // A URL or a YARA rule is never a bare domain name.
    if (type == Type::url || type == Type::yara) return values_.count(value) != 0;
    if (type == Type::custom && values_.count(value) != 0) return true;
    lower_into(value, scratch);
    return (type != Type::custom && folded_values_.count(scratch) != 0) || domains_.count(scratch) != 0;
}

}  // namespace iocscan::detail
