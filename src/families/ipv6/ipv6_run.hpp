// Decides what a run of word characters, colons and dots found by
// grammar/ipv6/ipv6.re is: one IPv6 address, or nothing.
#pragma once

#include "core/candidate_sink.hpp"

#include <string>
#include <string_view>

namespace iocscan::detail {

/// True when [begin, end) is exactly one RFC 4291 address text: eight groups
/// of 1-4 hex digits, or fewer with one "::", the last two groups optionally
/// written as a dotted IPv4 address. No zone, brackets or port.
bool is_ipv6_text(const unsigned char* begin, const unsigned char* end);

/// [begin, end) is a maximal run of [0-9A-Za-z_:.] with an optional "%zone"
/// or "/digits". Queues the address it holds, with its zone, or nothing; an
/// address right before "/N" (N 0-128) with that prefix as a cidr. Returns
/// where the lexer goes on: `end`, or its "/" when the "/digits" made no
/// cidr (as if the run had ended before the "/").
/// `before2`, `before1`: the two bytes before the run (0 for none); the
/// byte at `end` is readable (at worst the buffer's sentinel). A run next
/// to a "[:]" is part of a defanged address (emit_defanged_ipv6_run()), not
/// one itself.
const unsigned char* emit_ipv6_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end,
                                   unsigned char before2, unsigned char before1);

/// [begin, end) is a maximal run of [0-9A-Za-z_.:] and "[:]", with an
/// optional "/digits". Queues it when it holds a "[:]" and, written with
/// plain colons, is one address (as emit_ipv6_run() would report it,
/// without a label or zone), as a cidr with its "/N". Returns where the
/// token ends, as emit_ipv6_run() does.
const unsigned char* emit_defanged_ipv6_run(CandidateSink& sink, const unsigned char* begin,
                                           const unsigned char* end);

/// The address with every "[:]" written ":" (the ipv6 refang).
void refang_ipv6(std::string_view raw, std::string& out);

}  // namespace iocscan::detail
