/* iocscan C ABI — for binding from C, Python (ctypes/cffi), Go (cgo), Rust.
 *
 *   iocscan_options options = {"ipv4,md5", 1};       // types, refang
 *   iocscan_scanner* s = NULL;
 *   if (iocscan_open(&options, &s) != IOCSCAN_OK) { ... iocscan_error_message ... }
 *   iocscan_feed(s, text, len, on_match, user);      // pieces of any size
 *   iocscan_finish(s, on_match, user);               // flushes held matches
 *   iocscan_close(s);
 *
 * Matches arrive in input order through the callback; the strings in an
 * iocscan_match are valid only during the call. Return 0 from the callback
 * to go on, anything else to stop (then feed/finish return IOCSCAN_STOPPED).
 * Every function is safe to call with NULL where a scanner is expected
 * (it returns IOCSCAN_EINVAL). No function throws or aborts. */
#ifndef IOCSCAN_IOCSCAN_H
#define IOCSCAN_IOCSCAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum iocscan_status {
    IOCSCAN_OK = 0,
    IOCSCAN_STOPPED = 1,    /* the callback asked to stop */
    IOCSCAN_EINVAL = -1,    /* a NULL argument or an unknown type name */
    IOCSCAN_ENOMEM = -2,    /* out of memory */
    IOCSCAN_EINTERNAL = -3  /* an unexpected failure; see iocscan_error_message */
};

typedef struct iocscan_options {
    const char* types;   /* comma list of type names ("ipv4,md5"), "all", or NULL for the defaults */
    int refang;          /* non-zero: report values in plain (refanged) form */
    int threads;         /* threads that scan (the caller's included); 0 or 1: the caller's only,
                            negative: one per core. The matches are the same for any value. */
} iocscan_options;

typedef struct iocscan_match {
    const char* type;    /* "ipv4", "md5", ... (static string) */
    uint64_t offset;     /* absolute byte offset of raw in the input */
    const char* raw;     /* the text as written (not NUL-terminated) */
    size_t raw_length;
    const char* value;   /* raw, or refanged with iocscan_options.refang (not NUL-terminated) */
    size_t value_length;
    int defanged;        /* non-zero when raw was obfuscated */
    const char* encoding; /* url: "hex", "percent" or "base64" for an encoded URL, else "" (static string) */
} iocscan_match;

typedef struct iocscan_scanner iocscan_scanner;
typedef int (*iocscan_callback)(const iocscan_match* match, void* user);

/* Creates a scanner. On IOCSCAN_EINVAL, iocscan_error_message(NULL) says why. */
int iocscan_open(const iocscan_options* options, iocscan_scanner** out);
int iocscan_feed(iocscan_scanner* scanner, const char* data, size_t length,
                 iocscan_callback on_match, void* user);
/* Reports every match final so far; with threads, a large feed may leave its
 * last matches for the next call. For a source about to wait for input. */
int iocscan_flush(iocscan_scanner* scanner, iocscan_callback on_match, void* user);
int iocscan_finish(iocscan_scanner* scanner, iocscan_callback on_match, void* user);
/* Forgets all input: the next feed starts a new stream at offset 0. */
int iocscan_reset(iocscan_scanner* scanner);
void iocscan_close(iocscan_scanner* scanner);

/* A description of a status code. */
const char* iocscan_status_string(int status);
/* The message of the last failed call on this scanner (or of the last failed
 * iocscan_open on this thread when scanner is NULL); "" when none. */
const char* iocscan_error_message(const iocscan_scanner* scanner);

#ifdef __cplusplus
}
#endif

#endif
