// Options::allow compiled for lookups (--allow FILE): hash sets, so that a
// list of 100k entries costs a few probes per match, not a pass over it.
#pragma once

#include "iocscan/iocscan.hpp"
#include "postpass/ip_range.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iocscan::detail {

/// What an allow-list entry (trimmed, comment removed) lists: the one
/// reading of an entry, for checking a list and for building an AllowList.
struct AllowEntryKind {
    enum Kind { unusable, address, domain, value } kind = unusable;
    IpRange range;               ///< address: the address or range
    std::string_view name;       ///< domain: without "*." or "." in front and a trailing dot
    const char* problem = "";    ///< unusable: why
};
AllowEntryKind classify_allow_entry(std::string_view entry);

/// Why an allow-list entry (trimmed, comment removed) is unusable, or "".
std::string allow_entry_problem(std::string_view entry);

class AllowList {
public:
    /// Throws std::invalid_argument for the first unusable entry
    /// ("allow list line N: reason"): building checks the list as it goes.
    explicit AllowList(const std::vector<AllowEntry>& entries);

    bool empty() const { return entry_count_ == 0; }
    /// Some listed address or range holds every address of `range`.
    bool hides_address(const IpRange& range) const;
    /// `host` (any case, trailing dot allowed) or a parent domain is listed.
    bool hides_domain(std::string_view host, std::string& scratch) const;
    /// `value` (refanged) is listed as an exact value: byte for byte for
    /// url, yara and custom values, ignoring ASCII case for the others;
    /// or, for a type other than domain and email, as a domain name (only
    /// a value with a dot can be one).
    bool hides_value(Type type, std::string_view value, std::string& scratch) const;

private:
    /// A set of strings: an open-addressing table (linear probing, at most
    /// half full) with a bitmap in front, so that most lookups (values that
    /// are not listed) end at one bit, and loading a list allocates nothing
    /// per entry (bench/allow_cost.sh). The views point into storage_.
    class StringSet {
    public:
        /// Room for `count` entries; insert() no more than that.
        void reserve(std::size_t count);
        void insert(std::string_view text);
        bool contains(std::string_view text) const;
        bool empty() const { return size_ == 0; }
    private:
        struct Slot {
            std::size_t hash = 0;
            std::string_view text;   ///< data() null: empty
        };
        std::vector<Slot> slots_;
        std::vector<std::uint64_t> bits_;
        std::size_t bit_mask_ = 0;
        std::size_t size_ = 0;
    };
    /// Address intervals [first, last], sorted and merged: a range is
    /// hidden when one interval holds it (binary search, any list size).
    using Intervals = std::vector<std::pair<Uint128, Uint128>>;
    /// Joins overlapping and adjacent intervals; sorted by first address.
    static void merge(Intervals& intervals);
    static bool covers(const Intervals& intervals, Uint128 first, Uint128 last);

    std::string_view keep(std::string_view text);

    std::size_t entry_count_ = 0;
    std::string storage_;               ///< the sets' views point here
    StringSet domains_;                 ///< lower case, no leading or trailing dot
    StringSet values_;                  ///< as written
    StringSet folded_values_;           ///< lower case
    Intervals v4_, v6_;
    /// One bit per IPv4 /16 that some interval touches: most addresses
    /// are decided here, in 8 KiB, without the search.
    std::vector<std::uint64_t> v4_blocks_;
};

}  // namespace iocscan::detail
