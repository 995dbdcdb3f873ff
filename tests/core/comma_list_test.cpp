// CommaList: every comma separates, so empty names reach the callers.
#include "core/comma_list.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iocscan::test {
namespace {

std::vector<std::string> items(std::string_view list) {
    std::vector<std::string> out;
    for (const std::string_view item : CommaList(list)) out.emplace_back(item);
    return out;
}

using V = std::vector<std::string>;

TEST(CommaList, ItemsInOrderEmptyOnesIncluded) {
    EXPECT_EQ(items("url,ipv4,md5"), (V{"url", "ipv4", "md5"}));
    EXPECT_EQ(items("all"), V{"all"});
    EXPECT_EQ(items(""), V{""});
    EXPECT_EQ(items("a,"), (V{"a", ""}));
    EXPECT_EQ(items(",a"), (V{"", "a"}));
    EXPECT_EQ(items("a,,b"), (V{"a", "", "b"}));
    EXPECT_EQ(items(","), (V{"", ""}));
}

}  // namespace
}  // namespace iocscan::test
