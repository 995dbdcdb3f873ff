// Bad input and odd environments: the binary ends with a message naming the
// problem and status 2, or handles the input in bounded memory; it never
// aborts, never reports success for output it could not write.
#include "support/output_lines.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <string>
#include <unistd.h>

namespace iocscan::test {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Feeds "http://a.example/" + `megabytes` MiB of 'a' (one line) +
/// "\nhttp://b.example/\n" to a subcommand.
ProcessResult run_subcommand_on_a_long_line(const std::string& command, int megabytes) {
    return run_iocscan_streaming({command}, [&, sent = -1, block = std::string(1u << 20, 'a')](std::string& piece) mutable {
        if (sent == megabytes) return false;
        piece = sent == -1 ? std::string("http://a.example/") : block;
        if (++sent == megabytes) piece += "\nhttp://b.example/\n";
        return true;
    });
}

TEST(Robustness, DefangPassesAnOverLongLineUnchangedInBoundedMemoryAndSaysSo) {
    constexpr int kMegabytes = 96;
    const long baseline = baseline_rss_kib({"defang"});
    const auto r = run_subcommand_on_a_long_line("defang", kMegabytes);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "iocscan defang: line 1: longer than 1 MiB")) << r.err;
    const std::size_t first_line = 17 + (std::size_t{kMegabytes} << 20);
    ASSERT_EQ(r.out.size(), first_line + 21) << r.err;
    EXPECT_EQ(r.out.substr(0, 17), "http://a.example/");
    EXPECT_EQ(r.out.substr(first_line), "\nhxxp://b[.]example/\n");
    // Held whole, the line took three times its size.
    if (!kSanitized) {
        EXPECT_LT(r.max_rss_kib - baseline, 16 * 1024) << "peak RSS in KiB over the baseline";
    }
}

TEST(Robustness, RefangPassesAnOverLongLineUnchangedInBoundedMemory) {
    constexpr int kMegabytes = 96;
    const long baseline = baseline_rss_kib({"refang"});
    const auto r = run_subcommand_on_a_long_line("refang", kMegabytes);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const std::size_t first_line = 17 + (std::size_t{kMegabytes} << 20);
    ASSERT_EQ(r.out.size(), first_line + 1 + 18);
    EXPECT_EQ(r.out.substr(first_line), "\nhttp://b.example/\n");
    if (!kSanitized) {
        EXPECT_LT(r.max_rss_kib - baseline, 16 * 1024) << "peak RSS in KiB over the baseline";
    }
}

TEST(Robustness, SubcommandLineJustUnderTheLimitIsStillRewritten) {
    const std::string line = "evil.example/" + std::string((1u << 20) - 64, 'x');
    const auto r = run_iocscan_streaming({"defang"}, [&, sent = false](std::string& piece) mutable {
        if (sent) return false;
        piece = line + "\r\n1.2.3.4";
        sent = true;
        return true;
    });
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "evil[.]example/" + line.substr(13) + "\r\n1[.]2[.]3[.]4\n");
}

TEST(Robustness, DefangKeepsTheBlanksBetweenWords) {
    // One IOC per line is the contract; a line of several words lost its
    // blanks ("helloworld"), each word is now defanged on its own.
    const auto r = run_iocscan({"defang"},
                               "hello world\n10.0.0.1 and 10.0.0.2\r\n  evil.example\tops@mail.example more \n"
                               "http://a.example/x y\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "hello world\n10[.]0[.]0[.]1 and 10[.]0[.]0[.]2\r\nevil[.]example\tops[@]mail[.]example more\n"
              "hxxp://a[.]example/x y\n");
    EXPECT_EQ(run_iocscan({"defang", "--kind", "ipv4"}, "10.0.0.1 10.0.0.2\n").out, "10[.]0[.]0[.]1 10[.]0[.]0[.]2\n");
}

