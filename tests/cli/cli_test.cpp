// The iocscan binary, run as a user runs it.
#include "cli/distinct_set.hpp"
#include "support/json.hpp"
#include "support/output_lines.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <csignal>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace iocscan::test {
namespace {

const std::string kReport =
    "C2 at 203[.]0[.]113[.]9 and 198.51.100.7, again 203[.]0[.]113[.]9.\n"
    "dropper md5 d41d8cd98f00b204e9800998ecf8427e\n";

using V = std::vector<std::string>;

TEST(Cli, PlainOutputInInputOrder) {
    TempFile file(kReport);
    const auto r = run_iocscan({file.path()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // A defanged address is also a "bracket" URL (spec section 3), reported
    // first at its offset since url sorts before ipv4.
    EXPECT_EQ(lines_of(r.out),
              (V{"203[.]0[.]113[.]9", "203[.]0[.]113[.]9", "198.51.100.7", "203[.]0[.]113[.]9",
                 "203[.]0[.]113[.]9", "d41d8cd98f00b204e9800998ecf8427e"}));
    EXPECT_EQ(r.err, "");
}

TEST(Cli, RefangAndUnique) {
    TempFile file(kReport);
    const auto r = run_iocscan({"--refang", "--unique", file.path()});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(lines_of(r.out),
              (V{"http://203.0.113.9", "203.0.113.9", "198.51.100.7", "d41d8cd98f00b204e9800998ecf8427e"}));
}

TEST(Cli, ReadsStandardInput) {
    EXPECT_EQ(lines_of(run_iocscan({}, "x 1.2.3.4\n").out), V{"1.2.3.4"});
    EXPECT_EQ(lines_of(run_iocscan({"-"}, "x 1.2.3.4\n").out), V{"1.2.3.4"});
    EXPECT_EQ(lines_of(run_iocscan({"--input", "-"}, "x 1.2.3.4\n").out), V{"1.2.3.4"});
}

TEST(Cli, NothingFoundExitsOne) {
    const auto r = run_iocscan({}, "no indicators here, version 1.2.3.4.5\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
}

TEST(Cli, TypeSelection) {
    TempFile file(kReport);
    EXPECT_EQ(lines_of(run_iocscan({"--types", "md5", file.path()}).out), V{"d41d8cd98f00b204e9800998ecf8427e"});
    EXPECT_EQ(lines_of(run_iocscan({"--extract-hashes", file.path()}).out), V{"d41d8cd98f00b204e9800998ecf8427e"});
    EXPECT_EQ(lines_of(run_iocscan({"--extract-ipv4s", "--refang", file.path()}).out).size(), 3u);
    EXPECT_EQ(lines_of(run_iocscan({"--extract-ips", "--refang", file.path()}).out).size(), 3u);
    EXPECT_EQ(lines_of(run_iocscan({"--types=cidr"}, "10.0.0.0/8").out), V{"10.0.0.0/8"});
}

TEST(Cli, JsonLinesParseAndCarryTheRecordFields) {
    TempFile file(kReport);
    const auto r = run_iocscan({"--jsonl", "--refang", file.path()});
    ASSERT_EQ(r.exit_code, 0);
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 6u);   // url and ipv4 twice, ipv4, md5
    const JsonValue url = parse_json(lines[0]);
    EXPECT_EQ(url.at("type").string, "url");
    EXPECT_EQ(url.at("value").string, "http://203.0.113.9");
    ASSERT_EQ(url.at("rules").array.size(), 1u);
    EXPECT_EQ(url.at("rules").array[0].string, "bracket");
    const JsonValue first = parse_json(lines[1]);
    EXPECT_EQ(first.at("type").string, "ipv4");
    EXPECT_EQ(first.at("value").string, "203.0.113.9");
    EXPECT_EQ(first.at("raw").string, "203[.]0[.]113[.]9");
    EXPECT_EQ(first.at("offset").number, 6);
    EXPECT_EQ(first.at("length").number, 17);
    EXPECT_EQ(first.at("path").string, file.path());
    EXPECT_TRUE(first.at("defanged").boolean);
    ASSERT_EQ(first.at("rules").array.size(), 1u);
    EXPECT_EQ(first.at("rules").array[0].string, "ipv4");
    EXPECT_FALSE(parse_json(lines[2]).has("defanged"));
    EXPECT_EQ(parse_json(lines[5]).at("type").string, "md5");
}

TEST(Cli, UpperCaseTextIsNotDefanged) {
    // Refang lowercases hosts and MAC digits; that alone is no obfuscation.
    const auto r = run_iocscan({"--jsonl", "--types", "all"},
                               "Bob@EXAMPLE.COM HTTP://EVIL.COM/X 00:1A:2B:3C:4D:5E EVIL[.]NET\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, bool> defanged;
    for (const auto& line : lines_of(r.out)) {
        const JsonValue record = parse_json(line);
        defanged[record.at("raw").string] = record.has("defanged") && record.at("defanged").boolean;
    }
    const std::map<std::string, bool> expected{{"Bob@EXAMPLE.COM", false}, {"EXAMPLE.COM", false},
                                               {"HTTP://EVIL.COM/X", false}, {"EVIL.COM", false},
                                               {"00:1A:2B:3C:4D:5E", false}, {"EVIL[.]NET", true}};
    EXPECT_EQ(defanged, expected) << r.out;
}

TEST(Cli, JsonIsOneObjectInIocextractsShape) {
    TempFile file(kReport);
    const auto r = run_iocscan({"--json", "--refang", file.path()});
    ASSERT_EQ(r.exit_code, 0);
    const JsonValue doc = parse_json(r.out);
    ASSERT_EQ(doc.at("ipv4s").array.size(), 3u);
    EXPECT_EQ(doc.at("ipv4s").array[1].string, "198.51.100.7");
    ASSERT_EQ(doc.at("hashes").array.size(), 1u);
    EXPECT_EQ(run_iocscan({"--json"}, "nothing").out, "{}\n");
}

TEST(Cli, MissingFileIsReportedAndOthersAreStillScanned) {
    TempFile file(kReport);
    const auto r = run_iocscan({"--no-path", "/nonexistent/iocscan-missing.log", file.path()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("iocscan: /nonexistent/iocscan-missing.log: No such file or directory"),
              std::string::npos) << r.err;
    EXPECT_EQ(lines_of(r.out).size(), 6u);
}

TEST(Cli, PathPrefixLikeGrep) {
    TempFile a("x 10.1.1.1\n", "a.log");
    TempFile b("y 10.2.2.2\n", "b.log");
    EXPECT_EQ(lines_of(run_iocscan({a.path()}).out), V{"10.1.1.1"});
    EXPECT_EQ(lines_of(run_iocscan({a.path(), b.path()}).out), (V{a.path() + ":10.1.1.1", b.path() + ":10.2.2.2"}));
    EXPECT_EQ(lines_of(run_iocscan({"--no-path", a.path(), b.path()}).out), (V{"10.1.1.1", "10.2.2.2"}));
    EXPECT_EQ(lines_of(run_iocscan({"--with-path", a.path()}).out), V{a.path() + ":10.1.1.1"});
    EXPECT_EQ(lines_of(run_iocscan({"-H"}, "10.3.3.3").out), V{"(standard input):10.3.3.3"});
}

TEST(Cli, DomainIgnoreListDropsListedDomainsAndTheirSubdomains) {
    TempFile list("# our own\nEXAMPLE.com\n.cdn.example.net\n", "ignore.txt");
    const std::string text = "a evil-cdn[.]com b mail.example.com c x.cdn.example.net d example.net\n";
    EXPECT_EQ(lines_of(run_iocscan({"--types", "domain", "--refang"}, text).out),
              (V{"evil-cdn.com", "mail.example.com", "x.cdn.example.net", "example.net"}));
    EXPECT_EQ(lines_of(run_iocscan({"--types", "domain", "--refang", "--domain-ignore", list.path()}, text).out),
              (V{"evil-cdn.com", "example.net"}));
    TempFile bad("fine.example\nnot a domain\n", "bad.txt");
    const auto r = run_iocscan({"--domain-ignore", bad.path()}, text);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(bad.path() + ":2: not a domain name"), std::string::npos) << r.err;
}

TEST(Cli, UsageErrorsExitTwoAndNameTheArgument) {
    auto r = run_iocscan({"--no-such-flag"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--no-such-flag"), std::string::npos);
    r = run_iocscan({"--types", "ipv5"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("ipv5"), std::string::npos);
    r = run_iocscan({"--output"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--output: needs a value"), std::string::npos);
    r = run_iocscan({"--chunk-size", "0"});
    EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, HelpAndVersion) {
    auto r = run_iocscan({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Usage: iocscan"), std::string::npos);
    EXPECT_NE(r.out.find("Exit status"), std::string::npos);
    r = run_iocscan({"--version"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out.rfind("iocscan ", 0), 0u);
}

TEST(Cli, WideInput) {
    std::string wide;
    for (char c : std::string("beacon 10.1.2.3 \n")) {
        wide += c;
        wide += '\0';
    }
    EXPECT_EQ(lines_of(run_iocscan({"--wide"}, wide).out), V{"10.1.2.3"});
    EXPECT_EQ(run_iocscan({}, wide).exit_code, 1);
}

TEST(Cli, OutputFile) {
    TempFile file(kReport);
    const std::string out = file.dir() + "/out.txt";
    const auto r = run_iocscan({"--output", out, "--refang", file.path()});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lines_of(file_text(out)).size(), 6u);
    ::unlink(out.c_str());
}

TEST(Cli, OutputFileThatIsAnInputIsRefusedBeforeItIsTouched) {
    TempFile file(kReport);
    const std::string link = file.dir() + "/same-file";
    ASSERT_EQ(::symlink(file.path().c_str(), link.c_str()), 0);
    // The same file by its name and through a link.
    const std::vector<std::vector<std::string>> runs = {
        {"-o", file.path(), file.path()},
        {"--output=" + link, file.path()},
    };
    for (const auto& args : runs) {
        const auto r = run_iocscan(args);
        EXPECT_EQ(r.exit_code, 2) << args[1];
        EXPECT_NE(r.err.find(": input file is also the output"), std::string::npos) << r.err;
        EXPECT_EQ(file_text(file.path()), kReport) << "the input was truncated: " << args[1];
    }
    ::unlink(link.c_str());
    // Met while walking its directory (opened as the output already): skipped.
    const auto r = run_iocscan({"-o", file.path(), file.dir()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(file.path() + ": input file is also the output"), std::string::npos) << r.err;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(CliLive, AnIocThatEndsItsLineIsPrintedWhileThePipePauses) {
    // The writer pauses (tail -f) after each line. CI machines are slow:
    // 2 s of a pause that lasts until the check ends. A URL is checked with
    // the rules for URLs written out: the word before a line end may begin a
    // base64 blob that goes on in the next line, which holds what follows.
    const std::pair<std::vector<std::string>, std::string> runs[] = {
        {{}, "seen 1.2.3.4 ops@example.org d41d8cd98f00b204e9800998ecf8427e\n"},
        {{"-t", "url:plain,ipv4"}, "get http://a.example/x\n"},
        {{"--threads", "4", "--types", "all"}, "seen 1.2.3.4\n"},
    };
    for (const auto& [args, line] : runs) {
        RunningIocscan child(args);
        const std::string expected = lines_of(run_iocscan(args, line).out).empty() ? "" : run_iocscan(args, line).out;
        ASSERT_FALSE(expected.empty()) << line;
        child.write_stdin(line);
        EXPECT_EQ(child.read_stdout_until(expected, 2), expected) << line;
        child.write_stdin("later 5.6.7.8\n");
        EXPECT_EQ(child.read_stdout_until("5.6.7.8\n", 2), "5.6.7.8\n") << line;
        child.close_stdin();
        EXPECT_EQ(child.wait().exit_code, 0);
    }
}

TEST(CliLive, SignalsEndAnIdlePipeWaitPromptlyWithWellFormedOutput) {
    const std::pair<int, int> signals[] = {{SIGINT, 130}, {SIGTERM, 143}};
    for (const auto& [sig, status] : signals) {
        RunningIocscan child({"--json"});   // nothing ever written
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const auto sent = std::chrono::steady_clock::now();
        child.send_signal(sig);
        const auto r = child.wait();
        EXPECT_LT(seconds_since(sent), 3.0) << "signal " << sig;
        EXPECT_EQ(r.exit_code, status) << r.err;
        EXPECT_EQ(r.err, "");
        EXPECT_NO_THROW(parse_json(r.out)) << r.out;
    }
}

TEST(CliLive, AFifoWithoutAWriterEndsQuietlyOnASignal) {
    TempFile dir("");
    const std::string fifo = dir.dir() + "/no-writer";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    RunningIocscan child({fifo});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    child.send_signal(SIGTERM);
    const auto r = child.wait();
    EXPECT_EQ(r.exit_code, 143);
    EXPECT_EQ(r.err.find("Interrupted system call"), std::string::npos) << r.err;
    ::unlink(fifo.c_str());
}

TEST(CliLive, DefaultThreadCountFollowsTheAffinityMask) {
    const std::string run = iocscan_binary() + " --stats </dev/null 2>&1";
    EXPECT_NE(shell_output("taskset -c 0 " + run).find("iocscan: stats: threads 1\n"), std::string::npos);
    const std::string cores = shell_output("nproc");
    EXPECT_NE(shell_output(run).find("iocscan: stats: threads " + cores), std::string::npos) << cores;
    EXPECT_NE(shell_output("taskset -c 0 " + iocscan_binary() + " -j 0 --stats </dev/null 2>&1")
                  .find("iocscan: stats: threads 1\n"), std::string::npos);
}

TEST(CliArgs, ShortOptionsTakeAttachedValues) {
    const std::string text = "a 10.1.1.1 d41d8cd98f00b204e9800998ecf8427e\n";
    EXPECT_EQ(run_iocscan({"-tipv4", "-j2"}, text).out, "10.1.1.1\n");
    EXPECT_EQ(run_iocscan({"-tmd5", "-fjsonl"}, text).out, run_iocscan({"-t", "md5", "-f", "jsonl"}, text).out);
    const auto bad = run_iocscan({"-j0x"}, text);
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("--threads"), std::string::npos) << bad.err;
}

TEST(CliArgs, TypeListsTakeAllWithOthersAndRefuseEmptyNames) {
    const std::string text = "a 10.1.1.1 b example.org\n";
    EXPECT_EQ(run_iocscan({"--types", "all,url"}, text).out, run_iocscan({"--types", "all"}, text).out);
    EXPECT_NE(run_iocscan({"--types", "all,url"}, text).out.find("example.org"), std::string::npos);
    for (const char* bad : {"", "ipv4,", ",ipv4", "ipv4,,url"}) {
        const auto r = run_iocscan({"--types", bad}, text);
        EXPECT_EQ(r.exit_code, 2) << "'" << bad << "'";
        EXPECT_TRUE(r.err.starts_with("iocscan: --types: ")) << r.err;
        EXPECT_EQ(r.out, "");
    }
}

TEST(CliArgs, ConflictingFlagsAreErrorsNotLastOneWins) {
    const std::vector<std::vector<std::string>> conflicts = {
        {"--format", "csv", "--jsonl"}, {"--json", "--jsonl"}, {"--jsonl", "-f", "plain"}, {"--refang", "--defang"},
    };
    for (const auto& args : conflicts) {
        const auto r = run_iocscan(args, "1.2.3.4\n");
        EXPECT_EQ(r.exit_code, 2) << args[0];
        EXPECT_NE(r.err.find(" conflicts with "), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
    // The same setting twice is no conflict.
    EXPECT_EQ(run_iocscan({"--jsonl", "--format", "jsonl"}, "1.2.3.4\n").exit_code, 0);
}

TEST(CliArgs, CustomRegexAddsToTheTypesAndItsFileMayHaveComments) {
    TempFile patterns("# user names\n\n   \nuser=(\\w+)\n  # indented comment\n", "patterns.txt");
    const std::string text = "user=carol from 10.1.1.1\n";
    // Added to the default types, or to those --types names.
    EXPECT_EQ(run_iocscan({"--custom-regex", patterns.path()}, text).out, "carol\n10.1.1.1\n");
    EXPECT_EQ(run_iocscan({"--custom-regex", patterns.path(), "-t", "md5"}, text).out, "carol\n");
    // Line numbers count the comment and blank lines.
    EXPECT_NE(run_iocscan({"--jsonl", "--custom-regex", patterns.path()}, text).out.find("\"custom:4\""),
              std::string::npos);

    TempFile empty("", "empty.txt");
    TempFile only_comments("# nothing yet\n\n", "comments.txt");
    for (const auto* file : {&empty, &only_comments}) {
        const auto r = run_iocscan({"--custom-regex", file->path()}, text);
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_EQ(r.err, "iocscan: " + file->path() + ": no patterns (only blank lines and '#' comments)\n");
    }
    const auto no_patterns = run_iocscan({"-t", "custom"}, text);
    EXPECT_EQ(no_patterns.exit_code, 2);
    EXPECT_EQ(no_patterns.err, "iocscan: --types custom: needs --custom-regex FILE\n");
}

TEST(CliArgs, PatternOrAllowFileThatIsADirectoryIsAnError) {
    // cli_args_fuzz: "--custom-regex /" ended in std::terminate (libstdc++
    // throws from a directory read through istreambuf_iterator).
    for (const char* option : {"--custom-regex", "--allow", "--domain-ignore"}) {
        const auto r = run_iocscan({option, "/"}, "1.2.3.4\n");
        EXPECT_EQ(r.exit_code, 2) << option;
        EXPECT_EQ(r.err.rfind("iocscan: /: ", 0), 0u) << option << ": " << r.err;
        EXPECT_EQ(r.out, "") << option;
    }
}

TEST(CliArgs, HelpListsTheSignalStatusesAndFitsEightyColumns) {
    const auto r = run_iocscan({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("130 or 143 when SIGINT or SIGTERM"), std::string::npos);
    for (const auto& line : lines_of(r.out)) EXPECT_LE(line.size(), 80u) << line;
    const auto bad = run_iocscan({"--help", "--no-such-option"});
    EXPECT_EQ(bad.exit_code, 2);
}

TEST(DistinctSet, EachKeyIsNewOnceWhateverItsLength) {
    cli::DistinctSet set;
    const std::string ipv4("ipv4\0", 5);
    // Past several table growths and arena blocks; every key is checked
    // again after all were inserted.
    for (int i = 0; i < 300000; ++i) EXPECT_TRUE(set.insert(ipv4 + std::to_string(i))) << i;
    for (int i = 0; i < 300000; ++i) EXPECT_FALSE(set.insert(ipv4 + std::to_string(i))) << i;
    // Same bytes under another type are another key; the empty key and a key
    // larger than an arena block are keys too.
    EXPECT_TRUE(set.insert(std::string("md5\0", 4) + "1"));
    EXPECT_TRUE(set.insert(""));
    EXPECT_FALSE(set.insert(""));
    const std::string huge(3 << 20, 'x');
    EXPECT_TRUE(set.insert(huge));
    EXPECT_FALSE(set.insert(huge));
    EXPECT_TRUE(set.insert(huge.substr(1)));
    EXPECT_FALSE(set.insert(ipv4 + "299999"));
    EXPECT_TRUE(set.insert(ipv4 + "300000"));
    EXPECT_EQ(set.size(), 300005u);
}

TEST(Cli, UniquePrintsEachValueOnceAtItsFirstOccurrence) {
    std::string text;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 5000; ++i) text += "10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256) + "\n";
    }
    const auto all = lines_of(run_iocscan({}, text).out);
    const auto once = lines_of(run_iocscan({"-u"}, text).out);
    ASSERT_EQ(all.size(), 15000u);
    EXPECT_EQ(once, std::vector<std::string>(all.begin(), all.begin() + 5000));
}

TEST(Cli, FullDiskIsAnErrorNotASilentSuccess) {
    TempFile file(kReport);
    const auto r = run_iocscan({"--output", "/dev/full", file.path()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("iocscan: /dev/full: No space left on device"), std::string::npos) << r.err;
}

TEST(Cli, ChunkSizeDoesNotChangeOutput) {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "host 10.0." + std::to_string(i % 256) + "[.]" + std::to_string(i % 200) + " ";
    TempFile file(text);
    const auto reference = run_iocscan({"--jsonl", file.path()});
    ASSERT_EQ(reference.exit_code, 0);
    for (const char* size : {"1", "3", "7", "4096"}) {
        EXPECT_EQ(run_iocscan({"--jsonl", "--chunk-size", size, file.path()}).out, reference.out) << size;
        EXPECT_EQ(run_iocscan({"--jsonl", file.path()}, "", {std::string("IOCSCAN_CHUNK_SIZE=") + size}).out,
                  reference.out) << size;
    }
}

TEST(Cli, ClosedPipeEndsQuietlyWithStatusZero) {
    std::string big;
    while (big.size() < (32u << 20)) big += "10.0.0.1 d41d8cd98f00b204e9800998ecf8427e\n";
    TempFile file(big);
    const std::string script = "\"$0\" \"$1\" | head -n 1; echo \"status=${PIPESTATUS[0]}\"";
    EXPECT_EQ(shell_output("bash -c '" + script + "' " + iocscan_binary() + " " + file.path()), "10.0.0.1\nstatus=0\n");
}

}  // namespace
}  // namespace iocscan::test
