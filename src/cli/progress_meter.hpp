// --progress: one self-updating status line on a terminal's stderr.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace iocscan::cli {

class ProgressMeter {
public:
    /// Active only when `wanted` and stderr is a terminal.
    explicit ProgressMeter(bool wanted);
    ~ProgressMeter();

    /// A new input of `total` bytes (0 when unknown, e.g. a pipe).
    void start_input(const std::string& name, std::uint64_t total);
    /// Bytes read of the current input, and IOCs found in the whole run.
    void update(std::uint64_t bytes_read, std::uint64_t iocs);
    /// Clears the line.
    void clear();

private:
    void draw(std::uint64_t bytes_read, std::uint64_t iocs);

    bool active_;
    bool drawn_ = false;
    std::string name_;
    std::uint64_t total_ = 0;
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace iocscan::cli
