// OutputWriter: the inline copy into the buffer and the path for texts
// that do not fit give the bytes in order, and accepted() counts them all.
#include "cli/output_writer.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace iocscan::cli {
namespace {

TEST(OutputWriter, WritesEveryByteInOrderAcrossTheBufferEdge) {
    char path[] = "/tmp/iocscan_output_writer_XXXXXX";
    const int fd = ::mkstemp(path);
    ASSERT_GE(fd, 0);
    std::string expected;
    {
        OutputWriter writer(fd);
        for (int i = 0; i < 20000; ++i) {
            const std::string record = "value-" + std::to_string(i);
            writer.write(record);
            writer.write('\n');
            expected += record + '\n';
            if (i % 5000 == 0) {   // longer than the buffer: written through
                const std::string big(70000 + static_cast<std::size_t>(i), static_cast<char>('a' + i % 26));
                writer.write(big);
                expected += big;
            }
        }
        EXPECT_EQ(writer.accepted(), expected.size());
        EXPECT_TRUE(writer.usable());
    }
    ::close(fd);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream got;
    got << in.rdbuf();
    std::remove(path);
    EXPECT_EQ(got.str(), expected);
}

}  // namespace
}  // namespace iocscan::cli
