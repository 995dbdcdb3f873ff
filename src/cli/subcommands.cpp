#include "cli/subcommands.hpp"

#include "cli/display_name.hpp"
#include "cli/output_writer.hpp"
#include "cli/print_text.hpp"
#include "cli/utf8.hpp"
#include "iocscan/iocscan.hpp"
#include "families/registry.hpp"
#include "postpass/defang.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <unistd.h>

namespace iocscan::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 2;

}  // namespace

Type guess_kind(std::string_view ioc) { return detail::guessed_type(ioc); }

namespace {

/// Tells whether a line is an IOC of a kind, with one scanner per kind
/// made once and reset per line (a new one per line cost 7x the time).
class IocCheck {
public:
    /// Whether a line is an IOC of `kind`, so that refang may rewrite it: the
    /// scanner finds it as it stands, or (not for URLs, where adding "http://"
    /// would make any word one) finds its refanged form, which covers defangs
    /// the scanner does not accept in running text ("ops[@]example[.com[.org]").
    bool is_ioc_of_kind(std::string_view line, Type kind) {
        if (scans_as_whole(line, kind)) return true;
        return kind != Type::url && scans_as_whole(refang(kind, line), kind);
    }

private:
    /// Whether the scanner, run on `text` for `kind`, finds one IOC that is
    /// the whole text (but for trailing punctuation a URL leaves out).
    bool scans_as_whole(std::string_view text, Type kind) {
        Scanner& scanner = scanner_for(kind);
        scanner.reset();
        bool whole = false;
        const auto on_match = [&](const Match& match) {
            if (match.offset != 0) return true;
            const std::string_view rest = text.substr(match.raw.size());
            whole = whole || rest.find_first_not_of(".,;:!?)]}>\"'`") == std::string_view::npos;
            return !whole;
        };
        scanner.feed(text, on_match);
        scanner.finish(on_match);
        return whole;
    }

    Scanner& scanner_for(Type kind) {
        auto& slot = scanners_[static_cast<std::size_t>(kind)];
        if (!slot) {
            Options options;
            options.types = TypeSet{};
            options.types.add(kind);
            // With the other types of the rules that find it: a rule tells
            // ipv4 from cidr, or md5 from sha1, by what it matched, so a
            // line guessed as md5 may well be a sha1.
            for (const RuleInfo& rule : builtin_rule_list()) {
                if (!rule.types.has(kind)) continue;
                for (const detail::Family& row : detail::families()) {
                    if (rule.types.has(row.type)) options.types.add(row.type);
                }
            }
            slot = std::make_unique<Scanner>(options);
        }
        return *slot;
    }

    std::array<std::unique_ptr<Scanner>, kTypeCount> scanners_;
};

std::optional<Type> parse_kind(std::string_view name) {
    for (const detail::Family& row : detail::families()) {
        if (row.kind_option && row.name == name) return row.type;
    }
    return std::nullopt;
}

/// The names --kind accepts, joined by `separator`: "url|ipv4|email".
std::string kind_names(std::string_view separator) {
    std::string names;
    for (const detail::Family& row : detail::families()) {
        if (!row.kind_option) continue;
        if (!names.empty()) names += separator;
        names += row.name;
    }
    return names;
}

constexpr bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

/// The longest line the filters take whole. Longer than any IOC they rewrite
/// (a URL is at most 64 KiB), so a longer line is not one IOC: it passes
/// through as it is, in pieces, and memory stays bounded (a 1 GB line of a
/// log piped in by mistake must not take 1 GB, three times over).
constexpr std::size_t kLongestLine = std::size_t{1} << 20;

class LineFilter {
public:
    LineFilter(bool defang_mode, std::optional<Type> kind, bool strict, OutputWriter& out)
        : defang_(defang_mode), kind_(kind), strict_(strict), out_(out) {}

    /// Takes the next bytes of standard input, lines cut anywhere.
    void feed(std::string_view data) {
        for (std::size_t nl; (nl = data.find('\n')) != std::string_view::npos;) {
            if (passing_) {
                out_.write(data.substr(0, nl));
                out_.write('\n');
                passing_ = false;
            } else {
                pending_.append(data.substr(0, nl));
                line(pending_);
                pending_.clear();
            }
            data.remove_prefix(nl + 1);
        }
        if (passing_) {
            out_.write(data);
            return;
        }
        pending_.append(data);
        if (pending_.size() > kLongestLine) pass_long_line();
    }

