// Where the text before a damaged end last reached white space.
//
// A decompressor that meets damage, or a read that fails, ends the input in
// the middle of whatever stood there: a value running into that end may be
// cut short (`http://a` of `http://a.example/x`), a value the source never
// held. scan_fd() then leaves out the values that end in the last 8 bytes
// with no white space (or control byte) after them: a value cut short ends
// there (a URL's end drops a few bytes of punctuation at most), one ended by
// a "," or ";" further back is whole.
#pragma once

#include "simd/ascii_class.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace iocscan::detail {

class DamagedEnd {
public:
    /// `first_offset`: the scanner offset of the next byte fed.
    explicit DamagedEnd(std::uint64_t first_offset) : fed_(first_offset), safe_end_(first_offset) {}

    /// The next bytes fed to the scanner, in order.
    void saw(std::string_view bytes) {
        const std::uint64_t first = fed_;
        fed_ += bytes.size();
        // From the end, and only kReach bytes back: a line of no white
        // space must not cost a second pass over its bytes.
        const std::size_t reach = std::min(bytes.size(), kReach);
        for (std::size_t i = bytes.size(); i > bytes.size() - reach; --i) {
            if (is_space_or_control(static_cast<unsigned char>(bytes[i - 1]))) {
                safe_end_ = first + i - 1;   // the break's own offset
                return;
            }
        }
        if (fed_ - safe_end_ > kReach) safe_end_ = fed_ - kReach;
    }

    /// Whether a value that ends just before scanner offset `end` may have
    /// been cut by the damage: it ends past the last break and in the last
    /// kReach bytes.
    bool may_be_cut(std::uint64_t end) const { return end > safe_end_; }

private:
    static constexpr std::size_t kReach = 8;

    std::uint64_t fed_;
    std::uint64_t safe_end_;
};

}  // namespace iocscan::detail
