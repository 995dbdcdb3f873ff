// The rolling window of input that the scanners read.
//
// Before each new piece is appended, the bytes no scanner can still need are
// discarded from the front (like ripgrep's line buffer). A NUL sentinel always
// follows the data so that the generated scanners notice the end of the
// buffered bytes with a single comparison.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace iocscan::detail {

class ChunkBuffer {
public:
    ChunkBuffer() { clear(); }

    const unsigned char* data() const { return bytes_.get(); }
    std::size_t size() const { return size_; }
    /// Absolute input offset of data()[0].
    std::uint64_t base_offset() const { return base_offset_; }

    /// Drops the first `count` bytes, then appends `piece`. Invalidates pointers.
    void discard_and_append(std::size_t count, std::string_view piece);
    void clear();

private:
    // Raw storage rather than std::vector: growing a vector zero-fills the
    // bytes that the next memcpy overwrites anyway, a second pass per slice.
    std::unique_ptr<unsigned char[]> bytes_;   // the data, then the sentinel
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;                 // bytes_ holds capacity_ + 1
    std::uint64_t base_offset_ = 0;
};

}  // namespace iocscan::detail
