// Decides what a run of word characters, colons and dots found by
// grammar/ipv6.re is: one IPv6 address, or nothing.
#pragma once

#include "lib/candidate_sink.hpp"

namespace iocscan::detail {

/// True when [begin, end) is exactly one RFC 4291 address text: eight groups
/// of 1-4 hex digits, or fewer with one "::", the last two groups optionally
/// written as a dotted IPv4 address. No zone, brackets or port.
bool is_ipv6_text(const unsigned char* begin, const unsigned char* end);

/// [begin, end) is a maximal run of [0-9A-Za-z_:.] with an optional "%zone".
/// Queues the address it holds, with its zone, or nothing.
void emit_ipv6_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end);

}  // namespace iocscan::detail
