#include "cli/print_text.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace iocscan::cli {

int print_text(const char* text) {
    if (std::fputs(text, stdout) >= 0 && std::fflush(stdout) == 0) return 0;
    if (errno == EPIPE) return 0;
    std::fprintf(stderr, "iocscan: standard output: %s\n", std::strerror(errno));
    return 2;
}

}  // namespace iocscan::cli
