// Reads the next block on a thread of its own while the caller scans the
// last one, so reading (kernel copy, decompression) overlaps scanning.
//
// Two blocks take turns: the reader fills one while the caller holds the
// other. Used by scan_fd() for regular files only: a read from a regular
// file always returns, so stopping never waits on a blocked read(), and a
// SIGINT meant to interrupt a read from a pipe or terminal is never at stake.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace iocscan::detail {

class ReadAhead {
public:
    /// Fills up to `capacity` bytes at `into`; returns 0 at the end of the
    /// input, throws on a read error.
    using Reader = std::function<std::size_t(char* into, std::size_t capacity)>;

    ReadAhead(Reader read, std::size_t block_size);
    /// Stops the reader after its current read and joins it.
    ~ReadAhead();
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    /// The next block, empty at the end of the input; valid until the next
    /// call. Rethrows what the reader threw.
    std::string_view next();

private:
    struct Block {
        std::vector<char> bytes;
        std::size_t size = 0;
        bool filled = false;
    };
    void read_loop();

    Reader read_;
    Block blocks_[2];
    std::size_t reader_at_ = 0;   ///< the block the reader fills next
    std::size_t caller_at_ = 0;   ///< the block next() hands out next
    bool caller_holds_ = false;   ///< next() handed out a block not yet given back
    bool ended_ = false;          ///< the reader read its last block or failed
    bool stopping_ = false;
    std::exception_ptr error_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread reader_;          ///< last: started once the rest exists
};

}  // namespace iocscan::detail
