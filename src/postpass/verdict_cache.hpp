// A small direct-mapped memo of checksum verdicts (btc, eth, onion, xmr):
// text that repeats one candidate (a hostile line, a log that names the same
// wallet on every line) would otherwise decode and hash it every time. The
// memo holds exact bytes and the verdict the check gave for them, so it
// changes no result; one per thread (thread_local at each use), so scanning
// threads share nothing.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace iocscan::detail {

template <std::size_t kMaxKey, std::size_t kSlots = 64>
class VerdictCache {
    static_assert((kSlots & (kSlots - 1)) == 0, "a power of two");
    static_assert(kMaxKey < 256, "the length is kept in a byte");

public:
    /// The verdict of `check()` for `key`, computed on a miss (or for a key
    /// longer than kMaxKey, which is not kept).
    template <class Check>
    bool verdict(std::string_view key, Check&& check) {
        if (key.size() > kMaxKey) return check();
        Slot& slot = slots_[slot_of(key)];
        if (slot.size == key.size() && std::memcmp(slot.bytes.data(), key.data(), key.size()) == 0) {
            return slot.valid;
        }
        const bool valid = check();
        slot.size = static_cast<unsigned char>(key.size());
        slot.valid = valid;
        std::memcpy(slot.bytes.data(), key.data(), key.size());
        return valid;
    }

private:
    struct Slot {
        unsigned char size = 0;   // 0: empty (no candidate is empty)
        bool valid = false;
        std::array<char, kMaxKey> bytes{};
    };

    /// A multiply-fold over 8-byte words: keys differ anywhere, usually in
    /// many bytes, so every word counts once.
    static std::size_t slot_of(std::string_view key) {
        std::uint64_t h = key.size();
        std::size_t at = 0;
        for (; at + 8 <= key.size(); at += 8) {
            std::uint64_t word;
            std::memcpy(&word, key.data() + at, 8);
            h = (h ^ word) * 0x9E3779B97F4A7C15ull;
            h ^= h >> 29;
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, key.data() + at, key.size() - at);
        h = (h ^ tail) * 0x9E3779B97F4A7C15ull;
        return static_cast<std::size_t>(h >> 40) & (kSlots - 1);
    }

    std::array<Slot, kSlots> slots_{};
};

}  // namespace iocscan::detail
