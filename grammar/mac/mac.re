// mac (opt-in): MAC-48 addresses in the three ways they are written:
// "00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e" and Cisco's "001a.2b3c.4d5e";
// one separator throughout, hex digits in any case.
//
// An address stands alone: the scanner consumes each maximal run of word
// characters and the separators and path characters around them
// (: . - / \ @ # % & ? + ~) once, and reports an address only when it is the
// whole run, but for trailing sentence punctuation. So nothing comes out of
// an IPv6 run ("fe80::00:1a:2b:3c:4d:5e"), a longer colon list (certificate
// fingerprints, 20 or 32 pairs), a longer hex run or word, a URL path or a
// file name. "=" ends a run, so "smac=00:1a:2b:3c:4d:5e" (CEF, key=value
// logs) reports its address. The reporting rule and the run rule accept the
// same bytes, so no byte is examined twice.
#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"
#include "simd/run_start_skip.hpp"

namespace iocscan::detail {
namespace {

/// A dotted address written only with decimal digits is far more often a
/// version or build number ("2019.0101.0001") than a MAC.
bool has_hex_letter(const unsigned char* begin, const unsigned char* end) {
    for (; begin != end; ++begin) {
        if ((*begin | 0x20) >= 'a' && (*begin | 0x20) <= 'f') return true;
    }
    return false;
}

/// The address without the sentence punctuation after it.
const unsigned char* address_end(const unsigned char* end) {
    while (end[-1] == '.' || end[-1] == ':' || end[-1] == '!' || end[-1] == '?') --end;
    return end;
}

}  // namespace

/*!include:re2c "common.re" */

LexStatus lex_mac(LexState& st, CandidateSink& sink) {
/*!include:re2c "run_start_resume.re" */
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::MacStarts>(st.cur, st.lim, st.flags);
/*!include:re2c "run_start_next_token.re" */
        /*!re2c
            run       = word | [:.\-/\\@#%&?+~];
            pair      = hex{2};
            quad      = hex{4};
            mac_colon = pair (":" pair){5};
            mac_dash  = pair ("-" pair){5};
            mac_dot   = quad "." quad "." quad;

            // Listed first: an address and its punctuation tie with run+
            // below, and the first rule wins the tie. A trailing colon after
            // a colon list may be a wrapped fingerprint: not taken.
            (mac_colon [.!?]* | mac_dash [.:!?]*) {
                if (st.token_fits()) sink.add(Type::mac, kRuleMac, st.tok, address_end(st.cur));
                continue;
            }
            mac_dot [.:!?]* {
                const unsigned char* end = address_end(st.cur);
                if (st.token_fits() && has_hex_letter(st.tok, end)) sink.add(Type::mac, kRuleMac, st.tok, end);
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
