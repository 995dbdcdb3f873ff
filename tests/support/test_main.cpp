// The test binary's main: like gtest_main, but a child that closes its stdin
// early must not kill the test process with SIGPIPE.
#include <csignal>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