TEST(Robustness, DefangOfAKindLosesNoByteOfAWordOfAnotherKind) {
    // The ipv4 defang keeps digit groups alone: given a word that is no
    // IPv4 address it dropped bytes ("abc:def" became "").
    const auto r = run_iocscan({"defang", "--kind", "ipv4"}, "abc:def\n1.2.3.4:80\n1[.]2.3.4\n10.0.0.0/8 x\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "abc:def\n1[.]2[.]3[.]4:80\n1[.]2[.]3[.]4\n10[.]0[.]0[.]0/8 x\n");
    EXPECT_EQ(run_iocscan({"defang", "--kind", "email"}, "ops(at)evil.example 1.2.3.4\n").out,
              "ops[@]evil[.]example 1[.]2[.]3[.]4\n");
}

TEST(Robustness, RefangAndDefangBothPassBytesThatAreNotTextUnchanged) {
    // Defang rewrote such words by their shape and refang, finding no IOC,
    // left them: refang(defang(x)) was not x. Now neither rewrites them;
    // defang names the line, as its output may hold a live IOC.
    const std::string nul("http://evil.example/a\0b", 23);
    const std::string defang_input = nul + "\n10.0.0.1 evil.example/\xff x.example\r\n1.2.3.4\xc3\n10.0.0.9\n";
    const auto defanged = run_iocscan({"defang"}, defang_input);
    EXPECT_EQ(defanged.exit_code, 2);
    EXPECT_EQ(defanged.out, nul + "\n10[.]0[.]0[.]1 evil.example/\xff x[.]example\r\n1.2.3.4\xc3\n10[.]0[.]0[.]9\n");
    const std::string named = ": a NUL or invalid UTF-8 byte, not an IOC: word printed unchanged\n";
    EXPECT_EQ(defanged.err, "iocscan defang: line 1" + named + "iocscan defang: line 2" + named +
                                "iocscan defang: line 3" + named);
    // Refang (one IOC per line) gives back what defang printed.
    const auto refanged = run_iocscan({"refang"}, nul + "\n1.2.3.4\xc3\n10[.]0[.]0[.]9\n");
    EXPECT_EQ(refanged.exit_code, 0) << refanged.err;
    EXPECT_EQ(refanged.out, nul + "\n1.2.3.4\xc3\n10.0.0.9\n");
    // --strict names such a line without printing its bytes on the terminal.
    const auto strict = run_iocscan({"refang", "--strict"}, "hxxp://evil[.]example/\xe9t\xe9\n1[.]2[.]3[.]4\n");
    EXPECT_EQ(strict.exit_code, 2);
    EXPECT_EQ(strict.out, "hxxp://evil[.]example/\xe9t\xe9\n1.2.3.4\n");
    EXPECT_EQ(strict.err, "iocscan refang: line 1: a NUL or invalid UTF-8 byte, not an IOC: line printed unchanged\n");
    // Valid UTF-8 is text: defang still rewrites it by its shape.
    EXPECT_EQ(run_iocscan({"defang"}, "http://caf\xc3\xa9.example/\n").out, "hxxp://caf\xc3\xa9[.]example/\n");
}

TEST(Robustness, OptionFileTooLargeForAListIsRefusedBeforeItIsRead) {
    TempFile input("see 10.0.0.1\n");
    TempFile huge("", "huge.txt");
    ASSERT_EQ(::truncate(huge.path().c_str(), off_t{300} << 20), 0);
    for (const char* option : {"--allow", "--domain-ignore", "--custom-regex"}) {
        const auto r = run_iocscan({option, huge.path(), input.path()});
        EXPECT_EQ(r.exit_code, 2) << option;
        EXPECT_EQ(r.out, "") << option;
        EXPECT_TRUE(contains(r.err, "iocscan: " + huge.path() + ": larger than 256 MiB")) << option << ": " << r.err;
    }
}

TEST(Robustness, EndlessOptionFileIsRefusedAtTheLimit) {
    TempFile input("see 10.0.0.1\n");
    // Without the limit the list fills the memory: make that fail fast.
    const std::string limit = kSanitized ? "" : "ulimit -v 1000000; ";
    const std::string script = limit + "\"$0\" --allow /dev/zero \"$1\" 2>&1; echo \"status=$?\"";
    EXPECT_EQ(shell_output("bash -c '" + script + "' " + iocscan_binary() + " " + input.path()),
              "iocscan: /dev/zero: larger than 256 MiB, not a list\nstatus=2\n");
}

TEST(Robustness, EmptyOutputFileNameIsAnErrorNotStandardOutput) {
    TempFile input("see 10.0.0.1\n");
    for (const char* option : {"--output", "-o"}) {
        const auto r = run_iocscan({option, "", input.path()});
        EXPECT_EQ(r.exit_code, 2) << option;
        EXPECT_EQ(r.out, "") << option;
        EXPECT_EQ(r.err, "iocscan: " + std::string(option) + ": an empty file name\n");
    }
}

TEST(Robustness, ListingsThatCannotBeWrittenAreAnError) {
    for (const char* option : {"--help", "--version", "--list-rules"}) {
        const std::string script = std::string("\"$0\" ") + option + " 2>&1 > /dev/full; echo \"status=$?\"";
        EXPECT_EQ(shell_output("bash -c '" + script + "' " + iocscan_binary()),
                  "iocscan: standard output: No space left on device\nstatus=2\n")
            << option;
        // A reader that stops early is no error.
        const std::string closed = std::string("\"$0\" ") + option + " | head -c 1; echo \" status=${PIPESTATUS[0]}\"";
        const std::string out = shell_output("bash -c '" + closed + "' " + iocscan_binary());
        EXPECT_EQ(out.substr(1), " status=0\n") << option;
    }
}

/// `iocscan ARGS < input`, started through `launcher` (prlimit, setpriv):
/// its stderr and status, and whether its stdout is that of -j 1.
std::string launched_run(const std::string& launcher, const std::string& args, const std::string& input) {
    const std::string out = input + ".out";
    const std::string err = shell_output(launcher + " " + iocscan_binary() + " " + args + " <" + input + " 2>&1 >" +
                                         out + "; echo \"status=$?\"");
    return err + "out=" + (file_text(out) == run_iocscan({"-j", "1", input}).out ? "same" : "different");
}

TEST(Robustness, ThreadsThatCannotStartFallBackToOneThreadAndSaySo) {
    // A sanitizer's runtime needs terabytes of address space: no RLIMIT_AS.
    if (kSanitized) GTEST_SKIP() << "RLIMIT_AS and a sanitizer runtime do not mix";
    if (::access("/usr/bin/prlimit", X_OK) != 0) GTEST_SKIP() << "no prlimit (util-linux)";
    std::string text;
    while (text.size() < (2u << 20)) text += "host 10.0.0.1 http://a.example/x\n";
    TempFile input(text);
    // A thread's stack is as large as RLIMIT_STACK: 2 GB do not fit in 1 GB
    // of address space, so pthread_create() fails, for root too. The run
    // used to end with a bare "iocscan: Resource temporarily unavailable"
    // and status 2.
    EXPECT_EQ(launched_run("prlimit --stack=2000000000 --as=1000000000", "-j 4", input.path()),
              "iocscan: cannot start 3 worker threads: Resource temporarily unavailable; scanning with one thread\n"
              "status=0\nout=same");
    // 1024 threads use 16 (15 helpers), whose 8 MiB stacks do not fit in 100 MB.
    EXPECT_EQ(launched_run("prlimit --stack=8388608 --as=100000000", "--threads 1024", input.path()),
              "iocscan: cannot start 15 worker threads: Resource temporarily unavailable; scanning with one thread\n"
              "status=0\nout=same");
    // RLIMIT_NPROC (ulimit -u), which root ignores: run as nobody then.
    const std::string as_nobody = ::geteuid() != 0 ? "" : "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    if (::geteuid() != 0 || ::access("/usr/bin/setpriv", X_OK) == 0) {
        EXPECT_EQ(launched_run(as_nobody + "prlimit --nproc=1", "-j 2", input.path()),
                  "iocscan: cannot start 1 worker thread: Resource temporarily unavailable; scanning with one thread\n"
                  "status=0\nout=same");
    }
}

