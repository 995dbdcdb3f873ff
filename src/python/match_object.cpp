#include "python/match_object.hpp"

#include <pybind11/stl.h>

#include <optional>

namespace iocscan::python {
namespace py = pybind11;

py::str decode_text(std::string_view bytes) {
    PyObject* text = PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()), "surrogateescape");
    if (text == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(text);
}

namespace {

py::list rule_list(const OwnedMatch& m) {
    py::list rules;
    for (std::size_t i = 0; i < m.rule_count; ++i) rules.append(py::str(rule_label(m.rules[i])));
    return rules;
}

py::object encoding_of(const OwnedMatch& m) {
    if (m.encoding == Encoding::none) return py::none();
    return py::str(std::string(encoding_name(m.encoding)));
}

py::object path_of(const MatchObject& m) {
    if (!m.path) return py::none();
    return decode_text(*m.path);
}

/// The JSONL record of the CLI (--jsonl), as a dict.
py::dict as_dict(const MatchObject& o) {
    const OwnedMatch& m = o.match;
    py::dict record;
    record["type"] = py::str(std::string(type_name(m.type)));
    record["value"] = decode_text(m.value);
    record["raw"] = decode_text(m.raw);
    record["offset"] = m.offset;
    record["length"] = m.raw.size();
    record["rules"] = rule_list(m);
    record["path"] = path_of(o);   // None for bytes and str scans
    if (m.defanged) record["defanged"] = true;
    if (m.encoding != Encoding::none) record["encoding"] = encoding_of(m);
    return record;
}

/// Byte offsets of UTF-8 text to code point indexes, for offsets that mostly
/// grow (matches come in input order): counts only the bytes in between.
class CharIndex {
public:
    explicit CharIndex(std::string_view text) : text_(text) {}
    std::uint64_t at(std::uint64_t offset) {
        if (offset < byte_) byte_ = chars_ = 0;
        for (; byte_ < offset && byte_ < text_.size(); ++byte_) {
            // Continuation bytes (10xxxxxx) do not start a code point.
            if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++chars_;
        }
        return chars_;
    }

private:
    std::string_view text_;
    std::uint64_t byte_ = 0;
    std::uint64_t chars_ = 0;
};

}  // namespace

py::list to_match_list(std::vector<OwnedMatch>&& found, const std::string_view* text,
                       const std::shared_ptr<const std::string>& path) {
    py::list out(found.size());
    std::optional<CharIndex> index;
    if (text != nullptr) index.emplace(*text);
    for (std::size_t i = 0; i < found.size(); ++i) {
        MatchObject object{std::move(found[i]), path, std::nullopt};
        if (index) object.char_offset = index->at(object.match.offset);
        out[i] = py::cast(std::move(object));
    }
    return out;
}

void bind_match(py::module_& module) {
    py::class_<MatchObject>(module, "Match", "One IOC found in the input.")
        .def_property_readonly("type", [](const MatchObject& o) { return std::string(type_name(o.match.type)); },
                               "'url', 'ipv4', 'ipv6', 'email', 'md5', ... (the CLI's type names)")
        .def_property_readonly("value", [](const MatchObject& o) { return decode_text(o.match.value); },
                               "The IOC: raw, or refanged/defanged as the Ruleset asks.")
        .def_property_readonly("raw", [](const MatchObject& o) { return decode_text(o.match.raw); },
                               "The text as it stands in the input.")
        .def_property_readonly("offset", [](const MatchObject& o) { return o.match.offset; },
                               "Byte offset of raw in the (decompressed) input.")
        .def_property_readonly("length", [](const MatchObject& o) { return o.match.raw.size(); },
                               "Length of raw in bytes.")
        .def_property_readonly("char_offset", [](const MatchObject& o) { return o.char_offset; },
                               "Index of raw in the str that was scanned; None for bytes.")
        .def_property_readonly("rules", [](const MatchObject& o) { return rule_list(o.match); }, "Names of the grammar rules that found it.")
        .def_property_readonly("encoding", [](const MatchObject& o) { return encoding_of(o.match); },
                               "'hex', 'percent' or 'base64' for an encoded URL, else None.")
        .def_property_readonly("defanged", [](const MatchObject& o) { return o.match.defanged; },
                               "True when raw differs from its refanged form.")
        .def_property_readonly("path", path_of, "The scanned file (scan_file), else None.")
        .def("as_dict", as_dict, "The CLI's --jsonl record of this match, as a dict.")
        .def("__repr__", [](const MatchObject& o) {
            return "Match(type=" + py::repr(py::str(std::string(type_name(o.match.type)))).cast<std::string>() +
                   ", value=" + py::repr(decode_text(o.match.value)).cast<std::string>() +
                   ", offset=" + std::to_string(o.match.offset) + ")";
        });
}

}  // namespace iocscan::python
