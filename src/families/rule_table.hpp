// The table of generated scanners: which grammar finds which types.
//
// A rule that finds an existing type is a grammar/<rule>.re with one lex
// function and one row here; a new type also needs its row in the family
// registry (docs/DESIGN.md, "Adding a type"). The driver (scanner.cpp)
// needs no change.
#pragma once

#include "iocscan/iocscan.hpp"
#include "core/candidate_sink.hpp"
#include "core/lex_state.hpp"

#include <cstddef>
#include <span>

namespace iocscan::detail {

using LexFunction = LexStatus (*)(LexState&, CandidateSink&);

struct RuleSpec {
    RuleId id;
    std::string_view name;    ///< reported in JSONL "rules"
    LexFunction lex;
    /// The most bytes a token may span from its start before it is treated as
    /// over-long: its start is then released from the buffer and its match
    /// dropped. Bounds the memory a stream needs.
    std::size_t max_token;
    TypeSet emits;            ///< the types this rule can report
};

std::span<const RuleSpec> builtin_rules();

}  // namespace iocscan::detail
