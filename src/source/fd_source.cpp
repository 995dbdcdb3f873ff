// Reads a file descriptor through Boost.Iostreams and feeds the scanner.
#include "iocscan/iocscan.hpp"
#include "source/damaged_end.hpp"
#include "source/decompression.hpp"
#include "source/wide_filter.hpp"
#include "source/file_read.hpp"
#include "source/read_ahead.hpp"

#include <boost/iostreams/filtering_stream.hpp>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <span>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace iocscan {
namespace {

bool cancelled(const SourceOptions& source) {
    return source.cancel != nullptr && source.cancel->load(std::memory_order_relaxed);
}

/// Input ends where it was cancelled: what was found so far is reported.
ScanEnd cancel(Scanner& scanner, const MatchCallback& on_match) {
    scanner.finish(on_match);
    return ScanEnd::cancelled;
}

/// True when a read from `fd` would not wait (data or the end is there).
bool readable_now(int fd) {
    pollfd ready{fd, POLLIN, 0};
    return ::poll(&ready, 1, 0) == 1 && (ready.revents & (POLLIN | POLLHUP)) != 0;
}

/// A pipe holds 64 KiB by default: the writer then stops every 64 KiB, and
/// the reads are too small for threads to share. Best effort (Linux only).
void widen_pipe(int fd, std::size_t bytes) {
#ifdef F_SETPIPE_SZ
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISFIFO(info.st_mode)) {
        ::fcntl(fd, F_SETPIPE_SZ, static_cast<int>(std::min<std::size_t>(bytes, 1 << 20)));
    }
#else
    (void)fd;
    (void)bytes;
#endif
}

/// UTF-16LE text's byte-order mark starts `head`: read as wide text.
bool has_utf16le_mark(std::string_view head) { return head.starts_with("\xFF\xFE"); }

/// Whether a filter stands between the file and the scanner (InputChain:
/// --wide, a byte-order mark, or decompression, after which one is looked
/// for): the only filter, the one that drops NULs, moves matches from the
/// scanner's positions, and a filtered input is read as it comes.
bool filters_input(const SourceOptions& source, detail::Compression compression, std::string_view head) {
    return source.wide || compression != detail::Compression::none || has_utf16le_mark(head);
}

bool is_regular_file(int fd) {
    struct stat info {};
    return ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
}

/// What the threads' pread()s of a file met. Shared with the reads that a
/// round still in flight may make after scan_fd() has returned (the scanner
/// stopped): their result is never reported then.
struct SegmentReads {
    explicit SegmentReads(int file) : fd(file) {}
    int fd;
    std::atomic<int> failed_errno{0};
    std::atomic<bool> shrank{false};
};

/// With threads, the bytes of a regular file that has no filters are read
/// by the thread that scans them (Scanner::commit_read: each segment's task
/// pread()s its own part), up to the size the file had at the start, from
/// `*position`, which it moves past what it read. Returns the end of the
/// scan when it ended there; nothing when the rest of the file (the part
/// that grew meanwhile) is to be read as usual.
std::optional<ScanEnd> read_by_segments(int fd, std::uint64_t* position, std::uint64_t file_size,
                                        Scanner& scanner, const SourceOptions& source,
                                        const MatchCallback& on_match, std::uint64_t& read_so_far,
                                        std::string& error) {
    const auto reads = std::make_shared<SegmentReads>(fd);
    // A whole round of Scanner::commit_read() (2 MiB) at least.
    const std::size_t round = std::max<std::size_t>(source.chunk_size, 2 << 20);
    while (*position < file_size) {
        if (cancelled(source)) return cancel(scanner, on_match);
        const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(round, file_size - *position));
        const Scanner::ReadAt read = [reads, at = *position](char* into, std::uint64_t from, std::size_t size) {
            std::size_t got = 0;
            if (!detail::read_fully(reads->fd, into, size, at + from, got)) {
                reads->failed_errno.store(errno);
            } else if (got < size) {
                reads->shrank.store(true);
            }
            // Defined bytes for the scan. A file that got shorter (a log
            // truncated in place) ends there, as it does for one thread: the
            // NULs end any token as the end of input would. A failed read
            // ends the scan in an error.
            if (got < size) std::memset(into + got, 0, size - got);
        };
        if (!scanner.commit_read(count, read, on_match)) return ScanEnd::stopped;
        *position += count;
        read_so_far += count;
        if (source.on_progress) source.on_progress(read_so_far);
        if (reads->failed_errno.load() != 0 || reads->shrank.load()) break;
    }
    // The reads of the round in flight are done after this.
    if (!scanner.flush(on_match)) return ScanEnd::stopped;
    if (const int failed = reads->failed_errno.load(); failed != 0) {
        error = std::strerror(failed);
        scanner.finish(on_match);
        return ScanEnd::read_error;
    }
    // Shrunk: the usual reads go on from here and meet the end of the file.
    if (::lseek(fd, static_cast<off_t>(*position), SEEK_SET) < 0) {
        error = std::strerror(errno);
        scanner.finish(on_match);
        return ScanEnd::read_error;
    }
    return std::nullopt;
}

