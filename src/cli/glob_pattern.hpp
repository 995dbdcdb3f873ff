// --glob patterns: whether one can match a file name at all. Checked while
// the arguments are parsed; the walk (input_walker.cpp) matches with fnmatch().
#pragma once

#include <string>
#include <string_view>

namespace iocscan::cli {

/// Why --glob `pattern` can match no file name, or "" when it can. fnmatch()
/// takes an unclosed '[' literally and quietly matches nothing with a '/'
/// (it sees names, not paths), a lone '\\' at the end or an unknown
/// [:class:]: a typing error would select no file and say nothing.
std::string glob_problem(std::string_view pattern);

}  // namespace iocscan::cli
