#include "postpass/allow_list.hpp"

#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace iocscan::detail {
namespace {

constexpr ByteSet kBlanks{" \t"};
constexpr ByteSet kDottedNumber{"0123456789./"};


void lower_into(std::string_view text, std::string& out) {
    out.resize(text.size());
    std::transform(text.begin(), text.end(), out.begin(), ascii_lower);
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

/// The bytes of a domain name, by what they mean to is_domain_name().
enum class NameByte : unsigned char { other, dot, letter, label };
constexpr auto kNameBytes = byte_table<NameByte>([](unsigned c) {
    if (c == '.') return NameByte::dot;
    if (is_alpha(c)) return NameByte::letter;
    return is_digit(c) || c == '-' || c == '_' ? NameByte::label : NameByte::other;
});

/// Labels of letters, digits, '-' and '_' joined by dots, at least two, the
/// last with a letter (so "1.2.3" and "T1059.001" are not domains); a
/// trailing dot is allowed. One table lookup a byte: it runs for every
/// entry of a list.
bool is_domain_name(std::string_view name) {
    if (name.ends_with('.')) name.remove_suffix(1);
    std::size_t labels = 1;
    bool label_empty = true;
    bool letter_in_last = false;
    for (const char c : name) {
        switch (kNameBytes[static_cast<unsigned char>(c)]) {
            case NameByte::letter:
                letter_in_last = true;
                label_empty = false;
                break;
            case NameByte::label:
                label_empty = false;
                break;
            case NameByte::dot:
                if (label_empty) return false;
                ++labels;
                label_empty = true;
                letter_in_last = false;
                break;
            case NameByte::other:
                return false;
        }
    }
    return !label_empty && labels >= 2 && letter_in_last;
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

AllowEntryKind classify_allow_entry(std::string_view entry) {
    AllowEntryKind out;
    // A domain name hides itself and its subdomains (and a value of any type
    // that is that name). Tested first, as most entries are domains: a name
    // has no blank and is no address, so none of the tests below would
    // have refused it.
    std::string_view name = entry;
    const bool wildcard = strip_wildcard(name);
    if (is_domain_name(name)) {
        if (name.ends_with('.')) name.remove_suffix(1);
        out.kind = AllowEntryKind::domain;
        out.name = name;
    } else if (entry.empty()) {
        out.problem = "empty entry";
    } else if (kBlanks.find_in(entry) < entry.size()) {
        out.problem = "one entry per line, no blanks inside";
    } else if (const auto range = parse_ip_range(entry)) {
        out.kind = AllowEntryKind::address;
        out.range = *range;
    } else if (looks_ipv4(entry) || looks_ipv6_range(entry)) {
        out.problem = "not an IP address or CIDR range";
    } else if (wildcard) {
        out.problem = "not a domain name";
    } else {
        out.kind = AllowEntryKind::value;   // any other entry is an exact value
    }
    return out;
}

std::string allow_entry_problem(std::string_view entry) {
    const AllowEntryKind kind = classify_allow_entry(entry);
    if (kind.kind != AllowEntryKind::unusable) return "";
    if (entry.empty()) return kind.problem;
    return std::string(kind.problem) + ": '" + std::string(entry) + "'";
}

void AllowList::StringSet::reserve(std::size_t count) {
    std::size_t slots = 2;
    while (slots < 2 * count) slots *= 2;
    slots_.assign(slots, {});
    std::size_t words = 1;
    while (words * 64 < count * 16) words *= 2;   // 16 bits per entry: about 6 % false hits
    bits_.assign(words, 0);
    bit_mask_ = words * 64 - 1;
    size_ = 0;
}

void AllowList::StringSet::insert(std::string_view text) {
    const std::size_t hash = std::hash<std::string_view>()(text);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.text.data() == nullptr) {
            slot = {hash, text};
            ++size_;
            break;
        }
        if (slot.hash == hash && slot.text == text) return;
    }
    const std::size_t bit = (hash >> 20) & bit_mask_;   // other bits than the slot index
    bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
}

bool AllowList::StringSet::contains(std::string_view text) const {
    if (size_ == 0) return false;
    const std::size_t hash = std::hash<std::string_view>()(text);
    const std::size_t bit = (hash >> 20) & bit_mask_;
    if ((bits_[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].text.data() != nullptr; i = (i + 1) & mask) {
        if (slots_[i].hash == hash && slots_[i].text == text) return true;
    }
    return false;
}

void AllowList::merge(Intervals& intervals) {
    Intervals merged;
    for (const auto& next : intervals) {
        // Overlapping or adjacent: one interval (the second test avoids last + 1 overflowing).
        if (!merged.empty() && (next.first <= merged.back().second || next.first - 1 == merged.back().second)) {
            merged.back().second = std::max(merged.back().second, next.second);
        } else {
            merged.push_back(next);
        }
    }
    intervals = std::move(merged);
}

bool AllowList::covers(const Intervals& intervals, Uint128 first, Uint128 last) {
    // The last interval that starts at or before `first`.
    auto it = std::upper_bound(intervals.begin(), intervals.end(), first,
                               [](Uint128 value, const auto& interval) { return value < interval.first; });
    if (it == intervals.begin()) return false;
    --it;
    return it->second >= last;
}

std::string_view AllowList::keep(std::string_view text) {
    // One buffer, reserved for every entry up front: it never moves.
    const std::size_t start = storage_.size();
    storage_.append(text);
    return std::string_view(storage_).substr(start, text.size());
}

AllowList::AllowList(const std::vector<AllowEntry>& entries) {
    // First each entry's kind, then sets sized for their own part of the
    // list: sizing all three for every entry zeroed ~19 MB for a 100k list,
    // more than the rest of the load (bench/allow_cost.sh).
    std::vector<std::string_view> names, values;
    std::vector<std::uint64_t> v4_packed;   // first << 32 | last
    std::size_t bytes = 0;
    for (const AllowEntry& entry : entries) {
        const std::string_view text = entry.text;
        const AllowEntryKind kind = classify_allow_entry(text);
        ++entry_count_;
        switch (kind.kind) {
            case AllowEntryKind::unusable:
                throw std::invalid_argument("allow list line " + std::to_string(entry.line) + ": " +
                                            allow_entry_problem(text));
            case AllowEntryKind::address: {
                const IpRange& range = kind.range;
                const Uint128 host_bits = range.prefix == range.bits()
                                              ? 0
                                              : (Uint128{1} << (range.bits() - range.prefix)) - 1;
                if (range.v6) {
                    v6_.emplace_back(range.base, range.base | host_bits);
                } else {
                    v4_packed.push_back(static_cast<std::uint64_t>(range.base) << 32 |
                                        static_cast<std::uint32_t>(range.base | host_bits));
                }
                break;
            }
            case AllowEntryKind::domain:
                names.push_back(kind.name);
                bytes += kind.name.size();
                break;
            case AllowEntryKind::value:
                values.push_back(text);
                bytes += 2 * text.size();
                break;
        }
    }
    storage_.reserve(bytes);
    domains_.reserve(names.size());
    values_.reserve(values.size());
    folded_values_.reserve(values.size());
    std::string folded;
    for (const std::string_view name : names) {
        lower_into(name, folded);
        domains_.insert(keep(folded));
    }
    for (const std::string_view value : values) {
        values_.insert(keep(value));
        lower_into(value, folded);
        folded_values_.insert(keep(folded));
    }
    // Sorted by first address (merge() needs no more); IPv4 intervals as
    // 64-bit keys, which sort several times faster than pairs of Uint128.
    std::sort(v4_packed.begin(), v4_packed.end());
    v4_.reserve(v4_packed.size());
    for (const std::uint64_t packed : v4_packed) v4_.emplace_back(packed >> 32, packed & 0xffffffffu);
    std::sort(v6_.begin(), v6_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    merge(v4_);
    merge(v6_);
    v4_blocks_.assign(65536 / 64, 0);
    for (const auto& [first, last] : v4_) {
        for (auto block = static_cast<std::uint32_t>(first >> 16); block <= static_cast<std::uint32_t>(last >> 16);
             ++block) {
            v4_blocks_[block / 64] |= std::uint64_t{1} << (block % 64);
        }
    }
}

bool AllowList::hides_address(const IpRange& range) const {
    const Intervals& intervals = range.v6 ? v6_ : v4_;
    if (intervals.empty()) return false;
    if (!range.v6) {
        const auto block = static_cast<std::uint32_t>(range.base >> 16);
        if ((v4_blocks_[block / 64] & (std::uint64_t{1} << (block % 64))) == 0) return false;
    }
    const Uint128 host_bits =
        range.prefix == range.bits() ? 0 : (Uint128{1} << (range.bits() - range.prefix)) - 1;
    return covers(intervals, range.base, range.base | host_bits);
}

bool AllowList::hides_domain(std::string_view host, std::string& scratch) const {
    if (domains_.empty()) return false;
    if (host.ends_with('.')) host.remove_suffix(1);
    lower_into(host, scratch);
    for (std::string_view rest = scratch;;) {
        if (domains_.contains(rest)) return true;
        const auto dot = rest.find('.');
        if (dot == std::string_view::npos) return false;
        rest.remove_prefix(dot + 1);
    }
}

bool AllowList::hides_value(Type type, std::string_view value, std::string& scratch) const {
    // A URL or a YARA rule is never a bare domain name.
    if (type == Type::url || type == Type::yara) return values_.contains(value);
    if (type == Type::custom && values_.contains(value)) return true;
    // A domain is looked up by hides_domain(), itself first; an e-mail
    // address holds '@' and a hash no '.', so neither is a listed domain:
    // one hash of the value saved.
    const bool domain_lookup = type != Type::domain && type != Type::email && !domains_.empty() &&
                               value.find('.') != std::string_view::npos;
    const bool folded_lookup = type != Type::custom && !folded_values_.empty();
    if (!domain_lookup && !folded_lookup) return false;
    lower_into(value, scratch);
    return (folded_lookup && folded_values_.contains(scratch)) || (domain_lookup && domains_.contains(scratch));
}

}  // namespace iocscan::detail
