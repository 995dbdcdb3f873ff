// iocscan: the command-line tool. It uses only the public library API.
#include "cli/arguments.hpp"
#include "cli/display_name.hpp"
#include "cli/input_walker.hpp"
#include "cli/output_writer.hpp"
#include "cli/print_text.hpp"
#include "cli/progress_meter.hpp"
#include "cli/record_printer.hpp"
#include "cli/source_date_epoch.hpp"
#include "cli/stix_writer.hpp"
#include "cli/subcommands.hpp"
#include "cli/unique_filter.hpp"
#include "iocscan/iocscan.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <new>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace {

using namespace iocscan;
using cli::display_name;

constexpr int kExitFound = 0;
constexpr int kExitNothingFound = 1;
constexpr int kExitError = 2;
/// 128 + the signal, as shells report it: 130 for SIGINT, 143 for SIGTERM.
constexpr int kExitSignalBase = 128;

/// Set by SIGINT/SIGTERM; the scan stops before its next read.
std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

void on_interrupt(int sig) {
    g_signal.store(sig);
    g_interrupted.store(true);
}

/// No SA_RESTART: a read() blocked on a terminal or pipe returns at once.
void install_interrupt_handlers() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

void report_error(std::string_view where, std::string_view reason) {
    std::fprintf(stderr, "iocscan: %.*s: %.*s\n", int(where.size()), where.data(),
                 int(reason.size()), reason.data());
}

/// Totals over every file of the run, for --stats.
struct RunTotals {
    Stats sum;
    std::uint64_t files = 0;

    /// --range: bytes read before and after the range so that its result is
    /// exact (docs/scale-out.md), shown apart from the range's own bytes.
    std::optional<std::uint64_t> read_around;

    void add(const Stats& s) {
        sum.bytes += s.bytes;
        sum.dropped_overlong += s.dropped_overlong;
        sum.filtered += s.filtered;
        for (std::size_t t = 0; t < kTypeCount; ++t) sum.found[t] += s.found[t];
        ++files;
    }

    /// A --range scan of `range_bytes` bytes (the part of the range inside
    /// the file): those count as scanned, the rest of what it read apart.
    void add_range(Stats s, std::uint64_t range_bytes) {
        const std::uint64_t in_range = std::min(s.bytes, range_bytes);
        read_around = read_around.value_or(0) + (s.bytes - in_range);
        s.bytes = in_range;
        add(s);
    }
};

void print_stats(const RunTotals& totals, double seconds, unsigned threads, bool noise_control) {
    const double mb = static_cast<double>(totals.sum.bytes) / 1e6;
    std::fprintf(stderr, "iocscan: stats: %llu bytes in %llu file(s), %.3f s, %.1f MB/s\n",
                 static_cast<unsigned long long>(totals.sum.bytes),
                 static_cast<unsigned long long>(totals.files), seconds,
                 seconds > 0 ? mb / seconds : 0.0);
    if (totals.read_around) {
        std::fprintf(stderr, "iocscan: stats: read around the range %llu bytes (not counted above)\n",
                     static_cast<unsigned long long>(*totals.read_around));
    }
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        if (totals.sum.found[t] == 0) continue;
        const auto name = type_name(static_cast<Type>(t));
        std::fprintf(stderr, "iocscan: stats: %.*s %llu\n", int(name.size()), name.data(),
                     static_cast<unsigned long long>(totals.sum.found[t]));
    }
    std::fprintf(stderr, "iocscan: stats: dropped over-long candidates %llu\n",
                 static_cast<unsigned long long>(totals.sum.dropped_overlong));
    if (noise_control) {
        std::fprintf(stderr, "iocscan: stats: filtered (--no-private, --allow) %llu\n",
                     static_cast<unsigned long long>(totals.sum.filtered));
    }
    std::fprintf(stderr, "iocscan: stats: threads %u\n", threads);
}

