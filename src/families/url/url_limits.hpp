// The longest URL iocscan reports.
//
// A URL token (the matched text, trailing punctuation included) longer than
// this is dropped and counted in Stats::dropped_overlong: it is never cut in
// two. The bound also caps the bytes the driver keeps for a URL still open.
#pragma once

#include <cstddef>

namespace iocscan::detail {

inline constexpr std::size_t kMaxUrlLength = 64 * 1024;

/// Bytes a URL grammar may read past the end of a URL before it knows the
/// URL has ended (" /" of a spaced defang, " [ . ]" of a bracket dot). The
/// driver's limit is the sum, so a URL of exactly kMaxUrlLength survives any
/// chunking; the grammars test the exact length themselves.
inline constexpr std::size_t kUrlLookahead = 16;

}  // namespace iocscan::detail
