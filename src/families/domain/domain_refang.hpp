// Refang for the domain family: plain dots, lower case.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace iocscan::detail {

/// Length of the dot at the start of `s`, between two labels of a host run
/// found by grammar/domain/domain.re: ".", "\.", "[.]", "(.)", "{.}",
/// "[dot]", "(dot)" or "{dot}" (any case), or a "[.]" or "(.)" with single
/// spaces inside or around it ("evil [ . ] com"), or " ." after a scheme
/// ("http://evil .example .net").
std::size_t host_dot_length(std::string_view s);

/// `raw` is such a host run. Writes the labels in lower case joined by
/// plain dots.
void refang_domain(std::string_view raw, std::string& out);

}  // namespace iocscan::detail
