// The docs quote the binary's own listings; these tests keep the quotes
// equal to what the binary prints, so the two cannot drift apart.
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace iocscan::test {
namespace {

std::string doc_text(const std::string& name) {
    std::ifstream in(std::string(IOCSCAN_DOCS_DIR) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The body of the first ``` block after the line holding `marker`, or ""
/// when there is none.
std::string fenced_block_after(const std::string& text, const std::string& marker) {
    const std::size_t at = text.find(marker);
    if (at == std::string::npos) return "";
    const std::size_t fence = text.find("\n```\n", at);
    if (fence == std::string::npos) return "";
    const std::size_t body = fence + 5;
    const std::size_t end = text.find("```\n", body);
    return end == std::string::npos ? "" : text.substr(body, end - body);
}

TEST(DocsSync, NoiseControlRuleTableIsWhatListRulesPrints) {
    const std::string doc = doc_text("noise-control.md");
    ASSERT_FALSE(doc.empty()) << "docs/noise-control.md not found";
    const std::string table = fenced_block_after(doc, "`iocscan --list-rules` prints");
    ASSERT_FALSE(table.empty()) << "no table after \"`iocscan --list-rules` prints\"";
    const auto listed = run_iocscan({"--list-rules"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_EQ(table, listed.out) << "update the table in docs/noise-control.md to the output of --list-rules";
}

}  // namespace
}  // namespace iocscan::test
