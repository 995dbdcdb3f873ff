#include "cli/subcommands.hpp"

#include "cli/output_writer.hpp"
#include "iocscan/iocscan.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <unistd.h>

namespace iocscan::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 2;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

std::string lowered(std::string_view text) {
    std::string out;
    for (char c : text) out.push_back(lower(c));
    return out;
}

/// Digits joined by dots or defanged dots, four groups, optionally /N.
bool looks_like_ipv4(std::string_view text) {
    for (char c : lowered(text)) {
        if (!is_digit(c) && std::string_view(".[]()\\/dot").find(c) == std::string_view::npos) return false;
    }
    const std::string plain = refang(Type::ipv4, text);
    const std::string_view address = std::string_view(plain).substr(0, plain.find('/'));
    int groups = 0;
    std::size_t digits = 0;
    for (char c : address) {
        if (is_digit(c)) {
            if (digits++ == 0) ++groups;
        } else {
            digits = 0;
        }
    }
    return groups == 4 && !address.empty() && is_digit(address.front()) && is_digit(address.back());
}

/// An address with "@" or one of its defanged spellings, and no scheme.
bool looks_like_email(std::string_view text) {
    const std::string low = lowered(text);
    if (low.find("//") != std::string::npos || low.find(":\\\\") != std::string::npos) return false;
    for (std::string_view at : {"@", "[at]", "(at)", "{at}", " at "}) {
        if (low.find(at) != std::string::npos) return true;
    }
    return false;
}

bool is_hex(char c) { return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f'); }

/// Only hex digits and colons (dots for an embedded IPv4), two colons or more.
bool looks_like_ipv6(std::string_view text) {
    int colons = 0;
    for (char c : text) {
        if (c == ':') {
            ++colons;
        } else if (!is_hex(c) && c != '.') {
            return false;
        }
    }
    return colons >= 2;
}

/// A hash: 32, 40, 64 or 128 hex digits. Refang and defang leave it as is.
bool looks_like_hash(std::string_view text) {
    for (char c : text) {
        if (!is_hex(c)) return false;
    }
    return text.size() == 32 || text.size() == 40 || text.size() == 64 || text.size() == 128;
}

}  // namespace

Type guess_kind(std::string_view ioc) {
    if (looks_like_email(ioc)) return Type::email;
    if (looks_like_ipv4(ioc)) return ioc.find('/') != std::string_view::npos ? Type::cidr : Type::ipv4;
    if (looks_like_ipv6(ioc)) return Type::ipv6;
    if (looks_like_hash(ioc)) return Type::md5;
    return Type::url;
}

namespace {

std::optional<Type> parse_kind(std::string_view name) {
    if (name == "url") return Type::url;
    if (name == "ipv4") return Type::ipv4;
    if (name == "email") return Type::email;
    return std::nullopt;
}

std::string_view trimmed(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

class LineFilter {
public:
    LineFilter(bool defang_mode, std::optional<Type> kind, OutputWriter& out)
        : defang_(defang_mode), kind_(kind), out_(out) {}

    /// Transforms one input line (without its "\n") and writes it with one.
    /// A "\r" before the "\n" is kept, so CRLF input gives CRLF output.
    void line(std::string_view text) {
        const bool crlf = !text.empty() && text.back() == '\r';
        const std::string_view ioc = trimmed(text);
        if (!ioc.empty()) {
            const Type type = kind_ ? *kind_ : guess_kind(ioc);
            result_ = defang_ ? defang(type, ioc) : refang(type, ioc);
            out_.write(result_);
        }
        out_.write(crlf ? "\r\n" : "\n");
    }

private:
    bool defang_;
    std::optional<Type> kind_;
    OutputWriter& out_;
    std::string result_;
};

int usage_error(std::string_view command, const std::string& message) {
    std::fprintf(stderr, "iocscan %.*s: %s\n", int(command.size()), command.data(), message.c_str());
    return kExitError;
}

}  // namespace

bool is_subcommand(std::string_view name) { return name == "refang" || name == "defang"; }

int run_subcommand(int argc, const char* const* argv) {
    const std::string_view command = argv[1];
    std::optional<Type> kind;
    for (int i = 2; i < argc; ++i) {
        std::string_view arg = argv[i];
        std::string_view value;
        if (arg.starts_with("--kind=")) {
            value = arg.substr(7);
        } else if (arg == "--kind" && i + 1 < argc) {
            value = argv[++i];
        } else if (arg == "--kind") {
            return usage_error(command, "--kind: needs a value");
        } else if (arg == "-h" || arg == "--help") {
            std::printf("Usage: iocscan %.*s [--kind url|ipv4|email] < IOCS\n",
                        int(command.size()), command.data());
            return kExitOk;
        } else {
            return usage_error(command, "unknown argument '" + std::string(arg) + "'");
        }
        kind = parse_kind(value);
        if (!kind) return usage_error(command, "--kind: unknown kind '" + std::string(value) + "' (url, ipv4, email)");
    }

    OutputWriter out(STDOUT_FILENO);
    LineFilter filter(command == "defang", kind, out);
    std::string pending;   // the current line's bytes so far
    char block[64 * 1024];
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, block, sizeof block);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            std::fprintf(stderr, "iocscan: (standard input): %s\n", std::strerror(errno));
            return kExitError;
        }
        if (got == 0) break;
        std::string_view data(block, static_cast<std::size_t>(got));
        for (std::size_t nl; (nl = data.find('\n')) != std::string_view::npos;) {
            pending.append(data.substr(0, nl));
            filter.line(pending);
            pending.clear();
            data.remove_prefix(nl + 1);
        }
        pending.append(data);
        // Flush what is ready, so the filter can serve a co-process line by line.
        out.flush();
        if (!out.usable()) break;
    }
    if (!pending.empty()) filter.line(pending);   // a last line without "\n"
    out.flush();
    if (out.failed()) {
        std::fprintf(stderr, "iocscan: standard output: %s\n", std::strerror(out.error_errno()));
        return kExitError;
    }
    return kExitOk;
}

}  // namespace iocscan::cli
