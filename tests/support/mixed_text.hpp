// Deterministic pseudo-random text full of IOCs, near misses and junk bytes.
#pragma once

#include <cstdint>
#include <string>

namespace iocscan::test {

/// About `size` bytes of mixed text from `seed`; the same seed gives the same text.
std::string mixed_text(std::size_t size, std::uint32_t seed);

}  // namespace iocscan::test
