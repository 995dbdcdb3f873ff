#include "python/match_object.hpp"

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <new>
#include <pybind11/stl.h>
#include <string>

namespace iocscan::python {
namespace py = pybind11;

namespace {

/// A variable-size object: the raw text and the value follow the fields, so
/// a Match is one allocation (pymalloc's, for most).
struct MatchRecord {
    PyObject_VAR_HEAD
    PyObject* path;             ///< a str, or None; owned
    std::uint64_t offset;
    std::uint64_t line;         ///< 1-based; 0: the Ruleset does not count lines
    std::int64_t char_offset;   ///< -1: the input was not a str
    std::uint32_t raw_size;
    std::uint32_t value_size;
    Type type;
    Encoding encoding;
    bool defanged;
    std::uint8_t rule_count;
    std::array<RuleId, 6> rules;
    char text[1];               ///< raw_size bytes of raw, then value_size of value

    std::string_view raw() const { return {text, raw_size}; }
    std::string_view value() const { return {text + raw_size, value_size}; }
};

PyTypeObject g_match_type;

MatchRecord* record(PyObject* self) { return reinterpret_cast<MatchRecord*>(self); }

/// Never throws: returns null with a Python error set, as getters must.
PyObject* text_object(std::string_view bytes) {
    return PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()), "surrogateescape");
}

PyObject* name_object(std::string_view name) { return PyUnicode_FromStringAndSize(name.data(), static_cast<Py_ssize_t>(name.size())); }

PyObject* get_type(PyObject* self, void*) { return name_object(type_name(record(self)->type)); }
PyObject* get_value(PyObject* self, void*) { return text_object(record(self)->value()); }
PyObject* get_raw(PyObject* self, void*) { return text_object(record(self)->raw()); }
PyObject* get_offset(PyObject* self, void*) { return PyLong_FromUnsignedLongLong(record(self)->offset); }
PyObject* get_line(PyObject* self, void*) {
    if (record(self)->line == 0) Py_RETURN_NONE;
    return PyLong_FromUnsignedLongLong(record(self)->line);
}
PyObject* get_length(PyObject* self, void*) { return PyLong_FromSize_t(record(self)->raw_size); }
PyObject* get_defanged(PyObject* self, void*) { return PyBool_FromLong(record(self)->defanged); }

PyObject* get_char_offset(PyObject* self, void*) {
    if (record(self)->char_offset < 0) Py_RETURN_NONE;
    return PyLong_FromLongLong(record(self)->char_offset);
}

PyObject* get_encoding(PyObject* self, void*) {
    if (record(self)->encoding == Encoding::none) Py_RETURN_NONE;
    return name_object(encoding_name(record(self)->encoding));
}

PyObject* get_path(PyObject* self, void*) {
    Py_INCREF(record(self)->path);
    return record(self)->path;
}

PyObject* get_rules(PyObject* self, void*) {
    const MatchRecord* m = record(self);
    PyObject* rules = PyList_New(m->rule_count);
    if (rules == nullptr) return nullptr;
    for (std::size_t i = 0; i < m->rule_count; ++i) {
        PyObject* name = name_object(rule_label(m->rules[i]));
        if (name == nullptr) {
            Py_DECREF(rules);
            return nullptr;
        }
        PyList_SET_ITEM(rules, static_cast<Py_ssize_t>(i), name);
    }
    return rules;
}

/// Sets dict[key] = value and drops the reference to value; false on error.
bool put(PyObject* dict, const char* key, PyObject* value) {
    if (value == nullptr) return false;
    const int status = PyDict_SetItemString(dict, key, value);
    Py_DECREF(value);
    return status == 0;
}

/// The CLI's --jsonl record, as a dict (path None for in-memory data).
PyObject* as_dict(PyObject* self, PyObject*) {
    const MatchRecord* m = record(self);
    PyObject* dict = PyDict_New();
    if (dict == nullptr) return nullptr;
    bool ok = put(dict, "type", get_type(self, nullptr)) && put(dict, "value", get_value(self, nullptr)) &&
              put(dict, "raw", get_raw(self, nullptr)) && put(dict, "offset", get_offset(self, nullptr)) &&
              put(dict, "length", get_length(self, nullptr)) && put(dict, "rules", get_rules(self, nullptr)) &&
              put(dict, "path", get_path(self, nullptr));
    // As the CLI's --jsonl: "line" only when lines are counted (-n).
    if (ok && m->line != 0) ok = put(dict, "line", get_line(self, nullptr));
    if (ok && m->defanged) ok = put(dict, "defanged", PyBool_FromLong(1));
    if (ok && m->encoding != Encoding::none) ok = put(dict, "encoding", get_encoding(self, nullptr));
    if (!ok) {
        Py_DECREF(dict);
        return nullptr;
    }
    return dict;
}

