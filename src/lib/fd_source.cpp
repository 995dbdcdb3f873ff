// Reads a file descriptor through Boost.Iostreams and feeds the scanner.
#include "iocscan/iocscan.hpp"
#include "lib/drop_nul_filter.hpp"

#include <boost/iostreams/device/file_descriptor.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <cerrno>
#include <cstring>
#include <vector>

namespace iocscan {

ScanEnd scan_fd(int fd, Scanner& scanner, const SourceOptions& source,
                const MatchCallback& on_match, std::string& error) {
    namespace io = boost::iostreams;
    const std::size_t chunk = std::max<std::size_t>(1, source.chunk_size);
    io::filtering_istream in;
    if (source.wide) in.push(detail::DropNulFilter(), chunk);
    in.push(io::file_descriptor_source(fd, io::never_close_handle), chunk);

    // Feed whatever one read returned instead of waiting for a full block, so
    // matches from a slow pipe (tail -f) come out as soon as they are found.
    auto& buffer = *in.rdbuf();
    std::vector<char> block(chunk);
    try {
        for (;;) {
            errno = 0;
            if (buffer.sgetc() == std::char_traits<char>::eof()) break;
            const auto ready = std::min<std::streamsize>(buffer.in_avail(),
                                                         static_cast<std::streamsize>(chunk));
            const auto got = static_cast<std::size_t>(buffer.sgetn(block.data(), std::max<std::streamsize>(ready, 1)));
            if (!scanner.feed({block.data(), got}, on_match)) return ScanEnd::stopped;
        }
    } catch (const std::ios_base::failure&) {
        // Boost reports the failed read() as an exception; errno still holds why.
        error = errno != 0 ? std::strerror(errno) : "read error";
        return ScanEnd::read_error;
    }
    return scanner.finish(on_match) ? ScanEnd::completed : ScanEnd::stopped;
}

}  // namespace iocscan
