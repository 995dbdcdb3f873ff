#include "cli/csv_text.hpp"

#include "cli/record_text.hpp"

#include <algorithm>

namespace iocscan::cli {

namespace {

bool starts_a_formula(std::string_view field) {
    return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

/// One test per byte (a find_first_of() of the four bytes called memchr
/// per byte of the field).
bool needs_quotes(std::string_view field) {
    return std::any_of(field.begin(), field.end(),
                       [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
}

}  // namespace

char* put_csv_field(char* out, std::string_view field, bool guard_formulas) {
    const bool guard = guard_formulas && starts_a_formula(field);
    if (!guard && !needs_quotes(field)) return put(out, field);
    out = put(out, '"');
    if (guard) out = put(out, '\'');
    for (const char c : field) {
        if (c == '"') out = put(out, '"');
        out = put(out, c);
    }
    return put(out, '"');
}

}  // namespace iocscan::cli
