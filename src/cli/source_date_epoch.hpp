// The time a run writes into STIX and MISP documents: now, or
// SOURCE_DATE_EPOCH (the reproducible-builds convention) when it is set, so
// that reruns give byte-identical output.
#pragma once

#include <ctime>
#include <string>

namespace iocscan::cli {

/// Checks SOURCE_DATE_EPOCH (whole seconds since 1970) when it is set;
/// returns false with `error` set when it is not such a number.
bool check_source_date_epoch(std::string& error);

/// SOURCE_DATE_EPOCH when it is set (checked at start), else the current time.
std::time_t run_time();

}  // namespace iocscan::cli
