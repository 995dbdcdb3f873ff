/* iocscan C ABI — for binding from C, Python (ctypes/cffi), Go (cgo), Rust.
 *
 *   iocscan_options options;
 *   iocscan_options_init(&options);                  // defaults + struct_size
 *   options.types = "ipv4,md5";
 *   options.refang = 1;
 *   iocscan_scanner* s = NULL;
 *   if (iocscan_open(&options, &s) != IOCSCAN_OK) { ... iocscan_error_message(NULL) ... }
 *   iocscan_feed(s, text, len, on_match, user);      // pieces of any size
 *   iocscan_finish(s, on_match, user);               // flushes held matches
 *   iocscan_close(s);
 *
 * Matches arrive in input order through the callback; the strings in an
 * iocscan_match are valid only during the call. Return 0 from the callback
 * to go on, anything else to stop (then feed/finish return IOCSCAN_STOPPED).
 *
 * Threads: a scanner is used by one thread at a time (calls on the same
 * scanner must not overlap); different scanners may be used in parallel.
 * The callback runs on the thread that made the call. It must not call any
 * iocscan function on the same scanner (it may use other scanners).
 *
 * Stopping: once the callback asked to stop, the stream stays stopped:
 * feed/flush/finish return IOCSCAN_STOPPED without scanning until
 * iocscan_reset() starts a new stream.
 *
 * Growing: iocscan_options and iocscan_stats start with struct_size, the
 * size the caller compiled them with; the library reads and writes only
 * that much, so a program built against an older header keeps working with
 * a newer library (later fields take their defaults). iocscan_match gains
 * fields only at its end. Every function is safe to call with NULL where a
 * scanner is expected (it returns IOCSCAN_EINVAL). No function throws or
 * aborts. */
#ifndef IOCSCAN_IOCSCAN_H
#define IOCSCAN_IOCSCAN_H

#include <stddef.h>
#include <stdint.h>

/* The version of this header; iocscan_version() gives the library's. */
#define IOCSCAN_VERSION_MAJOR 0
#define IOCSCAN_VERSION_MINOR 1
#define IOCSCAN_VERSION_PATCH 0

