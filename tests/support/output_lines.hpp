// The lines of what the binary printed, for comparing its output.
#pragma once

#include <string>
#include <vector>

namespace iocscan::test {

/// `text` split at '\n', without the line feeds; a last line without one
/// counts too.
std::vector<std::string> lines_of(const std::string& text);

}  // namespace iocscan::test
