// iocscan-corpus: writes the benchmark corpus to stdout (or forever, for the
// memory soak: `iocscan-corpus --bytes 0 | head -c 10G | iocscan`).
#include "corpus.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

void usage() {
    std::fputs("Usage: iocscan-corpus [--bytes N[K|M|G]] [--seed N] [--density IOCS_PER_MB] [--wide]\n"
               "                      [--style mixed|access|access6|json|csv|lists|markdown|yara|prose]\n"
               "Writes deterministic text with IOCs to stdout. --bytes 0 never stops.\n"
               "--style: mixed (default) is the benchmark corpus, log lines of eight kinds;\n"
               "the others are one kind of text each (web/proxy logs, JSON Lines events, a\n"
               "CSV indicator feed, indicator lists one value a line, a markdown report, a\n"
               "YARA rule set, prose), with that kind's own IOC density (--density applies\n"
               "to mixed only). access6 is access with IPv6 client and peer addresses\n"
               "(2001:db8:G:G::G) where access has IPv4.\n",
               stderr);
}

bool parse_bytes(const char* text, std::uint64_t& out) {
    char* end = nullptr;
    errno = 0;
    out = std::strtoull(text, &end, 10);
    if (errno != 0 || end == text) return false;
    switch (*end) {
        case 'K': out <<= 10; ++end; break;
        case 'M': out <<= 20; ++end; break;
        case 'G': out <<= 30; ++end; break;
        default: break;
    }
    return *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    iocscan::bench::CorpusOptions options;
    std::uint64_t bytes = 64ull << 20;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--bytes" && has_value && parse_bytes(argv[++i], bytes)) continue;
        if (arg == "--seed" && has_value) { options.seed = std::strtoull(argv[++i], nullptr, 10); continue; }
        if (arg == "--density" && has_value) {
            options.iocs_per_mb = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
            continue;
        }
        if (arg == "--wide") { options.wide = true; continue; }
        if (arg == "--style" && has_value && iocscan::bench::parse_corpus_style(argv[++i], options.style)) continue;
        usage();
        return 2;
    }
    bool ok = true;
    iocscan::bench::generate_corpus(options, bytes, [&](std::string_view piece) {
        while (!piece.empty()) {
            const ssize_t n = ::write(1, piece.data(), piece.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                ok = errno == EPIPE;   // the reader had enough
                if (!ok) std::fprintf(stderr, "iocscan-corpus: stdout: %s\n", std::strerror(errno));
                return false;
            }
            piece.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    });
    return ok ? 0 : 2;
}
