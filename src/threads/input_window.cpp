#include "threads/input_window.hpp"

#include <algorithm>
#include <cstring>

namespace iocscan::detail {

unsigned char* InputWindow::room(std::size_t size) {
    if (!open_) {
        if (spares_.empty()) {
            blocks_.emplace_back();
        } else {
            blocks_.push_back(std::move(spares_.back()));
            spares_.pop_back();
        }
        blocks_.back().size = 0;
        blocks_.back().offset = end_;
        open_ = true;
    }
    Block& block = blocks_.back();
    if (block.size + size > block.capacity) {
        // Grow geometrically; nothing points into an open block yet.
        const std::size_t capacity = std::max(block.size + size, block.capacity * 2);
        auto grown = std::make_unique_for_overwrite<unsigned char[]>(kRoomBefore + capacity);
        if (block.size > 0) std::memcpy(grown.get() + kRoomBefore, block.data(), block.size);
        block.bytes = std::move(grown);
        block.capacity = capacity;
    }
    return block.data() + block.size;
}

void InputWindow::commit(std::size_t count) {
    blocks_.back().size += count;
    end_ += count;
}

void InputWindow::view(InputView& into) const {
    into.pieces_.clear();
    for (const Block& block : blocks_) into.pieces_.push_back({block.offset, block.data(), block.size});
}

std::vector<InputView::Piece>::const_iterator InputView::find(std::uint64_t offset) const {
    return std::find_if(pieces_.begin(), pieces_.end(), [&](const Piece& p) { return offset < p.offset + p.size; });
}

std::string_view InputView::joined(std::uint64_t offset, std::uint64_t length, std::string& scratch) const {
    scratch.clear();
    const std::uint64_t end = offset + length;
    for (auto piece = find(offset); offset < end; ++piece) {
        const std::uint64_t until = std::min(end, piece->offset + piece->size);
        scratch.append(reinterpret_cast<const char*>(piece->bytes) + (offset - piece->offset),
                       static_cast<std::size_t>(until - offset));
        offset = until;
    }
    return scratch;
}

void InputView::visit(std::uint64_t offset, std::uint64_t length,
                      const std::function<void(std::string_view)>& each) const {
    auto piece = find(offset);
    for (const std::uint64_t end = offset + length; offset < end; ++piece) {
        const std::uint64_t until = std::min(end, piece->offset + piece->size);
        each({reinterpret_cast<const char*>(piece->bytes) + (offset - piece->offset),
              static_cast<std::size_t>(until - offset)});
        offset = until;
    }
}

void InputWindow::release_before(std::uint64_t offset) {
    while (!blocks_.empty() && !(open_ && blocks_.size() == 1) &&
           blocks_.front().offset + blocks_.front().size <= offset) {
        // Small reads make many small blocks: keep a few for reuse.
        if (spares_.size() < 4) spares_.push_back(std::move(blocks_.front()));
        blocks_.pop_front();
    }
}

void InputWindow::clear(std::uint64_t offset) {
    blocks_.clear();
    open_ = false;
    end_ = offset;
}

}  // namespace iocscan::detail
