// The bytes before a token, for rules whose verdict depends on them (a
// dotted run after "v" is a version, an IPv6 run after "-" a date, a URL
// host after "[@]" an e-mail domain).
//
// The driver may drop the bytes before a lexer's token start between two
// calls, so the lexer keeps the four bytes before it in a LexState field
// when it returns (saved_at()) and reads them from there when a token starts
// within four bytes of where the call began. A field of 0 (a fresh state)
// reads as NULs, i.e. "nothing before".
#pragma once

namespace iocscan::detail {

class TokenPrefix {
public:
    /// How far back before() reads: the bytes of an unsigned.
    static constexpr int kMaxBack = 4;

    /// `origin`: the first byte the lexer may read in this call (its token
    /// start on entry); `saved`: saved_at(origin) from the call before.
    TokenPrefix(const unsigned char* origin, unsigned saved) : origin_(origin), saved_(saved) {}

    /// The byte `back` (1 to kMaxBack) places before `p` (>= origin); 0 for none.
    unsigned char before(const unsigned char* p, int back) const {
        const auto distance = p - origin_;
        if (distance >= back) return p[-back];
        // Bytes before origin: saved holds origin[-4] << 24 | ... | origin[-1].
        return static_cast<unsigned char>(saved_ >> (8 * (back - distance - 1)));
    }

    /// The value to keep for the next call, whose origin is `p` (>= origin).
    unsigned saved_at(const unsigned char* p) const {
        return unsigned{before(p, 4)} << 24 | unsigned{before(p, 3)} << 16 | unsigned{before(p, 2)} << 8 |
               before(p, 1);
    }

private:
    const unsigned char* origin_;
    unsigned saved_;
};

}  // namespace iocscan::detail
