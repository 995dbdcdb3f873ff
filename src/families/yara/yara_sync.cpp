// The argument is in docs/scale-out.md ("YARA"); in short, a point x is
// certified when
//   - byte x-1 is a line feed and byte x-2 no space: in every context of a
//     rule but the head, the line feed starts a token of its own, where a
//     rule that started more than kMaxYaraRule bytes before is dropped;
//   - no rule head that started before the window [x - kWindow, x) holds the
//     line feed (its bytes would all be spaces, word bytes and one colon);
//   - every rule that may be open at x-1 started in the window at an opener
//     with a space, a ">" (or nothing) before it, and the YARA scanner started
//     fresh there has left that rule by x. A scanner enters each such
//     opener, if it does, in the same state, so this covers the whole-file
//     scan whatever it did before; a rule it was in there only ends sooner.
// Then the whole-file scanner is outside every rule after the line feed with
// nothing glued, exactly like a scanner started at x.
#include "families/yara/yara_sync.hpp"

#include "families/yara/yara_keyword_lead.hpp"
#include "families/yara/yara_limits.hpp"
#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"
#include "simd/skip_scan.hpp"
#include "source/file_read.hpp"
#include "families/rule_ids.hpp"
#include "core/rule_runner.hpp"
#include "families/rule_table.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/stat.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace iocscan::detail {
namespace {

/// A rule still open at a line feed started less than kMaxYaraRule bytes
/// before it.
constexpr std::uint64_t kWindow = kMaxYaraRule + 16;
/// An opener that starts this little before the window may reach into it.
constexpr std::uint64_t kOpenerSlack = 8;
constexpr std::size_t kBlock = 64 * 1024;
/// Bytes read and simulated after which the search gives up: the file's
/// start is then the certified point (adversarial input only).
constexpr std::uint64_t kBudget = 32 * kWindow;

/// The idle tokens that may take the scanner into a rule (its prelude or
/// head) when no byte is glued before them (grammar/yara/yara.re, idle):
/// after a byte of kKeywordLead (yara_keyword_lead.hpp).
constexpr std::array<std::string_view, 7> kOpeners{"rule", "import", "include", "private", "global", "//", "/*"};
constexpr ByteSet kOpenerStart{"ripg/"};
constexpr auto kKeywordLead = byte_table<bool>(is_yara_keyword_lead);

class SyncSearch {
public:
    SyncSearch(int fd, std::uint64_t size) : fd_(fd), size_(size), sim_(yara_rule(), TypeSet().add(Type::yara), nullptr) {}

    /// See yara_sync_point().
    bool run(std::uint64_t begin, std::uint64_t& start) {
        const std::uint64_t end = std::min(begin, size_);
        std::uint64_t certified_at = 0;
        if (!find_certified(end, start, certified_at)) return false;
        if (certified_at >= start) return true;   // the scan from `start` is in step there
        // The certified point is before `start`. The YARA scanner run from
        // there is the whole-file one: keep `start` if the one from `start`
        // gets in step with it by `end` (the catch-up argument of
        // threads/segment_sync.hpp); else start at the last line start before
        // `start` where it is outside every rule with nothing glued.
        return catch_up(certified_at, start, end);
    }

    /// Moves the bytes read last (without their sentinel) to `held`.
    void hand_over(HeldBytes& held) {
        buffer_.pop_back();
        held.from = buffer_from_;
        held.bytes = std::move(buffer_);
        buffer_.assign(1, '\0');
    }

private:
    /// The last certified line start at or before `end` (0 after kBudget
    /// of work without one: the file's start is always in step).
    bool find_certified(std::uint64_t end, std::uint64_t start, std::uint64_t& found) {
        std::uint64_t limit = end;
        for (;;) {
            std::uint64_t x = 0;
            if (!last_line_start(limit, x)) return false;
            std::uint64_t retry = 0;
            bool certified = x == 0;
            if (!certified && !certify(x, start, certified, retry)) return false;
            if (certified || work_ > kBudget) {
                found = certified ? x : 0;
                return true;
            }
            limit = retry;   // < x: the search moves back
        }
    }

