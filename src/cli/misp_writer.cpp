#include "cli/misp_writer.hpp"

#include "cli/display_name.hpp"
#include "cli/json_text.hpp"
#include "cli/source_date_epoch.hpp"
#include "cli/uuid5.hpp"

namespace iocscan::cli {
namespace {

/// info "SHOULD NOT include new-lines".
void append_one_line(std::string& out, std::string_view text) {
    for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
}

/// `text` cut to at most `limit` bytes, not inside a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace

std::string MispWriter::event_info(const MispEventSource& source) {
    std::string info;
    if (!source.title.empty()) {
        append_one_line(info, source.title);
        return info;
    }
    const auto& inputs = source.inputs;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        std::string name;
        append_one_line(name, display_name(inputs[i]));
        const std::size_t left_after = inputs.size() - i - 1;
        const std::string more = left_after > 0 ? ", and " + std::to_string(left_after) + " more" : "";
        const std::size_t separator = i > 0 ? 2 : 0;
        if (info.size() + separator + name.size() + more.size() <= kMispInfoLimit) {
            if (i > 0) info += ", ";
            info += name;
            continue;
        }
        const std::string rest = ", and " + std::to_string(inputs.size() - i) + " more";
        if (i == 0) {   // even the first name is too long: its start
            const std::string tail = inputs.size() > 1 ? "... and " + std::to_string(inputs.size() - 1) + " more"
                                                       : std::string("...");
            info.assign(utf8_prefix(name, kMispInfoLimit - tail.size()));
            info += tail;
        } else {
            info += rest;
        }
        break;
    }
    if (info.empty()) info = "iocscan";   // MISP refuses an event without info
    return info;
}

std::string MispWriter::event_uuid(std::span<const std::string> inputs, std::time_t time) {
    std::string name;
    for (const auto& input : inputs) {
        name += input;
        name += '\0';
    }
    name += std::to_string(static_cast<long long>(time));
    return uuid5(kMispEventNamespace, name);
}

MispWriter::MispWriter(OutputWriter& writer, const MispEventSource& source)
    : writer_(writer), info_(event_info(source)) {
    const std::time_t now = run_time();
    timestamp_ = std::to_string(static_cast<long long>(now));
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &utc);
    date_ = date;
    uuid_ = event_uuid(source.inputs, now);
    for (std::size_t t = 0; t < kTypeCount; ++t) kinds_[t] = &misp_attribute_kind(type_name(static_cast<Type>(t)));
}

void MispWriter::begin() {
    if (begun_) return;
    begun_ = true;
    // Instance-local fields (id, org_id, orgc_id, Org, Orgc, event_id) are
    // left to the MISP instance that imports the event.
    record_.assign(R"({"Event":{"uuid":")");
    record_ += uuid_;
    record_ += R"(","info":")";
    append_json_string(record_, info_);
    record_ += R"(","date":")";
    record_ += date_;
    record_ += R"(","timestamp":")";
    record_ += timestamp_;
    // Not published, shared with the own organisation only, threat level
    // undefined, analysis initial: an analyst reviews an extracted event.
    record_ += R"(","published":false,"publish_timestamp":"0","distribution":"0","sharing_group_id":"0",)"
               R"("threat_level_id":"4","analysis":"0","Attribute":[)";
    writer_.write(record_);
}

void MispWriter::add(const Match& match) {
    const MispAttributeKind& kind = *kinds_[static_cast<std::size_t>(match.type)];
    misp_value(kind.form, match.value, value_);
    key_.assign(kind.misp_type);
    key_ += '\0';
    key_ += value_;
    if (!seen_.insert(key_)) return;
    begin();
    ++count_;

    // Appended piece by piece: millions of attributes, no temporaries.
    record_.assign(count_ == 1 ? "\n" : ",\n");
    record_ += R"({"uuid":")";
    record_ += uuid5(uuid_, key_);
    record_ += R"(","type":")";
    record_ += kind.misp_type;
    record_ += R"(","category":")";
    record_ += kind.category;
    record_ += R"(","value":")";
    append_json_string(record_, value_);
    record_ += R"(","to_ids":)";
    record_ += kind.to_ids ? "true" : "false";
    // The text as found when it is not the value (a defanged or encoded
    // form); a "text" attribute also says which iocscan type it is.
    record_ += R"(,"comment":")";
    const bool raw_differs = match.raw != value_;
    if (kind.misp_type == "text") {
        record_ += type_name(match.type);
        if (raw_differs) record_ += ": ";
    }
    if (raw_differs) append_json_string(record_, match.raw);
    record_ += R"(","timestamp":")";
    record_ += timestamp_;
    record_ += R"(","distribution":"5","sharing_group_id":"0","deleted":false})";   // 5: as the event
    writer_.write(record_);
}

void MispWriter::finish() {
    begin();
    record_.assign(count_ > 0 ? "\n]," : "],");
    record_ += R"("attribute_count":")";
    record_ += std::to_string(count_);
    record_ += "\"}}\n";
    writer_.write(record_);
    writer_.end_record();
}

}  // namespace iocscan::cli
