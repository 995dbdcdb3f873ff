// iocscan — find Indicators of Compromise in text, at DFA speed, in bounded memory.
//
// Quick start
// -----------
//   #include <iocscan/iocscan.hpp>
//
//   iocscan::Options options;                 // default: iocextract's family set
//   options.refang = true;                    // report "value" in plain form
//   iocscan::Ruleset rules(options);          // compile once, share between threads
//   iocscan::Scanner scanner(rules);          // one per stream
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
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iocscan {

/// IOC types. The order is the output order for matches at the same offset.
/// Each has its row in the family registry (src/families/registry.cpp),
/// whose static_assert checks kTypeCount against the enumerators.
enum class Type : std::uint8_t {
    url, ipv4, ipv6, email, md5, sha1, sha256, sha512, yara, custom, domain, cidr, phone,
    cve, attack,
    mac, asn, regkey, ssdeep,
    btc, eth, onion, xmr,
};
inline constexpr std::size_t kTypeCount = 23;

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
/// Name of a built-in rule; "custom" for any custom pattern's rule (use
/// rule_label() for its "custom:<line>" name).
std::string_view rule_name(RuleId id);

/// A user pattern for the `custom` type (iocextract's --custom-regex), in RE2
/// syntax (linear-time matching) with exactly one capture group, whose text
/// is reported. Patterns are matched per line of input (the line without its
/// "\n" and a trailing "\r"), each finding its successive non-overlapping
/// matches. A line longer than kMaxCustomLine bytes is not matched; it is
/// counted in Stats::dropped_overlong.
struct CustomPattern {
    std::string regex;
    std::uint32_t line = 0;   ///< its line in the pattern file, 1-based
};
inline constexpr std::size_t kMaxCustomLine = 64 * 1024;
/// A custom pattern's matches carry the rule id kCustomRuleBase + its line,
/// named "custom:<line>" by rule_label().
inline constexpr RuleId kCustomRuleBase = 0x8000;
inline constexpr std::uint32_t kMaxCustomPatternLine = 0x7fff;
/// "custom:<line>" for a custom pattern's rule, rule_name() for the others.
std::string rule_label(RuleId id);

/// Reads a pattern file: one pattern per line, "\r\n" line ends allowed,
/// blank lines and comment lines ('#' first after any spaces or tabs)
/// skipped; each pattern keeps its line number.
std::vector<CustomPattern> parse_custom_patterns(std::string_view file_text);

struct PatternError {
    std::uint32_t line = 0;
    std::string message;   ///< e.g. "missing ): (a"
};
/// Checks every pattern before any input is read: RE2 syntax, exactly one
/// capture group, line number in range. Empty result: all are usable.
std::vector<PatternError> check_custom_patterns(const std::vector<CustomPattern>& patterns);

/// One entry of an allow list (Options::allow, `--allow FILE`): an exact
/// value, a domain name (also hides its subdomains), or an IPv4/IPv6 address
/// or CIDR range (docs/noise-control.md).
struct AllowEntry {
    std::string text;
    std::uint32_t line = 0;   ///< its line in the file, 1-based
};

/// Reads an allow-list file: one entry per line, "\r\n" line ends allowed;
/// '#' at the start of a line or after a blank starts a comment; blank
/// lines are skipped; each entry keeps its line number.
std::vector<AllowEntry> parse_allow_list(std::string_view file_text);
/// Checks entries before any input is read (blanks inside an entry, an
/// IPv4/IPv6 address or range that does not parse, "*.x" that is no
/// domain). Empty result: all are usable.
std::vector<PatternError> check_allow_list(const std::vector<AllowEntry>& entries);

/// A built-in rule: its name (JSONL "rules", Options::disabled_rules) and
/// the types it can report.
struct RuleInfo {
    std::string_view name;
    TypeSet types;
};
/// Every built-in rule, in table order (`iocscan --list-rules`).
std::vector<RuleInfo> builtin_rule_list();

/// The cores this process may run on: its CPU affinity mask (taskset,
/// cpusets, as `nproc` counts), lowered by a cgroup v2 CPU quota; at least 1.
unsigned usable_cores();

struct Options {
    TypeSet types = TypeSet::defaults();
    /// Report `value` in refanged (plain, clickable) form instead of as written.
    bool refang = false;
    /// URLs: keep trailing sentence punctuation (. , ) ! ? : ; ...) that is
    /// trimmed by default (iocextract's --open).
    bool open_punctuation = false;
    /// URLs: cut `raw` before a " /x" command-line switch and at the first
    /// > " ' ) , } ; that is not part of a defang (--strip-urls).
    bool strip_urls = false;
    /// URLs: `value` without its scheme and separator (--rm-scheme).
    bool remove_scheme = false;
    /// `value` in defanged form: hxxp://evil[.]example/x (--defang).
    bool defang = false;
    /// Which url rules run when `types` has url: those for URLs written out
    /// (generic, bracket, backslash) and those for encoded ones (hex,
    /// percent, base64). The CLI's `--types url:plain` / `url:encoded`.
    bool url_plain = true;
    bool url_encoded = true;
    /// Patterns for the `custom` type (used when `types` has it). The Scanner
    /// constructor throws std::invalid_argument if check_custom_patterns()
    /// finds a problem in them.
    std::vector<CustomPattern> custom_patterns;
    /// Threads that scan the input (the calling one included): it is cut
    /// into segments of up to 256 KiB that are scanned at the same time, and
    /// the results are made exactly those of one sequential scan. 0: one per
    /// usable core (usable_cores()). The output is the same whatever the number; the callback always
    /// runs on the thread that called feed()/finish(). Default 1: no threads
    /// are started. With threads, a feed() of 128 KiB or more returns while
    /// the helper threads still scan its last part, and leaves that part's
    /// matches to the next feed(), flush() or finish(): the caller reads the
    /// next input and reports while the helpers scan. The piece's bytes are
    /// copied in first, so the caller may reuse them at once. A smaller
    /// piece is scanned and reports everything final before feed() returns,
    /// as with one thread. A Scanner whose helper threads cannot be started
    /// throws std::system_error ("cannot start N worker threads: ...").
    unsigned threads = 1;
    /// Give each Match its 1-based `line`: the line its first byte is on,
    /// counted as '\n' bytes before it (a lone '\r' ends no line, as in
    /// grep). Every byte is counted once, between one match and the next,
    /// in constant memory; off, nothing is counted. Lines are those of the
    /// bytes the scanner is fed: decompressed text, and with --wide the text
    /// without the NUL high bytes (a UTF-16LE "\n\0" is one newline). After
    /// reset(first_offset) line 1 starts at `first_offset`, so scan_range()
    /// refuses a scanner that counts lines.
    bool line_numbers = false;
    /// Noise control (docs/noise-control.md), applied to each match's
    /// refanged value after the scan; dropped matches are counted in
    /// Stats::filtered. no_private: drop ipv4, ipv6 and cidr matches, and
    /// URLs whose host is such an address, in private, loopback, link-local,
    /// CGNAT, multicast, documentation, benchmarking and reserved ranges.
    bool no_private = false;
    /// Drop matches listed here (see AllowEntry). The Ruleset throws
    /// std::invalid_argument if check_allow_list() finds a problem.
    std::vector<AllowEntry> allow;
    /// Built-in rules not to run, by name (builtin_rule_list()). The Ruleset
    /// throws std::invalid_argument for an unknown name.
    std::vector<std::string> disabled_rules;
};

/// The types of `options.types` that no rule left running can report
/// (every rule of theirs is in disabled_rules, or a url form is off).
TypeSet types_without_rules(const Options& options);

/// How an encoded URL was written in the input (Match::encoding).
enum class Encoding : std::uint8_t { none, hex, percent, base64 };
/// "hex", "percent", "base64"; "" for none.
std::string_view encoding_name(Encoding encoding);

/// One IOC. An encoded URL (hex, percent-encoded or base64 text that holds
/// URLs) gives one Match per URL in its decoded bytes when Options::refang
/// or Options::defang asks for readable values, each with the decoded URL
/// as `value` and the whole encoded text as `raw`; as written, it gives one
/// Match whose value is the encoded text. Encoded text that decodes to no
/// URL gives nothing.
struct Match {
    Type type = Type::url;
    std::uint64_t offset = 0;   ///< absolute byte offset of `raw` in the input
    std::string_view raw;       ///< the text as it stands in the input (a URL
                                ///< without trailing punctuation, see Options)
    std::string_view value;     ///< raw, or as Options::refang/defang/remove_scheme ask
    bool defanged = false;      ///< raw differs from the refanged form
    Encoding encoding = Encoding::none;   ///< url: how the URL was encoded
    /// Rules that found this exact span (a span found twice is reported once).
    std::array<RuleId, 6> rules{};
    std::uint8_t rule_count = 0;
    /// Bytes `raw` spans in the input when that differs from raw.size()
    /// (wide text, whose NULs the scan dropped); 0 otherwise.
    std::uint64_t input_length = 0;
    /// 1-based line of `offset` when Options::line_numbers, else 0.
    std::uint64_t line = 0;
    std::uint64_t length() const { return input_length != 0 ? input_length : raw.size(); }
};

/// Return false to stop scanning (like Hyperscan's non-zero return).
using MatchCallback = std::function<bool(const Match&)>;

struct Stats {
    std::uint64_t bytes = 0;                         ///< bytes fed to the scanner
    std::array<std::uint64_t, kTypeCount> found{};   ///< matches reported, per type
    std::uint64_t dropped_overlong = 0;              ///< candidates longer than their family's maximum
    std::uint64_t filtered = 0;   ///< matches dropped by Options::no_private and Options::allow
};

/// Options checked and custom patterns compiled once: immutable, and safe to
/// share between any number of Scanners on any threads (like a Hyperscan
/// database and its streams). Copies are cheap and share the compiled state.
class Ruleset {
public:
    /// Throws std::invalid_argument if check_custom_patterns() finds a
    /// problem in the custom patterns (when `types` has custom).
    explicit Ruleset(const Options& options = {});
    /// The options it was built from, but for `allow`, which is empty here:
    /// the list is kept only in its compiled form.
    const Options& options() const;

    struct Compiled;   ///< defined in the library's sources

private:
    friend class Scanner;
    std::shared_ptr<const Compiled> compiled_;
};

/// A streaming scanner. Not thread-safe; use one per stream. With
/// Options::threads > 1 it owns helper threads, joined by its destructor.
class Scanner {
public:
    /// A scanner that uses (and keeps alive) a shared Ruleset.
    explicit Scanner(const Ruleset& ruleset);
    /// Same as Scanner(Ruleset(options)).
    explicit Scanner(const Options& options = {});
    ~Scanner();
    Scanner(Scanner&&) noexcept;
    Scanner& operator=(Scanner&&) noexcept;
    Scanner(const Scanner&) = delete;
    Scanner& operator=(const Scanner&) = delete;

    /// Feeds the next piece of input. Returns false if the callback asked to stop.
    bool feed(std::string_view piece, const MatchCallback& on_match);
    /// Feeding without a copy: room for the next 1 to `max_bytes` input bytes
    /// (at most 256 KiB; 1 MiB with Options::threads > 1) inside the
    /// scanner's own buffer. Write input there,
    /// then call commit_input() with how many bytes were written; the room is
    /// valid until then. feed() is input_space() + copy + commit_input().
    std::span<char> input_space(std::size_t max_bytes);
    /// Scans the first `count` bytes written to the last input_space().
    /// Returns false if the callback asked to stop.
    bool commit_input(std::size_t count, const MatchCallback& on_match);
    /// Reads the next `count` input bytes through `read` and scans them:
    /// read(into, at, size) writes bytes [at, at + size) of these `count`
    /// to `into`. With Options::threads > 1 every thread reads the part it
    /// scans, several at once, and a call may still be running after this
    /// returns (until the next call on this scanner): `read` is copied. An
    /// exception it throws (or one a helper meets, such as std::bad_alloc)
    /// comes out of this or a later call on this scanner, which must then be
    /// reset(). scan_fd() reads regular files this way (pread()).
    /// Returns false if the callback asked to stop.
    using ReadAt = std::function<void(char* into, std::uint64_t at, std::size_t size)>;
    bool commit_read(std::size_t count, const ReadAt& read, const MatchCallback& on_match);
    /// Reports every match that is final so far, including those a feed()
    /// with threads left for later (see Options::threads); for a source that
    /// is about to wait for more input. Returns false if the callback asked
    /// to stop.
    bool flush(const MatchCallback& on_match);
    /// Marks the end of input and reports every match still held.
    bool finish(const MatchCallback& on_match);
    /// Forgets all input; the next feed() starts a new stream at offset 0.
    void reset();
    /// Forgets all input; the next byte fed is input offset `first_offset`
    /// (scan_range() starts the scan inside a file this way).
    void reset(std::uint64_t first_offset);
    /// Every match that starts before this offset has been reported (as of
    /// the last feed(), flush() or finish()).
    std::uint64_t reported_below() const;
    /// The longest token an enabled rule can report (its rule's maximum
    /// match length and lookahead): how far before its range scan_range()
    /// starts reading.
    std::uint64_t longest_token() const;
    /// The options this scanner was built with.
    const Options& options() const;

    const Stats& stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct SourceOptions {
    std::size_t chunk_size = 256 * 1024;   ///< bytes per read
    /// Read UTF-16LE ("wide") text: the NUL high byte of each wide character
    /// is dropped, other NULs end a string; offsets stay positions in the
    /// input. Input that starts with a UTF-16LE byte-order mark is read so
    /// without it.
    bool wide = false;
    /// Decompress gzip, bzip2, xz and zstd input, recognised by its first bytes.
    bool decompress = true;
    /// Regular files only: read (and decompress) the next chunk on another
    /// thread while the scanner works on the last one. Off by default, and
    /// the CLI leaves it off: a Scanner with threads reads the next round
    /// while its helpers scan, which was faster on two cores.
    bool read_ahead = false;
    /// When set and it becomes true (e.g. from a SIGINT handler), scan_fd()
    /// stops before the next read and returns ScanEnd::cancelled. A read
    /// waiting on an idle pipe looks at the flag every 250 ms, so a signal
    /// that came just before the wait still ends it; without a flag, a
    /// read interrupted by a signal is retried.
    const std::atomic<bool>* cancel = nullptr;
    /// Called after each chunk with the bytes read so far (after
    /// decompression and --wide), e.g. for a progress display.
    std::function<void(std::uint64_t bytes_read)> on_progress;
    /// Called when a read is about to wait for a pipe or terminal (no input
    /// ready), after every match final so far was reported: the moment to
    /// flush buffered output (tail -f | iocscan | ...).
    std::function<void()> on_wait;
};

enum class ScanEnd {
    completed,    ///< the whole source was scanned and finish() called
    stopped,      ///< the callback returned false
    cancelled,    ///< SourceOptions::cancel became true
    read_error,   ///< reading failed; matches before the failure were reported
};

/// Scans an open file descriptor to its end (feed() in chunks, then finish()).
/// On a read error, `error` receives the reason (e.g. "Is a directory", or
/// "corrupt gzip data at byte N: unexpected end of input" with N counted in
/// the compressed input); every match in the bytes read or decompressed
/// cleanly before it was reported first, but for one that ends in the last
/// 8 bytes before the failure with no white space after it: it may be cut
/// short (`http://a` of `http://a.example/x`), so it is left out and
/// `error` ends with "; a value it may have cut short is left out" (or "; N
/// values ..."). Not on a failed read of a regular file that threads read
/// in segments. A damaged or truncated stream of any of the four formats is
/// such an error.
ScanEnd scan_fd(int fd, Scanner& scanner, const SourceOptions& source,
                const MatchCallback& on_match, std::string& error);

/// Bytes [begin, end) of a regular file; `end` past the file's end (the
/// default) means to its end.
struct ByteRange {
    std::uint64_t begin = 0;
    std::uint64_t end = UINT64_MAX;
};

/// Why `fd` cannot be scanned by byte range ("" when it can): a range scan
/// needs a regular file whose offsets are input offsets, so no pipe, no
/// compressed file (its offsets are those of the decompressed text) and no
/// --wide (NULs are dropped before scanning). Such inputs are scanned whole.
std::string range_refusal(int fd, const SourceOptions& source);

/// Reports exactly the matches of the whole-file scan whose offset lies in
/// `range`, with the same absolute offsets and contents, whatever the split
/// points: scanning [0, a), [a, b), [b, end) gives the whole-file output.
/// Reads from scanner.longest_token() bytes (at least 1 MiB) before `range.begin`, or
/// further back where a token or a YARA rule longer than that crosses it (scanners
/// started there are in step with the whole-file scan by range.begin, see
/// docs/scale-out.md) and past `range.end` until every match that starts
/// before it is final. Resets `scanner`. Returns read_error, with `error`
/// set, when range_refusal() refuses `fd`. Stats::bytes counts what was read.
ScanEnd scan_range(int fd, const ByteRange& range, Scanner& scanner, const SourceOptions& source,
                   const MatchCallback& on_match, std::string& error);

/// Refangs one IOC of the given type (the post-pass used by Options::refang).
std::string refang(Type type, std::string_view raw);
/// Defangs an IOC (plain or defanged) of the given type: dots of a host
/// become "[.]", http -> hxxp, ftp -> fxp; a URL's path is left as it is.
/// Text of several words is defanged word by word and keeps its blanks
/// ("see evil.com now" -> "see evil[.]com now", "hello world" stays); a word
/// that has not the shape of `type` (where it has one: ipv4, cidr, email,
/// ipv6, hashes) is defanged as the type its shape tells, as `iocscan defang`
/// does.
std::string defang(Type type, std::string_view text);

}  // namespace iocscan
