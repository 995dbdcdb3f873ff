#include "lib/chunk_buffer.hpp"

#include <cstring>

namespace iocscan::detail {

void ChunkBuffer::discard_and_append(std::size_t count, std::string_view piece) {
    const std::size_t kept = size() - count;
    if (count > 0) std::memmove(bytes_.data(), bytes_.data() + count, kept);
    base_offset_ += count;
    bytes_.resize(kept + piece.size() + 1);
    if (!piece.empty()) std::memcpy(bytes_.data() + kept, piece.data(), piece.size());
    bytes_.back() = 0;
}

void ChunkBuffer::clear() {
    bytes_.assign(1, 0);
    base_offset_ = 0;
}

}  // namespace iocscan::detail
