// LD_PRELOAD module for the CLI tests: makes one malloc() on a thread other
// than the main one fail, as memory running out on a scan helper would.
// IOCSCAN_TEST_FAIL_HELPER_MALLOC=N fails the Nth (from 0) such call, once;
// without it every call goes through. No code under test knows of it.
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <unistd.h>

extern "C" void* __libc_malloc(std::size_t size);

namespace {

long failing_call() {
    const char* text = std::getenv("IOCSCAN_TEST_FAIL_HELPER_MALLOC");
    return text != nullptr ? std::atol(text) : -1;
}

std::atomic<long> helper_calls{0};

}  // namespace

extern "C" void* malloc(std::size_t size) {
    static const long fail_at = failing_call();
    if (fail_at >= 0 && ::gettid() != ::getpid() && helper_calls.fetch_add(1) == fail_at) return nullptr;
    return __libc_malloc(size);
}
