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

#include "lib/wide_offsets.hpp"

#include <boost/iostreams/concepts.hpp>
#include <boost/iostreams/read.hpp>

#include <algorithm>
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
            if (passing_ && pos_ == pending_.size()) return boost::iostreams::read(source, out, n);
            bool source_empty = false;   // the source has nothing for now
            if (!ended_ && pending_.size() - pos_ <= kLookahead) {
                pending_.erase(0, pos_);
                pos_ = 0;
                const std::size_t old = pending_.size();
                pending_.resize(old + static_cast<std::size_t>(std::max<std::streamsize>(n, 4096)));
                const std::streamsize got = boost::iostreams::read(
                    source, pending_.data() + old, static_cast<std::streamsize>(pending_.size() - old));
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
    /// Bytes a NUL's verdict needs after it.
    static constexpr std::size_t kLookahead = 2;
    /// "Before the first byte": a string may start here.
    static constexpr int kStart = -1;

    /// The byte `ahead` places after pending_[i], or -2 past the end of input.
    int peek(std::size_t i, std::size_t ahead) const {
        const std::size_t at = i + ahead;
        return at < pending_.size() ? static_cast<unsigned char>(pending_[at]) : -2;
    }

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
        while (pos_ < pending_.size() && produced < n) {
            const int c = static_cast<unsigned char>(pending_[pos_]);
            if (mark_left_ > 0) {
                // The mark's two bytes pass; the text after it starts a string.
                out[produced++] = static_cast<char>(c);
                offsets_->append();
                ++pos_;
                if (--mark_left_ == 0) before1_ = before2_ = kStart;
                continue;
            }
            if (c == 0) {
                if (!ended_ && pending_.size() - pos_ <= kLookahead) break;   // verdict needs more bytes
                const int next1 = peek(pos_, 1), next2 = peek(pos_, 2);
                const bool high_byte = before1_ > 0 && (before2_ == 0 || before2_ == kStart) && next1 > 0 &&
                                       (next2 == 0 || next2 == -2);
                if (high_byte) {
                    offsets_->mark_last();
                } else {
                    out[produced++] = 0;
                    offsets_->append();
                }
            } else {
                out[produced++] = static_cast<char>(c);
                offsets_->append();
            }
            before2_ = before1_;
            before1_ = c;
            ++pos_;
        }
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
    int before1_ = kStart;  ///< the byte before pending_[pos_] (kStart: none)
    int before2_ = kStart;  ///< the byte before that
};

}  // namespace iocscan::detail