/// `iocscan -j 2 ARGS` with the `n`th malloc() of a helper thread failing
/// (tests/support/fail_helper_malloc.cpp).
ProcessResult run_with_helper_malloc_failing(long n, const std::vector<std::string>& args) {
    std::vector<std::string> all = {"-j", "2"};
    all.insert(all.end(), args.begin(), args.end());
    return run_iocscan(all, "",
                       {std::string("LD_PRELOAD=") + IOCSCAN_FAIL_HELPER_MALLOC,
                        "IOCSCAN_TEST_FAIL_HELPER_MALLOC=" + std::to_string(n)});
}

TEST(Robustness, OutOfMemoryOnAHelperThreadNamesTheFileAndTheNextIsScanned) {
    // The preloaded module's malloc() and a sanitizer runtime's do not mix.
    if (kSanitized) GTEST_SKIP() << "LD_PRELOAD and a sanitizer runtime do not mix";
    std::string text;
    for (int i = 0; text.size() < (3u << 20); ++i) {
        const std::string n = std::to_string(i);
        text += "line " + n + " http://evil" + n + ".example/x?" + n + " 10." + std::to_string(i % 256) +
                ".0.1 user" + n + "@mail.example.org\n";
    }
    TempFile big(text, "big.txt");
    TempFile small("see http://after.example/ and 10.9.9.9\n", "small.txt");
    const std::string whole = run_iocscan({"-j", "2", big.path(), small.path()}).out;
    const std::string small_part = whole.substr(whole.find(small.path() + ":"));
    // The first helper malloc()s fail while the first rounds are scanned:
    // the exception a helper caught used to end the whole run with
    // "iocscan: out of memory", no file named and the next file unscanned.
    for (const long n : {0L, 20L, 1000L}) {
        const auto r = run_with_helper_malloc_failing(n, {big.path(), small.path()});
        if (n == 1000 && r.exit_code == 0) continue;   // later than the helpers' last malloc(): nothing failed
        EXPECT_EQ(r.exit_code, 2) << n;
        EXPECT_EQ(r.err, "iocscan: " + big.path() + ": out of memory\n") << n;
        // What was printed of the big file is whole records, the small one all of its own.
        const std::size_t small_at = r.out.find(small.path() + ":");
        ASSERT_NE(small_at, std::string::npos) << n << ": " << r.out.substr(0, 200);
        EXPECT_EQ(whole.compare(0, small_at, r.out, 0, small_at), 0) << n;
        EXPECT_EQ(r.out.substr(small_at), small_part) << n;
    }
    // A JSON document is closed after the error.
    const auto json = run_with_helper_malloc_failing(0, {"--json", big.path(), small.path()});
    EXPECT_EQ(json.exit_code, 2);
    EXPECT_EQ(json.err, "iocscan: " + big.path() + ": out of memory\n");
    EXPECT_EQ(json.out, run_iocscan({"--json", small.path()}).out);
}

}  // namespace
}  // namespace iocscan::test
