#include "lib/decompression.hpp"

#include <boost/iostreams/filter/bzip2.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/lzma.hpp>
#include <boost/iostreams/filter/zstd.hpp>

#include <cerrno>
#include <cstring>
#include <ios>
#include <unistd.h>

namespace iocscan::detail {
namespace {

bool starts_with(std::string_view head, std::initializer_list<unsigned char> magic) {
    if (head.size() < magic.size()) return false;
    std::size_t i = 0;
    for (unsigned char byte : magic) {
        if (static_cast<unsigned char>(head[i++]) != byte) return false;
    }
    return true;
}

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
    namespace io = boost::iostreams;
    const auto size = static_cast<std::streamsize>(std::max<std::size_t>(buffer, 4096));
    switch (c) {
        case Compression::gzip: chain.push(io::gzip_decompressor(io::zlib::default_window_bits, size), size); break;
        case Compression::bzip2: chain.push(io::bzip2_decompressor(false, size), size); break;
        case Compression::xz: chain.push(io::lzma_decompressor(io::lzma_params(), size), size); break;
        case Compression::zstd: chain.push(io::zstd_decompressor(size), size); break;
        case Compression::none: break;
    }
}

std::streamsize PeekedFdSource::read(char* out, std::streamsize n) {
    if (peeked_at_ < peeked_.size()) {
        const auto take = std::min<std::size_t>(static_cast<std::size_t>(n), peeked_.size() - peeked_at_);
        std::memcpy(out, peeked_.data() + peeked_at_, take);
        peeked_at_ += take;
        *delivered_ += take;
        return static_cast<std::streamsize>(take);
    }
    const ssize_t got = ::read(fd_, out, static_cast<std::size_t>(n));
    if (got < 0) throw ReadFailure(errno);
    if (got == 0) return -1;
    *delivered_ += static_cast<std::uint64_t>(got);
    return got;
}

bool peek_head(int fd, std::string& head) {
    head.clear();
    char buffer[kMagicBytes];
    while (head.size() < kMagicBytes) {
        const ssize_t got = ::read(fd, buffer, kMagicBytes - head.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return false;
        if (got == 0) break;
        head.append(buffer, static_cast<std::size_t>(got));
    }
    return true;
}

}  // namespace iocscan::detail
