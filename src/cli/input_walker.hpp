// Turns the PATH arguments into the inputs to scan: files as named, and
// directories walked recursively in sorted order (so output is reproducible).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace iocscan::cli {

struct WalkOptions {
    bool follow_links = false;          ///< --follow: enter linked directories, read linked files
    std::vector<std::string> globs;     ///< --glob: file names must match one (fnmatch), if any
};

/// Calls `visit(path)` for each input in order. Directory errors are
/// reported through `error(path, reason)` and the walk goes on. Inside a
/// directory only regular files are taken (FIFOs and devices only when named
/// on the command line); symbolic links only with follow_links.
void walk_inputs(const std::vector<std::string>& paths, const WalkOptions& options,
                 const std::function<bool(const std::string& path)>& visit,
                 const std::function<void(const std::string& path, const std::string& reason)>& error);

}  // namespace iocscan::cli
