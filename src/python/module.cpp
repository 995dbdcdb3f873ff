// iocscan._native: the C++ library as a Python extension. The Python package
// (python/iocscan/__init__.py) wraps it with keyword options and docstrings.
//
// Every scan copies its matches out (a MatchBatch) with the GIL released, and
// makes Python objects after taking it back: Python threads scan in parallel.
#include "cli/subcommands.hpp"
#include "families/registry.hpp"
#include "postpass/defang.hpp"
#include "python/range_scan.hpp"
#include "python/record_merge.hpp"
#include "python/file_scan.hpp"
#include "python/match_object.hpp"
#include "python/ruleset_arguments.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cerrno>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>

int iocscan_cli_main(int argc, char** argv);   // cli_entry.cpp

namespace iocscan::python {
namespace {
namespace py = pybind11;

/// The bytes of a bytes-like object (through the buffer protocol, no copy;
/// it must be contiguous) or the UTF-8 of a str, readable without the GIL
/// while this object lives.
class InputBytes {
public:
    explicit InputBytes(const py::object& data) {
        if (PyUnicode_Check(data.ptr())) {
            Py_ssize_t size = 0;
            const char* utf8 = PyUnicode_AsUTF8AndSize(data.ptr(), &size);
            if (utf8 == nullptr) throw py::error_already_set();
            bytes_ = {utf8, static_cast<std::size_t>(size)};
            is_text_ = true;
        } else if (PyObject_CheckBuffer(data.ptr())) {
            if (PyObject_GetBuffer(data.ptr(), &view_, PyBUF_SIMPLE) != 0) throw py::error_already_set();
            has_view_ = true;
            bytes_ = {static_cast<const char*>(view_.buf), static_cast<std::size_t>(view_.len)};
        } else {
            throw py::type_error("expected bytes, bytearray, memoryview or str, not " +
                                 std::string(Py_TYPE(data.ptr())->tp_name));
        }
    }
    ~InputBytes() {
        if (has_view_) PyBuffer_Release(&view_);
    }
    InputBytes(const InputBytes&) = delete;
    InputBytes& operator=(const InputBytes&) = delete;

    std::string_view bytes() const { return bytes_; }
    bool is_text() const { return is_text_; }

private:
    Py_buffer view_{};
    bool has_view_ = false;
    std::string_view bytes_;
    bool is_text_ = false;
};

/// iocscan.Scanner: one stream. Python threads may share the object, but
/// only one may feed it at a time.
class StreamScanner {
public:
    explicit StreamScanner(const Ruleset& ruleset) : scanner_(ruleset) {}

    py::list feed(const py::object& data) {
        const InputBytes input(data);
        return run([&](const MatchCallback& collect) { scanner_.feed(input.bytes(), collect); });
    }
    py::list finish() {
        return run([&](const MatchCallback& collect) { scanner_.finish(collect); });
    }
    void reset() {
        const std::unique_lock lock = take();
        scanner_.reset();
    }
    std::uint64_t bytes_scanned() const { return scanner_.stats().bytes; }

private:
    std::unique_lock<std::mutex> take() {
        std::unique_lock lock(busy_, std::try_to_lock);
        if (!lock.owns_lock()) throw std::runtime_error("this Scanner is in use by another thread");
        return lock;
    }
    template <class Step>
    py::list run(const Step& step) {
        const std::unique_lock lock = take();
        MatchBatch found;
        {
            const py::gil_scoped_release unlocked;
            step(append_to(found));
        }
        return to_match_list(std::move(found), nullptr, py::none());
    }

    Scanner scanner_;
    std::mutex busy_;
};

py::list scan(const Ruleset& ruleset, const py::object& data) {
    const InputBytes input(data);
    MatchBatch found;
    {
        const py::gil_scoped_release unlocked;
        Scanner scanner(ruleset);
        const auto collect = append_to(found);
        scanner.feed(input.bytes(), collect);
        scanner.finish(collect);
    }
    const std::string_view text = input.bytes();
    return to_match_list(std::move(found), input.is_text() ? &text : nullptr, py::none());
}

/// What scan_file() iterates over: lists of Matches, one per batch of the
/// reader (the Python side flattens them: a call per batch, not per match).
class FileMatches {
public:
    FileMatches(const Ruleset& ruleset, const std::string& path, const SourceOptions& source)
        : path_(decode_text(path)), scan_(ruleset, path, source) {}

