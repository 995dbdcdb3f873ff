#include "corpus.hpp"

#include "corpus_pieces.hpp"
#include "corpus_styles.hpp"

#include <algorithm>
#include <utility>

namespace iocscan::bench {
namespace {

class LineMaker {
public:
    explicit LineMaker(const CorpusOptions& options) : pieces_(options.seed), options_(options) {}

    /// Appends one line of text to `out`.
    void line(std::string& out) {
        // Each kind of line carries about one IOC; plain filler lines carry
        // none. The mix is tuned so a megabyte holds about iocs_per_mb IOCs.
        const double ioc_lines_share = std::min(1.0, options_.iocs_per_mb / 8000.0);
        if (uniform() >= ioc_lines_share) {
            filler(out);
            return;
        }
        switch (pieces_.next() % 8) {
            case 0: access_log(out); break;
            case 1: syslog(out); break;
            case 2: json_record(out); break;
            case 3: mail_header(out); break;
            case 4: report_prose(out); break;
            case 5: hash_listing(out); break;
            case 6: blob(out); break;
            default: firewall(out); break;
        }
    }

private:
    double uniform() { return pieces_.uniform(); }
    unsigned pick(unsigned n) { return pieces_.pick(n); }
    std::string octet() { return pieces_.octet(); }
    std::string ipv4(bool defang) { return pieces_.ipv4(defang); }
    std::string hex(unsigned digits) { return pieces_.hex(digits); }
    std::string word() { return pieces_.word(); }
    std::string host() { return pieces_.host(); }
    std::string url(bool defang) { return pieces_.url(defang); }

    void filler(std::string& out) {
        out += "2026-10-0" + std::to_string(1 + pick(9)) + "T12:" + std::to_string(10 + pick(50)) +
               ":00Z worker[" + std::to_string(pick(9000)) + "] INFO";
        for (unsigned i = 0, n = 6 + pick(10); i < n; ++i) out += " " + word();
        out += " took " + std::to_string(pick(900)) + "ms v1.2." + std::to_string(pick(30)) + "\n";
    }
    void access_log(std::string& out) {
        out += ipv4(false) + " - - [02/Oct/2026:13:55:36 +0000] \"GET /" + word() + "/" + hex(6) +
               " HTTP/1.1\" 200 " + std::to_string(pick(50000)) + " \"" + url(false) +
               "\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\"\n";
    }
    void syslog(std::string& out) {
        out += "Oct  2 13:55:36 gw sshd[" + std::to_string(pick(60000)) + "]: Failed password for root from " +
               ipv4(false) + " port " + std::to_string(1024 + pick(60000)) + " ssh2\n";
    }
    void json_record(std::string& out) {
        out += "{\"ts\":\"2026-10-02T13:55:36Z\",\"event\":\"dns\",\"query\":\"" + host() +
               "\",\"answer\":\"" + ipv4(false) + "\",\"user\":\"ops.team@example.org\"}\n";
    }
    void mail_header(std::string& out) {
        out += "Received: from mx" + std::to_string(pick(9)) + "." + host() + " ([" + ipv4(false) +
               "]) by relay.example.org with ESMTPS id " + hex(12) + "\n";
    }
    void report_prose(std::string& out) {
        out += "The " + word() + " " + word() + " beacons to " + ipv4(true) + " and fetches " +
               url(true) + " every " + std::to_string(pick(60)) + " minutes.\n";
    }
    void hash_listing(std::string& out) {
        static const unsigned kLengths[] = {32, 40, 64, 128};
        out += "  sample_" + std::to_string(pick(1000)) + ".bin  " + hex(kLengths[pick(4)]) + "\n";
    }
    /// Random base64 or hex; one blob in four hides a URL (base64 of
    /// "cmd=<url>", or the URL in hex), as droppers and configs do.
    void blob(std::string& out) {
        static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        switch (pick(8)) {
            case 0:
                out += "payload=" + base64_text("cmd=" + url(false));
                break;
            case 1:
                out += "cfg=" + hex_text(url(false));
                break;
            case 2:
                out += "cfg=" + hex(96);
                break;
            default:
                out += "payload=";
                for (int i = 0; i < 76; ++i) out += kB64[pick(64)];
                break;
        }
        out += "\n";
    }
    void firewall(std::string& out) {
        out += "DENY TCP " + ipv4(false) + ":" + std::to_string(pick(65536)) + " -> " + ipv4(false) + ":443 " +
               "rule=" + std::to_string(pick(300)) + " net " + octet() + "." + octet() + ".0.0/16\n";
    }

    Pieces pieces_;
    CorpusOptions options_;
};

void widen(std::string_view ascii, std::string& out) {
    out.clear();
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
}

}  // namespace

void generate_corpus(const CorpusOptions& options, std::uint64_t total_bytes,
                     const std::function<bool(std::string_view)>& sink) {
    LineMaker maker(options);
    Pieces styled_pieces(options.seed);
    std::string block, wide;
    std::uint64_t produced = 0;
    for (;;) {
        block.clear();
        while (block.size() < 64 * 1024) {
            if (options.style == CorpusStyle::mixed) {
                maker.line(block);
            } else {
                append_styled(options.style, styled_pieces, block);
            }
        }
        std::string_view piece = block;
        if (options.wide) {
            widen(block, wide);
            piece = wide;
        }
        if (total_bytes != 0 && produced + piece.size() > total_bytes) {
            piece = piece.substr(0, static_cast<std::size_t>(total_bytes - produced));
        }
        produced += piece.size();
        if (!sink(piece)) return;
        if (total_bytes != 0 && produced >= total_bytes) return;
    }
}

bool parse_corpus_style(std::string_view name, CorpusStyle& style) {
    static const std::pair<std::string_view, CorpusStyle> kNames[] = {
        {"mixed", CorpusStyle::mixed},       {"access", CorpusStyle::access}, {"access6", CorpusStyle::access6},
        {"json", CorpusStyle::json},         {"csv", CorpusStyle::csv},       {"lists", CorpusStyle::lists},
        {"markdown", CorpusStyle::markdown}, {"yara", CorpusStyle::yara},     {"prose", CorpusStyle::prose}};
    for (const auto& [known, value] : kNames) {
        if (name == known) {
            style = value;
            return true;
        }
    }
    return false;
}

std::string base64_text(std::string_view bytes) {
    static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        unsigned v = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        }
        for (std::size_t k = 0; k < 4; ++k) out += k <= n ? kAlphabet[(v >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

std::string hex_text(std::string_view bytes) {
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    for (const char c : bytes) {
        out += kDigits[static_cast<unsigned char>(c) >> 4];
        out += kDigits[static_cast<unsigned char>(c) & 15];
    }
    return out;
}

std::string corpus_text(std::uint64_t bytes, const CorpusOptions& options) {
    std::string text;
    text.reserve(static_cast<std::size_t>(bytes));
    generate_corpus(options, bytes, [&](std::string_view piece) {
        text.append(piece);
        return true;
    });
    return text;
}

}  // namespace iocscan::bench
