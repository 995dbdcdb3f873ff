#include "core/chunk_buffer.hpp"

#include <algorithm>
#include <cstring>

namespace iocscan::detail {

unsigned char* ChunkBuffer::discard_and_reserve(std::size_t count, std::size_t extra) {
    const std::size_t kept = size_ - count;
    const std::size_t needed = kept + extra;
    const unsigned char* from = data_ + count;
    const bool was_adopted = adopted_;
    if (adopted_) leave_adopted();
    if (needed > capacity_) {
        // Grow geometrically; only the kept bytes move to the new storage.
        const std::size_t capacity = std::max(needed, capacity_ * 2);
        auto grown = std::make_unique_for_overwrite<unsigned char[]>(capacity + 1);
        if (kept > 0) std::memcpy(grown.get(), from, kept);
        bytes_ = std::move(grown);
        capacity_ = capacity;
    } else if (kept > 0 && was_adopted) {
        std::memcpy(bytes_.get(), from, kept);
    } else if (count > 0 && kept > 0) {
        std::memmove(bytes_.get(), from, kept);
    }
    data_ = bytes_.get();
    base_offset_ += count;
    size_ = kept;
    data_[size_] = 0;
    return data_ + size_;
}

void ChunkBuffer::commit(std::size_t written) {
    if (adopted_) {
        data_[size_] = covered_;
        covered_ = data_[size_ + written];
    }
    size_ += written;
    data_[size_] = 0;
}

void ChunkBuffer::clear(std::uint64_t base_offset) {
    // Adopted bytes are left as they are: a scan that ends normally has
    // left them (discard_and_reserve()) before, and one cut short by an
    // exception may have lost them (a window cleared since).
    adopted_ = false;
    // Keeps the storage for the next stream; a fresh buffer gets one byte.
    if (!bytes_) {
        bytes_ = std::make_unique_for_overwrite<unsigned char[]>(1);
        capacity_ = 0;
    }
    data_ = bytes_.get();
    size_ = 0;
    data_[0] = 0;
    base_offset_ = base_offset;
}

void ChunkBuffer::adopt(unsigned char* bytes, std::uint64_t base_offset) {
    clear(base_offset);
    data_ = bytes;
    adopted_ = true;
    covered_ = data_[0];
    data_[0] = 0;
}

void ChunkBuffer::leave_adopted() {
    data_[size_] = covered_;
    adopted_ = false;
}

}  // namespace iocscan::detail
