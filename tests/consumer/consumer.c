/* Uses the installed library through its C ABI only. */
#define _POSIX_C_SOURCE 200809L
#include <iocscan/iocscan.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct seen {
    char text[512];
};

static int on_match(const iocscan_match* m, void* user) {
    struct seen* s = (struct seen*)user;
    size_t used = strlen(s->text);
    snprintf(s->text + used, sizeof s->text - used, "%s=%.*s@%llu", m->type, (int)m->value_length, m->value,
             (unsigned long long)m->offset);
    for (size_t i = 0; i < m->rule_count; ++i) {
        used = strlen(s->text);
        snprintf(s->text + used, sizeof s->text - used, "%c%s", i == 0 ? '[' : ',', m->rules[i]);
    }
    used = strlen(s->text);
    snprintf(s->text + used, sizeof s->text - used, "%s;", m->rule_count > 0 ? "]" : "");
    return 0;
}

static int on_match_line(const iocscan_match* m, void* user) {
    *(uint64_t*)user = m->line;
    return 0;
}

static int stop_at_once(const iocscan_match* m, void* user) {
    (void)m;
    (void)user;
    return 1;
}

#define CHECK(condition)                                                   \
    do {                                                                   \
        if (!(condition)) {                                                \
            fprintf(stderr, "c consumer: line %d: %s\n", __LINE__, #condition); \
            return 1;                                                      \
        }                                                                  \
    } while (0)

static int expect(const struct seen* seen, const char* wanted) {
    if (strcmp(seen->text, wanted) == 0) return 0;
    fprintf(stderr, "c consumer: got '%s'\n  wanted '%s'\n", seen->text, wanted);
    return 1;
}

int main(void) {
    char version[32];
    snprintf(version, sizeof version, "%d.%d.%d", IOCSCAN_VERSION_MAJOR, IOCSCAN_VERSION_MINOR,
             IOCSCAN_VERSION_PATCH);
    CHECK(strcmp(iocscan_version(), version) == 0);

    iocscan_options options;
    iocscan_options_init(&options);
    CHECK(options.struct_size == sizeof options);
    CHECK(options.threads == 1);
    options.types = "ipv4";
    options.refang = 1;
    options.threads = 2;
    iocscan_scanner* scanner = NULL;
    struct seen seen = {""};
    const char* text = "c2 10[.]0[.]0[.]1 and 10.0.0.2";
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_OK);
    /* Two pieces that cut an address in two. */
    CHECK(iocscan_feed(scanner, text, 8, on_match, &seen) == IOCSCAN_OK);
    CHECK(iocscan_feed(scanner, text + 8, strlen(text) - 8, on_match, &seen) == IOCSCAN_OK);
    CHECK(iocscan_flush(scanner, on_match, &seen) == IOCSCAN_OK);
    CHECK(iocscan_finish(scanner, on_match, &seen) == IOCSCAN_OK);
    if (expect(&seen, "ipv4=10.0.0.1@3[ipv4];ipv4=10.0.0.2@22[ipv4];")) return 1;
    iocscan_stats stats;
    stats.struct_size = sizeof stats;
    CHECK(iocscan_get_stats(scanner, &stats) == IOCSCAN_OK);
    CHECK(stats.bytes == strlen(text) && stats.matches == 2 && stats.dropped_overlong == 0);
    /* A stop holds until the reset. */
    iocscan_reset(scanner);
    CHECK(iocscan_feed(scanner, "1.1.1.1 2.2.2.2 ", 16, stop_at_once, NULL) == IOCSCAN_STOPPED);
    CHECK(iocscan_feed(scanner, "3.3.3.3 ", 8, on_match, &seen) == IOCSCAN_STOPPED);
    CHECK(iocscan_reset(scanner) == IOCSCAN_OK);
    iocscan_close(scanner);

    /* The URL options, custom patterns (with a comment line) and rules. */
    iocscan_options_init(&options);
    options.types = "url:plain";
    options.defang = 1;
    options.strip_urls = 1;
    options.custom_patterns = "# tickets\nticket=(\\d+)\n";
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_OK);
    memset(&seen, 0, sizeof seen);
    const char* urls = "see http://evil.example/a\" ticket=42\n";
    CHECK(iocscan_feed(scanner, urls, strlen(urls), on_match, &seen) == IOCSCAN_OK);
    CHECK(iocscan_finish(scanner, on_match, &seen) == IOCSCAN_OK);
    if (expect(&seen, "url=hxxp://evil[.]example/a@4[generic];custom=42@34[custom:2];")) return 1;
    iocscan_close(scanner);

    iocscan_options_init(&options);
    options.types = "url";
    options.remove_scheme = 1;
    options.open_punctuation = 1;
    options.threads = 0; /* one per usable core */
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_OK);
    memset(&seen, 0, sizeof seen);
    CHECK(iocscan_feed(scanner, "at http://a.example/x.", 22, on_match, &seen) == IOCSCAN_OK);
    CHECK(iocscan_finish(scanner, on_match, &seen) == IOCSCAN_OK);
    if (expect(&seen, "url=a.example/x.@3[generic];")) return 1;

    /* Line numbers, counted only when asked. */
    iocscan_options_init(&options);
    CHECK(options.line_numbers == 0);
    options.types = "ipv4";
    options.line_numbers = 1;
    iocscan_scanner* lines = NULL;
    CHECK(iocscan_open(&options, &lines) == IOCSCAN_OK);
    uint64_t line = 0;
    CHECK(iocscan_feed(lines, "a\r\nb\n\nc 10.1.2.3\n", 17, on_match_line, &line) == IOCSCAN_OK);
    CHECK(iocscan_finish(lines, on_match_line, &line) == IOCSCAN_OK);
    CHECK(line == 4);
    iocscan_close(lines);

    /* scan_fd: a file descriptor in, the same matches out. */
    char path[] = "/tmp/iocscan-c-consumer-XXXXXX";
    const int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK(write(fd, "x http://b.example/y\n", 21) == 21);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(iocscan_reset(scanner) == IOCSCAN_OK);
    memset(&seen, 0, sizeof seen);
    CHECK(iocscan_scan_fd(scanner, fd, on_match, &seen) == IOCSCAN_OK);
    close(fd);
    unlink(path);
    if (expect(&seen, "url=b.example/y@2[generic];")) return 1;
    CHECK(iocscan_reset(scanner) == IOCSCAN_OK);
    CHECK(iocscan_scan_fd(scanner, -1, on_match, &seen) == IOCSCAN_EIO);
    CHECK(strlen(iocscan_error_message(scanner)) > 0);
    iocscan_close(scanner);

    /* A caller built with a shorter struct (only the first fields). */
    iocscan_options_init(&options);
    options.struct_size = offsetof(iocscan_options, strip_urls);
    options.types = "ipv4";
    options.defang = 1; /* beyond its struct_size: not read */
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_OK);
    memset(&seen, 0, sizeof seen);
    CHECK(iocscan_feed(scanner, "1.2.3.4 ", 8, on_match, &seen) == IOCSCAN_OK);
    if (expect(&seen, "ipv4=1.2.3.4@0[ipv4];")) return 1;
    iocscan_close(scanner);

    /* Noise control. */
    iocscan_options_init(&options);
    options.types = "ipv4,md5";
    options.no_private = 1;
    options.allow = "# ours\n8.8.4.0/24\n";
    options.no_rules = "hash";
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_OK);
    memset(&seen, 0, sizeof seen);
    CHECK(iocscan_feed(scanner, "10.0.0.1 8.8.4.4 1.1.1.1 ", 25, on_match, &seen) == IOCSCAN_OK);
    CHECK(iocscan_finish(scanner, on_match, &seen) == IOCSCAN_OK);
    if (expect(&seen, "ipv4=1.1.1.1@17[ipv4];")) return 1;
    CHECK(iocscan_get_stats(scanner, &stats) == IOCSCAN_OK && stats.filtered == 2);
    iocscan_close(scanner);
    iocscan_options_init(&options);
    options.allow = "10.0.0.0/33\n";
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_EINVAL);
    CHECK(strstr(iocscan_error_message(NULL), "allow:1:") != NULL);
    iocscan_options_init(&options);
    options.no_rules = "nope";
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_EINVAL);
    options.no_rules = "hash,"; /* a trailing comma is an error, as for --no-rule */
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_EINVAL);
    CHECK(strstr(iocscan_error_message(NULL), "no_rules") != NULL);
    options.no_rules = ""; /* empty: nothing turned off */
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_OK);
    iocscan_close(scanner);

    /* Rejected options. */
    iocscan_options_init(&options);
    options.types = "ipv5";
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_EINVAL && scanner == NULL);
    CHECK(strstr(iocscan_error_message(NULL), "ipv5") != NULL);
    iocscan_options_init(&options);
    options.threads = -1;
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_EINVAL);
    options.threads = 1025;
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_EINVAL);
    CHECK(strstr(iocscan_error_message(NULL), "threads") != NULL);
    iocscan_options_init(&options);
    options.custom_patterns = "(a\n";
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_EINVAL);
    CHECK(strstr(iocscan_error_message(NULL), "custom_patterns:1:") != NULL);
    iocscan_options_init(&options);
    options.types = "custom";
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_EINVAL);
    options.struct_size = 0;
    CHECK(iocscan_open(&options, &scanner) == IOCSCAN_EINVAL);
    CHECK(iocscan_feed(NULL, "x", 1, on_match, NULL) == IOCSCAN_EINVAL);
    CHECK(iocscan_scan_fd(NULL, 0, on_match, NULL) == IOCSCAN_EINVAL);
    puts("c consumer: ok");
    return 0;
}
