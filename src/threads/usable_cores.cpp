// How many cores this process may run on: what `nproc` says, lowered by a
// cgroup v2 CPU quota (containers, systemd CPUQuota=).
#include "iocscan/iocscan.hpp"

#include <algorithm>
#include <exception>
#include <fstream>
#include <sched.h>
#include <string>
#include <thread>

namespace iocscan {
namespace {

/// Cores in the affinity mask (taskset, cpusets); 0 when unknown.
unsigned affinity_cores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) != 0) return 0;
    return static_cast<unsigned>(CPU_COUNT(&set));
}

/// The cgroup v2 quota "QUOTA PERIOD" in cpu.max, rounded up to whole
/// cores; 0 when there is none ("max") or no cgroup v2.
unsigned quota_cores() {
    std::ifstream membership("/proc/self/cgroup");
    std::string line, group;
    while (std::getline(membership, line)) {
        if (line.starts_with("0::")) group = line.substr(3);
    }
    if (group.empty()) return 0;
    std::ifstream limit("/sys/fs/cgroup" + (group == "/" ? std::string() : group) + "/cpu.max");
    std::string quota;
    unsigned long long period = 0;
    if (!(limit >> quota >> period) || quota == "max" || period == 0) return 0;
    try {
        const unsigned long long q = std::stoull(quota);
        return static_cast<unsigned>(std::max<unsigned long long>(1, (q + period - 1) / period));
    } catch (const std::exception&) {
        return 0;
    }
}

}  // namespace

unsigned usable_cores() {
    unsigned cores = affinity_cores();
    if (cores == 0) cores = std::thread::hardware_concurrency();
    if (const unsigned quota = quota_cores(); quota > 0) cores = std::min(cores, quota);
    return std::max(1u, cores);
}

}  // namespace iocscan