/// Where the file behind `fd` stands and how long it is, when the scanner
/// reads it by segments (read_by_segments()): threads, a regular file at a
/// known position, and no filter between the file and the scanner.
bool reads_by_segments(int fd, const Scanner& scanner, const SourceOptions& source, detail::Compression compression,
                       const std::string& head, std::uint64_t& position, std::uint64_t& file_size) {
    if (scanner.options().threads == 1 || source.read_ahead || filters_input(source, compression, head)) return false;
    struct stat info {};
    const off_t at = ::lseek(fd, 0, SEEK_CUR);
    // No blocks: a sysfs or procfs file, whose size says nothing about its
    // text (or a file with holes only), is read as it comes.
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_blocks == 0 || at < 0) return false;
    position = static_cast<std::uint64_t>(at);
    file_size = static_cast<std::uint64_t>(info.st_size);
    return true;
}

/// The bytes of `fd` as the scanner wants them: through Boost.Iostreams
/// filters (--wide, decompression) when there are any, else straight from
/// the source device into the caller's memory. A stream buffer in between
/// would copy every byte once more (8% of a whole run on plain text).
class InputChain {
public:
    InputChain(int fd, std::string head, const SourceOptions& source, detail::Compression compression,
               std::size_t chunk, const std::shared_ptr<detail::WideOffsets>& wide)
        : device_(fd, head, source.cancel) {
        const bool marked = compression == detail::Compression::none && has_utf16le_mark(head);
        // Compressed text may start with the byte-order mark once
        // decompressed; the filter looks for it (not with read-ahead, whose
        // thread would record the offsets while this one reads them).
        const bool detect = compression != detail::Compression::none && !source.read_ahead;
        drops_nuls_ = source.wide || marked;
        if (!drops_nuls_ && !detect && compression == detail::Compression::none) return;
        filtered_.emplace();
        if (drops_nuls_ || detect) {
            const auto mode = drops_nuls_ ? detail::DropNulFilter::Mode::wide : detail::DropNulFilter::Mode::detect;
            filtered_->push(detail::DropNulFilter(mode, wide), chunk);
        }
        detail::push_decompressor(*filtered_, compression, chunk);
        filtered_->push(std::move(device_), chunk);
    }

    /// Up to `capacity` bytes that are ready (at least one unless at the
    /// end); 0 at the end of the input. Throws ReadFailure, or
    /// DecompressFailure after the last byte a decompressor could deliver.
    std::size_t read_some(char* into, std::size_t capacity) {
        if (!filtered_) {
            const std::streamsize got = device_.read(into, static_cast<std::streamsize>(capacity));
            return got < 0 ? 0 : static_cast<std::size_t>(got);
        }
        auto& buffer = *filtered_->rdbuf();
        if (buffer.sgetc() == std::char_traits<char>::eof()) return 0;
        const auto ready = std::min<std::streamsize>(buffer.in_avail(), static_cast<std::streamsize>(capacity));
        return static_cast<std::size_t>(buffer.sgetn(into, std::max<std::streamsize>(ready, 1)));
    }

    /// True when the input is read as wide text from its first byte.
    bool drops_nuls() const { return drops_nuls_; }

    /// True when bytes are held in memory already (a read needs no syscall).
    bool buffered() { return filtered_ && filtered_->rdbuf()->in_avail() > 0; }

private:
    detail::PeekedFdSource device_;
    std::optional<boost::iostreams::filtering_istream> filtered_;
    bool drops_nuls_ = false;
};

}  // namespace