    /// See run(): runs the YARA scanner from `truth` (in step with the
    /// whole-file scan) to `end`, and one from `start` beside it, in slices
    /// that end after a line feed where they can. Reads in blocks, YARA only.
    bool catch_up(std::uint64_t truth, std::uint64_t& start, std::uint64_t end) {
        RuleRunner& whole = sim_;
        RuleRunner from_start(yara_rule(), TypeSet().add(Type::yara), nullptr);
        whole.restart(truth);
        from_start.restart(start);
        std::uint64_t line_start = truth;   // the last one where `whole` is outside every rule
        std::size_t slice = 512;            // most scanners are in step after a few bytes
        for (std::uint64_t p = truth; p < end;) {
            const std::uint64_t stop = p < start ? start : end;
            std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(p < start ? 4096 : slice, stop - p));
            if (!read(p, p + n)) return false;
            if (held() != n) break;   // the file shrank
            if (p < start) {
                // End the slice after its last line feed, to test a line start.
                const void* lf = memrchr(buffer_.data(), '\n', n);
                if (lf != nullptr) n = static_cast<std::size_t>(static_cast<const char*>(lf) - buffer_.data()) + 1;
            }
            std::memcpy(whole.make_room(n), buffer_.data(), n);
            whole.commit_and_run(n);
            if (p >= start) {
                std::memcpy(from_start.make_room(n), buffer_.data(), n);
                from_start.commit_and_run(n);
                slice = std::min(slice * 2, kBlock);
            }
            p += n;
            if (p < start && buffer_[n - 1] == '\n' && yara_outside_rule(whole.state_of(0).cond)) line_start = p;
            if (p >= start && whole.state_of(0) == from_start.state_of(0)) return true;
        }
        start = line_start;
        return true;
    }

    static std::vector<const RuleSpec*> yara_rule() {
        for (const RuleSpec& spec : builtin_rules()) {
            if (spec.id == kRuleYara) return {&spec};
        }
        return {};
    }

    /// Reads [from, end) into buffer_ (fewer bytes if the file shrank), and
    /// a NUL after them: the generated scanner reads the byte at its limit
    /// (the sentinel the chunk buffer keeps for it too, core/chunk_buffer.hpp).
    bool read(std::uint64_t from, std::uint64_t end) {
        buffer_.resize(static_cast<std::size_t>(end - from) + 1);
        std::size_t got = 0;
        if (!read_fully(fd_, buffer_.data(), buffer_.size() - 1, from, got)) return false;
        buffer_.resize(got + 1);
        buffer_[got] = '\0';
        buffer_from_ = from;
        work_ += got;
        return true;
    }
    /// The file's bytes buffer_ holds (its sentinel not counted).
    std::size_t held() const { return buffer_.size() - 1; }
    /// Byte `p` of the file, which must be in buffer_ (NUL past a short read).
    unsigned char at(std::uint64_t p) const {
        const std::uint64_t i = p - buffer_from_;
        return i < held() ? static_cast<unsigned char>(buffer_[static_cast<std::size_t>(i)]) : 0;
    }

    /// The last x <= limit with a line feed at x-1, no space at x-2 (or
    /// x == 1) and no comment opened in the line before (ends_in_comment()),
    /// or 0. Reads backward in blocks.
    bool last_line_start(std::uint64_t limit, std::uint64_t& x) {
        for (std::uint64_t end = limit; end > 0;) {
            const std::uint64_t from = end - std::min<std::uint64_t>(end, kBlock);
            // One byte more before the block, for byte x-2.
            if (!read(from - std::min<std::uint64_t>(from, 1), end)) return false;
            for (std::uint64_t i = end; i > from; --i) {
                if (at(i - 1) == '\n' && (i < 2 || !is_yara_space(at(i - 2))) &&
                    !ends_in_comment(i - 1)) {
                    x = i;
                    return true;
                }
            }
            end = from;
        }
        x = 0;
        return true;
    }

    /// Whether the line that ends at the line feed `lf` holds a // or /*
    /// with a space before it, as far as buffer_ holds the line. A comment
    /// there could open a prelude that lasts to the line's end: the line
    /// start after it would not be certified (a search would then move
    /// back one line at a time, through a rule whose lines end in
    /// comments).
    bool ends_in_comment(std::uint64_t lf) const {
        for (std::uint64_t p = lf; p > buffer_from_ + 1 && at(p - 1) != '\n';) {
            --p;
            if (at(p) == '/' && (at(p + 1) == '/' || at(p + 1) == '*') && is_yara_keyword_lead(at(p - 1))) {
                return true;
            }
        }
        return false;
    }

    /// Whether x is certified for the whole-file scan and for a scan started
    /// at `start`; if not, `retry` is where to look before.
    bool certify(std::uint64_t x, std::uint64_t start, bool& certified, std::uint64_t& retry) {
        const std::uint64_t window = x - std::min(x, kWindow);
        const std::uint64_t first = window - std::min(window, kOpenerSlack);   // first candidate
        if (!read(first - std::min<std::uint64_t>(first, 1), x)) return false;
        certified = false;
        if (window > 0 && head_could_span(window, x - 1)) {
            retry = window;
            return true;
        }
        // Latest first: an open rule sends the search before its start.
        collect_candidates(first, x, start);
        for (auto t = candidates_.rbegin(); t != candidates_.rend(); ++t) {
            if (!leaves_rule_before(*t, x)) {
                retry = *t;
                return true;
            }
        }
        certified = true;
        return true;
    }

