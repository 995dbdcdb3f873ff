#include "cli/record_printer.hpp"

#include "cli/csv_text.hpp"
#include "cli/display_name.hpp"
#include "cli/json_text.hpp"
#include "families/registry.hpp"

#include <charconv>
#include <string_view>

namespace iocscan::cli {
namespace {

/// Index of the list a type's values go to in the grouped --json object: the
/// first type with the same key (all hashes share md5's, as in iocextract).
std::size_t group_of(Type type) {
    const std::string_view key = detail::family(type).json_key;
    for (const detail::Family& row : detail::families()) {
        if (row.json_key == key) return static_cast<std::size_t>(row.type);
    }
    return static_cast<std::size_t>(type);
}

}  // namespace

RecordPrinter::RecordPrinter(OutputFormat format, OutputWriter& writer, const PrintOptions& options,
                             const MispEventSource& event)
    : format_(format), writer_(writer), options_(options), stix_(writer) {
    if (format_ == OutputFormat::csv) writer_.write(options_.line_numbers ? kCsvHeaderWithLine : kCsvHeader);
    if (format_ == OutputFormat::misp) misp_.emplace(writer, event);
}

void RecordPrinter::print(const Match& match, std::string_view path) {
    switch (format_) {
        case OutputFormat::plain:
            if (options_.with_path) {
                writer_.write(display_name(path));
                writer_.write(':');
            }
            if (options_.line_numbers) {
                char prefix[24];   // "LINE:" in one write
                char* end = std::to_chars(prefix, prefix + sizeof prefix - 1, match.line).ptr;
                *end++ = ':';
                writer_.write(std::string_view(prefix, static_cast<std::size_t>(end - prefix)));
            }
            writer_.write(match.value);
            writer_.write('\n');
            writer_.end_record();
            return;
        case OutputFormat::jsonl:
            print_jsonl(match, path);
            return;
        case OutputFormat::json:
            grouped_[group_of(match.type)].emplace_back(match.value);
            return;
        case OutputFormat::csv:
            print_csv(match, path);
            return;
        case OutputFormat::stix:
            stix_.add(match);
            return;
        case OutputFormat::misp:
            misp_->add(match);
            return;
    }
}

void RecordPrinter::append_rules(std::string& out, const Match& match, std::string_view separator, bool quoted) {
    for (std::uint8_t i = 0; i < match.rule_count; ++i) {
        if (i > 0) out += separator;
        if (quoted) out += '"';
        out += rule_label(match.rules[i]);
        if (quoted) out += '"';
    }
}

void RecordPrinter::print_csv(const Match& match, std::string_view path) {
    line_.assign(type_name(match.type));
    line_ += ',';
    append_csv_field(line_, match.value, options_.guard_formulas);
    line_ += ',';
    append_csv_field(line_, match.raw, options_.guard_formulas);
    line_ += ',';
    line_ += std::to_string(match.offset);
    line_ += ',';
    if (options_.line_numbers) {
        line_ += std::to_string(match.line);
        line_ += ',';
    }
    append_csv_field(line_, path, options_.guard_formulas);
    line_ += ',';
    rules_.clear();
    append_rules(rules_, match, ";", false);
    append_csv_field(line_, rules_, options_.guard_formulas);
    line_ += ',';
    line_ += encoding_name(match.encoding);
    line_ += "\r\n";
    writer_.write(line_);
    writer_.end_record();
}

namespace {

/// Appends the decimal digits of `n` (std::to_string without a string).
void append_number(std::string& out, std::uint64_t n) {
    char digits[20];
    const char* end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, static_cast<std::size_t>(end - digits));
}

}  // namespace

std::string_view RecordPrinter::json_path(std::string_view path) {
    // One input gives many records: its path is escaped once.
    if (path != path_) {
        path_.assign(path);
        path_json_.clear();
        append_json_string(path_json_, path);
    }
    return path_json_;
}

void RecordPrinter::print_jsonl(const Match& match, std::string_view path) {
    line_.assign(R"({"type":")");
    line_ += type_name(match.type);
    line_ += R"(","value":")";
    const std::size_t value_at = line_.size();
    append_json_string(line_, match.value);
    const std::size_t value_length = line_.size() - value_at;
    line_ += R"(","raw":")";
    if (match.raw == match.value) {
        // Most values are the raw text: escaped once. Room first, so the
        // copy reads the string it extends without a reallocation.
        line_.reserve(line_.size() + value_length);
        line_.append(line_, value_at, value_length);
    } else {
        append_json_string(line_, match.raw);
    }
    line_ += R"(","offset":)";
    append_number(line_, match.offset);
    if (options_.line_numbers) {
        line_ += R"(,"line":)";
        append_number(line_, match.line);
    }
    line_ += R"(,"length":)";
    append_number(line_, match.length());
    line_ += R"(,"rules":[)";
    append_rules(line_, match, ",", true);
    line_ += R"(],"path":")";
    line_ += json_path(path);
    line_ += '"';
    if (match.defanged) line_ += R"(,"defanged":true)";
    if (match.encoding != Encoding::none) {
        line_ += R"(,"encoding":")";
        line_ += encoding_name(match.encoding);
        line_ += '"';
    }
    line_ += "}\n";
    writer_.write(line_);
    writer_.end_record();
}

void RecordPrinter::finish() {
    if (format_ == OutputFormat::stix) stix_.finish();
    if (format_ == OutputFormat::misp) misp_->finish();
    if (format_ != OutputFormat::json) return;
    line_.assign("{");
    bool first_key = true;
    for (std::size_t g = 0; g < grouped_.size(); ++g) {
        if (grouped_[g].empty()) continue;
        if (!first_key) line_ += ',';
        first_key = false;
        line_ += '"';
        line_ += detail::family(static_cast<Type>(g)).json_key;
        line_ += "\":[";
        for (std::size_t i = 0; i < grouped_[g].size(); ++i) {
            if (i > 0) line_ += ',';
            line_ += '"';
            append_json_string(line_, grouped_[g][i]);
            line_ += '"';
        }
        line_ += ']';
        writer_.write(line_);
        line_.clear();
    }
    line_ += "}\n";
    writer_.write(line_);
    writer_.end_record();
}

}  // namespace iocscan::cli
