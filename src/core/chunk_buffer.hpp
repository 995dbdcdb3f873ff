// The rolling window of input that the scanners read.
//
// Before each new piece is appended, the bytes no scanner can still need are
// discarded from the front (like ripgrep's line buffer). New input is written
// straight into the room made after the data, so it is copied in only once.
// A NUL sentinel always follows the data so that the generated scanners
// notice the end of the buffered bytes with a single comparison.
//
// With threads a buffer can also adopt bytes that stay where they are (a
// segment of the input window), so a segment is scanned without a copy: the
// sentinel is then written over the byte after the data and put back when
// the data grows or the buffer leaves them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace iocscan::detail {

class ChunkBuffer {
public:
    ChunkBuffer() { clear(); }

    const unsigned char* data() const { return data_; }
    std::size_t size() const { return size_; }
    /// Absolute input offset of data()[0].
    std::uint64_t base_offset() const { return base_offset_; }

    /// Drops the first `count` bytes and makes room for `extra` more after
    /// the data; returns where they go. Invalidates pointers. The bytes
    /// count once commit() says how many were written. Adopted bytes still
    /// kept are copied into the buffer's own storage.
    unsigned char* discard_and_reserve(std::size_t count, std::size_t extra);
    /// Appends the first `written` bytes of the room discard_and_reserve()
    /// made, or the next `written` adopted bytes.
    void commit(std::size_t written);
    /// Empties the buffer; the next byte appended is input offset
    /// `base_offset`. Adopted bytes are not touched (nor put back).
    void clear(std::uint64_t base_offset = 0);
    /// Empties the buffer and shows the input from `base_offset` on where it
    /// is, at `bytes`, as commit() takes it in. Until the buffer leaves them
    /// (discard_and_reserve() puts back the byte under the sentinel), only
    /// this buffer's thread may use those bytes, up to and including the
    /// one after the last committed; bytes[0] must exist.
    void adopt(unsigned char* bytes, std::uint64_t base_offset);

private:
    /// Puts back the byte the sentinel covers and returns to own storage.
    void leave_adopted();

    // Raw storage rather than std::vector: growing a vector zero-fills the
    // bytes that the next memcpy overwrites anyway, a second pass per slice.
    std::unique_ptr<unsigned char[]> bytes_;   // own storage: the data, then the sentinel
    std::size_t capacity_ = 0;                 // bytes_ holds capacity_ + 1
    unsigned char* data_ = nullptr;            // bytes_, or the adopted bytes
    bool adopted_ = false;
    unsigned char covered_ = 0;                // adopted: the input byte under the sentinel
    std::size_t size_ = 0;
    std::uint64_t base_offset_ = 0;
};

}  // namespace iocscan::detail
