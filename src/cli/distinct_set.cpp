#include "cli/distinct_set.hpp"

#include <cstring>
#include <new>
#include <random>
#include <utility>

#include <sys/mman.h>

namespace iocscan::cli {
namespace {

constexpr std::size_t kBlockSize = std::size_t{1} << 20;
constexpr std::size_t kFirstSlots = 1024;

std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

/// SipHash-1-3: keyed, so probe lengths do not depend on the input alone.
std::uint64_t siphash13(const std::uint64_t key[2], std::string_view data) {
    std::uint64_t v0 = key[0] ^ 0x736f6d6570736575ull, v1 = key[1] ^ 0x646f72616e646f6dull;
    std::uint64_t v2 = key[0] ^ 0x6c7967656e657261ull, v3 = key[1] ^ 0x7465646279746573ull;
    const auto round = [&] {
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
    };
    const std::size_t whole = data.size() & ~std::size_t{7};
    for (std::size_t i = 0; i < whole; i += 8) {
        std::uint64_t m = 0;
        std::memcpy(&m, data.data() + i, 8);   // little-endian hosts (x86, arm64)
        v3 ^= m;
        round();
        v0 ^= m;
    }
    std::uint64_t last = static_cast<std::uint64_t>(data.size()) << 56;
    for (std::size_t i = whole; i < data.size(); ++i) {
        last |= static_cast<std::uint64_t>(static_cast<unsigned char>(data[i])) << (8 * (i - whole));
    }
    v3 ^= last;
    round();
    v0 ^= last;
    v2 ^= 0xff;
    round();
    round();
    round();
    return v0 ^ v1 ^ v2 ^ v3;
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

DistinctSet::Slots::Slots(std::size_t n) : count(n) {
    const std::size_t bytes = n * sizeof(std::uint64_t);
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    ::madvise(p, bytes, MADV_HUGEPAGE);   // best effort
#endif
    data = static_cast<std::uint64_t*>(p);
}

DistinctSet::Slots::~Slots() {
    if (data != nullptr) ::munmap(data, count * sizeof(std::uint64_t));
}

DistinctSet::Slots& DistinctSet::Slots::operator=(Slots&& other) noexcept {
    std::swap(data, other.data);
    std::swap(count, other.count);
    return *this;
}

DistinctSet::DistinctSet() : slots_(kFirstSlots) {
    std::random_device random;
    for (auto& word : seed_) word = (std::uint64_t{random()} << 32) ^ random();
}

std::uint64_t DistinctSet::hash(std::string_view key) const { return siphash13(seed_, key); }

std::string_view DistinctSet::key_at(std::uint64_t place) const {
    const unsigned char* p = blocks_[place >> kOffsetBits].get() + (place & ((1u << kOffsetBits) - 1));
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
        blocks_.push_back(std::make_unique<unsigned char[]>(block_size_));
        block_used_ = 0;
    }
    const std::uint64_t place = (static_cast<std::uint64_t>(blocks_.size() - 1) << kOffsetBits) | block_used_;
    unsigned char* p = blocks_.back().get() + block_used_;
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

bool DistinctSet::insert(std::string_view key) {
    const std::uint64_t h = hash(key);
    const std::uint64_t tag = h >> kPlaceBits;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0) {
            slots_[i] = (tag << kPlaceBits) | (store(key) + 1);
            if (++size_ * 4 > slots_.size() * 3) grow();
            return true;
        }
        if ((slot >> kPlaceBits) == tag && key_at((slot & kPlaceMask) - 1) == key) return false;
    }
}

void DistinctSet::grow() {
    slots_ = Slots(slots_.size() * 2);   // the old table goes with the temporary
    const std::size_t mask = slots_.size() - 1;
    // The keys in arena order, not the old table's: the arena is read from
    // start to end instead of at random. They are placed in batches whose
    // slots are prefetched first, so the cache misses overlap.
    constexpr std::size_t kBatch = 16;
    std::uint64_t hashes[kBatch], places[kBatch];
    std::size_t pending = 0;
    const auto place_pending = [&] {
        for (std::size_t k = 0; k < pending; ++k) {
            std::size_t i = hashes[k] & mask;
            while (slots_[i] != 0) i = (i + 1) & mask;
            slots_[i] = ((hashes[k] >> kPlaceBits) << kPlaceBits) | (places[k] + 1);
        }
        pending = 0;
    };
    for (std::size_t block = 0; block < blocks_.size(); ++block) {
        const std::size_t used = block + 1 == blocks_.size() ? block_used_ : block_ends_[block];
        for (std::size_t at = 0; at < used;) {
            const std::uint64_t place = (static_cast<std::uint64_t>(block) << kOffsetBits) | at;
            const std::string_view key = key_at(place);
            hashes[pending] = hash(key);
            places[pending] = place;
            __builtin_prefetch(&slots_[hashes[pending] & mask], 1);
            if (++pending == kBatch) place_pending();
            at = static_cast<std::size_t>(key.data() + key.size() -
                                          reinterpret_cast<const char*>(blocks_[block].get()));
        }
    }
    place_pending();
}

}  // namespace iocscan::cli
