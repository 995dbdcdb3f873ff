// iocscan — find Indicators of Compromise in text, at DFA speed, in bounded memory.
//
// Quick start
// -----------
//   #include <iocscan/iocscan.hpp>
//
//   iocscan::Options options;                 // default: iocextract's family set
//   options.refang = true;                    // report "value" in plain form
//   iocscan::Scanner scanner(options);
//   auto print = [](const iocscan::Match& m) {
//       std::printf("%s %.*s\n", iocscan::type_name(m.type).data(),
//                   int(m.value.size()), m.value.data());
//       return true;                          // false stops the scan
//   };
//   scanner.feed(piece1, print);              // pieces of any size, in order
//   scanner.feed(piece2, print);
//   scanner.finish(print);                    // flushes matches held at the end
//
// A match that straddles two pieces is found exactly as if the input had been
// one buffer; results never depend on where the pieces were cut. Matches are
// reported in input order (by offset). `raw` and `value` point into scanner
// memory and are valid only during the callback.
//
// To scan an open file or pipe, use scan_fd(), which reads
// in chunks (Boost.Iostreams underneath) and optionally drop NUL bytes (--wide).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace iocscan {

/// IOC types. The order is the output order for matches at the same offset.
enum class Type : std::uint8_t {
    url, ipv4, ipv6, email, md5, sha1, sha256, sha512, yara, custom, domain, cidr, phone,
};
inline constexpr std::size_t kTypeCount = 13;

/// "url", "ipv4", ... as used by --types and in JSON.
std::string_view type_name(Type type);
/// Parses a type name; returns false for an unknown name.
bool parse_type(std::string_view name, Type& out);

/// A set of types, one bit each.
class TypeSet {
public:
    constexpr TypeSet() = default;
    static TypeSet all() { TypeSet s; s.bits_ = (1u << kTypeCount) - 1; return s; }
    /// iocextract's default families: url, ipv4, ipv6, email, hashes, yara.
    static TypeSet defaults();
    TypeSet& add(Type t) { bits_ |= bit(t); return *this; }
    bool has(Type t) const { return (bits_ & bit(t)) != 0; }
    bool empty() const { return bits_ == 0; }
    bool operator==(const TypeSet& o) const { return bits_ == o.bits_; }
private:
    static constexpr std::uint32_t bit(Type t) { return 1u << static_cast<unsigned>(t); }
    std::uint32_t bits_ = 0;
};

/// The types this build has scanners for.
TypeSet available_types();

/// Identifies the grammar rule that found a match ("generic", "bracket", ...).
using RuleId = std::uint16_t;
/// Name of a built-in rule.
std::string_view rule_name(RuleId id);

struct Options {
    TypeSet types = TypeSet::defaults();
    /// Report `value` in refanged (plain, clickable) form instead of as written.
    bool refang = false;
};

struct Match {
    Type type = Type::url;
    std::uint64_t offset = 0;   ///< absolute byte offset of `raw` in the input
    std::string_view raw;       ///< the text as it stands in the input
    std::string_view value;     ///< raw, or its refanged form with Options::refang
    bool defanged = false;      ///< raw differs from the refanged form
    /// Rules that found this exact span (a span found twice is reported once).
    std::array<RuleId, 6> rules{};
    std::uint8_t rule_count = 0;
    std::uint64_t length() const { return raw.size(); }
};

/// Return false to stop scanning (like Hyperscan's non-zero return).
using MatchCallback = std::function<bool(const Match&)>;

struct Stats {
    std::uint64_t bytes = 0;                         ///< bytes fed to the scanner
    std::array<std::uint64_t, kTypeCount> found{};   ///< matches reported, per type
    std::uint64_t dropped_overlong = 0;              ///< candidates longer than their family's maximum
};

/// A streaming scanner. Not thread-safe; use one per stream.
class Scanner {
public:
    explicit Scanner(const Options& options = {});
    ~Scanner();
    Scanner(Scanner&&) noexcept;
    Scanner& operator=(Scanner&&) noexcept;
    Scanner(const Scanner&) = delete;
    Scanner& operator=(const Scanner&) = delete;

    /// Feeds the next piece of input. Returns false if the callback asked to stop.
    bool feed(std::string_view piece, const MatchCallback& on_match);
    /// Marks the end of input and reports every match still held.
    bool finish(const MatchCallback& on_match);
    /// Forgets all input; the next feed() starts a new stream at offset 0.
    void reset();

    const Stats& stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct SourceOptions {
    std::size_t chunk_size = 256 * 1024;   ///< bytes per read
    bool wide = false;                     ///< drop NUL bytes (UTF-16LE text)
};

enum class ScanEnd {
    completed,    ///< the whole source was scanned and finish() called
    stopped,      ///< the callback returned false
    read_error,   ///< reading failed; matches before the failure were reported
};

/// Scans an open file descriptor to its end (feed() in chunks, then finish()).
/// On a read error, `error` receives the reason (e.g. "Is a directory").
ScanEnd scan_fd(int fd, Scanner& scanner, const SourceOptions& source,
                const MatchCallback& on_match, std::string& error);

/// Refangs one IOC of the given type (the post-pass used by Options::refang).
std::string refang(Type type, std::string_view raw);

}  // namespace iocscan
