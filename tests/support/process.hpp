// Runs the built iocscan binary as a user would, for the CLI tests.
#pragma once

#include <string>
#include <vector>

namespace iocscan::test {

struct ProcessResult {
    int exit_code = -1;        ///< -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
};

/// Runs `iocscan` with `args`, feeding `input` on stdin. Environment
/// variables in `env` ("NAME=value") are added to the child's.
ProcessResult run_iocscan(const std::vector<std::string>& args, const std::string& input = "",
                          const std::vector<std::string>& env = {});

/// Path of the binary under test.
std::string iocscan_binary();

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
