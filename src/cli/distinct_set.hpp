// The set behind --unique and --format stix: which keys were seen, in
// bounded, compact memory. Each key is kept once in an arena of 4 MiB
// blocks; an open-addressing table holds one 8-byte slot per key: where the
// key is in the arena, 21 bits of its hash above the line number (fewer
// after each doubling, until a rebuild) and how far it sits past its home
// line. A probe reads one 64-byte line (8 slots) and compares those bits
// before it reads a key; keys are compared byte for byte, so two keys are
// never taken for one. The hash is keyed at random per run, so crafted
// input cannot make the probes long.
//
// Memory: the key and its length (1 byte under 128) in the arena, plus
// 8 bytes per slot with the table between 3/8 and 3/4 full (at most 21.4
// bytes per key; while the table doubles, the old one is given back as the
// new one fills). The CLI's keys are a type byte and the value (-u: at most
// 25 bytes + the value), or "type:value" (stix: at most 32 bytes + the value).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace iocscan::cli {

class DistinctSet {
public:
    /// Hash bits a slot keeps above its line number (at most 21). Fewer
    /// make keys share them more often and the table rebuild from the arena
    /// more often: tests use that to reach those paths.
    explicit DistinctSet(unsigned remainder_bits = 21);

    /// Adds `key`; true when it was not in the set before.
    bool insert(std::string_view key) { return insert(key, hash(key)); }
    std::size_t size() const { return size_; }

    /// For batches: hash each key and prefetch its slot, then insert them
    /// all, so the cache misses of a batch overlap instead of queueing.
    std::uint64_t hash(std::string_view key) const;
    void prefetch(std::uint64_t hash) const;
    /// insert(key) with `hash` = hash(key) computed before.
    bool insert(std::string_view key, std::uint64_t hash);

private:
    static constexpr unsigned kOffsetBits = 22;   ///< an arena block holds 4 MiB
    static constexpr std::size_t kBlockSize = std::size_t{1} << kOffsetBits;
    static constexpr unsigned kPlaceBits = 40;    ///< block and offset: 1 TiB of keys
    static constexpr std::uint64_t kPlaceMask = (std::uint64_t{1} << kPlaceBits) - 1;
    static constexpr std::size_t kLineBytes = 64;       ///< a cache line
    static constexpr std::size_t kSlotsPerLine = kLineBytes / sizeof(std::uint64_t);
    static constexpr unsigned kDistanceBits = 3;        ///< lines from home; all ones: 7 or more
    static constexpr std::uint64_t kDistanceMask = (1u << kDistanceBits) - 1;
    static constexpr unsigned kRemainderBits = 64 - kPlaceBits - kDistanceBits;   ///< 21
    /// Below this, a remainder would match others too often: the table is
    /// rebuilt from the arena instead (once per 13 doublings).
    static_assert(kRemainderBits == 21);
    static constexpr unsigned kMinRemainderBits = 8;
    /// While growing, the old table goes back to the kernel 2 MiB at a time.
    static constexpr std::size_t kLinesPerRelease = (std::size_t{2} << 20) / kLineBytes;

    static std::uint64_t make_slot(std::uint64_t remainder, std::size_t distance, std::uint64_t place_plus_one) {
        const std::uint64_t d = distance < kDistanceMask ? distance : kDistanceMask;
        return remainder << (kPlaceBits + kDistanceBits) | d << kPlaceBits | place_plus_one;
    }

    /// The key stored at `place` (block << kOffsetBits | offset).
    std::string_view key_at(std::uint64_t place) const;
    std::uint64_t store(std::string_view key);
    std::size_t line_count() const;
    /// The hash bits above the line number that a slot keeps.
    std::uint64_t remainder(std::uint64_t hash) const;
    void grow();
    void rehash_from_arena();

    /// Zeroed memory from mmap, in huge pages where the kernel allows: the
    /// table is read at random (a TLB miss saved on each insert), and the
    /// arena faults in 2 MiB at a time instead of 4 KiB.
    struct MappedBytes {
        unsigned char* data = nullptr;
        std::size_t size = 0;
        explicit MappedBytes(std::size_t n);
        ~MappedBytes();
        MappedBytes(MappedBytes&& other) noexcept : data(other.data), size(other.size) { other.data = nullptr; }
        MappedBytes& operator=(MappedBytes&& other) noexcept;
        /// Gives `bytes` from `offset` on (page-aligned) back to the kernel.
        void release(std::size_t offset, std::size_t bytes);
    };
    struct Slots {
        MappedBytes memory;
        explicit Slots(std::size_t n) : memory(n * sizeof(std::uint64_t)) {}
        std::size_t size() const { return memory.size / sizeof(std::uint64_t); }
        std::uint64_t* words() const { return reinterpret_cast<std::uint64_t*>(memory.data); }
        std::uint64_t& operator[](std::size_t i) { return words()[i]; }
    };
    /// Puts a slot into the first free place from line `home` on.
    static void place(Slots& table, std::size_t home, std::uint64_t remainder, std::uint64_t place_plus_one);

    std::uint64_t seed_[2];
    Slots slots_;   ///< 0: empty; else remainder << 43 | distance << 40 | (place + 1)
    unsigned line_bits_;                        ///< log2 of the number of lines
    unsigned full_remainder_bits_;              ///< after a rebuild from the arena
    unsigned remainder_bits_;                   ///< hash bits kept above them now
    std::size_t size_ = 0;
    std::vector<MappedBytes> blocks_;   ///< the arena
    std::vector<std::size_t> block_ends_; ///< bytes used in each full block
    std::size_t block_used_ = 0;          ///< bytes used in the last block
    std::size_t block_size_ = 0;          ///< size of the last block
};

}  // namespace iocscan::cli
