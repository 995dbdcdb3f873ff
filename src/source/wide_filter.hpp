// The --wide input filter: UTF-16LE ("wide") text as found in Windows
// binaries and memory dumps reads as ASCII, while the strings of a dump stay
// apart. A Boost.Iostreams input filter, so it works on any source without
// holding the input in memory.
//
// It drops only the NUL high byte of a wide character: a NUL right after a
// byte c that follows a NUL (or starts the input, or follows its byte-order
// mark), when the next two bytes are again a character and a NUL (or the
// input ends). Every other NUL is kept and ends a string as any separator
// does: the terminator pair of a wide string ("i\0\0\0"), the NUL after an
// ASCII string ("ASCII\0w\0i\0" keeps "ASCII" apart), and the high byte
// before ASCII text that follows a wide string ("w\0i\0ASCII"). Every other
// byte passes as it is. Each decision looks at two bytes on either side, so
// the output does not depend on how the input is cut into reads.
//
// A filter in `detect` mode does this only when the input starts with the
// UTF-16LE byte-order mark (FF FE); otherwise it passes everything on.
// WideOffsets (shared with scan_fd) records where each output byte stood.
#pragma once

#include "source/wide_offsets.hpp"

#include <boost/iostreams/concepts.hpp>
#include <boost/iostreams/read.hpp>

#include <algorithm>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <memory>
#include <string>

namespace iocscan::detail {

class DropNulFilter : public boost::iostreams::multichar_input_filter {
public:
    enum class Mode { wide, detect };

    DropNulFilter(Mode mode, std::shared_ptr<WideOffsets> offsets)
        : mode_(mode), offsets_(std::move(offsets)) {}

    template <typename Source>
    std::streamsize read(Source& source, char* out, std::streamsize n) {
        for (;;) {
            if (passing_ && pos_ == pending_.size()) return read_ready(source, out, n);
            bool source_empty = false;   // the source has nothing for now
            if (!ended_ && pending_.size() - pos_ <= kLookahead) {
                pending_.erase(0, pos_);
                pos_ = 0;
                const std::size_t old = pending_.size();
                pending_.resize(old + static_cast<std::size_t>(std::max<std::streamsize>(n, 4096)));
                const std::streamsize got =
                    read_ready(source, pending_.data() + old, static_cast<std::streamsize>(pending_.size() - old));
                pending_.resize(old + static_cast<std::size_t>(std::max<std::streamsize>(got, 0)));
                ended_ = got < 0;
                source_empty = got == 0;
            }
            const std::streamsize produced = emit(out, n);
            if (produced > 0) return produced;
            if (ended_ && pos_ == pending_.size()) return -1;
            // Nothing to pass on yet (dropped NULs, or a verdict that needs
            // more bytes): read on, unless the source has nothing now, which
            // 0 tells the stream.
            if (source_empty) return 0;
        }
    }

private:
    /// At most `n` bytes of what the source (the chain's next stream buffer)
    /// holds, after at most one refill; -1 at its end. Not sgetn(n): it refills
    /// until it has n bytes, and when a refill throws (a damaged compressed
    /// stream), the bytes it had copied already would be lost with it.
    template <typename Source>
    static std::streamsize read_ready(Source& source, char* out, std::streamsize n) {
        std::streamsize ready = source.in_avail();
        if (ready == 0) {
            if (Source::traits_type::eq_int_type(source.sgetc(), Source::traits_type::eof())) return -1;
            ready = source.in_avail();
        }
        if (ready <= 0) return -1;
        return source.sgetn(out, std::min(ready, n));
    }

    /// Bytes a verdict needs after the byte: its NUL, a character, a NUL.
    static constexpr std::size_t kLookahead = 3;
    /// "Before the first byte": a string may start here.
    static constexpr int kStart = -1;

