// A set of byte values for the post-pass's scans over a match: one table
// load per byte, where std::string_view::find_first_of() or find() would
// call memchr over the set for every byte.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace iocscan::detail {

struct ByteSet {
    bool has[256] = {};
    constexpr explicit ByteSet(std::string_view bytes) {
        for (char c : bytes) has[static_cast<unsigned char>(c)] = true;
    }
    constexpr bool contains(char c) const { return has[static_cast<unsigned char>(c)]; }
    /// The first position at or after `from` whose byte is in the set, or s.size().
    constexpr std::size_t find_in(std::string_view s, std::size_t from = 0) const {
        while (from < s.size() && !contains(s[from])) ++from;
        return from;
    }
};

/// `of(c)` for every byte value c, as a table built at compile time: a
/// scalar loop's one load per byte, derived from the class predicates
/// (ascii_class.hpp) so that no table restates a class.
template <class T, class Of>
constexpr std::array<T, 256> byte_table(Of of) {
    std::array<T, 256> table{};
    for (unsigned c = 0; c < 256; ++c) table[c] = of(c);
    return table;
}

}  // namespace iocscan::detail
