// Throughput of the scanner (MB/s) on the generated corpus and on adversarial
// lines, beside a plain memchr newline count over the same buffer.
#include "corpus.hpp"
#include "iocscan/iocscan.hpp"

#include <benchmark/benchmark.h>

#include <cstring>
#include <map>
#include <random>

namespace {

using namespace iocscan;

const std::string& corpus_64mib() {
    static const std::string text = bench::corpus_text(64ull << 20);
    return text;
}

Options options_for(std::initializer_list<Type> types, bool refang = false) {
    Options options;
    options.types = TypeSet();
    for (Type t : types) options.types.add(t);
    options.refang = refang;
    return options;
}

/// Scans `text` in 256 KiB pieces, as scan_fd() would feed it.
void scan_text(benchmark::State& state, const std::string& text, const Options& options,
               std::size_t piece_size = 256 * 1024) {
    std::uint64_t matches = 0;
    const auto count = [&](const Match&) {
        ++matches;
        return true;
    };
    for (auto _ : state) {
        Scanner scanner(options);
        for (std::size_t at = 0; at < text.size(); at += piece_size) {
            scanner.feed(std::string_view(text).substr(at, piece_size), count);
        }
        scanner.finish(count);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["matches"] = static_cast<double>(matches) / static_cast<double>(state.iterations());
}

void BM_MemchrNewlines(benchmark::State& state) {
    const std::string& text = corpus_64mib();
    for (auto _ : state) {
        std::size_t lines = 0;
        const char* p = text.data();
        const char* end = p + text.size();
        while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
            ++lines;
            ++p;
        }
        benchmark::DoNotOptimize(lines);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_MemchrNewlines)->Unit(benchmark::kMillisecond);

void BM_HashesAndIpv4(benchmark::State& state) {
    scan_text(state, corpus_64mib(),
              options_for({Type::md5, Type::sha1, Type::sha256, Type::sha512, Type::ipv4}));
}
BENCHMARK(BM_HashesAndIpv4)->Unit(benchmark::kMillisecond);

void BM_HashesAndIpv4Refang(benchmark::State& state) {
    scan_text(state, corpus_64mib(),
              options_for({Type::md5, Type::sha1, Type::sha256, Type::sha512, Type::ipv4}, true));
}
BENCHMARK(BM_HashesAndIpv4Refang)->Unit(benchmark::kMillisecond);

void BM_Hashes(benchmark::State& state) {
    scan_text(state, corpus_64mib(), options_for({Type::md5, Type::sha1, Type::sha256, Type::sha512}));
}
BENCHMARK(BM_Hashes)->Unit(benchmark::kMillisecond);

void BM_Ipv4(benchmark::State& state) {
    scan_text(state, corpus_64mib(), options_for({Type::ipv4, Type::cidr}));
}
BENCHMARK(BM_Ipv4)->Unit(benchmark::kMillisecond);

void BM_Ipv6(benchmark::State& state) { scan_text(state, corpus_64mib(), options_for({Type::ipv6})); }
BENCHMARK(BM_Ipv6)->Unit(benchmark::kMillisecond);

void BM_Email(benchmark::State& state) { scan_text(state, corpus_64mib(), options_for({Type::email})); }
BENCHMARK(BM_Email)->Unit(benchmark::kMillisecond);

void BM_Yara(benchmark::State& state) { scan_text(state, corpus_64mib(), options_for({Type::yara})); }
BENCHMARK(BM_Yara)->Unit(benchmark::kMillisecond);

void BM_Url(benchmark::State& state) { scan_text(state, corpus_64mib(), options_for({Type::url})); }
BENCHMARK(BM_Url)->Unit(benchmark::kMillisecond);

/// iocextract's default families (the CLI default), without and with refang.
void BM_AllDefault(benchmark::State& state) {
    Options options;
    options.refang = state.range(0) != 0;
    scan_text(state, corpus_64mib(), options);
}
BENCHMARK(BM_AllDefault)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

/// The default families with Options::threads = range(0), fed in 1 MiB
/// pieces as the CLI reads with threads. Wall time: the helpers' CPU time
/// is not the calling thread's.
void BM_AllDefaultThreads(benchmark::State& state) {
    Options options;
    options.threads = static_cast<unsigned>(state.range(0));
    scan_text(state, corpus_64mib(), options, 1024 * 1024);
}
BENCHMARK(BM_AllDefaultThreads)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_AllAvailable(benchmark::State& state) {
    Options options;
    options.types = TypeSet::all();
    scan_text(state, corpus_64mib(), options);
}
BENCHMARK(BM_AllAvailable)->Unit(benchmark::kMillisecond);

/// Inputs from 4 KiB to 64 MiB: per-stream overhead vs steady state.
void BM_AllAvailableBySize(benchmark::State& state) {
    const std::string text = corpus_64mib().substr(0, static_cast<std::size_t>(state.range(0)));
    Options options;
    options.types = TypeSet::all();
    scan_text(state, text, options);
}
BENCHMARK(BM_AllAvailableBySize)->RangeMultiplier(16)->Range(4 << 10, 64 << 20)->Unit(benchmark::kMicrosecond);

/// 10 MB single lines built to defeat scanners that rescan failed candidates.
std::string adversarial(const std::string& unit) {
    std::string line;
    while (line.size() < 10'000'000) line += unit;
    return line;
}

void BM_Adversarial(benchmark::State& state, const std::string& unit) {
    static std::map<std::string, std::string> cache;
    auto& text = cache[unit];
    if (text.empty()) text = adversarial(unit);
    Options options;
    options.types = TypeSet::all();
    scan_text(state, text, options);
}
BENCHMARK_CAPTURE(BM_Adversarial, dotted_letters, std::string("a."))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, bracket_dots, std::string("[.]"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, dotted_digits, std::string("1."))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, defanged_digits, std::string("1[.]"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, hex_digits, std::string("0123456789abcdef"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, scheme_repeated, std::string("http://"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, at_signs, std::string("@"))->Unit(benchmark::kMillisecond);

/// Encoded-URL-heavy text (issue 4), 64 MiB each: mail bodies in base64
/// (76-character lines, a quarter of them HTML with three URLs), or hex dump
/// lines (one in eight a hex-encoded URL).
const std::string& base64_heavy() {
    static const std::string text = [] {
        std::mt19937 rng(4);
        std::string out;
        for (unsigned n = 0; out.size() < (64u << 20); ++n) {
            std::string body;
            if (n % 4 == 0) {
                for (int k = 0; k < 3; ++k) {
                    body += "<p>see <a href=\"http://host" + std::to_string(rng() % 1000) +
                            ".example/path/" + std::to_string(rng()) + "\">here</a></p>\n";
                }
            }
            while (body.size() < 3000) body += static_cast<char>(rng() & 0xff);
            out += "Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n";
            const std::string encoded = bench::base64_text(body);
            for (std::size_t at = 0; at < encoded.size(); at += 76) out += encoded.substr(at, 76) + "\r\n";
        }
        return out;
    }();
    return text;
}

const std::string& hex_heavy() {
    static const std::string text = [] {
        std::mt19937 rng(5);
        std::string out;
        for (unsigned n = 0; out.size() < (64u << 20); ++n) {
            std::string bytes;
            if (n % 8 == 0) {
                bytes = "http://c2-" + std::to_string(rng() % 1000) + ".example/beacon?id=" + std::to_string(rng());
            } else {
                for (int k = 0; k < 48; ++k) bytes += static_cast<char>(rng() & 0xff);
            }
            out += "blob " + std::to_string(n) + " " + bench::hex_text(bytes) + "\n";
        }
        return out;
    }();
    return text;
}

void BM_EncodedHeavy(benchmark::State& state, const std::string& (*text)(), bool refang) {
    Options options;
    options.refang = refang;
    scan_text(state, text(), options);
}
BENCHMARK_CAPTURE(BM_EncodedHeavy, base64, base64_heavy, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_EncodedHeavy, base64_refang, base64_heavy, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_EncodedHeavy, hex, hex_heavy, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_EncodedHeavy, hex_refang, hex_heavy, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, base64_scheme_prefix, std::string("aHR0cDov"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, base64_pairs, std::string("aH"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, hex_scheme_prefix, std::string("687474"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adversarial, percent_scheme, std::string("http%3A%2F%"))->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
