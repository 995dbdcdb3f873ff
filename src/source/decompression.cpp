#include "source/decompression.hpp"

#include <boost/iostreams/read.hpp>

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <ios>
#include <memory>
#include <new>
#include <optional>
#include <poll.h>
#include <unistd.h>
#include <vector>

namespace iocscan::detail {
namespace {

namespace io = boost::iostreams;

bool starts_with(std::string_view head, std::initializer_list<unsigned char> magic) {
    if (head.size() < magic.size()) return false;
    std::size_t i = 0;
    for (unsigned char byte : magic) {
        if (static_cast<unsigned char>(head[i++]) != byte) return false;
    }
    return true;
}

/// What one decode step did.
enum class Step { progress, stream_end, failed };

/// The bytes a decode step may read and write; it advances both.
struct Window {
    const unsigned char* in;
    const unsigned char* in_end;
    unsigned char* out;
    unsigned char* out_end;
    bool input_ended;   ///< no input follows what is in [in, in_end)
};

/// One format's decoder, over its C library. The libraries' own buffers
/// and error codes are used directly (not Boost's filters) because those
/// throw away what they decoded in the call that meets damaged input.
class Codec {
public:
    virtual ~Codec() = default;
    /// On Step::failed, `reason` says why.
    virtual Step decode(Window& w, std::string& reason) = 0;
    /// Readies the decoder for a further stream after Step::stream_end
    /// (concatenated gzip members, bzip2 streams).
    virtual void restart() {}
};

/// The C libraries count in unsigned int; a larger window is used in parts.
unsigned int clamp_uint(std::ptrdiff_t n) {
    return static_cast<unsigned int>(std::min<std::ptrdiff_t>(n, UINT_MAX));
}

class GzipCodec final : public Codec {
public:
    GzipCodec() {
        if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
    }
    ~GzipCodec() override { inflateEnd(&z_); }
    Step decode(Window& w, std::string& reason) override {
        z_.next_in = const_cast<Bytef*>(w.in);
        z_.avail_in = clamp_uint(w.in_end - w.in);
        z_.next_out = w.out;
        z_.avail_out = clamp_uint(w.out_end - w.out);
        const int rc = inflate(&z_, Z_NO_FLUSH);
        w.in = z_.next_in;
        w.out = z_.next_out;
        if (rc == Z_STREAM_END) return Step::stream_end;
        if (rc == Z_OK || rc == Z_BUF_ERROR) return Step::progress;
        reason = rc == Z_NEED_DICT ? "needs a preset dictionary" : z_.msg != nullptr ? z_.msg : "zlib error";
        return Step::failed;
    }
    void restart() override { inflateReset(&z_); }

private:
    z_stream z_{};
};

class Bzip2Codec final : public Codec {
public:
    Bzip2Codec() { start(); }
    ~Bzip2Codec() override { BZ2_bzDecompressEnd(&bz_); }
    Step decode(Window& w, std::string& reason) override {
        bz_.next_in = const_cast<char*>(reinterpret_cast<const char*>(w.in));
        bz_.avail_in = clamp_uint(w.in_end - w.in);
        bz_.next_out = reinterpret_cast<char*>(w.out);
        bz_.avail_out = clamp_uint(w.out_end - w.out);
        const int rc = BZ2_bzDecompress(&bz_);
        w.in = reinterpret_cast<const unsigned char*>(bz_.next_in);
        w.out = reinterpret_cast<unsigned char*>(bz_.next_out);
        if (rc == BZ_STREAM_END) return Step::stream_end;
        if (rc == BZ_OK) return Step::progress;
        reason = rc == BZ_DATA_ERROR_MAGIC ? "bad stream header"
                 : rc == BZ_MEM_ERROR      ? "out of memory"
                                           : "data integrity error";
        return Step::failed;
    }
    void restart() override {
        BZ2_bzDecompressEnd(&bz_);
        start();
    }

private:
    void start() {
        bz_ = bz_stream{};
        if (BZ2_bzDecompressInit(&bz_, 0, 0) != BZ_OK) throw std::bad_alloc();
    }
    bz_stream bz_{};
};

class XzCodec final : public Codec {
public:
    XzCodec() {
        // Concatenated streams (and the padding between them) are one input.
        if (lzma_stream_decoder(&lz_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) throw std::bad_alloc();
    }
    ~XzCodec() override { lzma_end(&lz_); }
    Step decode(Window& w, std::string& reason) override {
        lz_.next_in = w.in;
        lz_.avail_in = static_cast<std::size_t>(w.in_end - w.in);
        lz_.next_out = w.out;
        lz_.avail_out = static_cast<std::size_t>(w.out_end - w.out);
        const lzma_ret rc = lzma_code(&lz_, w.input_ended ? LZMA_FINISH : LZMA_RUN);
        w.in = lz_.next_in;
        w.out = lz_.next_out;
        if (rc == LZMA_STREAM_END) return Step::stream_end;
        if (rc == LZMA_OK || rc == LZMA_BUF_ERROR) return Step::progress;
        reason = rc == LZMA_FORMAT_ERROR    ? "not in xz format"
                 : rc == LZMA_OPTIONS_ERROR ? "unsupported options"
                 : rc == LZMA_MEM_ERROR     ? "out of memory"
                                            : "compressed data is corrupt";
        return Step::failed;
    }

private:
    lzma_stream lz_ = LZMA_STREAM_INIT;
};

class ZstdCodec final : public Codec {
public:
    ZstdCodec() : dctx_(ZSTD_createDCtx()) {
        if (dctx_ == nullptr) throw std::bad_alloc();
    }
    ~ZstdCodec() override { ZSTD_freeDCtx(dctx_); }
    Step decode(Window& w, std::string& reason) override {
        ZSTD_inBuffer in{w.in, static_cast<std::size_t>(w.in_end - w.in), 0};
        // A call that fails does not say what it wrote: at most one block
        // of output per call, so a failure loses no more than that.
        const std::size_t room = std::min(static_cast<std::size_t>(w.out_end - w.out), ZSTD_DStreamOutSize());
        ZSTD_outBuffer out{w.out, room, 0};
        const std::size_t rc = ZSTD_decompressStream(dctx_, &out, &in);
        w.in += in.pos;
        w.out += out.pos;
        if (ZSTD_isError(rc)) {
            reason = ZSTD_getErrorName(rc);
            return Step::failed;
        }
        // 0: a frame is complete and flushed; the next bytes may start another.
        return rc == 0 ? Step::stream_end : Step::progress;
    }

private:
    ZSTD_DCtx* dctx_;
};

std::unique_ptr<Codec> make_codec(Compression c) {
    switch (c) {
        case Compression::gzip: return std::make_unique<GzipCodec>();
        case Compression::bzip2: return std::make_unique<Bzip2Codec>();
        case Compression::xz: return std::make_unique<XzCodec>();
        case Compression::zstd: return std::make_unique<ZstdCodec>();
        case Compression::none: break;
    }
    return nullptr;
}

/// A Boost.Iostreams input filter over a Codec. A read returns every byte
/// decoded so far when the damage or the early end is met; the read after
/// it throws DecompressFailure, so nothing that decoded cleanly is lost.
class DecoderFilter {
public:
    using char_type = char;
    struct category : io::multichar_input_filter_tag {};

