// Buffered output to a file descriptor, without iostreams.
//
// Block-buffered unless the descriptor is a terminal. A reader that goes away
// (`iocscan big.log | head`) is not an error: the writer just notes it so the
// scan can stop quietly. Any other failure (disk full, /dev/full) is kept
// with its errno for a clear message and status 2.
#pragma once

#include <cstring>
#include <memory>
#include <string_view>

namespace iocscan::cli {

class OutputWriter {
public:
    explicit OutputWriter(int fd);
    ~OutputWriter();
    OutputWriter(const OutputWriter&) = delete;
    OutputWriter& operator=(const OutputWriter&) = delete;

    void write(std::string_view text) {
        // Most records fit in the buffer: copied here, without a call.
        if (text.size() < kBufferSize - used_ && usable()) {
            std::memcpy(buffer_.get() + used_, text.data(), text.size());
            used_ += text.size();
            accepted_ += text.size();
            return;
        }
        write_through(text);
    }
    void write(char c) {
        if (used_ + 1 < kBufferSize && usable()) {
            buffer_[used_++] = c;
            ++accepted_;
            return;
        }
        write_through(std::string_view(&c, 1));
    }
    /// Marks the end of one record: flushes when writing to a terminal.
    void end_record() {
        if (line_mode_) flush();
    }
    void flush();

    /// The reader closed the pipe; nothing more will be written.
    bool reader_gone() const { return reader_gone_; }
    /// A write failed for another reason; error_errno() tells why.
    bool failed() const { return failed_errno_ != 0; }
    int error_errno() const { return failed_errno_; }
    bool usable() const { return !reader_gone_ && !failed(); }
    /// Bytes given to write() so far, flushed or not: where the next record
    /// starts (iocscan.dask tells each range's records apart by it).
    std::size_t accepted() const { return accepted_; }

private:
    static constexpr std::size_t kBufferSize = 64 * 1024;

    /// write() when the text does not fit in the buffer's room.
    void write_through(std::string_view text);
    void write_out(const char* data, std::size_t size);

    int fd_;
    bool line_mode_;
    bool reader_gone_ = false;
    int failed_errno_ = 0;
    std::unique_ptr<char[]> buffer_;
    std::size_t used_ = 0;   ///< bytes of buffer_ not written out yet
    std::size_t accepted_ = 0;
};

}  // namespace iocscan::cli
