#include "cli/output_writer.hpp"

#include <cerrno>
#include <unistd.h>

namespace iocscan::cli {
namespace {
constexpr std::size_t kBufferSize = 64 * 1024;
}

OutputWriter::OutputWriter(int fd) : fd_(fd), line_mode_(::isatty(fd) == 1) {
    buffer_.reserve(kBufferSize);
}

OutputWriter::~OutputWriter() { flush(); }

void OutputWriter::write(std::string_view text) {
    if (!usable()) return;
    accepted_ += text.size();
    if (buffer_.size() + text.size() > kBufferSize) flush();
    if (text.size() >= kBufferSize) {
        write_out(text.data(), text.size());
        return;
    }
    buffer_.append(text);
}

void OutputWriter::end_record() {
    if (line_mode_) flush();
}

void OutputWriter::flush() {
    if (!buffer_.empty() && usable()) write_out(buffer_.data(), buffer_.size());
    buffer_.clear();
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
