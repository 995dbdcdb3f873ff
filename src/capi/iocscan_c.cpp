// The C ABI (include/iocscan/iocscan.h) over the C++ library. Exceptions
// never cross the boundary: each entry point turns them into status codes.
#include "iocscan/iocscan.h"
#include "iocscan/iocscan.hpp"
#include "core/comma_list.hpp"
#include "families/registry.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#define IOCSCAN_STRINGIFY2(x) #x
#define IOCSCAN_STRINGIFY(x) IOCSCAN_STRINGIFY2(x)

struct iocscan_scanner {
    iocscan::Scanner scanner;
    /// The last call's failure; mutable as iocscan_get_stats, which takes
    /// the scanner const, reports its bad arguments here too.
    mutable std::string error;
    /// Rule names of the match being reported (custom rules are built).
    std::array<std::string, 6> rule_text;
    std::array<const char*, 6> rule_names{};
};

namespace {

thread_local std::string g_open_error;

/// The CLI's limit too: more is a typing error, not a machine.
constexpr int kMaxThreads = 1024;

bool parse_types(const char* list, iocscan::Options& out, std::string& error) {
    if (list == nullptr) return true;   // the defaults
    std::string_view rest(list);
    if (rest.empty()) {
        error = "types: an empty list selects nothing";
        return false;
    }
    out.types = iocscan::TypeSet();
    out.url_plain = out.url_encoded = false;
    for (const std::string_view name : iocscan::CommaList(rest)) {
        iocscan::Type type;
        bool group = false;   // "hashes": every row of that group
        for (const iocscan::detail::Family& row : iocscan::detail::families()) {
            if (!row.group_name.empty() && row.group_name == name) {
                out.types.add(row.type);
                group = true;
            }
        }
        if (group) continue;
        if (name == "all") {
            for (const iocscan::detail::Family& row : iocscan::detail::families()) {
                if (row.in_all) out.types.add(row.type);
            }
            out.url_plain = out.url_encoded = true;
        } else if (name == "url:plain" || name == "url:encoded") {
            out.types.add(iocscan::Type::url);
            (name == "url:plain" ? out.url_plain : out.url_encoded) = true;
        } else if (iocscan::parse_type(name, type)) {
            out.types.add(type);
            if (type == iocscan::Type::url) out.url_plain = out.url_encoded = true;
        } else {
            error = "unknown type '" + std::string(name) + "'";
            return false;
        }
    }
    return true;
}

/// The caller's options, field by field as far as its struct_size reaches.
bool to_options(const iocscan_options& c, iocscan::Options& out, std::string& error) {
    iocscan_options o;
    iocscan_options_init(&o);
    if (c.struct_size < offsetof(iocscan_options, types) + sizeof(o.types)) {
        error = "options: struct_size not set (use iocscan_options_init)";
        return false;
    }
    std::memcpy(&o, &c, std::min(c.struct_size, sizeof o));
    if (!parse_types(o.types, out, error)) return false;
    if (o.threads < 0 || o.threads > kMaxThreads) {
        error = "threads: not from 0 to " + std::to_string(kMaxThreads) + ": " + std::to_string(o.threads);
        return false;
    }
    out.threads = static_cast<unsigned>(o.threads);   // 0: one per usable core
    out.refang = o.refang != 0;
    out.strip_urls = o.strip_urls != 0;
    out.open_punctuation = o.open_punctuation != 0;
    out.remove_scheme = o.remove_scheme != 0;
    out.defang = o.defang != 0;
    out.line_numbers = o.line_numbers != 0;
    if (out.refang && out.defang) {
        error = "refang and defang exclude each other";
        return false;
    }
    if (o.custom_patterns != nullptr) {
        out.custom_patterns = iocscan::parse_custom_patterns(o.custom_patterns);
        if (out.custom_patterns.empty()) {
            error = "custom_patterns: no patterns (only blank lines and '#' comments)";
            return false;
        }
        for (const auto& problem : iocscan::check_custom_patterns(out.custom_patterns)) {
            if (!error.empty()) error += "\n";
            error += "custom_patterns:" + std::to_string(problem.line) + ": " + problem.message;
        }
        if (!error.empty()) return false;
        out.types.add(iocscan::Type::custom);
    } else if (out.types.has(iocscan::Type::custom)) {
        error = "types custom: needs custom_patterns";
        return false;
    }
    out.no_private = o.no_private != 0;
    if (o.allow != nullptr) {
        out.allow = iocscan::parse_allow_list(o.allow);
        for (const auto& problem : iocscan::check_allow_list(out.allow)) {
            if (!error.empty()) error += "\n";
            error += "allow:" + std::to_string(problem.line) + ": " + problem.message;
        }
        if (!error.empty()) return false;
    }
    // NULL and "" turn nothing off; otherwise every item must name a rule,
    // as for the CLI's --no-rule ("hash," is an error, not "hash").
    const std::string_view no_rules = o.no_rules != nullptr ? o.no_rules : "";
    if (no_rules.empty()) return true;
    for (const std::string_view name : iocscan::CommaList(no_rules)) {
        if (name.empty()) {
            error = "no_rules: empty rule name in '" + std::string(no_rules) + "'";
            return false;
        }
        out.disabled_rules.emplace_back(name);
    }
    return true;
}

/// Adapts the C callback.
iocscan::MatchCallback adapt(iocscan_scanner* s, iocscan_callback on_match, void* user) {
    return [s, on_match, user](const iocscan::Match& m) {
        if (on_match == nullptr) return true;
        for (std::uint8_t i = 0; i < m.rule_count; ++i) {
            s->rule_text[i] = iocscan::rule_label(m.rules[i]);
            s->rule_names[i] = s->rule_text[i].c_str();
        }
        const std::string_view type = iocscan::type_name(m.type);
        const iocscan_match c{type.data(), m.offset, m.raw.data(), m.raw.size(),
                              m.value.data(), m.value.size(), m.defanged ? 1 : 0,
                              iocscan::encoding_name(m.encoding).data(), m.rule_count, s->rule_names.data(),
                              m.line};
        return on_match(&c, user) == 0;
    };
}

template <typename Body>
int guarded(iocscan_scanner* s, Body&& body) {
    if (s == nullptr) return IOCSCAN_EINVAL;
    try {
        s->error.clear();
        return body();
    } catch (const std::bad_alloc&) {
        s->error = "out of memory";
        return IOCSCAN_ENOMEM;
    } catch (const std::exception& e) {
        s->error = e.what();
        return IOCSCAN_EINTERNAL;
    }
}

int status_of(bool went_on) { return went_on ? IOCSCAN_OK : IOCSCAN_STOPPED; }

}  // namespace

