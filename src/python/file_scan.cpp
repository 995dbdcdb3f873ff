#include "python/file_scan.hpp"

#include <cerrno>
#include <fcntl.h>
#include <new>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace iocscan::python {
namespace {

/// Matches per batch: big enough that the queue's locking is cheap per
/// match, small enough that the first ones arrive soon.
constexpr std::size_t kBatchSize = 4096;
/// Batches that may wait for Python; the reader stops when they are all full.
constexpr std::size_t kMaxReadyBatches = 8;

}  // namespace

FileScan::FileScan(const Ruleset& ruleset, const std::string& path, const SourceOptions& source)
    : scanner_(ruleset) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), path);
    reader_ = std::thread([this, fd, source] { read_all(fd, source); });
}

FileScan::~FileScan() {
    {
        const std::lock_guard lock(mutex_);
        cancel_.store(true);
    }
    changed_.notify_all();
    reader_.join();
}

bool FileScan::push(MatchBatch& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return ready_.size() < kMaxReadyBatches || cancel_.load(); });
    if (cancel_.load()) return false;
    ready_.push_back(std::exchange(batch, {}));
    lock.unlock();
    changed_.notify_all();
    return true;
}

void FileScan::read_all(int fd, SourceOptions source) {
    MatchBatch batch;
    source.cancel = &cancel_;
    // A pipe or FIFO that pauses: what was found so far goes to Python now.
    source.on_wait = [&] {
        if (!batch.empty()) push(batch);
    };
    std::string error;
    ScanEnd end = ScanEnd::completed;
    try {
        end = scan_fd(fd, scanner_, source, [&](const Match& m) {
            batch.add(m);
            return batch.size() < kBatchSize || push(batch);
        }, error);
    } catch (const std::exception& e) {
        end = ScanEnd::read_error;
        error = e.what();
    }
    ::close(fd);
    try {
        if (!batch.empty()) push(batch);
    } catch (const std::bad_alloc&) {
        // Out of this thread, an exception would end the process (std::terminate).
        end = ScanEnd::read_error;
        error = "out of memory";
    }
    {
        const std::lock_guard lock(mutex_);
        done_ = true;
        if (end == ScanEnd::read_error) error_ = error.empty() ? std::string("read error") : std::move(error);
    }
    changed_.notify_all();
}

MatchBatch FileScan::next_batch() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty() || done_; });
    if (ready_.empty()) {
        if (!error_.empty()) throw std::runtime_error(std::exchange(error_, {}));
        return {};
    }
    MatchBatch batch = std::move(ready_.front());
    ready_.pop_front();
    lock.unlock();
    changed_.notify_all();
    return batch;
}

}  // namespace iocscan::python
