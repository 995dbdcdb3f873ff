// Decides what a number run found by grammar/phone/phone.re is.
#pragma once

#include "core/candidate_sink.hpp"

namespace iocscan::detail {

/// [begin, end) is a run of digit groups joined by "-", ".", a space or
/// parentheses, optionally led by "+" or "(". Queues it as a phone when the
/// whole run is one number:
/// - "+" then 8-15 digits (E.164), a first group of 1-3 digits when grouped;
/// - or a North-American number: groups 3-3-4, optionally led by a group
///   "1", area code and exchange starting with 2-9, the area code possibly
///   in parentheses.
/// Parentheses must enclose exactly one group. Several numbers may share a
/// run only where a plain space joins them; each is tried as a window of
/// whole groups (at most 8), the longest first, left to right.
void emit_phone_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end);

}  // namespace iocscan::detail
