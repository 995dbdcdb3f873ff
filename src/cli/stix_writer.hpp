// --format stix: one STIX 2.1 bundle of indicator objects (and of the SDOs
// that opt-in ids name, e.g. vulnerability), written as the matches arrive
// (never built in memory).
#pragma once

#include "cli/distinct_set.hpp"
#include "cli/output_writer.hpp"
#include "cli/uuid5.hpp"
#include "iocscan/iocscan.hpp"

#include <string>

namespace iocscan::cli {

class StixWriter {
public:
    explicit StixWriter(OutputWriter& writer);

    /// Adds an indicator for `match` (its refanged value is used). Each
    /// (type, value) appears once: its id is the UUIDv5 of type and value.
    /// custom and phone matches have no STIX object type and are left out;
    /// an IPv6 address loses its zone (%eth0), which ipv6-addr cannot hold.
    void add(const Match& match);
    /// Closes the bundle (also when nothing was added: then it has no
    /// "objects", as STIX 2.1 forbids an empty list).
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
    /// Appends the properties every object has, up to the modified time:
    /// {"type":TYPE,"spec_version","id" (id_),"created","modified"
    void append_object_head(std::string_view type);

    OutputWriter& writer_;
    std::string timestamp_;
    std::string record_;
    std::string refanged_;
    std::string name_;
    std::string id_;
    DistinctSet seen_names_;  ///< "type:value" of each indicator written
    Sha1 bundle_hash_;        ///< of every indicator id, for the bundle's own id
    bool begun_ = false;
    bool first_object_ = true;
};

}  // namespace iocscan::cli
