// Runs the library over a string the ways the tests need.
#pragma once

#include "iocscan/iocscan.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace iocscan::test {

/// A match copied out of the callback.
struct Found {
    Type type;
    std::uint64_t offset;
    std::string raw;
    std::string value;
    std::vector<std::string> rules;
    bool defanged;
    std::string encoding;   ///< "hex", "percent", "base64" or ""
    std::uint64_t length = 0;   ///< Match::length(): bytes spanned in the input

    bool operator==(const Found&) const = default;
};

/// A callback that copies every match into `out` and goes on.
MatchCallback collector(std::vector<Found>& out);

/// Feeds `text` in pieces of `piece_size` bytes (0: one piece).
std::vector<Found> scan_pieces(const std::string& text, const Options& options,
                               std::size_t piece_size = 0);

/// Scans `text` through scan_fd() (Boost.Iostreams) from a pipe, with the
/// given chunk size and --wide setting.
std::vector<Found> scan_through_fd(const std::string& text, const Options& options,
                                   const SourceOptions& source);

/// The Stats of scanning `text` in one piece with `options`.
Stats scan_stats(const std::string& text, const Options& options);

/// Values of the matches of one type, in order.
std::vector<std::string> values_of(const std::vector<Found>& found, Type type);

/// Human-readable dump for failure messages.
std::string describe(const std::vector<Found>& found);

/// An Options that selects `types` only.
Options options_for(std::initializer_list<Type> types, bool refang = false);

/// An Options that selects every type (the opt-in ones too).
Options options_for_all_types(bool refang = false);

/// Values of the `type` matches in `text`, scanned for that type alone in
/// pieces of `piece_size` bytes (0: one piece).
std::vector<std::string> values_found(Type type, const std::string& text, bool refang = false,
                                      std::size_t piece_size = 0);

}  // namespace iocscan::test
