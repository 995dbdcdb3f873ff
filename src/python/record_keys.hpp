// A range's record keys as iocscan.dask moves them: one bytes object per
// range instead of a Python tuple per record, so neither the worker nor the
// client touches Python objects per record (--unique, --json, the API's
// Record). Per record, in output order:
//   8 bytes  where its text ends in the range's text (little-endian)
//   1 byte   its Type
//   4 bytes  the value's length (little-endian), then the value
#pragma once

#include "iocscan/iocscan.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace iocscan::python {

struct RecordKey {
    std::uint64_t text_end = 0;
    Type type{};
    std::string_view value;
};

inline void append_key(std::string& keys, const RecordKey& key) {
    const auto put = [&](std::uint64_t number, int bytes) {
        for (int i = 0; i < bytes; ++i) keys.push_back(static_cast<char>((number >> (8 * i)) & 0xFF));
    };
    put(key.text_end, 8);
    keys.push_back(static_cast<char>(key.type));
    put(key.value.size(), 4);
    keys.append(key.value);
}

/// Reads the keys append_key() wrote, in order; throws on a truncated blob
/// (it came over the network).
class KeyReader {
public:
    explicit KeyReader(std::string_view keys) : rest_(keys) {}

    bool next(RecordKey& key) {
        if (rest_.empty()) return false;
        if (rest_.size() < kHead) throw std::invalid_argument("record keys: truncated");
        const std::uint64_t size = take(8 + 1, 4);
        if (rest_.size() - kHead < size) throw std::invalid_argument("record keys: truncated");
        const auto type = static_cast<unsigned char>(rest_[8]);
        if (type >= kTypeCount) throw std::invalid_argument("record keys: no such type");
        key.text_end = take(0, 8);
        key.type = static_cast<Type>(type);
        key.value = rest_.substr(kHead, static_cast<std::size_t>(size));
        rest_.remove_prefix(kHead + static_cast<std::size_t>(size));
        return true;
    }

private:
    static constexpr std::size_t kHead = 8 + 1 + 4;

    std::uint64_t take(std::size_t at, int bytes) const {
        std::uint64_t number = 0;
        for (int i = bytes - 1; i >= 0; --i) {
            number = number << 8 | static_cast<unsigned char>(rest_[at + static_cast<std::size_t>(i)]);
        }
        return number;
    }

    std::string_view rest_;
};

/// The --unique key the CLI uses (cli/unique_filter.hpp): the type's byte,
/// then the value.
inline std::string_view unique_key(const RecordKey& key, std::string& scratch) {
    scratch.assign(1, static_cast<char>(key.type));
    scratch.append(key.value);
    return scratch;
}

}  // namespace iocscan::python
