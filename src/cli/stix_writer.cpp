#include "cli/stix_writer.hpp"

#include "cli/json_text.hpp"
#include "cli/source_date_epoch.hpp"
#include "families/registry.hpp"
#include "families/regkey/registry_roots.hpp"

#include <ctime>

namespace iocscan::cli {
namespace {

/// RFC 3339 UTC time of the run (cli/source_date_epoch.hpp).
std::string run_timestamp() {
    const std::time_t now = run_time();
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", &utc);
    return text;
}

/// Escapes a STIX pattern string literal: backslash and quote.
std::string quoted_literal(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    out += '\'';
    return out;
}

/// STIX 2.1 wants a key's hive spelled out ("HKEY_LOCAL_MACHINE", not "HKLM"
/// nor PowerShell's "HKLM:"); the names after it as written.
std::string registry_key_with_hive(std::string_view key) {
    std::size_t length = 0;
    const detail::RegistryRoot* root = detail::registry_root_at(key, length);
    if (root == nullptr) return std::string(key);
    if (length < key.size() && key[length] == ':') ++length;
    return std::string(root->hive) + std::string(key.substr(length));
}

}  // namespace

StixWriter::StixWriter(OutputWriter& writer) : writer_(writer), timestamp_(run_timestamp()) {}

std::string StixWriter::pattern_for(Type type, std::string_view value) {
    const detail::Family& row = detail::family(type);
    const std::string property(detail::stix_property_of(type, value));
    switch (row.stix) {
        case detail::StixForm::pattern: return "[" + property + " = " + quoted_literal(value) + "]";
        case detail::StixForm::as_number:   // the refanged "AS13335": an integer property
            return "[" + property + " = " + std::string(value.substr(std::min<std::size_t>(2, value.size()))) + "]";
        case detail::StixForm::registry_key:
            return "[" + property + " = " + quoted_literal(registry_key_with_hive(value)) + "]";
        case detail::StixForm::yara_rule: return std::string(value);   // pattern_type yara: the rule itself
        case detail::StixForm::none: return "";   // no STIX object type: add() leaves them out
        case detail::StixForm::vulnerability:
        case detail::StixForm::attack_object: break;   // SDOs (shape_of), no pattern
    }
    return quoted_literal(value);
}

void StixWriter::begin() {
    if (begun_) return;
    begun_ = true;
    writer_.write(R"({"type":"bundle","objects":[)");
}

StixWriter::Shape StixWriter::shape_of(Type type, std::string_view value, NamedObject& named) {
    switch (detail::family(type).stix) {
        case detail::StixForm::vulnerability:
            named = {"vulnerability", "cve", "https://www.cve.org/CVERecord?id=" + std::string(value)};
            return Shape::named;
        case detail::StixForm::attack_object: {
            // Tactics (x-mitre-tactic) and software (malware or tool: the id
            // does not say which) have no clean STIX 2.1 type: left out.
            const bool tactic = value.size() > 1 && value[1] == 'A';
            const char* kind = nullptr;
            const char* folder = nullptr;   // of the id's page on attack.mitre.org
            switch (value.front()) {
                case 'T':
                    if (!tactic) kind = "attack-pattern", folder = "techniques/";
                    break;
                case 'G': kind = "intrusion-set", folder = "groups/"; break;
                case 'M': kind = "course-of-action", folder = "mitigations/"; break;
                case 'C': kind = "campaign", folder = "campaigns/"; break;
                default: break;
            }
            if (kind == nullptr) return Shape::none;
            std::string path(value);
            if (const auto dot = path.find('.'); dot != std::string::npos) path[dot] = '/';   // T1059/001
            named = {kind, "mitre-attack", "https://attack.mitre.org/" + std::string(folder) + path + "/"};
            return Shape::named;
        }
        case detail::StixForm::none:
            return Shape::none;
        case detail::StixForm::pattern:
        case detail::StixForm::as_number:
        case detail::StixForm::registry_key:
        case detail::StixForm::yara_rule:
            break;
    }
    return Shape::indicator;
}

void StixWriter::append_object_head(std::string_view type) {
    record_ += R"({"type":")";
    record_ += type;
    record_ += R"(","spec_version":"2.1","id":")";
    record_ += id_;
    record_ += R"(","created":")";
    record_ += timestamp_;
    record_ += R"(","modified":")";
    record_ += timestamp_;
}

void StixWriter::add(const Match& match) {
    // A type no STIX object holds (families/registry.cpp) is left out.
    if (detail::family(match.type).stix == detail::StixForm::none) return;
    // The CLI scans with refang for STIX (cli/arguments.cpp), so the value is
    // plain, and an encoded URL's value is the decoded URL.
    refanged_.assign(match.value);
    if (match.type == Type::ipv6) refanged_.erase(std::min(refanged_.find('%'), refanged_.size()));
    NamedObject named;
    const Shape shape = shape_of(match.type, refanged_, named);
    if (shape == Shape::none) return;
    name_.assign(type_name(match.type));
    name_ += ':';
    name_ += refanged_;
    if (!seen_names_.insert(name_)) return;
    begin();
    id_.assign(shape == Shape::named ? named.type : std::string("indicator"));
    id_ += "--";
    id_ += uuid5(kStixNamespace, name_);
    bundle_hash_.update(id_);

    // Appended piece by piece: millions of indicators, no temporaries.
    record_.assign(first_object_ ? "\n" : ",\n");
    first_object_ = false;
    if (shape == Shape::named) {
        // An SDO named by its id, with the id as its external reference.
        append_object_head(named.type);
        record_ += R"(","name":")";
        append_json_string(record_, refanged_);
        record_ += R"(","external_references":[{"source_name":")";
        record_ += named.source_name;
        record_ += R"(","external_id":")";
        append_json_string(record_, refanged_);
        if (!named.url.empty()) {
            record_ += R"(","url":")";
            append_json_string(record_, named.url);
        }
        record_ += "\"}]}";
        writer_.write(record_);
        return;
    }
    append_object_head("indicator");
    record_ += R"(","valid_from":")";
    record_ += timestamp_;
    record_ += R"(","name":")";
    append_json_string(record_, name_);
    record_ += R"(","indicator_types":["malicious-activity"],"pattern_type":")";
    record_ += detail::family(match.type).stix == detail::StixForm::yara_rule ? "yara" : "stix";
    record_ += R"(","pattern":")";
    append_json_string(record_, pattern_for(match.type, refanged_));
    record_ += "\"}";
    writer_.write(record_);
}

void StixWriter::finish() {
    const auto digest = bundle_hash_.finish();
    std::string digest_text(digest.begin(), digest.end());
    const std::string id = "\"id\":\"bundle--" + uuid5(kStixNamespace, digest_text) + "\"}\n";
    writer_.write(begun_ ? "\n]," + id : R"({"type":"bundle",)" + id);
    writer_.end_record();
}

}  // namespace iocscan::cli
