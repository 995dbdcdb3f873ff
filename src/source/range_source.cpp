// Scans one byte range of a regular file with the exact result of the
// whole-file scan restricted to that range (docs/scale-out.md has the
// argument for each family).
//
// The scanner starts scanner.longest_token() bytes (at least 1 MiB) before
// the range, as if the input began there, or earlier: one past the last byte
// before the range that ends every token of a URL rule (families/token_breaks.hpp),
// when that lies further back, or a line start certified to be outside every
// YARA rule of the whole-file scan (families/yara/yara_sync.hpp), when that is further
// back still. Its first tokens may be cut, but by the
// range's first byte every rule is in step with the whole-file scan, even
// inside a token longer than the lookback. Matches before the range are not
// reported. Past the range it reads on until everything that starts inside
// the range is final, so a match that starts in the range is reported whole,
// wherever it ends.
#include "iocscan/iocscan.hpp"
#include "source/decompression.hpp"
#include "source/file_read.hpp"
#include "families/token_breaks.hpp"
#include "families/yara/yara_sync.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <span>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace iocscan {
namespace {

using detail::read_at;
using detail::read_fully;

/// The lookback is at least this, whatever the rules: a token longer than
/// the lookback that crosses the range's start is settled by the token
/// breaks for the URL rules and by a certified start for YARA
/// (docs/scale-out.md); elsewhere it has to exceed 1 MiB with any choice of
/// types (1.6 % of a 64 MiB range).
constexpr std::uint64_t kMinLookback = 1 << 20;

/// Where a scan that must be in step with the whole-file scan at `begin` can
/// start: `start`, or one past the last byte before `begin` that breaks every
/// token of a rule (families/token_breaks.hpp), whichever is first; 0 when such a
/// rule has no break before `begin`. Reads backward from `begin` in blocks:
/// in text with lines it stops in the first block.
bool in_step_start(int fd, std::uint64_t begin, std::vector<const detail::ByteSet*> breaks,
                   std::uint64_t& start) {
    constexpr std::size_t kBlock = 64 * 1024;
    std::vector<char> block;
    struct stat info {};
    if (::fstat(fd, &info) != 0) return false;
    // Past the file's end there is nothing to read back over.
    std::uint64_t end = std::min(begin, static_cast<std::uint64_t>(info.st_size));
    while (!breaks.empty() && end > 0) {
        const std::uint64_t from = end - std::min<std::uint64_t>(end, kBlock);
        block.resize(static_cast<std::size_t>(end - from));
        std::size_t got = 0;
        if (!read_fully(fd, block.data(), block.size(), from, got)) return false;
        block.resize(got);   // the file shrank: scan what is there
        std::erase_if(breaks, [&](const detail::ByteSet* set) {
            for (std::size_t i = block.size(); i > 0; --i) {
                if (set->contains(block[i - 1])) {
                    start = std::min(start, from + i);
                    return true;
                }
            }
            return false;
        });
        end = from;
    }
    if (!breaks.empty()) start = 0;   // no break: the file's start is in step
    return true;
}

}  // namespace

std::string range_refusal(int fd, const SourceOptions& source) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) return std::strerror(errno);
    if (!S_ISREG(info.st_mode)) return "a byte range needs a regular file, not a pipe or device";
    if (source.wide) return "a byte range cannot be scanned with --wide (NUL bytes are dropped first)";
    char head[8] = {};
    const ssize_t got = read_at(fd, head, sizeof head, 0);
    if (got < 0) return std::strerror(errno);
    const std::string_view start(head, static_cast<std::size_t>(got));
    // A UTF-16LE byte-order mark turns wide reading on for the whole input
    // (fd_source.cpp): its offsets are then no longer those of a plain scan.
    if (start.starts_with("\xFF\xFE")) {
        return "a byte range cannot be scanned in UTF-16LE text with a byte-order mark (read as --wide)";
    }
    if (!source.decompress) return "";
    const detail::Compression compression = detail::detect_compression(start);
    if (compression != detail::Compression::none) {
        return "a byte range cannot be scanned in " + std::string(detail::compression_name(compression)) +
               " input (not splittable: scan the whole file)";
    }
    return "";
}

ScanEnd scan_range(int fd, const ByteRange& range, Scanner& scanner, const SourceOptions& source,
                   const MatchCallback& on_match, std::string& error) {
    error = range_refusal(fd, source);
    // Lines would count from where the read starts, not from the file's start.
    if (error.empty() && scanner.options().line_numbers) error = "line numbers need the whole file, not a range";
    if (!error.empty()) return ScanEnd::read_error;
    const std::uint64_t lookback = std::max(scanner.longest_token(), kMinLookback);
    std::uint64_t start = range.begin - std::min(range.begin, lookback);
    detail::HeldBytes held;   // the YARA search's window: most of the lookback
    if (!in_step_start(fd, range.begin, detail::all_token_breaks(), start) ||
        (scanner.options().types.has(Type::yara) && !detail::yara_sync_point(fd, range.begin, start, &held))) {
        error = std::strerror(errno);
        return ScanEnd::read_error;
    }
    scanner.reset(start);
    bool past_range = false;   // a match at or after range.end arrived: all before it are out
    const MatchCallback in_range = [&](const Match& match) {
        if (match.offset >= range.end) {
            past_range = true;
            return false;
        }
        return match.offset < range.begin || on_match(match);
    };
    const auto done = [&](bool go_on) {
        if (past_range) return ScanEnd::completed;
        return go_on ? ScanEnd::completed : ScanEnd::stopped;
    };
    const std::size_t chunk = std::max<std::size_t>(1, source.chunk_size);
    std::uint64_t at = start;
    for (;;) {
        if (source.cancel != nullptr && source.cancel->load(std::memory_order_relaxed)) {
            scanner.finish(in_range);
            return past_range ? ScanEnd::completed : ScanEnd::cancelled;
        }
        const std::span<char> room = scanner.input_space(chunk);
        const std::size_t copied = held.copy_at(at, room.data(), room.size());
        const ssize_t got = copied > 0 ? static_cast<ssize_t>(copied) : read_at(fd, room.data(), room.size(), at);
        if (got < 0) {
            error = std::strerror(errno);
            scanner.finish(in_range);
            return past_range ? ScanEnd::completed : ScanEnd::read_error;
        }
        if (got == 0) break;   // the end of the file
        at += static_cast<std::uint64_t>(got);
        if (!scanner.commit_input(static_cast<std::size_t>(got), in_range)) return done(false);
        if (source.on_progress) source.on_progress(at - start);
        // Past the range: stop once nothing that starts in it is held.
        if (at >= range.end) {
            if (!scanner.flush(in_range)) return done(false);
            if (scanner.reported_below() >= range.end) return ScanEnd::completed;
        }
    }
    return done(scanner.finish(in_range));
}

}  // namespace iocscan
