// RFC 4180 fields for --format csv.
#pragma once

#include <cstddef>
#include <string_view>

namespace iocscan::cli {

/// The CSV header line.
inline constexpr std::string_view kCsvHeader = "type,value,raw,offset,path,rules,encoding\r\n";
/// The header with --line-number: a line column after offset.
inline constexpr std::string_view kCsvHeaderWithLine = "type,value,raw,offset,line,path,rules,encoding\r\n";

/// The most that put_csv_field() writes for a field of `size` bytes: every
/// byte a doubled quote, the quotes around and the formula guard.
constexpr std::size_t max_csv_field_size(std::size_t size) { return 2 * size + 3; }

/// Writes `field` at `out` (room for max_csv_field_size()) and returns the
/// end; quoted when it holds a comma, a quote, CR or LF (quotes doubled).
/// Bytes are otherwise written as they are. With `guard_formulas`, a field
/// that a spreadsheet would run as a formula (starting with = + - @ TAB or
/// CR) gets a leading ' and quotes (OWASP's advice against CSV injection):
/// the text of an IOC is the attacker's.
char* put_csv_field(char* out, std::string_view field, bool guard_formulas);

}  // namespace iocscan::cli
