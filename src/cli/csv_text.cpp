#include "cli/csv_text.hpp"

namespace iocscan::cli {

namespace {

bool starts_a_formula(std::string_view field) {
    return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

}  // namespace

void append_csv_field(std::string& out, std::string_view field, bool guard_formulas) {
    const bool guard = guard_formulas && starts_a_formula(field);
    if (!guard && field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(field);
        return;
    }
    out += '"';
    if (guard) out += '\'';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace iocscan::cli