#ifdef __cplusplus
extern "C" {
#endif

enum iocscan_status {
    IOCSCAN_OK = 0,
    IOCSCAN_STOPPED = 1,    /* the callback asked to stop */
    IOCSCAN_EINVAL = -1,    /* a NULL argument, an unknown type name, a bad option or pattern */
    IOCSCAN_ENOMEM = -2,    /* out of memory */
    IOCSCAN_EINTERNAL = -3, /* an unexpected failure; see iocscan_error_message */
    IOCSCAN_EIO = -4        /* iocscan_scan_fd: reading or decompressing failed; see iocscan_error_message */
};

typedef struct iocscan_options {
    size_t struct_size;  /* sizeof(iocscan_options); set by iocscan_options_init */
    const char* types;   /* comma list of type names ("ipv4,md5"; "all"; "url:plain", "url:encoded"),
                            or NULL for the defaults (url ipv4 ipv6 email hashes yara) */
    int refang;          /* non-zero: report values in plain (refanged) form */
    int threads;         /* threads that scan (the caller's included), 1 to 1024; 0: one per usable
                            core (affinity mask, cgroup quota). The matches are the same for any value.
                            Default 1. Other values: IOCSCAN_EINVAL. */
    int strip_urls;      /* non-zero: cut URLs at > " ' ) , } ; and before a " /x" switch */
    int open_punctuation; /* non-zero: keep trailing punctuation of URLs */
    int remove_scheme;   /* non-zero: URL values without their scheme */
    int defang;          /* non-zero: values in defanged form (not with refang) */
    const char* custom_patterns; /* the text of a pattern file for type "custom": one RE2 pattern per
                            line with exactly one capture group; blank lines and lines starting with
                            '#' skipped. NULL: none. Non-NULL adds "custom" to the types. */
    int line_numbers;    /* non-zero: give each match its 1-based line (iocscan_match.line), counted
                            as '\n' bytes before it; lines restart at 1 after iocscan_reset. */
    /* Noise control (docs/noise-control.md), after the scan, on refanged values: */
    int no_private;      /* non-zero: drop addresses in private, loopback, ... ranges (--no-private) */
    const char* allow;   /* the text of an allow list (--allow FILE): one exact value, domain, IP
                            address or CIDR range per line, '#' comments. NULL: none. */
    const char* no_rules; /* comma list of rule names not to run (--no-rule). NULL or "": none;
                             an empty item ("hash,") is an error. */
} iocscan_options;

typedef struct iocscan_match {
    const char* type;    /* "ipv4", "md5", ... (static string) */
    uint64_t offset;     /* absolute byte offset of raw in the input */
    const char* raw;     /* the text as written (not NUL-terminated) */
    size_t raw_length;
    const char* value;   /* raw, or as the options ask (not NUL-terminated) */
    size_t value_length;
    int defanged;        /* non-zero when raw was obfuscated */
    const char* encoding; /* url: "hex", "percent" or "base64" for an encoded URL, else "" (static string) */
    size_t rule_count;   /* the rules that found this span ("generic", "custom:3", ...) */
    const char* const* rules; /* rule_count NUL-terminated names, valid during the call */
    uint64_t line;       /* 1-based line of offset with options.line_numbers, else 0 */
} iocscan_match;

typedef struct iocscan_stats {
    size_t struct_size;        /* sizeof(iocscan_stats); set it before iocscan_get_stats */
    uint64_t bytes;            /* bytes scanned since the last reset */
    uint64_t matches;          /* matches reported, all types */
    uint64_t dropped_overlong; /* candidates longer than their family's maximum */
    uint64_t filtered;         /* matches dropped by no_private and allow */
} iocscan_stats;

typedef struct iocscan_scanner iocscan_scanner;
typedef int (*iocscan_callback)(const iocscan_match* match, void* user);

/* The library's version, "MAJOR.MINOR.PATCH" (static string). */
const char* iocscan_version(void);

/* Fills *options with the defaults (as a default iocscan::Options) and
 * struct_size. Does nothing with NULL. */
void iocscan_options_init(iocscan_options* options);

/* Creates a scanner. options may be NULL (the defaults). On failure *out is
 * NULL and iocscan_error_message(NULL) says why (on this thread). */
int iocscan_open(const iocscan_options* options, iocscan_scanner** out);

/* Scans the next piece of input; reports every match final so far (with
 * threads, a piece of 128 KiB or more may leave its last matches for the
 * next call). data may be NULL when length is 0. */
int iocscan_feed(iocscan_scanner* scanner, const char* data, size_t length,
                 iocscan_callback on_match, void* user);

/* Reports every match final so far; for a source about to wait for input. */
int iocscan_flush(iocscan_scanner* scanner, iocscan_callback on_match, void* user);

/* Marks the end of the input and reports every match still held. Further
 * feeds are ignored until iocscan_reset(). */
int iocscan_finish(iocscan_scanner* scanner, iocscan_callback on_match, void* user);

/* Reads the open file descriptor fd to its end and scans it (feed, then
 * finish), decompressing gzip, bzip2, xz and zstd input recognised by its
 * first bytes. The descriptor is not closed. On IOCSCAN_EIO every match in
 * the bytes read (or decompressed) before the failure was reported, and
 * iocscan_error_message(scanner) says what failed ("corrupt gzip data at
 * byte N: ..."). The stream is finished either way: iocscan_reset() before
 * scanning more. */
int iocscan_scan_fd(iocscan_scanner* scanner, int fd, iocscan_callback on_match, void* user);

/* Forgets all input and a stop: the next feed starts a new stream at offset 0. */
int iocscan_reset(iocscan_scanner* scanner);

/* Copies the scanner's counters into *stats (as much as stats->struct_size
 * holds). */
int iocscan_get_stats(const iocscan_scanner* scanner, iocscan_stats* stats);

/* Destroys the scanner (joins its threads). NULL is allowed. */
void iocscan_close(iocscan_scanner* scanner);

/* A description of a status code (static string). */
const char* iocscan_status_string(int status);

/* The message of the last failed call on this scanner (or of the last failed
 * iocscan_open on this thread when scanner is NULL); "" when none. Valid until
 * the next call on the same scanner (or iocscan_open on this thread). */
const char* iocscan_error_message(const iocscan_scanner* scanner);

#ifdef __cplusplus
}
#endif

#endif
