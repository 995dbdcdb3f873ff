// The table of generated scanners: which grammar finds which types.
//
// A rule that finds an existing type is a grammar/<family>/<rule>.re with one lex
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
    /// The most bytes a reported token may span (LexState::token_fits()).
    std::size_t max_token;
    TypeSet emits;            ///< the types this rule can report

    /// How far past its start the driver keeps a token's bytes before it
    /// releases the start and marks the token over-long. The DFA may read
    /// past a token's end before it backs up to its last accepting point
    /// (regkey: 85 bytes), so a token of max_token bytes must not be marked
    /// over-long during that lookahead: otherwise whether it is reported
    /// would depend on where a buffer refill falls.
    std::size_t kept_bytes() const { return max_token + kLookaheadSlack; }
    static constexpr std::size_t kLookaheadSlack = 256;
};

std::span<const RuleSpec> builtin_rules();

}  // namespace iocscan::detail
