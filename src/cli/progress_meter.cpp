#include "cli/progress_meter.hpp"

#include <cstdio>
#include <unistd.h>

namespace iocscan::cli {
namespace {

/// Redraws at most this often: a few times a second is readable and cheap.
constexpr auto kRedrawInterval = std::chrono::milliseconds(200);

}  // namespace

ProgressMeter::ProgressMeter(bool wanted) : active_(wanted && ::isatty(STDERR_FILENO) == 1) {}

ProgressMeter::~ProgressMeter() { clear(); }

void ProgressMeter::start_input(const std::string& name, std::uint64_t total) {
    name_ = name;
    total_ = total;
    started_ = std::chrono::steady_clock::now();
    last_draw_ = started_ - kRedrawInterval;
}

void ProgressMeter::update(std::uint64_t bytes_read, std::uint64_t iocs) {
    if (!active_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < kRedrawInterval) return;
    last_draw_ = now;
    draw(bytes_read, iocs);
}

void ProgressMeter::draw(std::uint64_t bytes_read, std::uint64_t iocs) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const double mb = static_cast<double>(bytes_read) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0;
    char line[256];
    if (total_ > 0) {
        const double total_mb = static_cast<double>(total_) / 1e6;
        const double eta = rate > 0 ? (total_mb - mb) / rate : 0;
        std::snprintf(line, sizeof line, "%s: %.1f / %.1f MB, %.1f MB/s, %llu IOCs, ETA %.0f s", name_.c_str(), mb,
                      total_mb, rate, static_cast<unsigned long long>(iocs), eta > 0 ? eta : 0.0);
    } else {
        std::snprintf(line, sizeof line, "%s: %.1f MB, %.1f MB/s, %llu IOCs", name_.c_str(), mb, rate,
                      static_cast<unsigned long long>(iocs));
    }
    std::fprintf(stderr, "\r\x1b[K%s", line);
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressMeter::clear() {
    if (!drawn_) return;
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
}

}  // namespace iocscan::cli
