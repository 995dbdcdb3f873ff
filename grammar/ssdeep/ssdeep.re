// ssdeep (opt-in): context-triggered piecewise hashes, "blocksize:hash:hash"
// as ssdeep prints them ("96:s4Ud1Lj96tHHlcB:s4Ud1LjktHHG"): a block size of
// 3 * 2^n (3 to 3 * 2^30, ssdeep's SSDEEP_MIN_BLOCKSIZE and its 32-bit
// limit), a first hash of 1 to 64 base64 characters (SPAMSUM_LENGTH) and a
// second of 1 to 32 (SPAMSUM_LENGTH / 2).
//
// A hash stands alone: the scanner consumes each maximal run of base64
// characters, ":" and the path characters around them (_ . - \ @ # % & ? ~)
// once, and reports a hash only when it is the whole run, but for trailing
// sentence punctuation. So nothing comes out of a longer colon run (IPv6,
// MAC, fingerprints), a URL, a longer hash or a file name; a run of digits
// and colons ("12:34:56", "3:14:15") is a time, never a hash. "=" ends a
// run (key=value logs), and ssdeep's own output ('96:...:...,"/path/file"')
// ends it at the comma.
#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"
#include "simd/run_start_skip.hpp"

namespace iocscan::detail {
namespace {

/// Whether the hashes after the block size hold any byte but digits and
/// colons: times ("12:34:56") and version triples hold none.
bool has_non_digit(const unsigned char* begin, const unsigned char* end) {
    for (; begin != end; ++begin) {
        if ((*begin < '0' || *begin > '9') && *begin != ':') return true;
    }
    return false;
}

}  // namespace

/*!include:re2c "common.re" */

LexStatus lex_ssdeep(LexState& st, CandidateSink& sink) {
/*!include:re2c "run_start_resume.re" */
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::SsdeepStarts>(st.cur, st.lim, st.flags);
/*!include:re2c "run_start_next_token.re" */
        /*!re2c
            b64   = [A-Za-z0-9+/];
            run   = b64 | [_:.\-\\@#%&?~];
            block = "3" | "6" | "12" | "24" | "48" | "96" | "192" | "384" | "768" | "1536" | "3072"
                  | "6144" | "12288" | "24576" | "49152" | "98304" | "196608" | "393216" | "786432"
                  | "1572864" | "3145728" | "6291456" | "12582912" | "25165824" | "50331648"
                  | "100663296" | "201326592" | "402653184" | "805306368" | "1610612736"
                  | "3221225472";
            hash  = block ":" b64{1,64} ":" b64{1,32};

            // Listed first: a hash and its punctuation tie with run+ below,
            // and the first rule wins the tie.
            hash [.!?]* {
                const unsigned char* end = st.cur;
                while (end[-1] == '.' || end[-1] == '!' || end[-1] == '?') --end;
                if (st.token_fits() && has_non_digit(st.tok, end)) sink.add(Type::ssdeep, kRuleSsdeep, st.tok, end);
                continue;
            }
            run+       { continue; }
            ([^]\run)+ { continue; }
            $          { return LexStatus::end; }
            *          { continue; }
        */
    }
}

}  // namespace iocscan::detail
