// Reading a small file (a pattern or allow list named by an option) whole,
// with one error style for every such option.
#pragma once

#include <string>

namespace iocscan::cli {

/// Reads all of `path` into `text`. On failure (missing, a directory,
/// unreadable, larger than 256 MiB) sets `error` to "PATH: reason" (strerror) and returns false;
/// the caller prints it as "iocscan: PATH: reason" and exits with 2.
bool read_whole_file(const std::string& path, std::string& text, std::string& error);

}  // namespace iocscan::cli
