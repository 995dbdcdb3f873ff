// The longest YARA rule iocscan reports.
//
// A rule (from its import/include lines to its closing brace) longer than
// this is dropped and counted in Stats::dropped_overlong. The range scans'
// YARA sync derives its lookback window from the same bound.
#pragma once

#include <cstddef>

namespace iocscan::detail {

inline constexpr std::size_t kMaxYaraRule = std::size_t{1} << 20;

}  // namespace iocscan::detail
