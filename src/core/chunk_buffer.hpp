// The rolling window of input that the scanners read.
//
// Before each new piece is appended, the bytes no scanner can still need are
// discarded from the front (like ripgrep's line buffer). New input is written
// straight into the room made after the data, so it is copied in only once.
// A NUL sentinel always follows the data so that the generated scanners
// notice the end of the buffered bytes with a single comparison.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace iocscan::detail {

class ChunkBuffer {
public:
    ChunkBuffer() { clear(); }

    const unsigned char* data() const { return bytes_.get(); }
    std::size_t size() const { return size_; }
    /// Absolute input offset of data()[0].
    std::uint64_t base_offset() const { return base_offset_; }

    /// Drops the first `count` bytes and makes room for `extra` more after
    /// the data; returns where they go. Invalidates pointers. The bytes
    /// count once commit() says how many were written.
    unsigned char* discard_and_reserve(std::size_t count, std::size_t extra);
    /// Appends the first `written` bytes of the room discard_and_reserve() made.
    void commit(std::size_t written);
    /// Empties the buffer; the next byte appended is input offset `base_offset`.
    void clear(std::uint64_t base_offset = 0);

private:
    // Raw storage rather than std::vector: growing a vector zero-fills the
    // bytes that the next memcpy overwrites anyway, a second pass per slice.
    std::unique_ptr<unsigned char[]> bytes_;   // the data, then the sentinel
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;                 // bytes_ holds capacity_ + 1
    std::uint64_t base_offset_ = 0;
};

}  // namespace iocscan::detail
