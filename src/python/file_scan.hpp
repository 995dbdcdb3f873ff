// iocscan.scan_file(): a file scanned by scan_fd() on a thread of its own,
// handing matches to the Python iterator in batches through a short queue.
// The reader waits when the queue is full, so memory stays bounded however
// big the file, and Python gets the first matches while the rest is read.
#pragma once

#include "python/match_batch.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace iocscan::python {

class FileScan {
public:
    /// Opens `path` (throws std::system_error with errno if it cannot) and
    /// starts reading it.
    FileScan(const Ruleset& ruleset, const std::string& path, const SourceOptions& source);
    /// Stops the reader (before its next read) and waits for it.
    ~FileScan();
    FileScan(const FileScan&) = delete;
    FileScan& operator=(const FileScan&) = delete;

    /// The next matches, in input order; empty at the end. Blocks (call it
    /// without the GIL). Throws std::runtime_error with the reason after the
    /// matches before a read error.
    MatchBatch next_batch();

private:
    void read_all(int fd, SourceOptions source);
    bool push(MatchBatch& batch);

    Scanner scanner_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<MatchBatch> ready_;
    bool done_ = false;
    std::string error_;
    std::atomic<bool> cancel_{false};
    std::thread reader_;   ///< last: started when everything it uses exists
};

}  // namespace iocscan::python
