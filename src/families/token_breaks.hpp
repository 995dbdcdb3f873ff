// Bytes that no token of a rule contains (scan_range(), docs/scale-out.md).
//
// A rule's scanner, whatever state it was in, is between tokens right after
// such a byte, exactly like a scanner started fresh there: every token
// (match, skip run or failed attempt) that began before the byte ended
// before it or is the byte alone. So a range scan that starts at or before
// the last such byte ahead of its range is in step with the whole-file scan
// from there, however long the token that held the byte's neighbours was.
#pragma once

#include "iocscan/iocscan.hpp"
#include "simd/byte_set.hpp"

#include <vector>

namespace iocscan::detail {

/// The bytes that end every token of `rule`, or null when it has none: its
/// tokens are bounded runs (the lookback is exact for them) or may hold
/// any byte (YARA).
const ByteSet* token_breaks(RuleId rule);

/// The break sets of every built-in rule that has them, each once. A range
/// scan uses them all, enabled or not: a start further back than a rule
/// needs is exact for every rule, and in text with lines all are found
/// within a few bytes.
std::vector<const ByteSet*> all_token_breaks();

}  // namespace iocscan::detail
