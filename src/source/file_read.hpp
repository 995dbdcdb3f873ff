// pread() for the range scan's reads at given offsets (range_source.cpp,
// yara_sync.cpp), and bytes one of them read that the other can take.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include <sys/types.h>
#include <unistd.h>

namespace iocscan::detail {

/// pread() that retries an interrupted call; -1 with errno on error.
inline ssize_t read_at(int fd, char* into, std::size_t size, std::uint64_t offset) {
    for (;;) {
        const ssize_t got = ::pread(fd, into, size, static_cast<off_t>(offset));
        if (got >= 0 || errno != EINTR) return got;
    }
}

/// Reads `size` bytes at `offset` (fewer only at the end of the file);
/// false with errno on error.
inline bool read_fully(int fd, char* into, std::size_t size, std::uint64_t offset, std::size_t& got) {
    got = 0;
    while (got < size) {
        const ssize_t n = read_at(fd, into + got, size - got, offset + got);
        if (n < 0) return false;
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    return true;
}

/// Bytes [from, from + bytes.size()) of a file, already read: the YARA sync
/// search's last window (yara_sync.cpp), which is most of the range scan's
/// lookback, so the scan copies them instead of reading them again.
struct HeldBytes {
    std::uint64_t from = 0;
    std::vector<char> bytes;

    /// Copies the held bytes from `offset` on into `into`, at most `size`:
    /// how many (0 when `offset` is not held).
    std::size_t copy_at(std::uint64_t offset, char* into, std::size_t size) const {
        if (offset < from || offset - from >= bytes.size()) return 0;
        const std::size_t skip = static_cast<std::size_t>(offset - from);
        const std::size_t n = std::min(size, bytes.size() - skip);
        std::memcpy(into, bytes.data() + skip, n);
        return n;
    }
};

}  // namespace iocscan::detail
