// The bytes before a token, for rules whose verdict depends on them (a
// dotted run after "v" is a version, an IPv6 run after "-" a date, a URL
// host after "[@]" or "[ at ] " an e-mail domain).
//
// The driver may drop the bytes before a lexer's token start between two
// calls, so the lexer keeps the bytes before it in LexState fields when it
// returns (saved_at()) and reads them from there when a token starts within
// that many bytes of where the call began. A field of 0 (a fresh state)
// reads as NULs, i.e. "nothing before".
#pragma once

#include "core/lex_state.hpp"
#include "simd/ascii_class.hpp"

#include <cstdint>
#include <string_view>

namespace iocscan::detail {

/// Keeps sizeof(Saved) bytes: TokenPrefix four (one LexState field),
/// LongTokenPrefix eight (two fields, for the spaced at-signs of the URL
/// rules, the Squid hierarchy codes and version keys before an IPv4
/// address, and the header name before a message identifier).
template <typename Saved>
class BasicTokenPrefix {
public:
    /// How far back before() reads: the bytes of a Saved.
    static constexpr int kMaxBack = static_cast<int>(sizeof(Saved));

    /// `origin`: the first byte the lexer may read in this call (its token
    /// start on entry); `saved`: saved_at(origin) from the call before.
    BasicTokenPrefix(const unsigned char* origin, Saved saved) : origin_(origin), saved_(saved) {}

    /// The byte `back` (1 to kMaxBack) places before `p` (>= origin); 0 for none.
    unsigned char before(const unsigned char* p, int back) const {
        const auto distance = p - origin_;
        if (distance >= back) return p[-back];
        // Bytes before origin: saved holds origin[-kMaxBack] in its top
        // byte ... origin[-1] in its low byte.
        return static_cast<unsigned char>(saved_ >> (8 * (back - distance - 1)));
    }

    /// The value to keep for the next call, whose origin is `p` (>= origin).
    Saved saved_at(const unsigned char* p) const {
        Saved saved = 0;
        for (int back = kMaxBack; back >= 1; --back) saved = static_cast<Saved>(saved << 8 | before(p, back));
        return saved;
    }

private:
    const unsigned char* origin_;
    Saved saved_;
};

using TokenPrefix = BasicTokenPrefix<unsigned>;
using LongTokenPrefix = BasicTokenPrefix<std::uint64_t>;

/// Whether the bytes that `prefix` (a BasicTokenPrefix, or a reader of
/// further bytes with the same before() and kMaxBack) reads before `p`,
/// from `end` places back (1: the byte just before `p`) and on back, are
/// `tail` written in any case: a label's last letters before its colon.
template <typename Prefix>
bool prefix_ends_in(const Prefix& prefix, const unsigned char* p, int end, std::string_view tail) {
    const int length = static_cast<int>(tail.size());
    if (end + length - 1 > Prefix::kMaxBack) return false;
    for (int i = 0; i < length; ++i) {
        const auto c = static_cast<char>(prefix.before(p, end + length - 1 - i));
        if (ascii_lower(c) != tail[static_cast<std::size_t>(i)]) return false;
    }
    return true;
}

/// The LongTokenPrefix of a call whose token starts at st.tok, from the
/// eight bytes the call before kept in st.flags (low half) and st.depth
/// (high half): fields the lexers that use it have no other use for.
inline LongTokenPrefix long_token_prefix(const LexState& st) {
    return LongTokenPrefix(st.tok, std::uint64_t{static_cast<unsigned>(st.depth)} << 32 | st.flags);
}

/// Keeps the eight bytes before st.tok for the next call (long_token_prefix()).
inline void keep_long_token_prefix(LexState& st, const LongTokenPrefix& prefix) {
    const std::uint64_t saved = prefix.saved_at(st.tok);
    st.flags = static_cast<unsigned>(saved);
    st.depth = static_cast<int>(static_cast<unsigned>(saved >> 32));
}

}  // namespace iocscan::detail
