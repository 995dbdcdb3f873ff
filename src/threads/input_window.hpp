// The input that matches may still point into, when several threads scan.
//
// Input is collected in blocks (one per round of parallel scanning); the
// runners scan their segments where they lie here (in place), and the report
// reads a match's bytes from here. A block is freed once nothing before its end can
// be reported any more, so memory stays bounded by a few blocks. The report
// runs on a helper thread while the caller adds the next block, so it reads
// through an InputView: a copy of the block list taken before the round.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iocscan::detail {

/// The held blocks as they stood when the view was taken. Reading it needs
/// no lock while the window gets new blocks; the blocks it shows must not
/// be released while it is read.
class InputView {
public:
    /// The input bytes [offset, offset + length), which must be in the view:
    /// a view into a block, or into `scratch` when they span two blocks.
    std::string_view bytes(std::uint64_t offset, std::uint64_t length, std::string& scratch) const {
        // Inline: called once per match; the view holds a few blocks.
        for (const Piece& p : pieces_) {
            if (offset < p.offset + p.size) {
                if (offset + length > p.offset + p.size) break;   // across a block edge
                return {reinterpret_cast<const char*>(p.bytes) + (offset - p.offset), static_cast<std::size_t>(length)};
            }
        }
        return joined(offset, length, scratch);
    }
    /// Calls `each` on the bytes [offset, offset + length), one view per
    /// block they lie in (no copy, however many blocks they span).
    void visit(std::uint64_t offset, std::uint64_t length,
               const std::function<void(std::string_view)>& each) const;

private:
    friend class InputWindow;
    struct Piece {
        std::uint64_t offset = 0;
        const unsigned char* bytes = nullptr;
        std::size_t size = 0;
    };
    /// bytes() of a match across a block edge (rare): copied together into `scratch`.
    std::string_view joined(std::uint64_t offset, std::uint64_t length, std::string& scratch) const;
    /// The first piece holding `offset`.
    std::vector<Piece>::const_iterator find(std::uint64_t offset) const;
    std::vector<Piece> pieces_;
};

class InputWindow {
public:
    /// Spare bytes before each block's data: the true runner copies the
    /// bytes it still needs from earlier input there, to scan the block's
    /// first segment in place after them (RuleRunner::continue_in_place).
    static constexpr std::size_t kRoomBefore = 4096;

    /// Room for `size` more bytes at the end of the open block (a block is
    /// opened when none is). Valid until commit().
    unsigned char* room(std::size_t size);
    void commit(std::size_t count);
    /// The open block's bytes and the input offset of the first.
    unsigned char* open_data() { return open_ ? blocks_.back().data() : nullptr; }
    std::size_t open_size() const { return open_ ? blocks_.back().size : 0; }
    std::uint64_t open_offset() const { return end_ - open_size(); }
    /// The open block is complete: later bytes go to a new block.
    void close() { open_ = false; }

    /// Makes `into` show every block held now (its storage is reused).
    void view(InputView& into) const;
    /// Input offset after the last byte committed.
    std::uint64_t end_offset() const { return end_; }
    /// Frees the closed blocks that end at or before `offset`.
    void release_before(std::uint64_t offset);
    /// Forgets all blocks; the next byte is input offset `offset`.
    void clear(std::uint64_t offset = 0);

private:
    struct Block {
        std::unique_ptr<unsigned char[]> bytes;   ///< kRoomBefore, then the data
        std::size_t size = 0;
        std::size_t capacity = 0;   ///< of the data
        std::uint64_t offset = 0;
        unsigned char* data() const { return bytes ? bytes.get() + kRoomBefore : nullptr; }
    };
    std::deque<Block> blocks_;
    std::vector<Block> spares_;   ///< freed blocks' storage, reused
    bool open_ = false;
    std::uint64_t end_ = 0;   ///< input offset after the last byte
};

}  // namespace iocscan::detail
