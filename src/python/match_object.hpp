// iocscan.Match: one IOC as Python sees it. A plain CPython type rather
// than a pybind11 class: a scan may make millions, and pybind11's instance
// bookkeeping cost ~1.5 us each (bench/RESULTS.md); fields become Python
// objects only when read.
#pragma once

#include "python/match_batch.hpp"

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <vector>

namespace iocscan::python {

/// Defines iocscan._native.Match in `module`.
void bind_match(pybind11::module_& module);

/// The matches as a Python list of Match; `text` is the UTF-8 of the str that
/// was scanned (for char_offset), or null when bytes were; `path` the file
/// (a str), or None.
pybind11::list to_match_list(const MatchBatch& found, const std::string_view* text,
                             const pybind11::object& path);

/// Bytes as a str; bytes that are not UTF-8 become lone surrogates
/// ("surrogateescape"), so value.encode("utf-8", "surrogateescape") gives
/// the input bytes back.
pybind11::str decode_text(std::string_view bytes);

}  // namespace iocscan::python
