#include "python/range_scan.hpp"

#include "cli/arguments.hpp"
#include "cli/distinct_set.hpp"
#include "cli/input_walker.hpp"
#include "cli/output_writer.hpp"
#include "cli/record_printer.hpp"
#include "python/record_keys.hpp"
#include "source/file_read.hpp"

#include <pybind11/stl.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/mman.h>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace py = pybind11;

namespace iocscan::python {
namespace {

/// An in-memory file the CLI's OutputWriter can write to.
class MemoryFile {
public:
    MemoryFile() : fd_(::memfd_create("iocscan-records", MFD_CLOEXEC)) {
        if (fd_ < 0) throw std::runtime_error(std::string("memfd_create: ") + std::strerror(errno));
    }
    ~MemoryFile() { ::close(fd_); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    int fd() const { return fd_; }
    std::size_t size() const { return static_cast<std::size_t>(::lseek(fd_, 0, SEEK_CUR)); }
    /// The bytes from `offset` to the end, as a Python bytes object: read
    /// straight into the object (one copy), with the GIL released for the
    /// read. A cluster's range text is tens of MB; each extra copy showed
    /// in the worker's CPU time.
    py::bytes contents(std::size_t offset = 0) const {
        const std::size_t length = size() - offset;
        auto bytes = py::reinterpret_steal<py::bytes>(PyBytes_FromStringAndSize(nullptr, static_cast<Py_ssize_t>(length)));
        if (!bytes) throw py::error_already_set();
        char* out = PyBytes_AS_STRING(bytes.ptr());
        bool ok = true;
        {
            const py::gil_scoped_release unlocked;
            std::size_t got = 0;
            // The file was written to `length` bytes: fewer is a failure too.
            ok = detail::read_fully(fd_, out, length, offset, got) && got == length;
        }
        if (!ok) throw std::runtime_error("reading the formatted records failed");
        return bytes;
    }

private:
    int fd_;
};

class RangeScanner {
public:
    explicit RangeScanner(const std::vector<std::string>& flags) {
        std::vector<const char*> argv{"iocscan"};
        for (const auto& flag : flags) argv.push_back(flag.c_str());
        std::string error;
        if (!cli::parse_arguments(static_cast<int>(argv.size()), argv.data(), args_, error)) {
            throw std::invalid_argument(error);
        }
        // A worker scans one range with one thread: the cluster's workers
        // are the parallelism.
        args_.scan.threads = 1;
        args_.source.chunk_size = 256 * 1024;
        ruleset_.emplace(args_.scan);
        scanner_.emplace(*ruleset_);
    }

    std::string format() const {
        switch (args_.format) {
            case cli::OutputFormat::plain: return "plain";
            case cli::OutputFormat::json: return "json";
            case cli::OutputFormat::jsonl: return "jsonl";
            case cli::OutputFormat::csv: return "csv";
            case cli::OutputFormat::stix: return "stix";
            case cli::OutputFormat::misp: return "misp";
        }
        return "plain";
    }
    bool unique() const { return args_.unique; }
    /// The PATH arguments, and --output's file ("" for standard output).
    const std::vector<std::string>& paths() const { return args_.paths; }
    const std::string& output_path() const { return args_.output_path; }
    /// "always", "never" or "automatic" (several paths, or a directory).
    std::string path_prefix() const {
        switch (args_.path_prefix) {
            case cli::PathPrefix::always: return "always";
            case cli::PathPrefix::never: return "never";
            case cli::PathPrefix::automatic: break;
        }
        return "automatic";
    }
    /// What the CLI prints before the first record (the CSV header).
    py::bytes header() const {
        MemoryFile file;
        {
            cli::OutputWriter writer(file.fd());
            cli::RecordPrinter printer(args_.format, writer, {false, args_.csv_formula_guard});
            writer.flush();
        }
        return file.contents();
    }

    /// The CLI's inputs for `paths`, in its order: (path, "") for a file to
    /// scan, (path, reason) for a walk error.
    std::vector<std::pair<std::string, std::string>> walk(const std::vector<std::string>& paths) const {
        std::vector<std::pair<std::string, std::string>> inputs;
        cli::walk_inputs(
            paths, args_.walk, [&](const std::string& path) { inputs.emplace_back(path, ""); return true; },
            [&](const std::string& path, const std::string& reason) { inputs.emplace_back(path, reason); });
        return inputs;
    }

    /// True when `path` can be scanned by byte ranges (a regular plain file).
    bool splittable(const std::string& path) const {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return false;   // scanned whole, which reports the error
        const bool ok = range_refusal(fd, args_.source).empty();
        ::close(fd);
        return ok;
    }

