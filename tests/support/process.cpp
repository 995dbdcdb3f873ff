#include "support/process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace iocscan::test {
namespace {

struct Pipes {
    int in[2], out[2], err[2];
};

/// Starts the binary with its stdio on fresh pipes; returns the child's pid.
pid_t spawn(const std::vector<std::string>& args, const std::vector<std::string>& env, Pipes& p) {
    if (::pipe(p.in) || ::pipe(p.out) || ::pipe(p.err)) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(p.in[0], 0);
        ::dup2(p.out[1], 1);
        ::dup2(p.err[1], 2);
        for (int fd : {p.in[0], p.in[1], p.out[0], p.out[1], p.err[0], p.err[1]}) ::close(fd);
        std::signal(SIGPIPE, SIG_DFL);
        for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
        std::vector<char*> argv;
        std::string binary = iocscan_binary();
        argv.push_back(binary.data());
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(binary.c_str(), argv.data());
        std::_Exit(127);
    }
    ::close(p.in[0]);
    ::close(p.out[1]);
    ::close(p.err[1]);
    return pid;
}

void reap(pid_t pid, ProcessResult& result) {
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    result.max_rss_kib = usage.ru_maxrss;
}

/// Pumps stdin from `input` and collects stdout/stderr until both close.
void pump(int in_fd, int out_fd, int err_fd, const InputProducer& input,
          const std::function<bool(const std::string&)>& on_output, ProcessResult& result) {
    // A blocking write of a large piece would wait for the child to read
    // while the child waits for us to read its output.
    if (in_fd >= 0) ::fcntl(in_fd, F_SETFL, ::fcntl(in_fd, F_GETFL) | O_NONBLOCK);
    std::string pending;
    std::size_t pending_at = 0;
    bool out_open = true, err_open = true;
    char block[65536];
    while (out_open || err_open) {
        if (in_fd >= 0 && pending_at == pending.size()) {
            pending.clear();
            pending_at = 0;
            if (!input || !input(pending)) {
                ::close(in_fd);
                in_fd = -1;
            }
        }
        pollfd fds[3];
        nfds_t n = 0;
        if (out_open) fds[n++] = {out_fd, POLLIN, 0};
        if (err_open) fds[n++] = {err_fd, POLLIN, 0};
        if (in_fd >= 0 && pending_at < pending.size()) fds[n++] = {in_fd, POLLOUT, 0};
        if (::poll(fds, n, -1) < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("poll failed");
        }
        for (nfds_t k = 0; k < n; ++k) {
            if (fds[k].revents == 0) continue;
            if (fds[k].fd == in_fd) {
                const ssize_t w = ::write(in_fd, pending.data() + pending_at, pending.size() - pending_at);
                if (w > 0) pending_at += static_cast<std::size_t>(w);
                if (w < 0 && errno != EAGAIN && errno != EINTR) {   // the child stopped reading
                    ::close(in_fd);
                    in_fd = -1;
                }
                continue;
            }
            const ssize_t r = ::read(fds[k].fd, block, sizeof block);
            if (r <= 0) {
                (fds[k].fd == out_fd ? out_open : err_open) = false;
                continue;
            }
            std::string& sink = fds[k].fd == out_fd ? result.out : result.err;
            sink.append(block, static_cast<std::size_t>(r));
            if (fds[k].fd == out_fd && on_output && !on_output(result.out) && in_fd >= 0) {
                ::close(in_fd);
                in_fd = -1;
            }
        }
    }
    if (in_fd >= 0) ::close(in_fd);
}

}  // namespace

long baseline_rss_kib(const std::vector<std::string>& args) { return run_iocscan(args, "x\n").max_rss_kib; }

std::string iocscan_binary() { return IOCSCAN_BINARY; }

std::string shell_output(const std::string& command) {
    FILE* shell = ::popen(command.c_str(), "r");
    if (shell == nullptr) throw std::runtime_error("popen failed: " + command);
    std::string out;
    char block[4096];
    for (std::size_t n; (n = std::fread(block, 1, sizeof block, shell)) > 0;) out.append(block, n);
    ::pclose(shell);
    return out;
}

std::string file_text(const std::string& path) {
    std::ostringstream text;
    text << std::ifstream(path, std::ios::binary).rdbuf();
    return text.str();
}

ProcessResult run_iocscan(const std::vector<std::string>& args, const std::string& input,
                          const std::vector<std::string>& env) {
    Pipes p;
    const pid_t pid = spawn(args, env, p);
    bool sent = false;
    const InputProducer once = [&](std::string& piece) {
        if (sent || input.empty()) return false;
        piece = input;
        sent = true;
        return true;
    };
    ProcessResult result;
    pump(p.in[1], p.out[0], p.err[0], once, {}, result);
    ::close(p.out[0]);
    ::close(p.err[0]);
    reap(pid, result);
    return result;
}

ProcessResult run_iocscan_streaming(const std::vector<std::string>& args, const InputProducer& input,
                                    const std::function<bool(const std::string&)>& on_output) {
    Pipes p;
    const pid_t pid = spawn(args, {}, p);
    ProcessResult result;
    pump(p.in[1], p.out[0], p.err[0], input, on_output, result);
    ::close(p.out[0]);
    ::close(p.err[0]);
    reap(pid, result);
    return result;
}

RunningIocscan::RunningIocscan(const std::vector<std::string>& args) {
    Pipes p;
    pid_ = spawn(args, {}, p);
    in_ = p.in[1];
    out_ = p.out[0];
    err_ = p.err[0];
}

RunningIocscan::~RunningIocscan() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        wait();
    }
}

void RunningIocscan::write_stdin(const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(in_, data.data() + done, data.size() - done);
        if (n <= 0) throw std::runtime_error("write to child failed");
        done += static_cast<std::size_t>(n);
    }
}

void RunningIocscan::close_stdin() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
}

std::string RunningIocscan::read_stdout_until(const std::string& text, int seconds) {
    std::string seen;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (seen.find(text) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd ready{out_, POLLIN, 0};
        if (::poll(&ready, 1, 100) != 1) continue;
        char chunk[4096];
        const ssize_t n = ::read(out_, chunk, sizeof chunk);
        if (n <= 0) break;
        seen.append(chunk, static_cast<std::size_t>(n));
    }
    return seen;
}

void RunningIocscan::send_signal(int sig) { ::kill(pid_, sig); }

ProcessResult RunningIocscan::wait() {
    ProcessResult result;
    const int in = in_;
    in_ = -1;
    pump(in, out_, err_, {}, {}, result);
    ::close(out_);
    ::close(err_);
    reap(pid_, result);
    pid_ = -1;
    return result;
}

ProcessResult run_iocscan_interrupted(const std::vector<std::string>& args, const std::string& input) {
    RunningIocscan child(args);
    child.write_stdin(input);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    child.send_signal(SIGINT);
    return child.wait();
}

TempFile::TempFile(const std::string& contents, const std::string& name) {
    std::string pattern = (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + std::string("/iocscan-test-XXXXXX");
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    path_ = dir_ + "/" + name;
    std::ofstream(path_, std::ios::binary) << contents;
}

TempFile::~TempFile() {
    ::unlink(path_.c_str());
    ::rmdir(dir_.c_str());
}

}  // namespace iocscan::test
