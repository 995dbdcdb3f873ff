// The plain form of an e-mail match: lower case, "@" and "." for every
// defanged separator ("[at]", " dot ", "{.}", ...).
#pragma once

#include <string>
#include <string_view>

namespace iocscan::detail {

void refang_email(std::string_view raw, std::string& out);

}  // namespace iocscan::detail
