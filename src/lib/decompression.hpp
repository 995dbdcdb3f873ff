// Compressed input, recognised by its magic bytes (never by file name), and
// the device that reads a file descriptor after those bytes were peeked at.
#pragma once

#include <boost/iostreams/categories.hpp>
#include <boost/iostreams/filtering_stream.hpp>

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

/// Pushes the decompressor for `c` onto `chain` (nothing for none).
void push_decompressor(boost::iostreams::filtering_istream& chain, Compression c, std::size_t buffer);

/// A read() on the descriptor failed; keeps its errno.
struct ReadFailure : std::ios_base::failure {
    explicit ReadFailure(int error_number)
        : std::ios_base::failure("read failed"), saved_errno(error_number) {}
    int saved_errno;
};

/// Reads the bytes already peeked from a descriptor, then the descriptor
/// itself, and counts what it delivered (the "at byte N" of an error).
class PeekedFdSource {
public:
    using char_type = char;
    using category = boost::iostreams::source_tag;

    PeekedFdSource(int fd, std::string peeked, std::uint64_t* delivered)
        : fd_(fd), peeked_(std::move(peeked)), delivered_(delivered) {}

    std::streamsize read(char* out, std::streamsize n);

private:
    int fd_;
    std::string peeked_;
    std::size_t peeked_at_ = 0;
    std::uint64_t* delivered_;
};

/// Reads up to kMagicBytes from `fd` (fewer only at end of input). Returns
/// false with errno set on a read error.
bool peek_head(int fd, std::string& head);

}  // namespace iocscan::detail
