// The resumable state of one generated scanner (re2c storable-state "push" model).
//
// Every rule scanner keeps its own cursor into the shared chunk buffer, so
// each family sees the whole input as if it ran alone. When a scanner reaches
// the end of the buffered bytes it saves its DFA state and returns `waiting`;
// the driver appends the next chunk and resumes it exactly where it stopped,
// which is why results never depend on where chunk edges fall.
#pragma once

#include <cstddef>
#include <cstdint>

namespace iocscan::detail {

namespace skip {
class BlockClasses;
}

enum class LexStatus { waiting, end, stop };

struct LexState {
    const unsigned char* cur = nullptr;   ///< YYCURSOR
    const unsigned char* mar = nullptr;   ///< YYMARKER (backtracking point)
    const unsigned char* tok = nullptr;   ///< start of the token being matched
    const unsigned char* lim = nullptr;   ///< YYLIMIT: one past the buffered bytes
    int state = -1;                       ///< re2c resume point, -1 = fresh
    int accept = 0;                       ///< re2c yyaccept, kept across resumes
    /// The token start had to be discarded because the token grew beyond the
    /// family's maximum length; its match is dropped and counted.
    bool overlong = false;
    /// The driver moved `tok` onto the re2c marker of an overlong token, so
    /// a marker equal to `tok` is a real one (see Scanner first_needed()).
    bool marker_is_tok = false;
    /// Structure a grammar tracks across tokens (YARA: re2c condition, brace
    /// depth, flags). Plain values, so the driver keeps them as they are.
    int cond = 0;
    int depth = 0;
    unsigned flags = 0;
    /// What a rule's skip proved about the bytes it parked on, kept across
    /// calls (ipv4, email: skip::kLongRunInRun; ipv6-defanged:
    /// skip::kDefangedInLongRun and kin; url bracket, backslash:
    /// kUrlPlainRunParked); 0 when nothing is pending.
    unsigned skip_state = 0;
    /// The driver's classification of the buffered blocks, read by the skips
    /// (simd/block_classes.hpp); null without a driver (the skips then run
    /// their own pre-passes).
    const skip::BlockClasses* blocks = nullptr;
    /// Rule-specific data the driver hands to the scanner (custom patterns).
    const void* context = nullptr;
    /// The rule's longest reported token (RuleSpec::max_token), set by the driver.
    std::size_t max_token = SIZE_MAX;

    /// Whether the token [tok, cur) may be reported: no longer than the
    /// rule's maximum. The driver marks a token `overlong` only when a
    /// buffer refill finds it too long; one that grew that long within one
    /// buffer is caught by the length, so chunk edges never decide.
    bool token_fits() const { return token_fits(max_token); }
    /// The same against a bound of the grammar's own (a URL rule keeps
    /// lookahead bytes past the longest URL it reports).
    bool token_fits(std::size_t max) const { return !overlong && static_cast<std::size_t>(cur - tok) <= max; }

    void start_token() {
        tok = cur;
        overlong = false;
        marker_is_tok = false;
    }
};

}  // namespace iocscan::detail
