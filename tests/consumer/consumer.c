/* Uses the installed library through its C ABI only. */
#include <iocscan/iocscan.h>

#include <stdio.h>
#include <string.h>

struct seen {
    char text[256];
};

static int on_match(const iocscan_match* m, void* user) {
    struct seen* s = (struct seen*)user;
    size_t used = strlen(s->text);
    snprintf(s->text + used, sizeof s->text - used, "%s=%.*s@%llu;", m->type, (int)m->value_length, m->value,
             (unsigned long long)m->offset);
    return 0;
}

static int stop_at_once(const iocscan_match* m, void* user) {
    (void)m;
    (void)user;
    return 1;
}

int main(void) {
    iocscan_options options = {"ipv4", 1, 2};
    iocscan_scanner* scanner = NULL;
    struct seen seen = {""};
    const char* text = "c2 10[.]0[.]0[.]1 and 10.0.0.2";
    if (iocscan_open(&options, &scanner) != IOCSCAN_OK) return 1;
    /* Two pieces that cut an address in two. */
    if (iocscan_feed(scanner, text, 8, on_match, &seen) != IOCSCAN_OK) return 1;
    if (iocscan_feed(scanner, text + 8, strlen(text) - 8, on_match, &seen) != IOCSCAN_OK) return 1;
    if (iocscan_flush(scanner, on_match, &seen) != IOCSCAN_OK) return 1;
    if (iocscan_finish(scanner, on_match, &seen) != IOCSCAN_OK) return 1;
    if (strcmp(seen.text, "ipv4=10.0.0.1@3;ipv4=10.0.0.2@22;") != 0) {
        fprintf(stderr, "c consumer: got '%s'\n", seen.text);
        return 1;
    }
    iocscan_reset(scanner);
    if (iocscan_feed(scanner, "1.1.1.1 2.2.2.2 ", 16, stop_at_once, NULL) != IOCSCAN_STOPPED) return 1;
    iocscan_close(scanner);

    options.types = "ipv5";
    if (iocscan_open(&options, &scanner) != IOCSCAN_EINVAL) return 1;
    if (strstr(iocscan_error_message(NULL), "ipv5") == NULL) return 1;
    if (iocscan_feed(NULL, "x", 1, on_match, NULL) != IOCSCAN_EINVAL) return 1;
    puts("c consumer: ok");
    return 0;
}
