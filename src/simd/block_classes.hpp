// One classification pass over the chunk buffer, shared by the skips.
//
// For every block of 32 input positions it keeps a byte with one bit per
// family: set when that family's cheap test (block_classes.cpp: the bytes a
// position and the two after it must have for the skip to stop there)
// passes at some position of the block. The ipv4, email and yara skips
// (skip_scan.hpp) and the base64 one (encoded_url_skip.hpp) read the bits
// instead of each running its own pre-pass over every byte: a family whose
// test passes nowhere in a block passes over it with a bit test. A set bit
// only sends the skip to its exact test, so a bit may be set where nothing
// is (the blocks at the buffer end are all ones until their next bytes
// arrive); a bit must never be clear where the family's cheap test passes
// (email's " dot" term is read at its "d": that skip looks one byte back).
//
// Blocks are aligned to absolute input offsets, so the bits of bytes kept
// across a refill stay valid and only the new bytes are classified.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace iocscan::detail::skip {

/// Family bits of a block word.
inline constexpr std::uint8_t kBlockIpv4 = 1;
inline constexpr std::uint8_t kBlockEmail = 2;
inline constexpr std::uint8_t kBlockYara = 4;
inline constexpr std::uint8_t kBlockBase64 = 8;
inline constexpr std::uint8_t kBlockAll = 15;

inline constexpr std::size_t kBlockBytes = 32;
/// A position's cheap test reads it and the two bytes after it, so a block's
/// word needs this many bytes from its start.
inline constexpr std::size_t kBlockReach = kBlockBytes + 2;

/// The words of `count` whole blocks at `p` (kBlockReach bytes readable from
/// each block start): with AVX2 when the skips may use it, otherwise with
/// the SSE2 cheap tests of the skips' own loops (supersets of the same tests).
void classify_blocks(const unsigned char* p, std::size_t count, std::uint8_t* words);

/// The classifier run from `p` on, block after block, for one family: the
/// first block start whose word would have `kFamily`'s bit, or the first
/// position where fewer than kBlockReach bytes are left before `lim`. What
/// a skip runs when no driver classified its buffer. Only when the skips
/// may use AVX2 (skip::use_avx2()).
template <std::uint8_t kFamily>
const unsigned char* next_flagged_avx2(const unsigned char* p, const unsigned char* lim);
extern template const unsigned char* next_flagged_avx2<kBlockIpv4>(const unsigned char*, const unsigned char*);
extern template const unsigned char* next_flagged_avx2<kBlockEmail>(const unsigned char*, const unsigned char*);
extern template const unsigned char* next_flagged_avx2<kBlockYara>(const unsigned char*, const unsigned char*);
extern template const unsigned char* next_flagged_avx2<kBlockBase64>(const unsigned char*, const unsigned char*);

class BlockClasses {
public:
    /// Forgets every block; the next update() starts from its base offset.
    void reset() {
        words_.clear();
        first_block_ = 0;
        exact_end_ = 0;
        origin_ = 0;
    }

    /// The buffer now holds input [base, base + size) at `data` (its front
    /// may have been dropped and bytes appended since the last call):
    /// classifies the blocks whose bytes are all there now.
    void update(const unsigned char* data, std::size_t size, std::uint64_t base);

    /// The first position q in [p, max(p, lim - kBlockReach + 1)] such that
    /// every position in [p, q) fails the cheap test of `family`: p itself
    /// when its block's bit is set, otherwise the start of the next block
    /// whose bit is, capped where fewer than kBlockReach bytes are left
    /// before `lim` (as the skips' own pre-passes stop). `p` and `lim` point
    /// into the buffer of the last update().
    const unsigned char* next(std::uint8_t family, const unsigned char* p, const unsigned char* lim) const {
        const std::ptrdiff_t room = lim - p - static_cast<std::ptrdiff_t>(kBlockReach) + 1;
        if (room <= 0) return p;
        std::size_t i = block_of(p);
        if ((words_[i] & family) != 0) return p;
        // The blocks at the end are all ones, so the search stops there;
        // eight words at a time (the padding keeps the reads inside).
        if constexpr (std::endian::native == std::endian::little) {
            const std::uint64_t wanted = family * 0x0101010101010101ull;
            for (++i;; i += 8) {
                std::uint64_t eight = 0;
                std::memcpy(&eight, words_.data() + i, 8);
                if ((eight & wanted) != 0) {
                    i += static_cast<std::size_t>(std::countr_zero(eight & wanted)) / 8;
                    break;
                }
            }
        } else {
            while ((words_[++i] & family) == 0) {
            }
        }
        const unsigned char* const q = reinterpret_cast<const unsigned char*>(origin_ + i * kBlockBytes);
        return std::min(q, p + room);
    }

    /// The word of the block that holds input offset `offset` (for tests).
    std::uint8_t word_at(std::uint64_t offset) const {
        return words_[static_cast<std::size_t>(offset / kBlockBytes - first_block_)];
    }

private:
    /// Index in words_ of the block that holds `p`.
    std::size_t block_of(const unsigned char* p) const {
        return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(p) - origin_) / kBlockBytes);
    }

    /// All-ones words kept after the last block, so that next() may read
    /// eight words from any block's.
    static constexpr std::size_t kPadding = 7;

    std::vector<std::uint8_t> words_;   ///< words_[i] is block first_block_ + i; then the padding
    std::uint64_t first_block_ = 0;
    /// Input offset up to which the words are the blocks' own; blocks from
    /// here on are all ones until their bytes are all buffered.
    std::uint64_t exact_end_ = 0;
    /// The address input offset first_block_ * kBlockBytes would have in
    /// the buffer (an integer: it may lie before the buffer).
    std::uintptr_t origin_ = 0;
};

}  // namespace iocscan::detail::skip
