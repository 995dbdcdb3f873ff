// Runs the built iocscan binary as a user would, for the CLI tests.
#pragma once

#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace iocscan::test {

struct ProcessResult {
    int exit_code = -1;        ///< -1 when killed by a signal
    int signal = 0;
    long max_rss_kib = 0;      ///< peak resident memory of the child
    std::string out;
    std::string err;
};

/// Produces the child's stdin piece by piece; returns false when done.
using InputProducer = std::function<bool(std::string& piece)>;

/// Runs `iocscan` with `args`, feeding `input` on stdin. Environment
/// variables in `env` ("NAME=value") are added to the child's.
ProcessResult run_iocscan(const std::vector<std::string>& args, const std::string& input = "",
                          const std::vector<std::string>& env = {});

/// Like run_iocscan, with stdin produced on the fly (for inputs too large to
/// hold); `on_output` sees stdout as it grows and may return false to stop
/// feeding stdin early.
ProcessResult run_iocscan_streaming(const std::vector<std::string>& args, const InputProducer& input,
                                    const std::function<bool(const std::string& out_so_far)>& on_output = {});

/// Runs `iocscan` with `input` written on a stdin it leaves open, sends
/// SIGINT 300 ms later (time to read and buffer the matches) and waits.
ProcessResult run_iocscan_interrupted(const std::vector<std::string>& args, const std::string& input);

/// A running iocscan whose stdin stays open until close_stdin(), for signal tests.
class RunningIocscan {
public:
    explicit RunningIocscan(const std::vector<std::string>& args);
    ~RunningIocscan();
    void write_stdin(const std::string& data);
    void close_stdin();
    /// Reads stdout until it holds `text` or `seconds` pass; returns what it
    /// read (stdin stays open: for output that must come before the end).
    std::string read_stdout_until(const std::string& text, int seconds);
    void send_signal(int sig);
    /// Reads stdout and stderr to their end and reaps the child.
    ProcessResult wait();

private:
    pid_t pid_ = -1;
    int in_ = -1, out_ = -1, err_ = -1;
};

/// Peak RSS of `iocscan ARGS` on a one-line input. A child's ru_maxrss
/// starts at the size of this process when it forked (exec keeps the
/// high-water mark), so a memory bound compares a run's figure with this
/// one, taken just before with the same options.
long baseline_rss_kib(const std::vector<std::string>& args);

/// Path of the binary under test.
std::string iocscan_binary();

/// Whether the binary under test runs under AddressSanitizer: its shadow
/// memory makes peak-RSS figures meaningless, and it cannot start under a
/// `ulimit -v`.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

/// Runs `command` with /bin/sh (for pipelines, terminals and affinity masks
/// run_iocscan cannot set up); returns what it wrote on stdout. Throws when
/// the shell cannot be started.
std::string shell_output(const std::string& command);

/// The whole contents of the file at `path` ("" when it cannot be read).
std::string file_text(const std::string& path);

/// A file in a fresh temporary directory, removed with the object.
class TempFile {
public:
    explicit TempFile(const std::string& contents, const std::string& name = "input.txt");
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }
    const std::string& dir() const { return dir_; }

private:
    std::string dir_;
    std::string path_;
};

}  // namespace iocscan::test
