// iocscan.Match: one IOC as Python sees it. Its fields are made into Python
// objects only when read, so a scan that yields many matches stays cheap.
#pragma once

#include "python/owned_match.hpp"

#include <pybind11/pybind11.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace iocscan::python {

struct MatchObject {
    OwnedMatch match;
    std::shared_ptr<const std::string> path;   ///< the scanned file; null for bytes
    std::optional<std::uint64_t> char_offset;  ///< the str index, when a str was scanned
};

/// Defines iocscan.Match in `module`.
void bind_match(pybind11::module_& module);

/// The matches as a Python list of Match; `text` is the UTF-8 of the str that
/// was scanned (for char_offset), or null when bytes were.
pybind11::list to_match_list(std::vector<OwnedMatch>&& found, const std::string_view* text,
                             const std::shared_ptr<const std::string>& path);

/// Bytes as a str; bytes that are not UTF-8 become lone surrogates
/// ("surrogateescape"), so value.encode("utf-8", "surrogateescape") gives
/// the input bytes back.
pybind11::str decode_text(std::string_view bytes);

}  // namespace iocscan::python
