// RFC 4180 fields for --format csv.
#pragma once

#include <string>
#include <string_view>

namespace iocscan::cli {

/// The CSV header line.
inline constexpr std::string_view kCsvHeader = "type,value,raw,offset,path,rules,encoding\r\n";
/// The header with --line-number: a line column after offset.
inline constexpr std::string_view kCsvHeaderWithLine = "type,value,raw,offset,line,path,rules,encoding\r\n";

/// Appends `field` to `out`, quoted when it holds a comma, a quote, CR or LF
/// (quotes doubled). Bytes are otherwise written as they are. With
/// `guard_formulas`, a field that a spreadsheet would run as a formula
/// (starting with = + - @ TAB or CR) gets a leading ' and quotes (OWASP's
/// advice against CSV injection): the text of an IOC is the attacker's.
void append_csv_field(std::string& out, std::string_view field, bool guard_formulas);

}  // namespace iocscan::cli
