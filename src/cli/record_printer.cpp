#include "cli/record_printer.hpp"

#include "cli/csv_text.hpp"
#include "cli/display_name.hpp"
#include "cli/json_text.hpp"
#include "cli/record_text.hpp"
#include "families/registry.hpp"

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
            print_plain(match, path);
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

void RecordPrinter::print_plain(const Match& match, std::string_view path) {
    const std::string_view shown_path = options_.with_path ? display_name(path) : std::string_view();
    char* out = writer_.record_room(shown_path.size() + kMaxDecimalDigits + match.value.size() + 3);
    if (options_.with_path) {
        out = put(out, shown_path);
        out = put(out, ':');
    }
    if (options_.line_numbers) {
        out = put_number(out, match.line);
        out = put(out, ':');
    }
    out = put(out, match.value);
    writer_.commit_record(put(out, '\n'));
}

std::size_t RecordPrinter::gather_rule_labels(const Match& match) {
    std::size_t size = 0;
    for (std::uint8_t i = 0; i < match.rule_count; ++i) {
        const RuleId id = match.rules[i];
        const bool cached = id < builtin_labels_.size();
        std::string& label = cached ? builtin_labels_[id] : other_labels_[i];
        if (!cached || label.empty()) label = rule_label(id);
        labels_[i] = label;
        size += label.size();
    }
    return size;
}

void RecordPrinter::print_csv(const Match& match, std::string_view path) {
    rules_.clear();
    gather_rule_labels(match);
    for (std::uint8_t i = 0; i < match.rule_count; ++i) {
        if (i > 0) rules_ += ';';
        rules_ += labels_[i];
    }
    const std::string_view type = type_name(match.type);
    const std::string_view encoding = encoding_name(match.encoding);
    constexpr std::size_t kCommasAndLineEnd = 9;
    char* out = writer_.record_room(type.size() + max_csv_field_size(match.value.size()) +
                                    max_csv_field_size(match.raw.size()) + 2 * kMaxDecimalDigits +
                                    max_csv_field_size(path.size()) + max_csv_field_size(rules_.size()) +
                                    encoding.size() + kCommasAndLineEnd);
    const bool guard = options_.guard_formulas;
    out = put(out, type);
    out = put(out, ',');
    out = put_csv_field(out, match.value, guard);
    out = put(out, ',');
    out = put_csv_field(out, match.raw, guard);
    out = put(out, ',');
    out = put_number(out, match.offset);
    out = put(out, ',');
    if (options_.line_numbers) {
        out = put_number(out, match.line);
        out = put(out, ',');
    }
    out = put_csv_field(out, path, guard);
    out = put(out, ',');
    out = put_csv_field(out, rules_, guard);
    out = put(out, ',');
    out = put(out, encoding);
    writer_.commit_record(put(out, "\r\n"));
}

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
    const std::string_view type = type_name(match.type);
    const std::string_view path_text = json_path(path);
    const std::string_view encoding = encoding_name(match.encoding);
    // Most values are the raw text (mostly the same view): escaped once.
    const bool raw_is_value = (match.raw.data() == match.value.data() && match.raw.size() == match.value.size()) ||
                              match.raw == match.value;
    // The keys and punctuation (under 120 bytes) and three numbers; each
    // rule's label, its quotes and a comma.
    constexpr std::size_t kKeysAndNumbers = 128 + 3 * kMaxDecimalDigits;
    const std::size_t labels = gather_rule_labels(match) + 3 * match.rule_count;
    char* out = writer_.record_room(kKeysAndNumbers + type.size() +
                                    kMaxJsonBytesPerByte * (match.value.size() + match.raw.size()) + labels +
                                    path_text.size() + encoding.size());
    out = put(out, R"({"type":")");
    out = put(out, type);
    out = put(out, R"(","value":")");
    const char* const value_text = out;
    out = put_json_string(out, match.value);
    const std::string_view value_json(value_text, static_cast<std::size_t>(out - value_text));
    out = put(out, R"(","raw":")");
    out = raw_is_value ? put(out, value_json) : put_json_string(out, match.raw);
    out = put(out, R"(","offset":)");
    out = put_number(out, match.offset);
    if (options_.line_numbers) {
        out = put(out, R"(,"line":)");
        out = put_number(out, match.line);
    }
    out = put(out, R"(,"length":)");
    out = put_number(out, match.length());
    out = put(out, R"(,"rules":[)");
    for (std::uint8_t i = 0; i < match.rule_count; ++i) {
        if (i > 0) out = put(out, ',');
        out = put(out, '"');
        out = put(out, labels_[i]);
        out = put(out, '"');
    }
    out = put(out, R"(],"path":")");
    out = put(out, path_text);
    out = put(out, '"');
    if (match.defanged) out = put(out, R"(,"defanged":true)");
    if (match.encoding != Encoding::none) {
        out = put(out, R"(,"encoding":")");
        out = put(out, encoding);
        out = put(out, '"');
    }
    writer_.commit_record(put(out, "}\n"));
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
