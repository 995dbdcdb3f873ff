#include "threads/worker_pool.hpp"

#include <csignal>
#include <string>
#include <system_error>
#include <utility>

#include <pthread.h>

namespace iocscan::detail {
namespace {

/// Blocks every signal in this thread while it lives; new threads inherit
/// the mask. Helpers thus never take a SIGINT meant to interrupt the caller's
/// blocking read() (scan_fd's cancel path relies on that EINTR).
class SignalsBlocked {
public:
    SignalsBlocked() {
        sigset_t all;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &saved_);
    }
    ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }
    SignalsBlocked(const SignalsBlocked&) = delete;
    SignalsBlocked& operator=(const SignalsBlocked&) = delete;

private:
    sigset_t saved_;
};

}  // namespace

WorkerPool::WorkerPool(std::size_t helpers) {
    helpers_.reserve(helpers);
    const SignalsBlocked blocked;
    try {
        for (std::size_t i = 0; i < helpers; ++i) helpers_.emplace_back([this] { helper_loop(); });
    } catch (const std::system_error& e) {
        stop();   // a joinable std::thread must not be destroyed
        // pthread_create's EAGAIN alone ("Resource temporarily unavailable")
        // does not say that threads were being started.
        throw std::system_error(e.code(), "cannot start " + std::to_string(helpers) +
                                              (helpers == 1 ? " worker thread" : " worker threads"));
    } catch (...) {
        stop();
        throw;
    }
}

WorkerPool::~WorkerPool() {
    // Tasks still out use what their owner frees next: let them end first.
    try {
        wait();
    } catch (...) {
        // Their result is not wanted any more.
    }
    stop();
}

void WorkerPool::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& helper : helpers_) {
        if (helper.joinable()) helper.join();
    }
}

void WorkerPool::run(std::size_t count, const std::function<void(std::size_t)>& task,
                     const std::function<void()>& first) {
    if (helpers_.empty() || count < 2) {
        if (first) first();
        for (std::size_t i = 0; i < count; ++i) task(i);
        return;
    }
    start(count, task);
    if (first) {
        try {
            first();
        } catch (...) {
            // The tasks still all run, so the caller's state stays whole.
            std::lock_guard lock(mutex_);
            if (!error_) error_ = std::current_exception();
        }
    }
    wait();
}

void WorkerPool::start(std::size_t count, std::function<void(std::size_t)> task) {
    {
        std::lock_guard lock(mutex_);
        task_ = std::move(task);
        count_ = count;
        next_.store(0, std::memory_order_relaxed);
        error_ = nullptr;
        busy_ = helpers_.size();
        ++generation_;
    }
    started_ = true;
    wake_.notify_all();
}

void WorkerPool::wait() {
    if (!started_) return;
    started_ = false;
    take_tasks();
    std::exception_ptr error;
    {
        // The helpers may still be inside a task that reads `task_`: wait.
        std::unique_lock lock(mutex_);
        all_done_.wait(lock, [this] { return busy_ == 0; });
        task_ = nullptr;
        error = std::exchange(error_, nullptr);
    }
    if (error) std::rethrow_exception(error);
}

void WorkerPool::helper_loop() {
    std::uint64_t seen = 0;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
            if (stopping_) return;
            seen = generation_;
        }
        take_tasks();
        std::lock_guard lock(mutex_);
        if (--busy_ == 0) all_done_.notify_one();
    }
}

void WorkerPool::take_tasks() {
    for (;;) {
        const std::size_t i = next_.fetch_add(1, std::memory_order_relaxed);
        if (i >= count_) return;
        try {
            task_(i);
        } catch (...) {
            std::lock_guard lock(mutex_);
            if (!error_) error_ = std::current_exception();
            next_.store(count_, std::memory_order_relaxed);   // hand out nothing more
        }
    }
}

}  // namespace iocscan::detail
