// RFC 4180 fields for --format csv.
#pragma once

#include <string>
#include <string_view>

namespace iocscan::cli {

/// The CSV header line.
inline constexpr std::string_view kCsvHeader = "type,value,raw,offset,path,rules,encoding\r\n";

/// Appends `field` to `out`, quoted when it holds a comma, a quote, CR or LF
/// (quotes doubled). Bytes are otherwise written as they are.
void append_csv_field(std::string& out, std::string_view field);

}  // namespace iocscan::cli