PyObject* repr(PyObject* self) {
    PyObject* type = get_type(self, nullptr);
    PyObject* value = get_value(self, nullptr);
    PyObject* text = nullptr;
    if (type != nullptr && value != nullptr) {
        text = PyUnicode_FromFormat("Match(type=%R, value=%R, offset=%llu)", type, value,
                                    static_cast<unsigned long long>(record(self)->offset));
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    return text;
}

void dealloc(PyObject* self) {
    Py_XDECREF(record(self)->path);
    Py_TYPE(self)->tp_free(self);
}

PyGetSetDef g_fields[] = {
    {"type", get_type, nullptr, "'url', 'ipv4', 'ipv6', 'email', 'md5', ... (the CLI's type names)", nullptr},
    {"value", get_value, nullptr, "The IOC: raw, or refanged/defanged as the Ruleset asks.", nullptr},
    {"raw", get_raw, nullptr, "The text as it stands in the input.", nullptr},
    {"offset", get_offset, nullptr, "Byte offset of raw in the (decompressed) input.", nullptr},
    {"line", get_line, nullptr, "1-based line of offset with line_numbers=True, else None.", nullptr},
    {"length", get_length, nullptr, "Length of raw in bytes.", nullptr},
    {"char_offset", get_char_offset, nullptr, "Index of raw in the str that was scanned; None for bytes.", nullptr},
    {"rules", get_rules, nullptr, "Names of the grammar rules that found it.", nullptr},
    {"encoding", get_encoding, nullptr, "'hex', 'percent' or 'base64' for an encoded URL, else None.", nullptr},
    {"defanged", get_defanged, nullptr, "True when raw differs from its refanged form.", nullptr},
    {"path", get_path, nullptr, "The scanned file (scan_file), else None.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

/// iocscan._native._match_from_state, which unpickles a Match.
PyObject* g_rebuild = nullptr;

/// Pickling (Dask sends matches between processes): the fields as plain
/// values, given back to _match_from_state().
PyObject* reduce(PyObject* self, PyObject*) {
    const MatchRecord* m = record(self);
    PyObject* rules = PyTuple_New(m->rule_count);
    if (rules == nullptr) return nullptr;
    for (std::size_t i = 0; i < m->rule_count; ++i) {
        PyTuple_SET_ITEM(rules, static_cast<Py_ssize_t>(i), PyLong_FromLong(m->rules[i]));
    }
    PyObject* value = PyBytes_FromStringAndSize(m->value().data(), static_cast<Py_ssize_t>(m->value_size));
    PyObject* raw = PyBytes_FromStringAndSize(m->raw().data(), static_cast<Py_ssize_t>(m->raw_size));
    if (value == nullptr || raw == nullptr) {
        Py_DECREF(rules);
        Py_XDECREF(value);
        Py_XDECREF(raw);
        return nullptr;
    }
    // "N" hands over the references made here.
    return Py_BuildValue("O(iNNKNiOOLK)", g_rebuild, static_cast<int>(m->type), value, raw,
                         static_cast<unsigned long long>(m->offset), rules, static_cast<int>(m->encoding),
                         m->defanged ? Py_True : Py_False, m->path, static_cast<long long>(m->char_offset),
                         static_cast<unsigned long long>(m->line));
}

PyObject* new_match(const MatchBatch::Entry& m, std::string_view raw, std::string_view value,
                    std::int64_t char_offset, PyObject* path);

/// _match_from_state(type, value, raw, offset, rules, encoding, defanged,
/// path, char_offset[, line]): the Match that reduce() took apart.
PyObject* match_from_state(PyObject*, PyObject* args) {
    int type_id = 0, encoding = 0, defanged = 0;
    PyObject *value = nullptr, *raw = nullptr, *rules = nullptr, *path = nullptr;
    unsigned long long offset = 0;
    long long char_offset = -1;
    unsigned long long line = 0;   // optional: Matches pickled before lines were kept
    if (!PyArg_ParseTuple(args, "iSSKO!ipOL|K", &type_id, &value, &raw, &offset, &PyTuple_Type, &rules, &encoding,
                          &defanged, &path, &char_offset, &line)) {
        return nullptr;
    }
    if (type_id < 0 || static_cast<std::size_t>(type_id) >= kTypeCount || encoding < 0 ||
        encoding > static_cast<int>(Encoding::base64) || PyTuple_GET_SIZE(rules) > 6) {
        PyErr_SetString(PyExc_ValueError, "not a pickled iocscan.Match");
        return nullptr;
    }
    MatchBatch::Entry fields{};
    fields.type = static_cast<Type>(type_id);
    fields.encoding = static_cast<Encoding>(encoding);
    fields.defanged = defanged != 0;
    fields.offset = offset;
    fields.line = line;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(rules); ++i) {
        const long rule = PyLong_AsLong(PyTuple_GET_ITEM(rules, i));
        if (rule < 0 || rule > 0xFFFF) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "not a pickled iocscan.Match");
            return nullptr;
        }
        fields.rules[fields.rule_count++] = static_cast<RuleId>(rule);
    }
    const std::string_view raw_text(PyBytes_AS_STRING(raw), static_cast<std::size_t>(PyBytes_GET_SIZE(raw)));
    const std::string_view value_text(PyBytes_AS_STRING(value), static_cast<std::size_t>(PyBytes_GET_SIZE(value)));
    try {
        return new_match(fields, raw_text, value_text, char_offset, path);
    } catch (py::error_already_set& e) {
        e.restore();   // back to a Python error, as a C function reports it
        return nullptr;
    }
}

