// The random pieces every generated text is made of (words, hosts, IPv4
// addresses, URLs, hex), from one seeded generator: the mixed corpus
// (corpus.cpp) and the styled texts (corpus_styles.cpp) draw on the same
// definitions, so a change to what a host or a URL looks like reaches both.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <string>

namespace iocscan::bench {

class Pieces {
public:
    explicit Pieces(std::uint64_t seed) : rng_(seed) {}

    std::uint64_t next() { return rng_(); }
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
    unsigned pick(unsigned n) { return static_cast<unsigned>(rng_() % n); }
    std::string number(unsigned below) { return std::to_string(pick(below)); }

    std::string octet() { return number(256); }
    /// Defanged: "[.]", "(.)" or "[dot]" between the octets.
    std::string ipv4(bool defang) {
        const char* dots[] = {".", "[.]", "(.)", "[dot]"};
        const char* dot = defang ? dots[1 + pick(3)] : ".";
        return octet() + dot + octet() + dot + octet() + dot + octet();
    }
    /// A documentation-prefix IPv6 address, "2001:db8:G:G::G", each G a
    /// random 16-bit group in lower-case hex without leading zeros.
    std::string ipv6() { return "2001:db8:" + group16() + ":" + group16() + "::" + group16(); }
    std::string hex(unsigned digits) {
        static const char kHex[] = "0123456789abcdef";
        std::string s;
        for (unsigned i = 0; i < digits; ++i) s += kHex[pick(16)];
        return s;
    }
    std::string word() {
        static const std::array<const char*, 24> kWords = {
            "the", "loader", "connects", "to", "server", "and", "downloads", "a", "payload",
            "which", "is", "then", "executed", "in", "memory", "operators", "rotate",
            "infrastructure", "weekly", "version", "campaign", "victims", "report", "observed"};
        return kWords[pick(kWords.size())];
    }
    std::string host() {
        static const std::array<const char*, 6> kNames = {"cdn-updates", "login-secure", "mail",
                                                          "static", "api", "files"};
        static const std::array<const char*, 5> kZones = {"example.net", "example.com", "example.org",
                                                          "test.example", "invalid.example"};
        return std::string(kNames[pick(kNames.size())]) + "." + kZones[pick(kZones.size())];
    }
    /// Every dot of `host` written "[.]".
    static std::string defanged_host(std::string host) {
        for (std::size_t i = host.find('.'); i != std::string::npos; i = host.find('.', i + 3)) {
            host.replace(i, 1, "[.]");
        }
        return host;
    }
    /// Defanged: "hxxp://" or "hxxps[:]//" and "[.]" in the host.
    std::string url(bool defang) {
        std::string u = defang ? (pick(2) ? "hxxp://" : "hxxps[:]//") : (pick(2) ? "http://" : "https://");
        std::string h = host();
        if (defang) h = defanged_host(h);
        return u + h + "/" + word() + "/" + hex(8) + ".php?id=" + number(100000);
    }

private:
    std::string group16() {
        static const char kHex[] = "0123456789abcdef";
        std::string s;
        for (unsigned value = pick(0x10000); s.empty() || value != 0; value >>= 4) {
            s.insert(s.begin(), kHex[value & 15]);
        }
        return s;
    }

    std::mt19937_64 rng_;
};

}  // namespace iocscan::bench