    DecoderFilter(Compression c, std::size_t buffer) : state_(std::make_shared<State>()) {
        state_->codec = make_codec(c);
        state_->input.resize(buffer);
    }

    template <typename Source>
    std::streamsize read(Source& source, char* s, std::streamsize n) {
        State& st = *state_;
        if (st.failure) throw DecompressFailure(*st.failure, st.consumed);
        Window w{};
        unsigned char* const begin = reinterpret_cast<unsigned char*>(s);
        w.out = begin;
        w.out_end = begin + n;
        while (w.out < w.out_end) {
            if (st.between_streams && st.input_ended && st.in_at == st.in_end) break;   // the clean end
            const unsigned char* const base = reinterpret_cast<const unsigned char*>(st.input.data());
            w.in = base + st.in_at;
            w.in_end = base + st.in_end;
            w.input_ended = st.input_ended;
            const unsigned char* const in_before = w.in;
            unsigned char* const out_before = w.out;
            std::string reason;
            const Step step = st.codec->decode(w, reason);
            st.in_at = static_cast<std::size_t>(w.in - base);
            st.consumed += static_cast<std::uint64_t>(w.in - in_before);
            if (step == Step::failed) return fail(reason, w.out - begin);
            const bool moved = w.in != in_before || w.out != out_before;
            if (step == Step::stream_end) {
                const bool was_between = st.between_streams;
                st.between_streams = true;
                st.codec->restart();
                if (moved || !was_between) continue;
            } else if (moved) {
                st.between_streams = false;
                continue;
            }
            // Stuck: the decoder needs input.
            if (st.in_at < st.in_end) return fail("decoder made no progress", w.out - begin);
            if (st.input_ended) {
                if (st.between_streams) break;
                return fail("unexpected end of input", w.out - begin);
            }
            if (w.out > begin) break;   // deliver before waiting for more input
            const std::streamsize got =
                io::read(source, st.input.data(), static_cast<std::streamsize>(st.input.size()));
            st.in_at = 0;
            st.in_end = got < 0 ? 0 : static_cast<std::size_t>(got);
            st.input_ended = got < 0;
        }
        return w.out > begin ? static_cast<std::streamsize>(w.out - begin) : -1;
    }

private:
    struct State {
        std::unique_ptr<Codec> codec;
        std::vector<char> input;
        std::size_t in_at = 0, in_end = 0;
        bool input_ended = false;
        bool between_streams = false;   ///< a stream ended; no byte of another decoded yet
        std::uint64_t consumed = 0;     ///< compressed bytes the codec accepted
        std::optional<std::string> failure;
    };

