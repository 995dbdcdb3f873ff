// iocscan: the command-line tool. It uses only the public library API.
#include "cli/arguments.hpp"
#include "cli/output_writer.hpp"
#include "cli/record_printer.hpp"
#include "iocscan/iocscan.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_set>

namespace {

using namespace iocscan;

constexpr int kExitFound = 0;
constexpr int kExitNothingFound = 1;
constexpr int kExitError = 2;

void report_error(std::string_view where, std::string_view reason) {
    std::fprintf(stderr, "iocscan: %.*s: %.*s\n", int(where.size()), where.data(),
                 int(reason.size()), reason.data());
}

std::string display_name(const std::string& path) {
    return path == "-" ? "(standard input)" : path;
}

/// Totals over every file of the run, for --stats.
struct RunTotals {
    Stats sum;
    std::uint64_t files = 0;

    void add(const Stats& s) {
        sum.bytes += s.bytes;
        sum.dropped_overlong += s.dropped_overlong;
        for (std::size_t t = 0; t < kTypeCount; ++t) sum.found[t] += s.found[t];
        ++files;
    }
};

void print_stats(const RunTotals& totals, double seconds) {
    const double mb = static_cast<double>(totals.sum.bytes) / 1e6;
    std::fprintf(stderr, "iocscan: stats: %llu bytes in %llu file(s), %.3f s, %.1f MB/s\n",
                 static_cast<unsigned long long>(totals.sum.bytes),
                 static_cast<unsigned long long>(totals.files), seconds,
                 seconds > 0 ? mb / seconds : 0.0);
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        if (totals.sum.found[t] == 0) continue;
        const auto name = type_name(static_cast<Type>(t));
        std::fprintf(stderr, "iocscan: stats: %.*s %llu\n", int(name.size()), name.data(),
                     static_cast<unsigned long long>(totals.sum.found[t]));
    }
    std::fprintf(stderr, "iocscan: stats: dropped over-long candidates %llu\n",
                 static_cast<unsigned long long>(totals.sum.dropped_overlong));
}

/// Opens `path` for reading ("-" is standard input). Returns -1 after
/// reporting why it cannot be scanned.
int open_input(const std::string& path) {
    if (path == "-") return STDIN_FILENO;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        report_error(path, std::strerror(errno));
        return -1;
    }
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
        report_error(path, "Is a directory");
        ::close(fd);
        return -1;
    }
    return fd;
}

int run(const cli::Arguments& args) {
    int out_fd = STDOUT_FILENO;
    if (!args.output_path.empty()) {
        out_fd = ::open(args.output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (out_fd < 0) {
            report_error(args.output_path, std::strerror(errno));
            return kExitError;
        }
    }
    const std::string out_name = args.output_path.empty() ? "standard output" : args.output_path;
    cli::OutputWriter writer(out_fd);
    cli::RecordPrinter printer(args.format, writer);
    std::unordered_set<std::string> seen;   // --unique: "type\0value"
    std::string seen_key;

    const auto started = std::chrono::steady_clock::now();
    RunTotals totals;
    bool had_error = false;
    std::uint64_t printed = 0;
    Scanner scanner(args.scan);

    for (const std::string& path : args.paths) {
        const int fd = open_input(path);
        if (fd < 0) {
            had_error = true;
            continue;
        }
        const auto on_match = [&](const Match& match) {
            if (args.unique) {
                seen_key.assign(type_name(match.type));
                seen_key += '\0';
                seen_key.append(match.value);
                if (!seen.insert(seen_key).second) return true;
            }
            printer.print(match, path);
            ++printed;
            return writer.usable();
        };
        scanner.reset();
        std::string read_error;
        const ScanEnd end = scan_fd(fd, scanner, args.source, on_match, read_error);
        if (fd != STDIN_FILENO) ::close(fd);
        totals.add(scanner.stats());
        if (end == ScanEnd::read_error) {
            report_error(display_name(path), read_error);
            had_error = true;
        }
        if (!writer.usable()) break;
    }
    printer.finish();
    writer.flush();
    if (args.stats) {
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
        print_stats(totals, elapsed.count());
    }
    if (writer.failed()) {
        report_error(out_name, std::strerror(writer.error_errno()));
        return kExitError;
    }
    if (out_fd != STDOUT_FILENO && ::close(out_fd) != 0) {
        report_error(out_name, std::strerror(errno));
        return kExitError;
    }
    if (writer.reader_gone()) return had_error ? kExitError : kExitFound;
    if (had_error) return kExitError;
    return printed > 0 ? kExitFound : kExitNothingFound;
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe must show up as EPIPE from write(), not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
    cli::Arguments args;
    std::string error;
    if (!cli::parse_arguments(argc, argv, args, error)) {
        std::fprintf(stderr, "iocscan: %s\n", error.c_str());
        return kExitError;
    }
    if (args.help) {
        std::fputs(cli::usage_text(), stdout);
        return 0;
    }
    if (args.version) {
        std::printf("iocscan %s\n", IOCSCAN_VERSION);
        return 0;
    }
    return run(args);
}
