// pread() for the range scan's reads at given offsets (range_source.cpp,
// yara_sync.cpp).
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstdint>

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

}  // namespace iocscan::detail
