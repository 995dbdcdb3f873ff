// Every row of spec/cases.tsv, through the library and through the binary.
#include "support/case_table.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace iocscan::test {
namespace {

/// Modes the library and CLI implement so far.
bool mode_supported(const std::string& mode) {
    return mode == "raw" || mode == "refang" || mode == "wide" || mode == "strip" || mode == "open";
}

/// Why a row cannot run yet, or "" when it can.
std::string unsupported_reason(const CaseRow& row) {
    Type type;
    if (!parse_type(row.type, type)) return "unknown type " + row.type;
    if (!available_types().has(type)) return "no scanner for type " + row.type + " yet";
    for (const auto& mode : row.modes) {
        if (!mode_supported(mode)) return "mode " + mode + " not built yet";
    }
    return "";
}

Options options_for_row(const CaseRow& row) {
    Options options;
    options.types = TypeSet::all();   // families are independent: ask for all
    options.refang = row.has_mode("refang");
    options.strip_urls = row.has_mode("strip");
    options.open_punctuation = row.has_mode("open");
    return options;
}

class CaseTest : public ::testing::TestWithParam<CaseRow> {};

TEST_P(CaseTest, Library) {
    const CaseRow& row = GetParam();
    if (const auto why = unsupported_reason(row); !why.empty()) GTEST_SKIP() << why;
    Type type;
    ASSERT_TRUE(parse_type(row.type, type));
    SourceOptions source;
    source.wide = row.has_mode("wide");
    const auto found = scan_through_fd(row.input, options_for_row(row), source);
    EXPECT_EQ(values_of(found, type), row.expected)
        << "cases.tsv line " << row.line << ", all matches:\n" << describe(found);
}

TEST_P(CaseTest, InvariantUnderChunkSize) {
    const CaseRow& row = GetParam();
    if (const auto why = unsupported_reason(row); !why.empty()) GTEST_SKIP() << why;
    SourceOptions source;
    source.wide = row.has_mode("wide");
    const auto reference = scan_through_fd(row.input, options_for_row(row), source);
    for (std::size_t chunk : {1, 2, 3, 7, 64, 4096}) {
        source.chunk_size = chunk;
        EXPECT_EQ(scan_through_fd(row.input, options_for_row(row), source), reference)
            << "chunk size " << chunk;
        if (!source.wide) {
            EXPECT_EQ(scan_pieces(row.input, options_for_row(row), chunk), reference)
                << "feed() pieces of " << chunk;
        }
    }
}

TEST_P(CaseTest, TwoThreads) {
    const CaseRow& row = GetParam();
    if (const auto why = unsupported_reason(row); !why.empty()) GTEST_SKIP() << why;
    Type type;
    ASSERT_TRUE(parse_type(row.type, type));
    SourceOptions source;
    source.wide = row.has_mode("wide");
    const auto reference = scan_through_fd(row.input, options_for_row(row), source);
    Options options = options_for_row(row);
    options.threads = 2;
    for (std::size_t chunk : {1, 7, 4096}) {
        source.chunk_size = chunk;
        const auto found = scan_through_fd(row.input, options, source);
        EXPECT_EQ(values_of(found, type), row.expected) << "chunk size " << chunk;
        EXPECT_EQ(found, reference) << "chunk size " << chunk;
    }
}

TEST_P(CaseTest, CommandLine) {
    const CaseRow& row = GetParam();
    if (const auto why = unsupported_reason(row); !why.empty()) GTEST_SKIP() << why;
    TempFile file(row.input);
    // The row's type under the default selection: an ipv4 row is scanned
    // with cidr on, so "10.20.0.0/16" is a cidr there, not an ipv4.
    std::vector<std::string> args = {"--jsonl", "--types", row.type == "ipv4" ? "ipv4,cidr" : row.type};
    if (row.has_mode("refang")) args.push_back("--refang");
    if (row.has_mode("wide")) args.push_back("--wide");
    if (row.has_mode("strip")) args.push_back("--strip-urls");
    if (row.has_mode("open")) args.push_back("--open");
    args.push_back(file.path());
    const auto result = run_iocscan(args);
    ASSERT_EQ(result.exit_code, row.expected.empty() ? 1 : 0) << result.err;
    std::vector<std::string> values;
    std::istringstream lines(result.out);
    std::string line;
    while (std::getline(lines, line)) {
        const JsonValue record = parse_json(line);
        if (record.at("type").string == row.type) values.push_back(record.at("value").string);
    }
    EXPECT_EQ(values, row.expected) << result.out;
}

std::string row_name(const ::testing::TestParamInfo<CaseRow>& info) {
    std::string name = info.param.id;
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Spec, CaseTest, ::testing::ValuesIn(load_cases(cases_path())), row_name);

TEST(CaseTable, CopyMatchesTheSharedContract) {
    const std::string shared = IOCSCAN_SHARED_CASES;
    std::ifstream probe(shared);
    if (!probe) GTEST_SKIP() << shared << " is not present next to the project";
    std::stringstream ours, theirs;
    ours << std::ifstream(cases_path()).rdbuf();
    theirs << probe.rdbuf();
    EXPECT_EQ(ours.str(), theirs.str())
        << "tests/data/cases.tsv has drifted from " << shared << ": copy it again";
}

}  // namespace
}  // namespace iocscan::test