    /// Scans [begin, end) of `path` (the whole file when `begin` is None),
    /// opened as `source` when given: the client's path made absolute, as
    /// a worker's working directory is not the client's; records and
    /// errors name `path`, as the CLI does.
    /// Returns the records' text as the CLI prints it, their count, the
    /// error ("" if none; the CLI prints it after "iocscan: PATH: ") and,
    /// when `keyed`, each record's key (python/record_keys.hpp) for --unique,
    /// --json and the API's records, else b"". With --unique a value already
    /// printed in this range is left out here: the client then only merges
    /// the ranges' first occurrences, in order.
    std::tuple<py::bytes, std::size_t, std::string, py::bytes> scan(const std::string& path,
                                                                     std::optional<std::uint64_t> begin,
                                                                     std::optional<std::uint64_t> end,
                                                                     bool with_path, bool keyed,
                                                                     const std::optional<std::string>& source) {
        std::string keys;
        std::size_t count = 0;
        std::string error;
        std::size_t header_end = 0;
        MemoryFile file;
        {
            const py::gil_scoped_release unlocked;
            cli::OutputWriter writer(file.fd());
            // --json: the driver groups the values (grouped_json); a line each here.
            const auto format = args_.format == cli::OutputFormat::json ? cli::OutputFormat::plain : args_.format;
            cli::RecordPrinter printer(format, writer, {with_path, args_.csv_formula_guard});
            writer.flush();
            header_end = file.size();
            const std::size_t text_start = writer.accepted();
            std::optional<cli::DistinctSet> seen;
            if (args_.unique) seen.emplace();
            std::string scratch;
            const auto on_match = [&](const Match& match) {
                const RecordKey key{0, match.type, match.value};
                if (seen && !seen->insert(unique_key(key, scratch))) return true;
                printer.print(match, path);
                ++count;
                if (keyed) append_key(keys, {writer.accepted() - text_start, match.type, match.value});
                return writer.usable();
            };
            const int fd = ::open(source.value_or(path).c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                error = std::strerror(errno);
            } else {
                scanner_->reset();
                const ScanEnd result =
                    begin ? scan_range(fd, {*begin, end.value_or(UINT64_MAX)}, *scanner_, args_.source, on_match, error)
                          : scan_fd(fd, *scanner_, args_.source, on_match, error);
                ::close(fd);
                if (result != ScanEnd::read_error) error.clear();
            }
            writer.flush();
            if (writer.failed()) throw std::runtime_error(std::strerror(writer.error_errno()));
        }
        return {file.contents(header_end), count, error, py::bytes(keys)};
    }

    /// The grouped --json object for (type, value) pairs in output order.
    py::bytes grouped_json(const std::vector<std::pair<std::string, py::bytes>>& values) const {
        return grouped_json_with([&](const auto& print) {
            for (const auto& [name, value] : values) {
                Type type{};
                if (!parse_type(name, type)) throw std::invalid_argument("unknown type '" + name + "'");
                print(type, std::string_view(value));
            }
        });
    }
    /// The same for packed keys (python/record_keys.hpp), as RecordMerge keeps them.
    py::bytes grouped_json_of_keys(const py::bytes& keys) const {
        return grouped_json_with([&](const auto& print) {
            KeyReader reader{std::string_view(keys)};
            for (RecordKey key; reader.next(key);) print(key.type, key.value);
        });
    }

private:
    /// The grouped --json object of the values `each(print)` passes to
    /// print(Type, value), in output order.
    template <class Each>
    py::bytes grouped_json_with(const Each& each) const {
        MemoryFile file;
        {
            cli::OutputWriter writer(file.fd());
            cli::RecordPrinter printer(cli::OutputFormat::json, writer, {false, args_.csv_formula_guard});
            each([&](Type type, std::string_view value) {
                Match match;
                match.type = type;
                match.value = value;
                match.raw = value;
                printer.print(match, "");
            });
            printer.finish();
            writer.flush();
        }
        return file.contents();
    }

    cli::Arguments args_;
    std::optional<Ruleset> ruleset_;
    std::optional<Scanner> scanner_;
};

}  // namespace

void bind_range_scan(py::module_& module) {
    py::class_<RangeScanner>(module, "RangeScanner")
        .def(py::init<const std::vector<std::string>&>(), py::arg("flags"))
        .def_property_readonly("format", &RangeScanner::format)
        .def_property_readonly("unique", &RangeScanner::unique)
        .def_property_readonly("path_prefix", &RangeScanner::path_prefix)
        .def_property_readonly("header", &RangeScanner::header)
        .def_property_readonly("paths", &RangeScanner::paths)
        .def_property_readonly("output_path", &RangeScanner::output_path)
        .def("walk", &RangeScanner::walk, py::arg("paths"))
        .def("splittable", &RangeScanner::splittable, py::arg("path"))
        .def("scan", &RangeScanner::scan, py::arg("path"), py::arg("begin"), py::arg("end"), py::arg("with_path"),
             py::arg("keyed"), py::arg("source") = py::none())
        .def("grouped_json", &RangeScanner::grouped_json, py::arg("values"))
        .def("grouped_json_of_keys", &RangeScanner::grouped_json_of_keys, py::arg("keys"));
}

}  // namespace iocscan::python
