// Refang for the domain family: plain dots, lower case.
#pragma once

#include <string>
#include <string_view>

namespace iocscan::detail {

/// `raw` is a host run found by grammar/domain/domain.re: labels joined by ".",
/// "\.", "[.]", "(.)", "{.}", "[dot]", "(dot)" or "{dot}" (any case). Writes
/// the labels in lower case joined by plain dots.
void refang_domain(std::string_view raw, std::string& out);

}  // namespace iocscan::detail
