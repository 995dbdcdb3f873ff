// Compressed input, recognised by its magic bytes (never by file name), and
// the device that reads a file descriptor after those bytes were peeked at.
#pragma once

#include <boost/iostreams/categories.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <atomic>
#include <cstdint>
#include <ios>
#include <string>
#include <string_view>

namespace iocscan::detail {

enum class Compression { none, gzip, bzip2, xz, zstd };

/// The longest magic number we look at.
constexpr std::size_t kMagicBytes = 6;

/// Which format `head` (the first bytes of a stream) starts with.
Compression detect_compression(std::string_view head);

/// "gzip", "bzip2", "xz", "zstd".
std::string_view compression_name(Compression c);

/// Pushes the decompressor for `c` onto `chain` (nothing for none). It
/// delivers every byte that decompressed cleanly before it reports damage
/// or a truncated stream: the read after the last good byte throws
/// DecompressFailure.
void push_decompressor(boost::iostreams::filtering_istream& chain, Compression c, std::size_t buffer);

/// The compressed input is damaged or ends inside a stream.
struct DecompressFailure : std::ios_base::failure {
    DecompressFailure(const std::string& reason, std::uint64_t byte)
        : std::ios_base::failure(reason), why(reason), at_byte(byte) {}
    std::string why;        ///< e.g. "unexpected end of input", zlib's "invalid block type"
    std::uint64_t at_byte;  ///< compressed bytes the decoder had accepted
};

/// A read() on the descriptor failed; keeps its errno.
struct ReadFailure : std::ios_base::failure {
    explicit ReadFailure(int error_number)
        : std::ios_base::failure("read failed"), saved_errno(error_number) {}
    int saved_errno;
};

/// Reads the bytes already peeked from a descriptor, then the descriptor
/// itself. A read interrupted by a signal is retried unless `cancel` is
/// set; then it throws ReadFailure(EINTR).
class PeekedFdSource {
public:
    using char_type = char;
    using category = boost::iostreams::source_tag;

    PeekedFdSource(int fd, std::string peeked, const std::atomic<bool>* cancel)
        : fd_(fd), peeked_(std::move(peeked)), cancel_(cancel) {}

    std::streamsize read(char* out, std::streamsize n);

private:
    int fd_;
    std::string peeked_;
    std::size_t peeked_at_ = 0;
    const std::atomic<bool>* cancel_;
};

/// Reads up to kMagicBytes from `fd` (fewer only at end of input). Returns
/// false with errno set on a read error, or with EINTR once `cancel` is set.
bool peek_head(int fd, std::string& head, const std::atomic<bool>* cancel);

/// Waits until a read from `fd` would not block. Returns false (errno
/// EINTR) once `cancel` is set: the flag is polled, so a signal that came
/// just before the wait cannot leave it blocked.
bool wait_readable(int fd, const std::atomic<bool>* cancel);

}  // namespace iocscan::detail
