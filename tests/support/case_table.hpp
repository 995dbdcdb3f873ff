// Reads the worked examples of the behaviour contract (spec/cases.tsv).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace iocscan::test {

struct CaseRow {
    std::string id;
    std::string type;                  ///< the type whose results are compared
    std::vector<std::string> modes;    ///< raw, refang, strip, open, wide
    std::string input;                 ///< escapes already decoded
    std::vector<std::string> expected; ///< empty: no result of that type
    int line = 0;

    bool has_mode(const std::string& mode) const;
};

/// Lets GoogleTest print a row by its id instead of its bytes.
inline void PrintTo(const CaseRow& row, std::ostream* os) { *os << row.id; }

/// Decodes the file's C-style escapes: \t \n \r \\ \xHH.
std::string unescape(const std::string& text);

/// Parses the table; throws std::runtime_error naming the line on a bad row.
std::vector<CaseRow> load_cases(const std::string& path);

/// tests/data/cases.tsv, the project's copy of the contract's table.
std::string cases_path();

}  // namespace iocscan::test