    /// The end of the input: a last line without "\n" gets one.
    void finish() {
        if (passing_) {
            out_.write('\n');
            passing_ = false;
        } else if (!pending_.empty()) {
            line(pending_);
            pending_.clear();
        }
    }

    /// Lines --strict flagged, and lines defang left as they were.
    std::uint64_t flagged() const { return flagged_; }

private:
    /// Transforms one input line (without its "\n") and writes it with one.
    /// A "\r" before the "\n" is kept, so CRLF input gives CRLF output.
    /// Refang rewrites only a line that is an IOC of its kind (given, or
    /// guessed from the shape): any other line passes through unchanged, so
    /// that "not an ioc" never becomes "http://notanioc"; with --strict it
    /// is also named on stderr and the exit status becomes 2. A line that
    /// holds a NUL or invalid UTF-8 is not an IOC either (see defang_words()).
    void line(std::string_view text) {
        ++line_number_;
        const bool crlf = !text.empty() && text.back() == '\r';
        const std::string_view ioc = trimmed(text);
        if (!ioc.empty()) {
            if (defang_) {
                defang_words(ioc);
            } else if (!is_text(ioc)) {
                out_.write(crlf ? text.substr(0, text.size() - 1) : text);
                if (strict_) report_not_text("line");
            } else if (const Type type = kind_ ? *kind_ : guess_kind(ioc); check_.is_ioc_of_kind(ioc, type)) {
                out_.write(refang(type, ioc));
            } else {
                out_.write(crlf ? text.substr(0, text.size() - 1) : text);
                if (strict_) report_not_an_ioc(ioc, type);
            }
        }
        out_.write(crlf ? "\r\n" : "\n");
    }

    /// Defangs each blank-separated word of `text` on its own and keeps the
    /// blanks (detail::defang_words()). A word takes the given kind's
    /// defang only when it is an IOC of that kind: the ipv4 defang keeps
    /// digit groups alone, so "1.2.3.4:80" would lose its port and "abc:def"
    /// every byte. Any other word is defanged by its shape.
    ///
    /// A word that holds a NUL or invalid UTF-8 (binary bytes, another
    /// encoding) is no IOC: refang leaves such a line as it is, and defang,
    /// which rewrote it by its shape, did what refang could not undo. It is
    /// printed unchanged and, as it may hold a live IOC, the line is named
    /// (exit status 2), as an over-long line is.
    void defang_words(std::string_view text) {
        bool binary = false;
        defanged_.clear();
        detail::defang_words(text, [&](std::string_view word) -> std::optional<Type> {
            if (!is_text(word)) {
                binary = true;
                return std::nullopt;   // printed unchanged
            }
            return kind_ && check_.is_ioc_of_kind(word, *kind_) ? *kind_ : guess_kind(word);
        }, defanged_);
        out_.write(defanged_);
        if (binary) report_not_text("word");
    }

    /// The line held so far is longer than kLongestLine: it is written as it
    /// is, and so is the rest of it. Refang leaves it as any line that is
    /// not an IOC (named with --strict); defang names it, as output that
    /// may hold live IOCs must not pass for defanged (exit status 2).
    void pass_long_line() {
        ++line_number_;
        out_.write(pending_);
        pending_.clear();
        pending_.shrink_to_fit();
        passing_ = true;
        if (!defang_ && !strict_) return;
        ++flagged_;
        std::fprintf(stderr, "iocscan %s: line %llu: longer than %zu MiB, not an IOC: printed unchanged\n",
                     defang_ ? "defang" : "refang", static_cast<unsigned long long>(line_number_),
                     kLongestLine >> 20);
    }

    /// A NUL or invalid UTF-8 in the current line; `what` ("line", "word")
    /// was printed unchanged.
    void report_not_text(const char* what) {
        ++flagged_;
        std::fprintf(stderr, "iocscan %s: line %llu: a NUL or invalid UTF-8 byte, not an IOC: %s printed unchanged\n",
                     defang_ ? "defang" : "refang", static_cast<unsigned long long>(line_number_), what);
    }

    void report_not_an_ioc(std::string_view ioc, Type type) {
        ++flagged_;
        const std::string_view kind = type_name(type);
        std::fprintf(stderr, "iocscan refang: line %llu: not an IOC of kind %.*s: %.*s\n",
                     static_cast<unsigned long long>(line_number_), int(kind.size()), kind.data(),
                     int(ioc.size()), ioc.data());
    }