    /// Moves the bytes whose verdict is known from pending_ to `out`.
    std::streamsize emit(char* out, std::streamsize n) {
        std::streamsize produced = 0;
        if (!decided_) {
            if (pending_.size() < 2 && !ended_) return 0;
            decided_ = true;
            const bool bom = pending_.size() >= 2 && static_cast<unsigned char>(pending_[0]) == 0xFF &&
                             static_cast<unsigned char>(pending_[1]) == 0xFE;
            passing_ = mode_ == Mode::detect && !bom;
            if (!passing_) offsets_->set_active();
            if (bom && !passing_) mark_left_ = 2;
        }
        if (passing_) {
            for (; pos_ < pending_.size() && produced < n; ++pos_) out[produced++] = pending_[pos_];
            return produced;
        }
        for (; mark_left_ > 0 && pos_ < pending_.size() && produced < n; --mark_left_, ++pos_) {
            // The mark's two bytes pass; the text after it starts a string.
            out[produced++] = pending_[pos_];
            offsets_->append(0, 1);
            if (mark_left_ == 1) before_ = kStart;
        }
        if (mark_left_ > 0) return produced;
        // Each byte c: passed on, and its NUL high byte dropped when c
        // follows a NUL (or a string start) and the two bytes after that NUL
        // are a character and a NUL (or the end). Locals, and the offset
        // bits gathered 64 at a time, keep this loop in registers.
        const auto* in = reinterpret_cast<const unsigned char*>(pending_.data()) + pos_;
        const auto* const end = reinterpret_cast<const unsigned char*>(pending_.data()) + pending_.size();
        // Bytes whose verdict is known: three after them are read (or the end).
        const auto* const decided_end = ended_ ? end : (end - in > 3 ? end - 3 : in);
        int before = before_;
        std::uint64_t bits = 0;
        unsigned count = 0;
        while (in < decided_end && produced < n) {
#if defined(__SSE2__)
            // Inside a wide string: eight characters with their NULs at once,
            // when all eight NULs are dropped (the pair after them is a
            // character and a NUL).
            if ((before == 0 || before == kStart) && decided_end - in >= 18 && n - produced >= 8 && count <= 56) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
                const int nul = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128()));
                if (nul == 0xAAAA && in[16] != 0 && in[17] == 0) {
                    _mm_storel_epi64(reinterpret_cast<__m128i*>(out + produced), _mm_packus_epi16(v, v));
                    produced += 8;
                    bits |= std::uint64_t{0xFF} << count;
                    before = 0;
                    in += 16;
                    if ((count += 8) == 64) {
                        offsets_->append(bits, count);
                        bits = 0;
                        count = 0;
                    }
                    continue;
                }
            }
#endif
            const unsigned char c = *in;
            out[produced++] = static_cast<char>(c);
            bool dropped = false;
            if (c != 0 && (before == 0 || before == kStart) && end - in > 2 && in[1] == 0 && in[2] != 0) {
                dropped = end - in == 3 || in[3] == 0;
            }
            bits |= std::uint64_t{dropped} << count;
            before = dropped ? 0 : c;
            in += dropped ? 2 : 1;
            if (++count == 64) {
                offsets_->append(bits, count);
                bits = 0;
                count = 0;
            }
        }
        if (count != 0) offsets_->append(bits, count);
        before_ = before;
        pos_ = static_cast<std::size_t>(in - reinterpret_cast<const unsigned char*>(pending_.data()));
        return produced;
    }

    Mode mode_;
    std::shared_ptr<WideOffsets> offsets_;
    std::string pending_;   ///< bytes read and not passed on yet, from pos_
    std::size_t pos_ = 0;
    bool ended_ = false;    ///< the source is at its end
    bool decided_ = false;  ///< the byte-order mark was looked for
    bool passing_ = false;  ///< detect mode without a mark: bytes pass as they are
    int mark_left_ = 0;     ///< bytes of the byte-order mark still to pass
    int before_ = kStart;   ///< the byte before pending_[pos_] (kStart: a string starts)
};

}  // namespace iocscan::detail
