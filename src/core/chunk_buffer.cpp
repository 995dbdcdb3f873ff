#include "core/chunk_buffer.hpp"

#include <algorithm>
#include <cstring>

namespace iocscan::detail {

unsigned char* ChunkBuffer::discard_and_reserve(std::size_t count, std::size_t extra) {
    const std::size_t kept = size_ - count;
    const std::size_t needed = kept + extra;
    if (needed > capacity_) {
        // Grow geometrically; only the kept bytes move to the new storage.
        const std::size_t capacity = std::max(needed, capacity_ * 2);
        auto grown = std::make_unique_for_overwrite<unsigned char[]>(capacity + 1);
        if (kept > 0) std::memcpy(grown.get(), bytes_.get() + count, kept);
        bytes_ = std::move(grown);
        capacity_ = capacity;
    } else if (count > 0 && kept > 0) {
        std::memmove(bytes_.get(), bytes_.get() + count, kept);
    }
    base_offset_ += count;
    size_ = kept;
    bytes_[size_] = 0;
    return bytes_.get() + size_;
}

void ChunkBuffer::commit(std::size_t written) {
    size_ += written;
    bytes_[size_] = 0;
}

void ChunkBuffer::clear(std::uint64_t base_offset) {
    // Keeps the storage for the next stream; a fresh buffer gets one byte.
    if (!bytes_) {
        bytes_ = std::make_unique_for_overwrite<unsigned char[]>(1);
        capacity_ = 0;
    }
    size_ = 0;
    bytes_[0] = 0;
    base_offset_ = base_offset;
}

}  // namespace iocscan::detail
