// Where the text before a damaged end last reached white space.
//
// A decompressor that meets damage, or a read that fails, ends the input in
// the middle of whatever stood there: a value running into that end may be
// cut short (`http://a` of `http://a.example/x`), a value the source never
// held. scan_fd() leaves out the values that end after the last white space
// (or control byte), or in the last 256 bytes when there is none there,
// when the input ends that way.
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
        // From the end, and only kReach bytes back: in text the last break
        // is a few bytes back, and a line of no white space must not cost
        // a second pass over its bytes.
        const std::size_t reach = std::min(bytes.size(), kReach);
        for (std::size_t i = bytes.size(); i > bytes.size() - reach; --i) {
            if (is_space_or_control(static_cast<unsigned char>(bytes[i - 1]))) {
                safe_end_ = fed_ + i - 1;   // the break's own offset
                fed_ += bytes.size();
                return;
            }
        }
        fed_ += bytes.size();
        // A value that ends further back was ended by some byte after it
        // (what a URL's end drops is a few bytes of punctuation).
        if (fed_ - safe_end_ > kReach) safe_end_ = fed_ - kReach;
    }

    /// Whether a value that ends just before scanner offset `end` may have
    /// been cut by the damage: it runs past the last break.
    bool may_be_cut(std::uint64_t end) const { return end > safe_end_; }

private:
    static constexpr std::size_t kReach = 256;

    std::uint64_t fed_;
    std::uint64_t safe_end_;
};

}  // namespace iocscan::detail
