// Directory arguments: recursive, sorted, links only with --follow, globs,
// special files only when named.
#include "support/output_lines.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <utility>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace iocscan::test {
namespace {

namespace fs = std::filesystem;

class TreeTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "iocscan-tree-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        root_ = pattern;
        outside_ = root_ + "-outside";
        fs::create_directories(root_ + "/logs/old");
        fs::create_directories(outside_);
        write(root_ + "/b.log", "b 10.0.0.2\n");
        write(root_ + "/a.txt", "a 10.0.0.1\n");
        write(root_ + "/logs/c.log", "c 10.0.0.3\n");
        write(root_ + "/logs/old/d.log", "d 10.0.0.4\n");
        write(outside_ + "/e.log", "e 10.0.0.5\n");
        fs::create_symlink(outside_, root_ + "/linked-dir");
        fs::create_symlink(outside_ + "/e.log", root_ + "/linked-file.log");
        ::mkfifo((root_ + "/pipe.log").c_str(), 0600);
    }
    void TearDown() override {
        fs::remove_all(root_);
        fs::remove_all(outside_);
    }
    static void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

    std::string root_, outside_;
};

using V = std::vector<std::string>;

TEST_F(TreeTest, WalksRecursivelyInSortedOrderWithPaths) {
    const auto r = run_iocscan({root_});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out), (V{root_ + "/a.txt:10.0.0.1", root_ + "/b.log:10.0.0.2",
                                  root_ + "/logs/c.log:10.0.0.3", root_ + "/logs/old/d.log:10.0.0.4"}));
    EXPECT_EQ(r.err, "") << "the FIFO inside the tree is skipped, not opened";
}

TEST_F(TreeTest, FollowEntersLinks) {
    const auto r = run_iocscan({"--follow", "--no-path", root_});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out), (V{"10.0.0.1", "10.0.0.2", "10.0.0.5", "10.0.0.5", "10.0.0.3", "10.0.0.4"}));
}

TEST_F(TreeTest, GlobsLimitTheFiles) {
    EXPECT_EQ(lines_of(run_iocscan({"--glob", "*.log", "--no-path", root_}).out),
              (V{"10.0.0.2", "10.0.0.3", "10.0.0.4"}));
    EXPECT_EQ(lines_of(run_iocscan({"-g", "a.*", "-g", "d.*", "--no-path", root_}).out), (V{"10.0.0.1", "10.0.0.4"}));
}

TEST_F(TreeTest, AGlobThatCanMatchNoNameIsAUsageError) {
    // fnmatch() takes these literally or matches nothing: the walk used to
    // select no file and end with status 1, as if the files held no IOC.
    const std::vector<std::pair<std::string, std::string>> refused = {
        {"[", "the '[' at character 1 is not closed (write '\\[' for a literal '[')"},
        {"*.[lt]og[", "the '[' at character 9 is not closed (write '\\[' for a literal '[')"},
        {"[]", "the '[' at character 1 is not closed (write '\\[' for a literal '[')"},
        {"logs/*.log", "has a '/', but patterns are matched against file names, not paths"},
        {"*.log\\", "ends in a lone '\\'"},
        {"[[:alfa:]]*", "unknown character class '[:alfa:]'"},
        {"", "an empty pattern matches no file name"},
    };
    for (const auto& [glob, why] : refused) {
        for (const char* option : {"--glob", "-g"}) {
            const auto r = run_iocscan({option, glob, root_});
            EXPECT_EQ(r.exit_code, 2) << glob;
            EXPECT_EQ(r.out, "") << glob;
            EXPECT_EQ(r.err, "iocscan: " + std::string(option) + " '" + glob + "': " + why + "\n");
        }
    }
    // Brackets that close, escapes and known classes are fine.
    for (const char* glob : {"[]b].log", "[!a]*", "\\[x", "[[:alpha:]].log", "[\\]].txt", "*.[lt][ox][gt]"}) {
        const auto r = run_iocscan({"--glob", glob, "--no-path", root_});
        EXPECT_NE(r.exit_code, 2) << glob << ": " << r.err;
    }
    EXPECT_EQ(lines_of(run_iocscan({"--glob", "[]b].log", "--no-path", root_}).out), (V{"10.0.0.2"}));
}

TEST_F(TreeTest, IocextractDirnameSpelling) {
    EXPECT_EQ(lines_of(run_iocscan({"--dir", "--dirname", root_ + "/logs", "--no-path"}).out),
              (V{"10.0.0.3", "10.0.0.4"}));
}

TEST_F(TreeTest, JsonlRecordsCarryThePath) {
    const auto r = run_iocscan({"--jsonl", root_ + "/logs"});
    EXPECT_NE(r.out.find("\"path\":\"" + root_ + "/logs/old/d.log\""), std::string::npos) << r.out;
}

TEST_F(TreeTest, UnreadableSubdirectoryIsReportedAndTheRestScanned) {
    if (::geteuid() == 0) GTEST_SKIP() << "root can read a mode-000 directory";
    ::chmod((root_ + "/logs").c_str(), 0);
    const auto r = run_iocscan({"--no-path", root_});
    ::chmod((root_ + "/logs").c_str(), 0755);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(root_ + "/logs: Permission denied"), std::string::npos) << r.err;
    EXPECT_EQ(lines_of(r.out), (V{"10.0.0.1", "10.0.0.2"}));
}

TEST(Progress, ShownOnATerminalAndClearedAtTheEnd) {
    if (::access("/usr/bin/script", X_OK) != 0) GTEST_SKIP() << "script(1) is not installed";
    std::string big;
    while (big.size() < (8u << 20)) big += "line with 10.1.2.3 in it\n";
    TempFile file(big);
    // script(1) gives the child a pseudo-terminal, as a user's shell would.
    const std::string command = "script -qec '" + iocscan_binary() + " --progress --types ipv4 --chunk-size 4096 " +
                                file.path() + " > /dev/null' /dev/null";
    const std::string terminal = shell_output(command);
    EXPECT_NE(terminal.find("\r\x1b[K"), std::string::npos) << "a self-updating line";
    EXPECT_NE(terminal.find("MB/s"), std::string::npos) << terminal;
    EXPECT_NE(terminal.find("IOCs"), std::string::npos);
    EXPECT_EQ(terminal.substr(terminal.size() - 4), "\r\x1b[K") << "the line is cleared at the end";
}

TEST(Progress, NeverPrintedWhenStderrIsNotATerminal) {
    std::string big;
    while (big.size() < (4u << 20)) big += "line with 10.1.2.3 in it\n";
    const auto r = run_iocscan({"--progress", "--types", "ipv4"}, big);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.err, "");
}

}  // namespace
}  // namespace iocscan::test
