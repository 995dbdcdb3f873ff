#include "cli/output_writer.hpp"

#include <cerrno>
#include <unistd.h>

namespace iocscan::cli {

OutputWriter::OutputWriter(int fd)
    : fd_(fd), line_mode_(::isatty(fd) == 1), buffer_(std::make_unique_for_overwrite<char[]>(kBufferSize)) {}

OutputWriter::~OutputWriter() { flush(); }

void OutputWriter::write_through(std::string_view text) {
    if (!usable()) return;
    accepted_ += text.size();
    if (used_ + text.size() > kBufferSize) flush();
    if (text.size() >= kBufferSize) {
        write_out(text.data(), text.size());
        return;
    }
    std::memcpy(buffer_.get() + used_, text.data(), text.size());
    used_ += text.size();
}

char* OutputWriter::room_past_buffer(std::size_t max_size) {
    if (max_size <= kBufferSize) {
        flush();
        return buffer_.get();
    }
    oversize_.resize(max_size);
    return oversize_.data();
}

void OutputWriter::flush() {
    if (used_ > 0 && usable()) write_out(buffer_.get(), used_);
    used_ = 0;
}

void OutputWriter::write_out(const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EPIPE) {
                reader_gone_ = true;
            } else {
                failed_errno_ = errno;
            }
            return;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

}  // namespace iocscan::cli