    /// Delivers what was decoded; the next read reports the failure.
    std::streamsize fail(const std::string& reason, std::ptrdiff_t made) {
        state_->failure = reason;
        if (made == 0) throw DecompressFailure(reason, state_->consumed);
        return static_cast<std::streamsize>(made);
    }

    // Boost copies filters when they are pushed: the state is shared.
    std::shared_ptr<State> state_;
};

}  // namespace

Compression detect_compression(std::string_view head) {
    if (starts_with(head, {0x1f, 0x8b})) return Compression::gzip;
    if (starts_with(head, {'B', 'Z', 'h'})) return Compression::bzip2;
    if (starts_with(head, {0xfd, '7', 'z', 'X', 'Z', 0x00})) return Compression::xz;
    if (starts_with(head, {0x28, 0xb5, 0x2f, 0xfd})) return Compression::zstd;
    return Compression::none;
}

std::string_view compression_name(Compression c) {
    switch (c) {
        case Compression::gzip: return "gzip";
        case Compression::bzip2: return "bzip2";
        case Compression::xz: return "xz";
        case Compression::zstd: return "zstd";
        case Compression::none: break;
    }
    return "plain";
}

void push_decompressor(boost::iostreams::filtering_istream& chain, Compression c, std::size_t buffer) {
    if (c == Compression::none) return;
    const std::size_t size = std::max<std::size_t>(buffer, 4096);
    chain.push(DecoderFilter(c, size), static_cast<std::streamsize>(size));
}

namespace {

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

/// One read(), retried when a signal interrupted it and nobody cancelled.
ssize_t read_once(int fd, char* out, std::size_t n, const std::atomic<bool>* cancel) {
    for (;;) {
        if (!wait_readable(fd, cancel)) return -1;
        const ssize_t got = ::read(fd, out, n);
        if (got >= 0 || errno != EINTR) return got;
        if (cancelled(cancel)) return -1;
    }
}

}  // namespace

bool wait_readable(int fd, const std::atomic<bool>* cancel) {
    if (cancel == nullptr) return true;   // read() itself waits
    // A quarter second between looks at the flag: prompt for a person or
    // a service manager, and free for a pipe that delivers.
    constexpr int kPollMs = 250;
    for (;;) {
        if (cancelled(cancel)) {
            errno = EINTR;
            return false;
        }
        pollfd ready{fd, POLLIN, 0};
        const int rc = ::poll(&ready, 1, kPollMs);
        if (rc > 0 || (rc < 0 && errno != EINTR)) return true;   // read() tells the rest
    }
}

std::streamsize PeekedFdSource::read(char* out, std::streamsize n) {
    if (peeked_at_ < peeked_.size()) {
        const auto take = std::min<std::size_t>(static_cast<std::size_t>(n), peeked_.size() - peeked_at_);
        std::memcpy(out, peeked_.data() + peeked_at_, take);
        peeked_at_ += take;
        return static_cast<std::streamsize>(take);
    }
    const ssize_t got = read_once(fd_, out, static_cast<std::size_t>(n), cancel_);
    if (got < 0) throw ReadFailure(errno);
    if (got == 0) return -1;
    return got;
}

bool peek_head(int fd, std::string& head, const std::atomic<bool>* cancel) {
    head.clear();
    char buffer[kMagicBytes];
    while (head.size() < kMagicBytes) {
        const ssize_t got = read_once(fd, buffer, kMagicBytes - head.size(), cancel);
        if (got < 0) return false;
        if (got == 0) break;
        head.append(buffer, static_cast<std::size_t>(got));
    }
    return true;
}

}  // namespace iocscan::detail