    bool defang_;
    std::optional<Type> kind_;
    bool strict_;
    OutputWriter& out_;
    IocCheck check_;
    std::string pending_;    // the current line's bytes so far
    std::string defanged_;   // the current line defanged
    bool passing_ = false;   // the current line is over-long: its bytes go straight out
    std::uint64_t line_number_ = 0;
    std::uint64_t flagged_ = 0;
};

int usage_error(std::string_view command, const std::string& message) {
    std::fprintf(stderr, "iocscan %.*s: %s\n", int(command.size()), command.data(), message.c_str());
    return kExitError;
}

/// `iocscan refang --help`, `iocscan defang --help`.
int print_subcommand_help(std::string_view command) {
    const bool refang = command == "refang";
    std::string text = "Usage: iocscan " + std::string(command) + " [--kind " + kind_names("|") + "]" +
                       (refang ? " [--strict]" : "") + " < IOCS\n\n";
    if (refang) {
        text +=
            "Reads one IOC per line of standard input and prints it in plain form\n"
            "(hxxp://evil[.]example/a -> http://evil.example/a, 10[.]0[.]0[.]1 -> 10.0.0.1,\n"
            "ops[at]example[dot]org -> ops@example.org). Output line N is input line N:\n"
            "a line that is not an IOC of its kind is printed unchanged, and so is a\n"
            "line holding a NUL or invalid UTF-8. To refang the IOCs inside free text,\n"
            "scan it instead: iocscan --refang FILE.\n\n"
            "  --kind K   read every line as kind K (default: guessed from each line's shape)\n"
            "  --strict   name each line that is not an IOC on stderr, and exit 2\n\n"
            "Exit status: 0, or 2 on a read or write error or a line --strict named.\n";
    } else {
        text +=
            "Reads lines of standard input and prints each with its IOCs defanged, so\n"
            "that they cannot be clicked or resolved (http://evil.example/a ->\n"
            "hxxp://evil[.]example/a, 10.0.0.1 -> 10[.]0[.]0[.]1). Each blank-separated\n"
            "word is defanged on its own and the blanks are kept; output line N is\n"
            "input line N.\n\n"
            "  --kind K   defang each word that is an IOC of kind K as one (others by shape)\n\n"
            "Exit status: 0, or 2 on a read or write error, or when a line was printed\n"
            "unchanged because it is over-long or holds a NUL or invalid UTF-8 (it may\n"
            "still hold a live IOC; the line is named on stderr).\n";
    }
    return print_text(text.c_str());
}

}  // namespace

bool is_subcommand(std::string_view name) { return name == "refang" || name == "defang"; }

int run_subcommand(int argc, const char* const* argv) {
    const std::string_view command = argv[1];
    std::optional<Type> kind;
    bool strict = false;
    for (int i = 2; i < argc; ++i) {
        std::string_view arg = argv[i];
        std::string_view value;
        if (arg == "--strict" && command == "refang") {
            strict = true;
            continue;
        }
        if (arg.starts_with("--kind=")) {
            value = arg.substr(7);
        } else if (arg == "--kind" && i + 1 < argc) {
            value = argv[++i];
        } else if (arg == "--kind") {
            return usage_error(command, "--kind: needs a value");
        } else if (arg == "-h" || arg == "--help") {
            return print_subcommand_help(command);
        } else {
            return usage_error(command, "unknown argument '" + std::string(arg) + "'");
        }
        kind = parse_kind(value);
        if (!kind) {
            return usage_error(command, "--kind: unknown kind '" + std::string(value) + "' (" + kind_names(", ") + ")");
        }
    }

    OutputWriter out(STDOUT_FILENO);
    LineFilter filter(command == "defang", kind, strict, out);
    char block[64 * 1024];
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, block, sizeof block);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            std::fprintf(stderr, "iocscan: %.*s: %s\n", int(kStandardInputName.size()), kStandardInputName.data(),
                         std::strerror(errno));
            return kExitError;
        }
        if (got == 0) break;
        filter.feed(std::string_view(block, static_cast<std::size_t>(got)));
        // Flush what is ready, so the filter can serve a co-process line by line.
        out.flush();
        if (!out.usable()) break;
    }
    filter.finish();
    out.flush();
    if (out.failed()) {
        std::fprintf(stderr, "iocscan: standard output: %s\n", std::strerror(out.error_errno()));
        return kExitError;
    }
    return filter.flagged() != 0 ? kExitError : kExitOk;
}

}  // namespace iocscan::cli
