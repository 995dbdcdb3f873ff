#include "cli/distinct_set.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <new>
#include <random>
#include <utility>

#include <sys/mman.h>

namespace iocscan::cli {
namespace {

constexpr std::size_t kFirstSlots = 1024;

std::uint64_t load64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);   // little-endian hosts (x86, arm64)
    return v;
}

std::uint64_t load32(const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

__extension__ typedef unsigned __int128 Product;   // GCC and Clang on 64-bit hosts

/// The 128-bit product of a and b folded to 64 bits: every output bit
/// depends on every input bit, in one multiply.
std::uint64_t fold_multiply(std::uint64_t a, std::uint64_t b) {
    const Product product = static_cast<Product>(a) * b;
    return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

/// A keyed multiply-fold hash: 16 bytes per multiply, one multiply more
/// for the last 1-16 bytes. Every block meets a secret word before it is
/// multiplied, so which keys collide depends on the run's seed.
std::uint64_t keyed_hash(const std::uint64_t key[2], std::string_view data) {
    const char* p = data.data();
    std::size_t n = data.size();
    std::uint64_t h = key[0] ^ (n * 0x9e3779b97f4a7c15ull);
    for (; n > 16; p += 16, n -= 16) h = fold_multiply(load64(p) ^ key[1], load64(p + 8) ^ h);
    // The last 1-16 bytes in two words (the loads overlap when n < 16).
    std::uint64_t a = 0, b = 0;
    if (n >= 8) {
        a = load64(p);
        b = load64(p + n - 8);
    } else if (n >= 4) {
        a = load32(p);
        b = load32(p + n - 4);
    } else if (n > 0) {
        const auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
        a = byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
    }
    return fold_multiply(fold_multiply(a ^ key[1], b ^ h), key[0] ^ 0xe7037ed1a0b428dbull ^ n);
}

/// Key lengths are written before the key as a base-128 varint.
std::size_t varint_size(std::size_t n) {
    std::size_t bytes = 1;
    while (n >= 0x80) {
        n >>= 7;
        ++bytes;
    }
    return bytes;
}

}  // namespace

DistinctSet::MappedBytes::MappedBytes(std::size_t n) : size(n) {
    void* p = ::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    ::madvise(p, n, MADV_HUGEPAGE);   // best effort
#endif
    data = static_cast<unsigned char*>(p);
}

void DistinctSet::MappedBytes::release(std::size_t offset, std::size_t bytes) {
    ::madvise(data + offset, bytes, MADV_DONTNEED);   // best effort
}

DistinctSet::MappedBytes::~MappedBytes() {
    if (data != nullptr) ::munmap(data, size);
}

DistinctSet::MappedBytes& DistinctSet::MappedBytes::operator=(MappedBytes&& other) noexcept {
    std::swap(data, other.data);
    std::swap(size, other.size);
    return *this;
}

DistinctSet::DistinctSet(unsigned remainder_bits)
    : slots_(kFirstSlots),
      line_bits_(static_cast<unsigned>(std::countr_zero(kFirstSlots / kSlotsPerLine))),
      full_remainder_bits_(std::clamp(remainder_bits, 1u, kRemainderBits)),
      remainder_bits_(full_remainder_bits_) {
    std::random_device random;
    for (auto& word : seed_) word = (std::uint64_t{random()} << 32) ^ random();
}

std::uint64_t DistinctSet::hash(std::string_view key) const { return keyed_hash(seed_, key); }

std::size_t DistinctSet::line_count() const { return slots_.size() / kSlotsPerLine; }

void DistinctSet::prefetch(std::uint64_t hash) const {
    __builtin_prefetch(&slots_.words()[(hash & (line_count() - 1)) * kSlotsPerLine], 1);
}

std::string_view DistinctSet::key_at(std::uint64_t place) const {
    const unsigned char* p = blocks_[place >> kOffsetBits].data + (place & ((1u << kOffsetBits) - 1));
    std::size_t length = 0;
    for (unsigned shift = 0;; shift += 7) {
        const unsigned char byte = *p++;
        length |= static_cast<std::size_t>(byte & 0x7f) << shift;
        if (byte < 0x80) break;
    }
    return {reinterpret_cast<const char*>(p), length};
}

std::uint64_t DistinctSet::store(std::string_view key) {
    const std::size_t need = varint_size(key.size()) + key.size();
    if (blocks_.empty() || block_used_ + need > block_size_) {
        if (!blocks_.empty()) block_ends_.push_back(block_used_);
        // A key larger than a block gets a block of its own; it starts at 0.
        block_size_ = std::max(kBlockSize, need);
        blocks_.emplace_back(block_size_);
        block_used_ = 0;
    }
    const std::uint64_t place = (static_cast<std::uint64_t>(blocks_.size() - 1) << kOffsetBits) | block_used_;
    unsigned char* p = blocks_.back().data + block_used_;
    std::size_t n = key.size();
    while (n >= 0x80) {
        *p++ = static_cast<unsigned char>(n | 0x80);
        n >>= 7;
    }
    *p++ = static_cast<unsigned char>(n);
    std::memcpy(p, key.data(), key.size());
    block_used_ += need;
    return place;
}

std::uint64_t DistinctSet::remainder(std::uint64_t hash) const {
    return (hash >> line_bits_) & ((std::uint64_t{1} << remainder_bits_) - 1);
}

bool DistinctSet::insert(std::string_view key, std::uint64_t h) {
    const std::size_t line_mask = line_count() - 1;
    const std::uint64_t r = remainder(h);
    for (std::size_t d = 0;; ++d) {
        std::uint64_t* line = &slots_[((h + d) & line_mask) * kSlotsPerLine];
        const std::uint64_t expected = make_slot(r, d, 0) & ~kPlaceMask;
        for (std::size_t j = 0; j < kSlotsPerLine; ++j) {
            const std::uint64_t slot = line[j];
            if (slot == 0) {
                line[j] = make_slot(r, d, store(key) + 1);
                if (++size_ * 4 > slots_.size() * 3) grow();
                return true;
            }
            if ((slot & ~kPlaceMask) == expected && key_at((slot & kPlaceMask) - 1) == key) return false;
        }
    }
}

void DistinctSet::place(Slots& table, std::size_t home, std::uint64_t r, std::uint64_t place_plus_one) {
    const std::size_t line_mask = table.size() / kSlotsPerLine - 1;
    for (std::size_t d = 0;; ++d) {
        std::uint64_t* line = &table[((home + d) & line_mask) * kSlotsPerLine];
        for (std::size_t j = 0; j < kSlotsPerLine; ++j) {
            if (line[j] == 0) {
                line[j] = make_slot(r, d, place_plus_one);
                return;
            }
        }
    }
}

void DistinctSet::grow() {
    Slots old = std::move(slots_);
    slots_ = Slots(old.size() * 2);
    ++line_bits_;
    if (remainder_bits_ - 1 < std::min(kMinRemainderBits, full_remainder_bits_)) {
        remainder_bits_ = full_remainder_bits_;
        rehash_from_arena();
        return;
    }
    --remainder_bits_;
    // Each slot says where its key's home line was and the remainder says
    // the next hash bit: the old table is read in order and the new one
    // written in two streams, without reading a key or hashing it again.
    const std::size_t old_lines = old.size() / kSlotsPerLine;
    for (std::size_t l = 0; l < old_lines; ++l) {
        for (std::size_t j = 0; j < kSlotsPerLine; ++j) {
            const std::uint64_t slot = old[l * kSlotsPerLine + j];
            if (slot == 0) break;   // lines fill from their first slot
            const std::uint64_t place_plus_one = slot & kPlaceMask;
            const std::uint64_t distance = (slot >> kPlaceBits) & kDistanceMask;
            if (distance == kDistanceMask) {   // home unknown: hash the key
                const std::uint64_t h = hash(key_at(place_plus_one - 1));
                place(slots_, h & (line_count() - 1), remainder(h), place_plus_one);
                continue;
            }
            const std::uint64_t old_r = slot >> (kPlaceBits + kDistanceBits);
            const std::size_t old_home = (l - distance) & (old_lines - 1);
            place(slots_, old_home | ((old_r & 1) * old_lines), old_r >> 1, place_plus_one);
        }
        // The old lines read so far are returned as the new table fills:
        // the peak is the new table, not both.
        if ((l + 1) % kLinesPerRelease == 0) {
            old.memory.release((l + 1 - kLinesPerRelease) * kLineBytes, kLinesPerRelease * kLineBytes);
        }
    }
}

void DistinctSet::rehash_from_arena() {
    const std::size_t line_mask = line_count() - 1;
    // The keys in arena order, not the old table's: the arena is read from
    // start to end instead of at random. Each key's line is prefetched
    // kWindow keys before it is placed, so the cache misses overlap.
    constexpr std::size_t kWindow = 32;
    std::uint64_t hashes[kWindow], places[kWindow];
    std::size_t placed = 0, seen = 0;
    const auto place_oldest = [&] {
        const std::size_t k = placed++ % kWindow;
        place(slots_, hashes[k] & line_mask, remainder(hashes[k]), places[k] + 1);
    };
    for (std::size_t block = 0; block < blocks_.size(); ++block) {
        const std::size_t used = block + 1 == blocks_.size() ? block_used_ : block_ends_[block];
        for (std::size_t at = 0; at < used;) {
            const std::uint64_t place = (static_cast<std::uint64_t>(block) << kOffsetBits) | at;
            const std::string_view key = key_at(place);
            if (seen - placed == kWindow) place_oldest();
            const std::size_t k = seen++ % kWindow;
            hashes[k] = hash(key);
            places[k] = place;
            prefetch(hashes[k]);
            at = static_cast<std::size_t>(key.data() + key.size() -
                                          reinterpret_cast<const char*>(blocks_[block].data));
        }
    }
    while (placed < seen) place_oldest();
}

}  // namespace iocscan::cli
