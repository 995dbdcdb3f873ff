// The post-pass: turns the text a scanner matched into its plain form.
// Kept apart from the grammars so that scanning never pays for it unless asked.
#pragma once

#include "iocscan/iocscan.hpp"

#include <string>
#include <string_view>

namespace iocscan::detail {

/// Writes the refanged form of `raw` (a match of `type`) into `out`.
void refang_into(Type type, std::string_view raw, std::string& out);

}  // namespace iocscan::detail
