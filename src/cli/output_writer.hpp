// Buffered output to a file descriptor, without iostreams.
//
// Block-buffered unless the descriptor is a terminal. A reader that goes away
// (`iocscan big.log | head`) is not an error: the writer just notes it so the
// scan can stop quietly. Any other failure (disk full, /dev/full) is kept
// with its errno for a clear message and status 2.
#pragma once

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
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
    /// Room for one record of at most `max_size` bytes, written in place and
    /// ended by commit_record(): a record is formatted straight into the
    /// buffer, with no string in between (the room is elsewhere only for a
    /// record that cannot fit the buffer). Nothing else is written between.
    char* record_room(std::size_t max_size) {
        room_ = max_size <= kBufferSize - used_ ? buffer_.get() + used_ : room_past_buffer(max_size);
        room_size_ = max_size;
        return room_;
    }
    /// Ends the record written from record_room() up to `end`; as
    /// end_record().
    void commit_record(const char* end) {
        const auto size = static_cast<std::size_t>(end - room_);
        if (size > room_size_) std::abort();   // a record longer than its bound: memory was overwritten
        if (room_ != buffer_.get() + used_) {
            write_through(std::string_view(room_, size));
        } else if (usable()) {
            used_ += size;
            accepted_ += size;
        }
        end_record();
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
    /// record_room() when the buffer's room is too small: the whole buffer
    /// after a flush, or for a record longer than it, a block of its own.
    char* room_past_buffer(std::size_t max_size);
    void write_out(const char* data, std::size_t size);

    int fd_;
    bool line_mode_;
    bool reader_gone_ = false;
    int failed_errno_ = 0;
    std::unique_ptr<char[]> buffer_;
    std::size_t used_ = 0;   ///< bytes of buffer_ not written out yet
    char* room_ = nullptr;   ///< where the record of record_room() starts
    std::size_t room_size_ = 0;
    std::string oversize_;   ///< room for a record longer than buffer_
    std::size_t accepted_ = 0;
};

}  // namespace iocscan::cli
