// A small persistent pool of helper threads for the scan driver.
//
// run() hands out task indices one at a time from an atomic counter, so a
// thread that finishes a cheap task early takes the next one; the calling
// thread works too, and run() returns only when every task has returned (a
// barrier). start()/wait() split that barrier for callers that have other
// work meanwhile. The threads live as long as the pool, so a slice of input costs
// one wake-up per helper rather than a thread start.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace iocscan::detail {

class WorkerPool {
public:
    /// Starts `helpers` threads (0: run() works on the calling thread alone).
    /// Throws std::system_error "cannot start N worker threads: <reason>"
    /// when the system refuses one (RLIMIT_NPROC, no memory for a stack).
    explicit WorkerPool(std::size_t helpers);
    /// Waits for tasks still out (start() without wait()), then stops and
    /// joins the helpers.
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Threads that take part in run(), the calling one included.
    std::size_t threads() const { return helpers_.size() + 1; }

    /// Calls task(i) once for every i in [0, count), on the helpers and the
    /// calling thread, and returns when all calls have returned. The calling
    /// thread first runs `first` (if set) while the helpers start on the
    /// tasks. If a task throws, no further indices are handed out; the first
    /// exception (from `first` or a task) is rethrown here, after every task
    /// has returned.
    void run(std::size_t count, const std::function<void(std::size_t)>& task,
             const std::function<void()>& first = {});

    /// run() in two halves, so the caller can do other work (read the next
    /// input) while the helpers work: start() hands the tasks to the helpers
    /// and returns at once; wait() takes part in what is left, returns when
    /// every task has returned, and rethrows a task's exception. Every
    /// start() needs its wait() before the next start() or run().
    void start(std::size_t count, std::function<void(std::size_t)> task);
    void wait();
    /// True between start() and wait().
    bool started() const { return started_; }

private:
    void stop();
    void helper_loop();
    void take_tasks();

    std::mutex mutex_;
    std::condition_variable wake_;       ///< a new run() or shutdown
    std::condition_variable all_done_;   ///< the last helper left take_tasks()
    std::uint64_t generation_ = 0;       ///< counts run() calls that use helpers
    std::size_t busy_ = 0;               ///< helpers still inside this run
    bool stopping_ = false;
    // Set under the mutex before generation_ moves on; read by helpers after.
    std::function<void(std::size_t)> task_;
    bool started_ = false;   ///< the caller's view: start() without wait() yet
    std::size_t count_ = 0;
    std::atomic<std::size_t> next_{0};
    std::exception_ptr error_;
    std::vector<std::thread> helpers_;
};

}  // namespace iocscan::detail
