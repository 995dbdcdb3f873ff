#include "lib/chunk_buffer.hpp"

#include <algorithm>
#include <cstring>

namespace iocscan::detail {

void ChunkBuffer::discard_and_append(std::size_t count, std::string_view piece) {
    const std::size_t kept = size_ - count;
    const std::size_t needed = kept + piece.size();
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
    if (!piece.empty()) std::memcpy(bytes_.get() + kept, piece.data(), piece.size());
    size_ = needed;
    bytes_[size_] = 0;
}

void ChunkBuffer::clear() {
    // Keeps the storage for the next stream; a fresh buffer gets one byte.
    if (!bytes_) {
        bytes_ = std::make_unique_for_overwrite<unsigned char[]>(1);
        capacity_ = 0;
    }
    size_ = 0;
    bytes_[0] = 0;
    base_offset_ = 0;
}

}  // namespace iocscan::detail
