// --format misp: one MISP event ({"Event": {...}}, the MISP core format,
// draft-dulaunoy-misp-core-format) with one attribute per distinct MISP
// (type, value), written as the matches arrive (never built in memory).
#pragma once

#include "cli/distinct_set.hpp"
#include "cli/misp_mapping.hpp"
#include "cli/output_writer.hpp"
#include "iocscan/iocscan.hpp"

#include <array>
#include <cstdint>
#include <ctime>
#include <span>
#include <string>
#include <string_view>

namespace iocscan::cli {

/// Namespace of the event uuids: uuid5(URL namespace, "iocscan:misp-event").
inline constexpr std::string_view kMispEventNamespace = "f53e5333-5952-58fa-859e-0f85b6b464bf";

/// MISP's core format says info "SHOULD NOT be bigger than 256 characters".
inline constexpr std::size_t kMispInfoLimit = 256;

/// What names the event: --title, and the PATH arguments ("-": stdin).
struct MispEventSource {
    std::string_view title;                 ///< empty: the inputs' names
    std::span<const std::string> inputs;
};

class MispWriter {
public:
    /// The run's time (SOURCE_DATE_EPOCH or now) is read here.
    MispWriter(OutputWriter& writer, const MispEventSource& source);

    /// Adds the attribute of `match` (its refanged value, as the CLI scans
    /// with refang for MISP) unless one with the same MISP type and value
    /// is already in the event.
    void add(const Match& match);
    /// Closes the event (an empty Attribute list when nothing was added).
    void finish();

    /// The event's info: the title with line breaks as spaces, or else the
    /// inputs' names joined by ", ", cut to kMispInfoLimit bytes at a name
    /// (", and N more").
    static std::string event_info(const MispEventSource& source);
    /// UUIDv5 of the inputs' names and the run's time: the same on a rerun
    /// with the same SOURCE_DATE_EPOCH, a new event on every other run.
    static std::string event_uuid(std::span<const std::string> inputs, std::time_t time);

private:
    void begin();

    OutputWriter& writer_;
    std::string info_;
    std::string uuid_;
    std::string timestamp_;   ///< decimal seconds, as MISP writes them
    std::string date_;        ///< YYYY-MM-DD
    std::array<const MispAttributeKind*, kTypeCount> kinds_{};
    DistinctSet seen_;        ///< "misp-type\0value" of each attribute written
    std::string value_;
    std::string key_;
    std::string record_;
    std::uint64_t count_ = 0;
    bool begun_ = false;
};

}  // namespace iocscan::cli
