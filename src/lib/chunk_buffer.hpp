// The rolling window of input that the scanners read.
//
// Before each new piece is appended, the bytes no scanner can still need are
// discarded from the front (like ripgrep's line buffer). A NUL sentinel always
// follows the data so that the generated scanners notice the end of the
// buffered bytes with a single comparison.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace iocscan::detail {

class ChunkBuffer {
public:
    ChunkBuffer() : bytes_(1, 0) {}

    const unsigned char* data() const { return bytes_.data(); }
    std::size_t size() const { return bytes_.size() - 1; }
    /// Absolute input offset of data()[0].
    std::uint64_t base_offset() const { return base_offset_; }

    /// Drops the first `count` bytes, then appends `piece`. Invalidates pointers.
    void discard_and_append(std::size_t count, std::string_view piece);
    void clear();

private:
    std::vector<unsigned char> bytes_;   // the data, then the sentinel
    std::uint64_t base_offset_ = 0;
};

}  // namespace iocscan::detail
