// Decides what a dotted number run found by grammar/ipv4.re is.
#pragma once

#include "lib/candidate_sink.hpp"

namespace iocscan::detail {

/// [begin, end) is a run of digit groups joined by (possibly defanged) dots,
/// optionally followed by "/digits". Queues an ipv4 or a cidr, or nothing.
void emit_dotted_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end);

}  // namespace iocscan::detail
