// Where a range scan can start its YARA rule in step with the whole-file
// scan (scan_range(), docs/scale-out.md "YARA").
//
// A YARA rule may hold any byte, so the rule has no token breaks, and a
// rule over 1 MiB is dropped where its length passes 1 MiB, which depends on
// where it started: the whole-file scanner's state at a point depends on
// history of any length. A point is certified when the whole-file scanner is
// outside every rule there, with nothing glued before it: then a scanner
// started there does exactly what it does. yara_sync_point() looks for one
// at a line feed, reading the file backward.
#pragma once

#include "source/file_read.hpp"

#include <cstdint>

namespace iocscan::detail {

/// Lowers `start` (where the range scan's scanners would start, at most
/// `begin`) so that its YARA scanner is in step with the whole-file scan at
/// or before `begin`: to a certified point `x`, or leaves it when the scanner
/// started at `start` is certified in step at such an `x` too. 0 when no
/// point is certified within a bounded amount of work (every scan from the
/// file's start is exact). False with errno on a read error. `held`, if
/// given, receives the bytes the search read last: in text with lines, the
/// 1 MiB window before `begin` that the range scan's lookback reads too.
bool yara_sync_point(int fd, std::uint64_t begin, std::uint64_t& start, HeldBytes* held = nullptr);

/// Whether the YARA scanner is outside every rule in context `cond`
/// (LexState::cond; grammar/yara/yara.re).
bool yara_outside_rule(int cond);

}  // namespace iocscan::detail
