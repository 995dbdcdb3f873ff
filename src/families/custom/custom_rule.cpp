// The `custom` rule: not a re2c grammar but a lex function of the same shape.
// It cuts the shared buffer into lines with memchr and hands each complete
// line to the compiled patterns (st.context). st.tok stays at the start of
// the current line, so the driver keeps that line's bytes; a line longer than
// kMaxCustomLine is dropped and counted instead.
#include "families/custom/custom_matcher.hpp"
#include "core/lex_state.hpp"

#include <cstring>

namespace iocscan::detail {
namespace {

constexpr int kWaitingForLineEnd = 1;

void finish_line(LexState& st, const unsigned char* end, const CustomMatcher& matcher,
                 CandidateSink& sink) {
    if (st.overlong || static_cast<std::size_t>(end - st.tok) > kMaxCustomLine) {
        sink.drop_overlong();
        return;
    }
    if (end > st.tok && end[-1] == '\r') --end;
    matcher.match_line(st.tok, end, sink);
}

}  // namespace

LexStatus lex_custom(LexState& st, CandidateSink& sink) {
    const auto* matcher = static_cast<const CustomMatcher*>(st.context);
    if (matcher == nullptr) return LexStatus::end;   // no patterns: nothing to find
    // Resumed with no new bytes: the input has ended inside the last line.
    const bool input_ended = st.state == kWaitingForLineEnd && st.cur == st.lim;
    for (;;) {
        const auto* newline = static_cast<const unsigned char*>(
            std::memchr(st.cur, '\n', static_cast<std::size_t>(st.lim - st.cur)));
        if (newline == nullptr) {
            if (input_ended) {
                finish_line(st, st.lim, *matcher, sink);
                return LexStatus::end;
            }
            st.cur = st.mar = st.lim;   // searched up to here; no marker to keep
            st.state = kWaitingForLineEnd;
            return LexStatus::waiting;
        }
        finish_line(st, newline, *matcher, sink);
        st.cur = st.mar = newline + 1;
        st.state = -1;
        st.start_token();
    }
}

}  // namespace iocscan::detail
