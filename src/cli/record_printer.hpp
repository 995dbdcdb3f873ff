// Formats matches: plain lines, JSON Lines, iocextract's grouped JSON, CSV,
// a STIX 2.1 bundle or a MISP event.
#pragma once

#include "cli/arguments.hpp"
#include "cli/output_writer.hpp"
#include "cli/misp_writer.hpp"
#include "cli/stix_writer.hpp"

#include <array>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace iocscan::cli {

/// What a printed record holds besides the match.
struct PrintOptions {
    bool with_path = false;        ///< plain lines start with "PATH:"
    bool guard_formulas = true;    ///< csv: cells that start a formula get a leading '
    bool line_numbers = false;     ///< --line-number: plain "LINE:", jsonl "line", csv line column
};

class RecordPrinter {
public:
    /// `event` names the MISP event (--format misp only).
    RecordPrinter(OutputFormat format, OutputWriter& writer, const PrintOptions& options,
                  const MispEventSource& event = {});

    /// Prints one match found in `path` ("-" for standard input).
    void print(const Match& match, std::string_view path);
    /// Writes what is held until the end (the grouped --json object).
    void finish();

private:
    // Each record is written in place (OutputWriter::record_room()).
    void print_plain(const Match& match, std::string_view path);
    void print_jsonl(const Match& match, std::string_view path);
    /// `path` as JSON string content, kept while the input stays the same.
    std::string_view json_path(std::string_view path);
    void print_csv(const Match& match, std::string_view path);
    /// Puts the rule_label() of each rule of `match` in labels_; returns
    /// their total size.
    std::size_t gather_rule_labels(const Match& match);

    OutputFormat format_;
    OutputWriter& writer_;
    PrintOptions options_;
    StixWriter stix_;
    std::optional<MispWriter> misp_;   ///< only for --format misp: it reads the clock
    std::string line_;    ///< the grouped --json object
    std::string rules_;   ///< csv: the rules' field
    /// rule_label() of the built-in rules (small ids), made once each.
    std::array<std::string, 64> builtin_labels_;
    static constexpr std::size_t kMaxRules = std::tuple_size_v<decltype(Match::rules)>;
    std::array<std::string, kMaxRules> other_labels_;   ///< custom rules', per place in Match::rules
    std::array<std::string_view, kMaxRules> labels_;    ///< gather_rule_labels()'s
    std::string path_;        ///< the path json_path() escaped last
    std::string path_json_;   ///< and its escaped form
    /// --json: values per output key, in order. iocextract's shape is one
    /// object, so the values are held until the end of the run.
    std::array<std::vector<std::string>, kTypeCount> grouped_;
};

}  // namespace iocscan::cli
