// Formats matches as plain lines, JSON Lines, or iocextract's grouped JSON.
#pragma once

#include "cli/arguments.hpp"
#include "cli/output_writer.hpp"

#include <array>
#include <string>
#include <vector>

namespace iocscan::cli {

class RecordPrinter {
public:
    RecordPrinter(OutputFormat format, OutputWriter& writer) : format_(format), writer_(writer) {}

    /// Prints one match found in `path` ("-" for standard input).
    void print(const Match& match, std::string_view path);
    /// Writes what is held until the end (the grouped --json object).
    void finish();

private:
    void print_jsonl(const Match& match, std::string_view path);

    OutputFormat format_;
    OutputWriter& writer_;
    std::string line_;
    /// --json: values per output key, in order. iocextract's shape is one
    /// object, so the values are held until the end of the run.
    std::array<std::vector<std::string>, kTypeCount> grouped_;
};

}  // namespace iocscan::cli
