// Options::allow compiled for lookups (--allow FILE): hash sets, so that a
// list of 100k entries costs a few probes per match, not a pass over it.
#pragma once

#include "iocscan/iocscan.hpp"
#include "lib/ip_range.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace iocscan::detail {

/// Why an allow-list entry (trimmed, comment removed) is unusable, or "".
std::string allow_entry_problem(std::string_view entry);

class AllowList {
public:
    /// Entries must pass allow_entry_problem().
    explicit AllowList(const std::vector<AllowEntry>& entries);

    bool empty() const { return entry_count_ == 0; }
    /// Some listed address or range holds every address of `range`.
    bool hides_address(const IpRange& range) const;
    /// `host` (any case, trailing dot allowed) or a parent domain is listed.
    bool hides_domain(std::string_view host, std::string& scratch) const;
    /// `value` (refanged) is listed as an exact value: byte for byte for
    /// url, yara and custom values, ignoring ASCII case for the others.
    bool hides_value(Type type, std::string_view value, std::string& scratch) const;

private:
    struct Uint128Hash {
        std::size_t operator()(Uint128 v) const {
            const auto low = static_cast<std::uint64_t>(v);
            const auto high = static_cast<std::uint64_t>(v >> 64);
            return std::hash<std::uint64_t>()(low ^ (high * 0x9e3779b97f4a7c15ull));
        }
    };
    using Strings = std::unordered_set<std::string_view>;

    std::string_view keep(std::string_view text);

    std::size_t entry_count_ = 0;
    std::string storage_;               ///< the sets' views point here
    Strings domains_;                   ///< lower case, no leading or trailing dot
    Strings values_;                    ///< as written
    Strings folded_values_;             ///< lower case
    /// Networks by prefix length (IPv4 0-32, IPv6 0-128), and the lengths used.
    std::array<std::unordered_set<Uint128, Uint128Hash>, 33> v4_;
    std::array<std::unordered_set<Uint128, Uint128Hash>, 129> v6_;
    std::vector<unsigned> v4_lengths_, v6_lengths_;
};

}  // namespace iocscan::detail
