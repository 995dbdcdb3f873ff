// --unique: the distinct set, the prefetch window in front of it, and the
// binary's -u output against plain output de-duplicated here.
#include "cli/distinct_set.hpp"
#include "cli/unique_filter.hpp"
#include "support/output_lines.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace iocscan::test {
namespace {

/// Keys that differ in one byte, in their length, or only past 16 bytes
/// (where the hash goes to its next block), plus the empty key.
std::vector<std::string> awkward_keys(int n) {
    std::vector<std::string> keys{""};
    for (int i = 0; i < n; ++i) {
        const std::string number = std::to_string(i);
        keys.push_back(number);
        keys.push_back(std::string(1, '\1') + number);
        keys.push_back("prefix-of-exactly-16:" + number);
        keys.push_back(std::string(40, 'x') + number + std::string(3, '\0'));
    }
    return keys;
}

void expect_each_key_new_once(cli::DistinctSet& set, const std::vector<std::string>& keys, const char* what) {
    for (const auto& key : keys) ASSERT_TRUE(set.insert(key)) << what << " " << key;
    for (const auto& key : keys) ASSERT_FALSE(set.insert(key)) << what << " " << key;
    EXPECT_EQ(set.size(), keys.size()) << what;
}

TEST(DistinctSet, ShortRemaindersStillTellKeysApart) {
    // With 1 or 2 remainder bits most probes meet a slot whose bits match a
    // different key: only the byte comparison tells them apart. With 1 bit
    // every doubling rebuilds the table from the arena; with 9 bits every
    // second doubling moves slots by their remainder and the next rebuilds.
    const auto keys = awkward_keys(30000);   // 120 001 keys: 14 doublings
    for (const unsigned bits : {1u, 2u, 9u, 21u}) {
        cli::DistinctSet set(bits);
        expect_each_key_new_once(set, keys, ("remainder bits " + std::to_string(bits)).c_str());
    }
}

TEST(DistinctSet, KeysLargerThanAnArenaBlockAndTheEmptyKey) {
    cli::DistinctSet set(2);
    const std::string huge(9 << 20, 'k');   // more than two 4 MiB blocks
    EXPECT_TRUE(set.insert(""));
    EXPECT_TRUE(set.insert(huge));
    EXPECT_TRUE(set.insert(huge.substr(1)));
    EXPECT_TRUE(set.insert(huge + "!"));
    for (int i = 0; i < 20000; ++i) EXPECT_TRUE(set.insert(std::to_string(i))) << i;
    EXPECT_FALSE(set.insert(huge));
    EXPECT_FALSE(set.insert(""));
    EXPECT_FALSE(set.insert(huge + "!"));
    EXPECT_FALSE(set.insert("19999"));
    EXPECT_EQ(set.size(), 20004u);
}

Match match_of(Type type, std::string_view value, std::string_view raw, std::uint64_t offset) {
    Match m;
    m.type = type;
    m.value = value;
    m.raw = raw;
    m.offset = offset;
    return m;
}

TEST(UniqueFilter, PassesEachTypeAndValueOnceInArrivalOrder) {
    // Repeats near each other (inside the window) and far apart, the same
    // value under two types, and values whose views die after add().
    std::vector<std::pair<Type, std::string>> input;
    for (int i = 0; i < 5000; ++i) {
        input.emplace_back(Type::ipv4, "10.0.0." + std::to_string(i % 700));
        if (i % 3 == 0) input.emplace_back(Type::domain, "host" + std::to_string(i % 50) + ".example");
        if (i % 7 == 0) input.emplace_back(Type::url, "host" + std::to_string(i % 50) + ".example");
    }
    std::vector<std::string> expected;
    std::set<std::pair<Type, std::string>> seen;
    for (const auto& item : input) {
        if (seen.insert(item).second) expected.push_back(std::string(type_name(item.first)) + " " + item.second);
    }

    cli::UniqueFilter filter;
    std::vector<std::string> emitted;
    std::uint64_t offset = 0;
    const auto emit = [&](const Match& m) {
        emitted.push_back(std::string(type_name(m.type)) + " " + std::string(m.value));
        EXPECT_EQ(m.raw, "[" + std::string(m.value) + "]");   // raw travels with its value
    };
    for (std::size_t i = 0; i < input.size(); ++i) {
        std::string value = input[i].second;   // dies before the match leaves the window
        const std::string raw = "[" + value + "]";
        filter.add(match_of(input[i].first, value, raw, offset++), emit);
        value.assign(value.size(), '?');
        if (i % 1000 == 999) {   // as on a pipe pause: everything held comes out
            filter.drain(emit);
            EXPECT_EQ(filter.window_size(), 0u);
        }
    }
    filter.drain(emit);
    EXPECT_EQ(emitted, expected);
    EXPECT_EQ(filter.distinct_count(), expected.size());
}

/// The "type" and "value" of a JSON Lines record: the text before ,"raw".
std::string type_and_value(const std::string& jsonl_line) { return jsonl_line.substr(0, jsonl_line.find(",\"raw\"")); }

TEST(CliUnique, OutputIsPlainOutputWithoutRepeatsInFirstOccurrenceOrder) {
    // Several families, repeats near and far, a value that is both a URL
    // and a domain, over several files (the set spans the whole run).
    std::string text;
    std::uint64_t x = 12345;
    for (int i = 0; i < 30000; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        const unsigned r = static_cast<unsigned>(x >> 40);
        text += "seen 10.0." + std::to_string(r % 5) + "." + std::to_string((r >> 4) % 61);
        if (i % 5 == 0) text += " mail u" + std::to_string(r % 400) + "@corp.example";
        if (i % 9 == 0) text += " hxxp://evil" + std::to_string(r % 300) + "[.]example/p";
        if (i % 13 == 0) text += " " + std::string(32, "0123456789abcdef"[r % 16]);
        text += "\n";
    }
    TempFile first(text.substr(0, text.size() / 2), "a.txt");
    TempFile second(text.substr(text.size() / 2), "b.txt");
    const std::vector<std::string> files{first.path(), second.path()};

    for (const std::vector<std::string>& options : {std::vector<std::string>{"--jsonl"},
                                                     std::vector<std::string>{"--jsonl", "--refang", "-t", "all"}}) {
        std::vector<std::string> args = options;
        args.insert(args.end(), files.begin(), files.end());
        const auto all = run_iocscan(args);
        ASSERT_EQ(all.exit_code, 0) << all.err;
        std::vector<std::string> expected;
        std::set<std::string> seen;
        for (const auto& line : lines_of(all.out)) {
            if (seen.insert(type_and_value(line)).second) expected.push_back(line);
        }
        args.insert(args.begin(), "-u");
        const auto once = run_iocscan(args);
        ASSERT_EQ(once.exit_code, 0) << once.err;
        const auto got = lines_of(once.out);
        EXPECT_GT(lines_of(all.out).size(), got.size() * 3 / 2) << "the input should repeat values";
        ASSERT_EQ(got.size(), expected.size());
        EXPECT_EQ(got, expected);
    }
}

TEST(CliUnique, PrintsWhatItHoldsWhileThePipePauses) {
    // The window holds up to 16 matches; a pause in the input lets them out.
    RunningIocscan child({"-u"});
    child.write_stdin("seen 1.2.3.4 1.2.3.4 5.6.7.8\n");
    EXPECT_EQ(child.read_stdout_until("1.2.3.4\n5.6.7.8\n", 2), "1.2.3.4\n5.6.7.8\n");
    child.write_stdin("again 5.6.7.8 and 9.9.9.9\n");
    EXPECT_EQ(child.read_stdout_until("9.9.9.9\n", 2), "9.9.9.9\n");
    child.close_stdin();
    EXPECT_EQ(child.wait().exit_code, 0);
}

}  // namespace
}  // namespace iocscan::test