extern "C" {

const char* iocscan_version(void) {
    return IOCSCAN_STRINGIFY(IOCSCAN_VERSION_MAJOR) "." IOCSCAN_STRINGIFY(IOCSCAN_VERSION_MINOR) "." IOCSCAN_STRINGIFY(
        IOCSCAN_VERSION_PATCH);
}

void iocscan_options_init(iocscan_options* options) {
    if (options == nullptr) return;
    const iocscan::Options defaults;
    *options = iocscan_options{};
    options->struct_size = sizeof(iocscan_options);
    options->refang = defaults.refang ? 1 : 0;
    options->threads = static_cast<int>(defaults.threads);
    options->strip_urls = defaults.strip_urls ? 1 : 0;
    options->open_punctuation = defaults.open_punctuation ? 1 : 0;
    options->remove_scheme = defaults.remove_scheme ? 1 : 0;
    options->defang = defaults.defang ? 1 : 0;
    options->line_numbers = defaults.line_numbers ? 1 : 0;
}

int iocscan_open(const iocscan_options* options, iocscan_scanner** out) {
    g_open_error.clear();
    if (out == nullptr) {
        g_open_error = "out is NULL";
        return IOCSCAN_EINVAL;
    }
    *out = nullptr;
    try {
        iocscan::Options opts;
        if (options != nullptr && !to_options(*options, opts, g_open_error)) return IOCSCAN_EINVAL;
        *out = new iocscan_scanner{iocscan::Scanner(opts), {}, {}, {}};
        return IOCSCAN_OK;
    } catch (const std::bad_alloc&) {
        g_open_error = "out of memory";
        return IOCSCAN_ENOMEM;
    } catch (const std::invalid_argument& e) {   // the Ruleset refused an option (e.g. a rule name)
        g_open_error = e.what();
        return IOCSCAN_EINVAL;
    } catch (const std::exception& e) {
        g_open_error = e.what();
        return IOCSCAN_EINTERNAL;
    }
}

int iocscan_feed(iocscan_scanner* s, const char* data, size_t length, iocscan_callback on_match, void* user) {
    return guarded(s, [&]() -> int {
        if (data == nullptr && length != 0) {
            s->error = "data is NULL with a length of " + std::to_string(length);
            return IOCSCAN_EINVAL;
        }
        return status_of(s->scanner.feed({data, length}, adapt(s, on_match, user)));
    });
}

int iocscan_flush(iocscan_scanner* s, iocscan_callback on_match, void* user) {
    return guarded(s, [&] { return status_of(s->scanner.flush(adapt(s, on_match, user))); });
}

int iocscan_finish(iocscan_scanner* s, iocscan_callback on_match, void* user) {
    return guarded(s, [&] { return status_of(s->scanner.finish(adapt(s, on_match, user))); });
}

int iocscan_scan_fd(iocscan_scanner* s, int fd, iocscan_callback on_match, void* user) {
    return guarded(s, [&] {
        const iocscan::ScanEnd end = iocscan::scan_fd(fd, s->scanner, {}, adapt(s, on_match, user), s->error);
        switch (end) {
            case iocscan::ScanEnd::completed: return IOCSCAN_OK;
            case iocscan::ScanEnd::stopped: return IOCSCAN_STOPPED;
            case iocscan::ScanEnd::cancelled: break;   // no cancel flag is given
            case iocscan::ScanEnd::read_error: return IOCSCAN_EIO;
        }
        return IOCSCAN_EINTERNAL;
    });
}

int iocscan_reset(iocscan_scanner* s) {
    return guarded(s, [&] {
        s->scanner.reset();
        return IOCSCAN_OK;
    });
}

int iocscan_get_stats(const iocscan_scanner* s, iocscan_stats* stats) {
    if (s == nullptr) return IOCSCAN_EINVAL;
    s->error.clear();
    if (stats == nullptr || stats->struct_size < sizeof(size_t)) {
        s->error = stats == nullptr ? "stats is NULL" : "stats: struct_size not set (sizeof(iocscan_stats))";
        return IOCSCAN_EINVAL;
    }
    const iocscan::Stats& from = s->scanner.stats();
    iocscan_stats all{};
    all.struct_size = stats->struct_size;
    all.bytes = from.bytes;
    for (const std::uint64_t n : from.found) all.matches += n;
    all.dropped_overlong = from.dropped_overlong;
    all.filtered = from.filtered;
    std::memcpy(stats, &all, std::min(stats->struct_size, sizeof all));
    return IOCSCAN_OK;
}

void iocscan_close(iocscan_scanner* s) { delete s; }

const char* iocscan_status_string(int status) {
    switch (status) {
        case IOCSCAN_OK: return "ok";
        case IOCSCAN_STOPPED: return "stopped by the callback";
        case IOCSCAN_EINVAL: return "invalid argument";
        case IOCSCAN_ENOMEM: return "out of memory";
        case IOCSCAN_EINTERNAL: return "internal error";
        case IOCSCAN_EIO: return "input error";
        default: return "unknown status";
    }
}

const char* iocscan_error_message(const iocscan_scanner* s) {
    return s == nullptr ? g_open_error.c_str() : s->error.c_str();
}

}  // extern "C"
