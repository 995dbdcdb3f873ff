#include "cli/unique_filter.hpp"

namespace iocscan::cli {

void UniqueFilter::enter(const Match& match) {
    Held& held = window_[(first_ + count_) % kLookahead];
    ++count_;
    // Reused strings: no allocation once each has held a long enough match.
    held.bytes.assign(1, static_cast<char>(match.type));
    held.bytes += match.value;
    held.bytes += match.raw;
    held.value_size = match.value.size();
    held.match = match;
    const std::string_view bytes(held.bytes);
    held.match.value = bytes.substr(1, held.value_size);
    held.match.raw = bytes.substr(1 + held.value_size);
    held.hash = seen_.hash(key_of(held));
    seen_.prefetch(held.hash);
}

}  // namespace iocscan::cli