    py::list next_batch() {
        if (ended_) throw py::stop_iteration();
        MatchBatch batch;
        try {
            const py::gil_scoped_release unlocked;
            batch = scan_.next_batch();
        } catch (const std::runtime_error& e) {
            ended_ = true;
            PyErr_Format(PyExc_OSError, "%U: %s", path_.ptr(), e.what());
            throw py::error_already_set();
        }
        if (batch.empty()) {
            ended_ = true;
            throw py::stop_iteration();
        }
        return to_match_list(std::move(batch), nullptr, path_);
    }

private:
    py::str path_;
    FileScan scan_;
    bool ended_ = false;
};

std::unique_ptr<FileMatches> open_file_matches(const Ruleset& ruleset, const std::string& path, bool wide,
                                               bool decompress, std::size_t chunk_size) {
    if (chunk_size == 0) throw std::invalid_argument("chunk_size: not a positive number: '0'");
    SourceOptions source;
    source.wide = wide;
    source.decompress = decompress;
    source.chunk_size = chunk_size;
    try {
        return std::make_unique<FileMatches>(ruleset, path, source);
    } catch (const std::system_error& e) {
        errno = e.code().value();   // the OSError subclass (FileNotFoundError ...) follows it
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, py::str(path).ptr());
        throw py::error_already_set();
    }
}

Type kind_of(std::string_view value, const std::optional<std::string>& kind) {
    if (!kind) return cli::guess_kind(value);
    Type type;
    if (!parse_type(*kind, type)) throw std::invalid_argument("kind: unknown type '" + *kind + "'");
    return type;
}

int run_cli(const std::vector<std::string>& args) {
    std::vector<std::string> owned(args);
    std::vector<char*> argv;
    for (auto& arg : owned) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const py::gil_scoped_release unlocked;
    return iocscan_cli_main(static_cast<int>(owned.size()), argv.data());
}

py::list list_of_types(const Ruleset& ruleset) {
    py::list names;
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        if (ruleset.options().types.has(static_cast<Type>(t))) names.append(std::string(type_name(static_cast<Type>(t))));
    }
    return names;
}

}  // namespace

PYBIND11_MODULE(_native, module) {
    module.doc() = "The iocscan C++ library; use the iocscan package, which wraps it.";
    module.attr("__version__") = IOCSCAN_VERSION;
    bind_match(module);

    py::class_<Ruleset>(module, "Ruleset")
        .def(py::init([](const std::vector<std::string>& flags, const std::vector<std::string>& patterns) {
                 return Ruleset(options_from_arguments(flags, patterns));
             }),
             py::arg("flags"), py::arg("custom_patterns"))
        .def_property_readonly("types", list_of_types)
        .def_property_readonly("threads", [](const Ruleset& r) { return r.options().threads; });

    py::class_<StreamScanner>(module, "Scanner")
        .def(py::init<const Ruleset&>(), py::arg("ruleset"))
        .def("feed", &StreamScanner::feed, py::arg("data"))
        .def("finish", &StreamScanner::finish)
        .def("reset", &StreamScanner::reset)
        .def_property_readonly("bytes_scanned", &StreamScanner::bytes_scanned);

    py::class_<FileMatches>(module, "FileMatches")
        .def("__iter__", [](py::object self) { return self; })
        .def("__next__", &FileMatches::next_batch);

    module.def("scan", scan, py::arg("ruleset"), py::arg("data"));
    module.def("scan_file", open_file_matches, py::arg("ruleset"), py::arg("path"), py::arg("wide"),
               py::arg("decompress"), py::arg("chunk_size"));
    module.def("refang", [](const std::string& value, const std::optional<std::string>& kind) {
        return decode_text(refang(kind_of(value, kind), value));
    }, py::arg("value"), py::arg("kind") = py::none());
    module.def("defang", [](const std::string& value, const std::optional<std::string>& kind) {
        if (kind) return decode_text(defang(kind_of(value, kind), value));
        // Each word by its own shape, as `iocscan defang` does.
        std::string out;
        detail::defang_words(value, detail::guessed_type, out);
        return decode_text(out);
    }, py::arg("value"), py::arg("kind") = py::none());
    module.def("run_cli", run_cli, py::arg("argv"));
    bind_range_scan(module);
    bind_record_merge(module);
}

}  // namespace iocscan::python