    /// Whether [from, to) could all lie inside one rule head token
    /// (grammar/yara/yara.re, head): spaces, word bytes and at most one colon.
    bool head_could_span(std::uint64_t from, std::uint64_t to) const {
        bool colon = false;
        for (std::uint64_t p = from; p < to; ++p) {
            const unsigned char c = at(p);
            if (c == ':') {
                if (colon) return false;
                colon = true;
            } else if (!is_word(c) && !is_yara_space(c)) {
                return false;
            }
        }
        return true;
    }

    /// candidates_ = the positions in [first, x) of openers with a space,
    /// a ">" or nothing before them, and `start` if it is in there, in order.
    void collect_candidates(std::uint64_t first, std::uint64_t x, std::uint64_t start) {
        candidates_.clear();
        const auto* bytes = reinterpret_cast<const unsigned char*>(buffer_.data());
        const unsigned char* const end = bytes + std::min<std::uint64_t>(x - buffer_from_, held());
        const unsigned char* p = bytes + (first - buffer_from_);
        const auto found = [&](const unsigned char* at) { candidates_.push_back(buffer_from_ + static_cast<std::uint64_t>(at - bytes)); };
        if (first == 0 && p < end) {   // the file's start: nothing is glued before it
            if (opener_at(p, end)) found(p);
            ++p;
        }
#if defined(__SSE2__)
        // 16 positions at a time: an opener's first byte after a space.
        const __m128i space = _mm_set1_epi8(' ');
        while (end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1));
            __m128i first_byte = _mm_cmpeq_epi8(v, _mm_set1_epi8('/'));
            for (const char c : {'r', 'i', 'p', 'g'}) first_byte = _mm_or_si128(first_byte, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
            // A keyword lead: ' ', 9..13 ('\t' to '\r') or '>'.
            const __m128i spaced = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(before, space), skip::vin_range(before, '\t', '\r' - '\t')),
                                                _mm_cmpeq_epi8(before, _mm_set1_epi8('>')));
            for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(first_byte, spaced))); mask != 0;
                 mask &= mask - 1) {
                const unsigned char* at = p + __builtin_ctz(mask);
                if (opener_at(at, end)) found(at);
            }
            p += 16;
        }
#endif
        for (; p < end; ++p) {
            // One test for most bytes: an opener's first byte after a space.
            if ((kOpenerStart.has[p[0]] & kKeywordLead[p[-1]]) && opener_at(p, end)) found(p);
        }
        if (start >= first && start < x) {
            const auto at = std::lower_bound(candidates_.begin(), candidates_.end(), start);
            if (at == candidates_.end() || *at != start) candidates_.insert(at, start);
        }
    }

    static bool opener_at(const unsigned char* p, const unsigned char* end) {
        for (const std::string_view word : kOpeners) {
            if (static_cast<std::size_t>(end - p) >= word.size() && std::memcmp(p, word.data(), word.size()) == 0) return true;
        }
        return false;
    }

    /// Whether the YARA scanner started fresh at t is outside every rule it
    /// entered by x: run on buffer_ in place (it holds [t, x)) in growing
    /// slices, the push model resuming it where each stopped.
    bool leaves_rule_before(std::uint64_t t, std::uint64_t x) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(buffer_.data());
        const unsigned char* const from = bytes + (t - buffer_from_);
        const unsigned char* const end = bytes + (x - buffer_from_);
        LexState st;
        st.cur = st.mar = st.tok = st.lim = from;
        found_.clear();
        CandidateSink sink(TypeSet().add(Type::yara), found_, dropped_);
        sink.set_origin(bytes, buffer_from_);
        std::size_t slice = 64;   // most rules entered at an opener end within a line
        while (st.lim < end) {
            const std::size_t n = std::min<std::size_t>(slice, static_cast<std::size_t>(end - st.lim));
            st.lim += n;
            work_ += n;
            if (yara_->lex(st, sink) == LexStatus::end) return false;   // not before x: be safe
            // Outside a rule, at a token after the one at t.
            if (yara_outside_rule(st.cond) && st.tok > from) return true;
            slice = std::min(slice * 2, kBlock);
        }
        return false;
    }

    int fd_;
    std::uint64_t size_;
    RuleRunner sim_;
    std::vector<char> buffer_ = std::vector<char>(1, '\0');   ///< bytes read, then a NUL
    std::uint64_t buffer_from_ = 0;
    std::vector<std::uint64_t> candidates_;
    const RuleSpec* yara_ = yara_rule().front();
    std::vector<Candidate> found_;   ///< what the simulations find (unused)
    std::uint64_t dropped_ = 0;
    std::uint64_t work_ = 0;
};

}  // namespace

bool yara_sync_point(int fd, std::uint64_t begin, std::uint64_t& start, HeldBytes* held) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) return false;
    SyncSearch search(fd, static_cast<std::uint64_t>(info.st_size));
    if (!search.run(begin, start)) return false;
    if (held != nullptr) search.hand_over(*held);
    return true;
}

}  // namespace iocscan::detail
