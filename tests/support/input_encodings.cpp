#include "support/input_encodings.hpp"

namespace iocscan::test {

std::string utf16le(const std::string& text) {
    std::string wide;
    wide.reserve(2 * text.size());
    for (const char c : text) {
        wide += c;
        wide += '\0';
    }
    return wide;
}

}  // namespace iocscan::test
