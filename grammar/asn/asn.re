// asn (opt-in): autonomous system numbers as analysts write them: "AS13335",
// "ASN13335", "ASN 13335"; "AS"/"ASN" upper case only, a number from 1 to
// 4294967295 (32-bit ASNs, RFC 6793) without leading zeros.
//
// "AS 13335" (a space after "AS") is not taken: in upper-case prose it is
// the English word ("SUCH AS 2 ITEMS"); "as13335" in lower case is mostly a
// host name. The id must stand alone as a word: the scanner consumes each
// maximal run of word characters once, so an id glued to a word before
// ("xAS13335", a hash "…8427eAS13335") or after ("AS13335x", "AS13335_1")
// reports nothing, and no byte is examined twice but for the few bytes of a
// failed id that re2c reads again as words.
#include "core/candidate_sink.hpp"
#include "families/rule_ids.hpp"
#include "simd/run_start_skip.hpp"

#include <cstdint>

namespace iocscan::detail {
namespace {

/// The number ending at `end` (at most ten digits, from the grammar) fits 32 bits.
bool fits_32_bits(const unsigned char* end) {
    const unsigned char* begin = end;
    while (begin[-1] >= '0' && begin[-1] <= '9') --begin;
    std::uint64_t number = 0;
    for (; begin != end; ++begin) number = number * 10 + static_cast<unsigned>(*begin - '0');
    return number <= 0xffffffffu;
}

}  // namespace

/*!include:re2c "common.re" */

LexStatus lex_asn(LexState& st, CandidateSink& sink) {
/*!include:re2c "run_start_resume.re" */
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::AsnStarts>(st.cur, st.lim, st.flags);
/*!include:re2c "run_start_next_token.re" */
        /*!re2c
            number = [1-9] digit{0,9};
            asn    = "AS" "N"? number | "ASN " number;

            asn {
                if (st.token_fits() && fits_32_bits(st.cur)) sink.add(Type::asn, kRuleAsn, st.tok, st.cur);
                continue;
            }
            asn word+   { continue; }
            word+       { continue; }
            ([^]\word)+ { continue; }
            $           { return LexStatus::end; }
            *           { continue; }
        */
    }
}

}  // namespace iocscan::detail