/// Opens `path` for reading ("-" is standard input). Returns -1 after
/// reporting why it cannot be scanned.
int open_input(const std::string& path) {
    if (path == "-") return STDIN_FILENO;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        // A FIFO without a writer blocks open() until the signal ends the run.
        if (errno != EINTR || !g_interrupted.load()) report_error(path, std::strerror(errno));
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

/// Like grep: "PATH:" prefixes when several files may be scanned.
bool prefix_paths(const cli::Arguments& args) {
    if (args.path_prefix != cli::PathPrefix::automatic) return args.path_prefix == cli::PathPrefix::always;
    if (args.paths.size() > 1) return true;
    struct stat info {};
    return args.paths[0] != "-" && ::stat(args.paths[0].c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

/// Size of a regular file, for the progress line's ETA; 0 when unknown.
std::uint64_t known_size(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) return 0;
    return static_cast<std::uint64_t>(info.st_size);
}

/// A file's identity, to tell when an input is the output file.
struct FileId {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileId&) const = default;
};

std::optional<FileId> regular_file_id(const struct stat& info) {
    if (!S_ISREG(info.st_mode)) return std::nullopt;
    return FileId{info.st_dev, info.st_ino};
}

std::optional<FileId> regular_file_id(const std::string& path) {
    struct stat info {};
    const int rc = path == "-" ? ::fstat(STDIN_FILENO, &info) : ::stat(path.c_str(), &info);
    return rc == 0 ? regular_file_id(info) : std::nullopt;
}

std::optional<FileId> regular_file_id(int fd) {
    struct stat info {};
    return ::fstat(fd, &info) == 0 ? regular_file_id(info) : std::nullopt;
}

constexpr std::string_view kInputIsOutput = "input file is also the output";

/// -o FILE naming an input would truncate it before it is read: refused
/// before anything is opened, as grep and ripgrep do.
bool output_names_an_input(const cli::Arguments& args) {
    if (args.output_path.empty()) return false;
    const auto output = regular_file_id(args.output_path);
    if (!output) return false;
    for (const auto& path : args.paths) {
        if (regular_file_id(path) == output) {
            report_error(display_name(path), kInputIsOutput);
            return true;
        }
    }
    return false;
}

/// --range names one regular file: a byte range of a pipe, of several files
/// or of a directory means nothing. Returns the reason it is refused, or "".
std::string range_misuse(const cli::Arguments& args) {
    if (!args.range) return "";
    if (args.paths.size() != 1) return "--range: needs exactly one file";
    if (args.paths[0] == "-") return "--range: needs a regular file, not standard input";
    struct stat info {};
    if (::stat(args.paths[0].c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        return "--range: needs a regular file, not a directory";
    }
    return "";
}

/// The scanner for the run. When the system refuses the helper threads
/// (RLIMIT_NPROC, no room for their stacks) the scan goes on with one
/// thread, which prints the same, and says so.
Scanner start_scanner(const Options& options) {
    try {
        return Scanner(options);
    } catch (const std::system_error& e) {
        if (options.threads == 1) throw;
        std::fprintf(stderr, "iocscan: %s; scanning with one thread\n", e.what());
    }
    Options one_thread = options;
    one_thread.threads = 1;
    return Scanner(one_thread);
}

int run(const cli::Arguments& args) {
    if (output_names_an_input(args)) return kExitError;
    if (const std::string misuse = range_misuse(args); !misuse.empty()) {
        std::fprintf(stderr, "iocscan: %s\n", misuse.c_str());
        return kExitError;
    }
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
    cli::RecordPrinter printer(args.format, writer, {prefix_paths(args), args.csv_formula_guard, args.line_numbers},
                               {args.title, args.paths});
    cli::ProgressMeter progress(args.progress);
    cli::UniqueFilter unique;   // --unique

    const auto started = std::chrono::steady_clock::now();
    RunTotals totals;
    bool had_error = false;
    std::uint64_t printed = 0;
    Scanner scanner = start_scanner(args.scan);
    SourceOptions source = args.source;

    // A file met inside a walked directory may be the output too.
    const std::optional<FileId> output_id = args.output_path.empty() ? std::nullopt : regular_file_id(out_fd);
    const auto scan_one = [&](const std::string& path) {
        const int fd = open_input(path);
        if (fd < 0) {
            if (g_interrupted.load()) return false;
            had_error = true;
            return true;
        }
        if (output_id && regular_file_id(fd) == output_id) {
            report_error(display_name(path), kInputIsOutput);
            if (fd != STDIN_FILENO) ::close(fd);
            had_error = true;
            return true;
        }
        const auto print_match = [&](const Match& match) {
            printer.print(match, path);
            ++printed;
        };
        const auto on_match = [&](const Match& match) {
            if (args.unique) {
                unique.add(match, print_match);
            } else {
                print_match(match);
            }
            return writer.usable();
        };
        progress.start_input(std::string(display_name(path)), known_size(fd));
        source.on_progress = [&](std::uint64_t bytes) { progress.update(bytes, printed); };
        // Output waits in a buffer; a pipe that pauses gets it out at once.
        source.on_wait = [&] {
            unique.drain(print_match);
            writer.flush();
        };
        scanner.reset();
        std::string read_error;
        ScanEnd end = ScanEnd::read_error;
        try {
            end = args.range ? scan_range(fd, *args.range, scanner, source, on_match, read_error)
                             : scan_fd(fd, scanner, source, on_match, read_error);
        } catch (const std::exception& e) {
            // Out of memory, on this thread or a helper (the pool hands its
            // exception over): named with the file, like a read error. What
            // was printed is whole records; the next file starts afresh.
            read_error = dynamic_cast<const std::bad_alloc*>(&e) != nullptr ? "out of memory" : e.what();
        }
        unique.drain(print_match);   // the matches still in the window
        if (args.range) {
            const std::uint64_t size = known_size(fd);
            totals.add_range(scanner.stats(), std::min(args.range->end, size) - std::min(args.range->begin, size));
        } else {
            totals.add(scanner.stats());
        }
        if (fd != STDIN_FILENO) ::close(fd);
        if (end == ScanEnd::read_error) {
            progress.clear();
            report_error(display_name(path), read_error);
            had_error = true;
        }
        return end != ScanEnd::cancelled && writer.usable();
    };
    const auto walk_error = [&](const std::string& path, const std::string& reason) {
        progress.clear();
        report_error(path, reason);
        had_error = true;
    };
    cli::walk_inputs(args.paths, args.walk, scan_one, walk_error);

    progress.clear();
    printer.finish();
    writer.flush();
    if (args.stats) {
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
        print_stats(totals, elapsed.count(), scanner.options().threads,
                    args.scan.no_private || !args.scan.allow.empty());
    }
    if (writer.failed()) {
        report_error(out_name, std::strerror(writer.error_errno()));
        return kExitError;
    }
    if (out_fd != STDOUT_FILENO && ::close(out_fd) != 0) {
        report_error(out_name, std::strerror(errno));
        return kExitError;
    }
    if (g_interrupted.load()) return kExitSignalBase + g_signal.load();
    if (writer.reader_gone()) return had_error ? kExitError : kExitFound;
    if (had_error) return kExitError;
    return printed > 0 ? kExitFound : kExitNothingFound;
}

int run_command_line(int argc, char** argv) {
    if (argc >= 2 && cli::is_subcommand(argv[1])) return cli::run_subcommand(argc, argv);
    install_interrupt_handlers();
    cli::Arguments args;
    std::string error;
    if (!cli::parse_arguments(argc, argv, args, error) ||
        ((args.format == cli::OutputFormat::stix || args.format == cli::OutputFormat::misp) &&
         !cli::check_source_date_epoch(error))) {
        std::fprintf(stderr, "iocscan: %s\n", error.c_str());
        return kExitError;
    }
    if (args.help) return cli::print_text(cli::usage_text());
    if (args.list_rules) return cli::print_text(cli::rule_list_text().c_str());
    if (args.version) return cli::print_text("iocscan " IOCSCAN_VERSION "\n");
    args.source.cancel = &g_interrupted;
    return run(args);
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe must show up as EPIPE from write(), not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
    // Out of memory (--threads 1024 under a tight ulimit, --unique over
    // billions of values) ends the run with a message and status 2, the
    // output so far written as the writer unwinds, not with abort().
    try {
        return run_command_line(argc, argv);
    } catch (const std::bad_alloc&) {
        std::fputs("iocscan: out of memory\n", stderr);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "iocscan: %s\n", e.what());
    }
    return kExitError;
}
