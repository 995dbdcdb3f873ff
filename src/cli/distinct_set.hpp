// The set behind --unique and --format stix: which keys were seen, in
// bounded, compact memory. Each key is kept once in an arena of 1 MiB
// blocks; an open-addressing table holds one 8-byte slot per key (a hash
// tag and the key's place in the arena). Keys are compared byte for byte, so
// two keys are never taken for one; the hash is keyed at random per run, so
// crafted input cannot make the probes long.
//
// Memory: the key and a length byte in the arena, plus 8 bytes per slot
// with the table between 3/8 and 3/4 full: 11-22 bytes + the key per
// distinct key. The CLI's keys are the type name, a NUL and the value: at
// most 30 bytes + the value (4 M IPv4 addresses: 35 bytes each measured).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace iocscan::cli {

class DistinctSet {
public:
    DistinctSet();

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
    static constexpr unsigned kOffsetBits = 20;   ///< a block holds 1 MiB
    static constexpr unsigned kPlaceBits = 40;    ///< block and offset: 1 TiB of keys
    static constexpr std::uint64_t kPlaceMask = (std::uint64_t{1} << kPlaceBits) - 1;

    /// The key stored at `place` (block << kOffsetBits | offset).
    std::string_view key_at(std::uint64_t place) const;
    std::uint64_t store(std::string_view key);
    void grow();

    /// Zeroed slots from mmap, in huge pages where the kernel allows: every
    /// insert reads one slot at random, so a TLB miss is saved on each.
    struct Slots {
        std::uint64_t* data = nullptr;
        std::size_t count = 0;
        explicit Slots(std::size_t n);
        ~Slots();
        Slots(Slots&& other) noexcept : data(other.data), count(other.count) { other.data = nullptr; }
        Slots& operator=(Slots&& other) noexcept;
        std::size_t size() const { return count; }
        std::uint64_t& operator[](std::size_t i) { return data[i]; }
    };

    std::uint64_t seed_[2];
    Slots slots_;   ///< 0: empty; else tag << 40 | (place + 1)
    std::size_t size_ = 0;
    std::vector<std::unique_ptr<unsigned char[]>> blocks_;
    std::vector<std::size_t> block_ends_; ///< bytes used in each full block
    std::size_t block_used_ = 0;          ///< bytes used in the last block
    std::size_t block_size_ = 0;          ///< size of the last block
};

}  // namespace iocscan::cli
