// --format stix: one STIX 2.1 bundle of indicator objects (and of the SDOs
// that opt-in ids name, e.g. vulnerability), written as the matches arrive
// (never built in memory).
#pragma once

#include "cli/output_writer.hpp"
#include "cli/uuid5.hpp"
#include "iocscan/iocscan.hpp"

#include <string>
#include <unordered_set>

namespace iocscan::cli {

class StixWriter {
public:
    explicit StixWriter(OutputWriter& writer);

    /// Adds an indicator for `match` (its refanged value is used). Each
    /// (type, value) appears once: its id is the UUIDv5 of type and value.
    void add(const Match& match);
    /// Closes the bundle (also when nothing was added).
    void finish();

    /// The STIX pattern for a refanged value, e.g. [ipv4-addr:value = '1.2.3.4'].
    static std::string pattern_for(Type type, std::string_view value);

    /// How a value appears in the bundle: as an indicator, as an SDO for an
    /// id that names a known thing (CVE: a vulnerability; ATT&CK technique:
    /// an attack-pattern), or not at all (an id with no clean STIX type).
    enum class Shape { indicator, named, none };
    struct NamedObject {
        std::string type;           ///< "vulnerability", ...
        std::string source_name;    ///< of its external reference: "cve", ...
        std::string url;            ///< the reference's page, or empty
    };
    static Shape shape_of(Type type, std::string_view value, NamedObject& named);

private:
    void begin();
    /// Writes the record's separator, or nothing when `id` was written before.
    bool start_record(const std::string& id);

    OutputWriter& writer_;
    std::string timestamp_;
    std::string record_;
    std::string refanged_;
    std::unordered_set<std::string> seen_ids_;
    Sha1 bundle_hash_;        ///< of every indicator id, for the bundle's own id
    bool begun_ = false;
    bool first_object_ = true;
};

}  // namespace iocscan::cli