ScanEnd scan_fd(int fd, Scanner& scanner, const SourceOptions& source,
                const MatchCallback& caller_on_match, std::string& error) {
    // Wide text (--wide, or a UTF-16LE byte-order mark) loses NULs on the
    // way to the scanner: its matches get their positions in the input back.
    const auto wide_offsets = std::make_shared<detail::WideOffsets>();
    const MatchCallback in_input_positions = [&](const Match& match) {
        if (!wide_offsets->active()) return caller_on_match(match);
        Match placed = match;
        placed.offset = wide_offsets->input_position(match.offset);
        placed.input_length = wide_offsets->input_position(match.offset + match.raw.size()) - placed.offset;
        wide_offsets->release_before(match.offset);
        return caller_on_match(placed);
    };
    const std::size_t chunk = std::max<std::size_t>(1, source.chunk_size);
    std::string head;
    if (!detail::peek_head(fd, head, source.cancel)) {
        if (cancelled(source)) return cancel(scanner, caller_on_match);
        error = std::strerror(errno);
        return ScanEnd::read_error;
    }
    const detail::Compression compression =
        source.decompress ? detail::detect_compression(head) : detail::Compression::none;
    // Without a filter, matches stand at their input positions: no call
    // per match in between.
    const MatchCallback& on_match = filters_input(source, compression, head) ? in_input_positions : caller_on_match;
    std::uint64_t read_so_far = 0;
    if (std::uint64_t position = 0, file_size = 0;
        reads_by_segments(fd, scanner, source, compression, head, position, file_size)) {
        // The head was read to detect compression: it goes first, as read.
        if (!scanner.feed(head, on_match)) return ScanEnd::stopped;
        read_so_far = head.size();
        head.clear();
        if (const auto end = read_by_segments(fd, &position, file_size, scanner, source, on_match, read_so_far, error)) {
            return *end;
        }
    }
    InputChain input(fd, std::move(head), source, compression, chunk, wide_offsets);
    const auto read_some = [&](char* into, std::size_t capacity) { return input.read_some(into, capacity); };
    // Declared after `input`, which its thread reads: it is joined first.
    std::optional<detail::ReadAhead> ahead;
    // (Not for wide text: its filter would record the offsets on that thread.)
    if (source.read_ahead && is_regular_file(fd) && !input.drops_nuls()) ahead.emplace(read_some, chunk);
    if (!ahead) widen_pipe(fd, chunk);
    // Scanner offsets start at 0 after reset(), which every caller of
    // scan_fd() does first, so the bytes fed so far say where this input starts.
    detail::DamagedEnd damaged_end(scanner.stats().bytes);
    // After damage or a failed read: the values before the last break only.
    const auto finish_before_damage = [&] {
        std::size_t left_out = 0;
        scanner.finish([&](const Match& match) {
            if (!damaged_end.may_be_cut(match.offset + match.raw.size())) return on_match(match);
            ++left_out;
            return true;
        });
        if (left_out == 0) return std::string();
        return left_out == 1 ? std::string("; a value it may have cut short is left out")
                             : "; " + std::to_string(left_out) + " values it may have cut short are left out";
    };
    try {
        for (;;) {
            if (cancelled(source)) return cancel(scanner, on_match);
            std::size_t got = 0;
            if (ahead) {
                // A reader thread fills the next block while this one scans.
                const std::string_view block = ahead->next();
                if (block.empty()) break;
                damaged_end.saw(block);
                if (!scanner.feed(block, on_match)) return ScanEnd::stopped;
                got = block.size();
            } else {
                // About to wait for a pipe: report what is final first.
                if (!input.buffered() && !readable_now(fd)) {
                    if (!scanner.flush(on_match)) return ScanEnd::stopped;
                    if (source.on_wait) source.on_wait();
                }
                const std::span<char> room = scanner.input_space(chunk);
                got = read_some(room.data(), room.size());
                if (got == 0) break;
                // More input that is there already goes into the same piece:
                // with threads, only a large piece is scanned in parallel. A
                // pipe that pauses (tail -f) is still scanned at once.
                try {
                    while (got < room.size() && (input.buffered() || readable_now(fd))) {
                        const std::size_t more = read_some(room.data() + got, room.size() - got);
                        if (more == 0) break;   // the end: the next read says so again
                        got += more;
                    }
                } catch (...) {
                    // The bytes read before the failure are scanned first.
                    damaged_end.saw({room.data(), got});
                    if (!scanner.commit_input(got, on_match)) return ScanEnd::stopped;
                    throw;
                }
                damaged_end.saw({room.data(), got});
                if (!scanner.commit_input(got, on_match)) return ScanEnd::stopped;
            }
            read_so_far += got;
            if (source.on_progress) source.on_progress(read_so_far);
        }
    } catch (const detail::ReadFailure& failure) {
        if (cancelled(source)) return cancel(scanner, on_match);   // read() interrupted by the signal
        error = std::strerror(failure.saved_errno);
        error += finish_before_damage();   // what was read so far is still reported
        return ScanEnd::read_error;
    } catch (const detail::DecompressFailure& failure) {
        // Damaged or truncated: every byte before it was scanned already.
        error = "corrupt " + std::string(detail::compression_name(compression)) + " data at byte " +
                std::to_string(failure.at_byte) + ": " + failure.why;
        error += finish_before_damage();
        return ScanEnd::read_error;
    }
    return scanner.finish(on_match) ? ScanEnd::completed : ScanEnd::stopped;
}

}  // namespace iocscan
