#include "cli/whole_file.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace iocscan::cli {
namespace {

/// Pattern and allow lists are far smaller; a larger file is the wrong one
/// (--allow /dev/zero, a log), refused before it fills the memory.
constexpr std::size_t kLargestListFile = std::size_t{256} << 20;

}  // namespace

bool read_whole_file(const std::string& path, std::string& text, std::string& error) {
    const auto fail = [&](int code) {
        error = path + ": " + std::strerror(code);
        return false;
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(errno);
    struct stat info {};
    // A directory opens; say so here rather than as a read error.
    int code = ::fstat(fd, &info) != 0 ? errno : S_ISDIR(info.st_mode) ? EISDIR : 0;
    text.clear();
    const auto too_large = [&] {
        error = path + ": larger than " + std::to_string(kLargestListFile >> 20) + " MiB, not a list";
        ::close(fd);
        return false;
    };
    if (code == 0 && S_ISREG(info.st_mode)) {
        if (static_cast<std::uint64_t>(info.st_size) > kLargestListFile) return too_large();
        // Sized up front: a 100k-entry allow list is megabytes, and growing
        // the string by doubling touched twice the pages.
        text.reserve(static_cast<std::size_t>(info.st_size));
    }
    char buffer[64 * 1024];
    while (code == 0) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got == 0) break;
        if (got < 0) {
            if (errno != EINTR) code = errno;
            continue;
        }
        if (text.size() + static_cast<std::size_t>(got) > kLargestListFile) return too_large();
        text.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return code == 0 || fail(code);
}

}  // namespace iocscan::cli