PyMethodDef g_rebuild_def = {"_match_from_state", match_from_state, METH_VARARGS, nullptr};

PyMethodDef g_methods[] = {
    {"as_dict", as_dict, METH_NOARGS, "The CLI's --jsonl record of this match, as a dict."},
    {"__reduce__", reduce, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

/// A new Match with these fields and texts, and a reference to `path`.
PyObject* new_match(const MatchBatch::Entry& m, std::string_view raw, std::string_view value,
                    std::int64_t char_offset, PyObject* path) {
    if (raw.size() > UINT32_MAX || value.size() > UINT32_MAX) throw std::length_error("match too long");
    PyObject* self = g_match_type.tp_alloc(&g_match_type, static_cast<Py_ssize_t>(raw.size() + value.size()));
    if (self == nullptr) throw py::error_already_set();
    MatchRecord* r = record(self);
    r->type = m.type;
    r->encoding = m.encoding;
    r->defanged = m.defanged;
    r->rule_count = m.rule_count;
    r->rules = m.rules;
    r->offset = m.offset;
    r->line = m.line;
    r->char_offset = char_offset;
    r->raw_size = static_cast<std::uint32_t>(raw.size());
    r->value_size = static_cast<std::uint32_t>(value.size());
    std::memcpy(r->text, raw.data(), raw.size());
    std::memcpy(r->text + raw.size(), value.data(), value.size());
    Py_INCREF(path);
    r->path = path;
    return self;
}

/// Byte offsets of UTF-8 text to code point indexes, for offsets that mostly
/// grow (matches come in input order): counts only the bytes in between.
class CharIndex {
public:
    explicit CharIndex(std::string_view text) : text_(text) {}
    std::int64_t at(std::uint64_t offset) {
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
    std::int64_t chars_ = 0;
};

}  // namespace

py::str decode_text(std::string_view bytes) {
    PyObject* text = text_object(bytes);
    if (text == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(text);
}

py::list to_match_list(const MatchBatch& found, const std::string_view* text, const py::object& path) {
    py::list out(found.size());
    std::optional<CharIndex> index;
    if (text != nullptr) index.emplace(*text);
    for (std::size_t i = 0; i < found.size(); ++i) {
        const MatchBatch::Entry& m = found[i];
        const std::int64_t char_offset = index ? index->at(m.offset) : -1;
        PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i),
                        new_match(m, found.raw(m), found.value(m), char_offset, path.ptr()));
    }
    return out;
}

void bind_match(py::module_& module) {
    PyTypeObject& type = g_match_type;
    Py_SET_REFCNT(reinterpret_cast<PyObject*>(&type), 1);   // a static type, never freed
    type.tp_name = "iocscan.Match";
    type.tp_doc = "One IOC found in the input.";
    type.tp_basicsize = offsetof(MatchRecord, text);
    type.tp_itemsize = 1;   // the bytes of raw and value
    type.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION;
    type.tp_dealloc = dealloc;
    type.tp_repr = repr;
    type.tp_getset = g_fields;
    type.tp_methods = g_methods;
    if (PyType_Ready(&type) < 0) throw py::error_already_set();
    module.attr("Match") = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(&type));

    // A plain module function (not pybind11's), so pickle refers to it by name.
    PyObject* rebuild = PyCFunction_NewEx(&g_rebuild_def, module.ptr(), module.attr("__name__").ptr());
    if (rebuild == nullptr) throw py::error_already_set();
    module.attr("_match_from_state") = py::reinterpret_steal<py::object>(rebuild);
    g_rebuild = rebuild;   // the module keeps it alive
}

}  // namespace iocscan::python
