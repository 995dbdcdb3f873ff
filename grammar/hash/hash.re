// md5, sha1, sha256, sha512: exactly 32, 40, 64 or 128 hex digits, not part
// of a longer hex run (spec, hashes). The scanner consumes each maximal run
// of hex digits once; a run of one of the four lengths is a hash, whatever
// bytes surround it ("md5:<md5>", "VirusShare_<md5>", "sample<md5>.bin"),
// except "0x" ("0x<40 hex>" is an Ethereum address, "0x<64 hex>" a 256-bit
// constant): a longer run, or one glued to "0x", is nothing. Because every
// run is consumed whole, no byte is examined twice; a hash run the skip has
// already measured is reported without the DFA (on hash lists the DFA
// re-reading each run cost more than the rest of the family). A run after a
// label that names another number is none either: a Gerrit "Change-Id: I"
// and a certificate's "Serial Number:" (families/hash/hash_labels.hpp).
#include "core/candidate_sink.hpp"
#include "families/hash/hash_labels.hpp"
#include "families/rule_ids.hpp"
#include "simd/skip_scan.hpp"

namespace iocscan::detail {
namespace {

/// The hash a hex run of 32, 40, 64 or 128 digits is.
Type hash_type(std::ptrdiff_t length) {
    switch (length) {
        case 32: return Type::md5;
        case 40: return Type::sha1;
        case 64: return Type::sha256;
        default: return Type::sha512;
    }
}

/// Reports the token [st.tok, st.cur): a whole hex run of a hash's length,
/// unless its label names a number of another kind.
void add_hash(const LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix) {
    if (!st.token_fits() || is_gerrit_change_id(prefix, st.tok) || is_serial_number(prefix, st.tok)) return;
    sink.add(hash_type(st.cur - st.tok), kRuleHash, st.tok, st.cur);
}

}  // namespace

/*!include:re2c "common.re" */

namespace {

LexStatus lex_hash_runs(LexState& st, CandidateSink& sink, const LongTokenPrefix& prefix) {
    unsigned char yych;
    // st.flags set: the skip stopped at lim inside a token that reports
    // nothing (a hex run of more than 128 bytes, simd/skip_scan.hpp); no
    // DFA state is pending, the skip goes on with it.
    if (st.flags != 0) {
        if (st.cur == st.lim) return LexStatus::end;   // no new bytes: end of input
        goto next_token;
    }
    if (st.state < 0) {
        // Parked at lim between tokens (below) and resumed without new
        // bytes: the input has ended.
        if (st.cur == st.lim) return LexStatus::end;
        // The first token goes through the skip too: it may be a giant hex run.
        // (A DFA the driver restarted inside an overlong token resumes as it was.)
        if (!st.overlong) goto next_token;
    }
    /*!getstate:re2c*/
    for (;;) {
    next_token:
        // Passes over text that holds no 32-digit hex run, and hex runs
        // longer than 128 bytes (simd/skip_scan.hpp).
        {   // (a block: getstate jumps into the DFA below must not cross `found`)
            const skip::HashCandidate found = skip::to_hash_candidate(st.cur, st.lim, st.flags);
            st.cur = found.at;
            st.start_token();
            if (found.hash_end != nullptr) {
                st.cur = found.hash_end;
                add_hash(st, sink, prefix);
                continue;
            }
        }
        if (st.flags != 0) return LexStatus::waiting;
        if (st.cur == st.lim) {
            // Everything buffered is passed over: wait between tokens, so that
            // the next bytes go through the skip as well.
            st.state = -1;
            return LexStatus::waiting;
        }
        /*!re2c
            ("0" [xX])+ hex+ { continue; }
            hex{32} | hex{40} | hex{64} | hex{128} { add_hash(st, sink, prefix); continue; }
            hex+     { continue; }
            ([^]\hex)+ { continue; }
            $        { return LexStatus::end; }
            *        { continue; }
        */
    }
}

}  // namespace

LexStatus lex_hash(LexState& st, CandidateSink& sink) {
    // st.depth, st.cond: the eight bytes before the token start (a hash's
    // label), which the driver may drop before the next call; st.flags is
    // the skip's.
    const LongTokenPrefix prefix(st.tok, std::uint64_t{static_cast<unsigned>(st.cond)} << 32 |
                                             static_cast<unsigned>(st.depth));
    const LexStatus status = lex_hash_runs(st, sink, prefix);
    const std::uint64_t saved = prefix.saved_at(st.tok);
    st.depth = static_cast<int>(static_cast<unsigned>(saved));
    st.cond = static_cast<int>(static_cast<unsigned>(saved >> 32));
    return status;
}

}  // namespace iocscan::detail
