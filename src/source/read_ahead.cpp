#include "source/read_ahead.hpp"

#include <utility>

namespace iocscan::detail {

ReadAhead::ReadAhead(Reader read, std::size_t block_size) : read_(std::move(read)) {
    for (auto& block : blocks_) block.bytes.resize(block_size);
    reader_ = std::thread([this] { read_loop(); });
}

ReadAhead::~ReadAhead() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    reader_.join();
}

std::string_view ReadAhead::next() {
    std::unique_lock lock(mutex_);
    if (caller_holds_) {
        // Give the last block back to the reader.
        blocks_[caller_at_].filled = false;
        caller_at_ ^= 1;
        caller_holds_ = false;
        changed_.notify_all();
    }
    changed_.wait(lock, [this] { return blocks_[caller_at_].filled || ended_; });
    if (!blocks_[caller_at_].filled) {
        if (error_) std::rethrow_exception(error_);
        return {};
    }
    caller_holds_ = true;
    const Block& block = blocks_[caller_at_];
    return {block.bytes.data(), block.size};
}

void ReadAhead::read_loop() {
    for (;;) {
        Block* block = nullptr;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] { return stopping_ || !blocks_[reader_at_].filled; });
            if (stopping_) return;
            block = &blocks_[reader_at_];
        }
        // The caller does not touch an unfilled block: read without the lock.
        std::size_t got = 0;
        std::exception_ptr error;
        try {
            got = read_(block->bytes.data(), block->bytes.size());
        } catch (...) {
            error = std::current_exception();
        }
        std::lock_guard lock(mutex_);
        if (got > 0) {
            block->size = got;
            block->filled = true;
            reader_at_ ^= 1;
        } else {
            ended_ = true;
            error_ = error;
        }
        changed_.notify_all();
        if (ended_) return;
    }
}

}  // namespace iocscan::detail
