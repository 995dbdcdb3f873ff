// The C ABI (include/iocscan/iocscan.h) over the C++ library. Exceptions
// never cross the boundary: each entry point turns them into status codes.
#include "iocscan/iocscan.h"
#include "iocscan/iocscan.hpp"

#include <algorithm>
#include <new>
#include <string>
#include <string_view>

struct iocscan_scanner {
    iocscan::Scanner scanner;
    std::string error;
};

namespace {

thread_local std::string g_open_error;

bool parse_types(const char* list, iocscan::TypeSet& out, std::string& error) {
    if (list == nullptr) {
        out = iocscan::TypeSet::defaults();
        return true;
    }
    std::string_view rest(list);
    if (rest == "all") {
        out = iocscan::TypeSet::all();
        return true;
    }
    out = iocscan::TypeSet();
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view name = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        iocscan::Type type;
        if (!iocscan::parse_type(name, type)) {
            error = "unknown type '" + std::string(name) + "'";
            return false;
        }
        out.add(type);
    }
    return true;
}

/// Adapts the C callback; remembers whether it asked to stop.
iocscan::MatchCallback adapt(iocscan_callback on_match, void* user) {
    return [on_match, user](const iocscan::Match& m) {
        if (on_match == nullptr) return true;
        const std::string_view type = iocscan::type_name(m.type);
        const iocscan_match c{type.data(), m.offset, m.raw.data(), m.raw.size(),
                              m.value.data(), m.value.size(), m.defanged ? 1 : 0,
                              iocscan::encoding_name(m.encoding).data()};
        return on_match(&c, user) == 0;
    };
}

template <typename Body>
int guarded(iocscan_scanner* s, Body&& body) {
    if (s == nullptr) return IOCSCAN_EINVAL;
    try {
        s->error.clear();
        return body() ? IOCSCAN_OK : IOCSCAN_STOPPED;
    } catch (const std::bad_alloc&) {
        s->error = "out of memory";
        return IOCSCAN_ENOMEM;
    } catch (const std::exception& e) {
        s->error = e.what();
        return IOCSCAN_EINTERNAL;
    }
}

}  // namespace

extern "C" {

int iocscan_open(const iocscan_options* options, iocscan_scanner** out) {
    g_open_error.clear();
    if (out == nullptr) return IOCSCAN_EINVAL;
    *out = nullptr;
    try {
        iocscan::Options opts;
        if (options != nullptr) {
            if (!parse_types(options->types, opts.types, g_open_error)) return IOCSCAN_EINVAL;
            opts.refang = options->refang != 0;
            // 0 (a zeroed struct) keeps the library default of one thread.
            opts.threads = options->threads < 0 ? 0u : static_cast<unsigned>(std::max(options->threads, 1));
        }
        *out = new iocscan_scanner{iocscan::Scanner(opts), {}};
        return IOCSCAN_OK;
    } catch (const std::bad_alloc&) {
        g_open_error = "out of memory";
        return IOCSCAN_ENOMEM;
    } catch (const std::exception& e) {
        g_open_error = e.what();
        return IOCSCAN_EINTERNAL;
    }
}

int iocscan_feed(iocscan_scanner* s, const char* data, size_t length, iocscan_callback on_match, void* user) {
    if (data == nullptr && length != 0) return IOCSCAN_EINVAL;
    return guarded(s, [&] { return s->scanner.feed({data, length}, adapt(on_match, user)); });
}

int iocscan_flush(iocscan_scanner* s, iocscan_callback on_match, void* user) {
    return guarded(s, [&] { return s->scanner.flush(adapt(on_match, user)); });
}

int iocscan_finish(iocscan_scanner* s, iocscan_callback on_match, void* user) {
    return guarded(s, [&] { return s->scanner.finish(adapt(on_match, user)); });
}

int iocscan_reset(iocscan_scanner* s) {
    return guarded(s, [&] {
        s->scanner.reset();
        return true;
    });
}

void iocscan_close(iocscan_scanner* s) { delete s; }

const char* iocscan_status_string(int status) {
    switch (status) {
        case IOCSCAN_OK: return "ok";
        case IOCSCAN_STOPPED: return "stopped by the callback";
        case IOCSCAN_EINVAL: return "invalid argument";
        case IOCSCAN_ENOMEM: return "out of memory";
        case IOCSCAN_EINTERNAL: return "internal error";
        default: return "unknown status";
    }
}

const char* iocscan_error_message(const iocscan_scanner* s) {
    return s == nullptr ? g_open_error.c_str() : s->error.c_str();
}

}  // extern "C"
