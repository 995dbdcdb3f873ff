// Decides what a dotted number run found by grammar/ipv4/ipv4.re is.
#pragma once

#include "core/candidate_sink.hpp"

namespace iocscan::detail {

/// True when a dotted run after the bytes `before2`, `before1` is a version
/// number, not an address: glued to a letter or "_" ("v2.4.1.9",
/// "pclean.v2.1.1.0", "epicbanana_2.1.0.1") or after "Word/" ("Chrome/119.0.0.0").
bool is_version_prefix(unsigned char before2, unsigned char before1);

/// [begin, end) is a run of digit groups joined by (possibly defanged) dots,
/// optionally followed by "/digits". Queues an ipv4 or a cidr, or nothing
/// (a version number: `version`).
void emit_dotted_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, bool version);

/// [begin, end) is four octets joined by plain dots, already judged so
/// (skip::plain_quad_is_address()): queues it as an ipv4 unless `version`.
void emit_address(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, bool version);

}  // namespace iocscan::detail
