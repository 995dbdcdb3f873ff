// --allow FILE and its alias --domain-ignore FILE: reading an allow list
// into Options::allow, with errors as "FILE:LINE: reason".
#pragma once

#include "iocscan/iocscan.hpp"

#include <string>
#include <vector>

namespace iocscan::cli {

/// Reads `path` (read_whole_file, parse_allow_list) and checks every entry (check_allow_list);
/// with `domains_only` (--domain-ignore) every entry must also be a domain
/// name, as that option always required. Appends the entries to `into`.
bool load_allow_file(const std::string& path, bool domains_only, std::vector<AllowEntry>& into,
                     std::string& error);

}  // namespace iocscan::cli
