#include "python/record_merge.hpp"

#include "cli/distinct_set.hpp"
#include "python/record_keys.hpp"

#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace iocscan::python {
namespace {

class RecordMerge {
public:
    RecordMerge(bool unique, bool keep_keys) : keep_keys_(keep_keys) {
        if (unique) seen_.emplace();
    }

    /// The part of one range's `text` to print, and its record count.
    std::pair<py::bytes, std::size_t> take(const py::bytes& text, const py::bytes& keys) {
        const std::string_view all(text);
        const std::string_view packed(keys);
        std::string kept;
        std::size_t count = 0;
        bool every = true;   // all kept: hand `text` back without a copy
        {
            const py::gil_scoped_release unlocked;
            KeyReader reader(packed);
            std::uint64_t start = 0;
            for (RecordKey key; reader.next(key); start = key.text_end) {
                if (key.text_end < start || key.text_end > all.size()) throw std::invalid_argument("record keys: bad text end");
                if (seen_ && !seen_->insert(unique_key(key, scratch_))) {
                    if (every) kept.assign(all.substr(0, static_cast<std::size_t>(start)));
                    every = false;
                    continue;
                }
                ++count;
                if (!every) kept.append(all.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(key.text_end - start)));
                if (keep_keys_) append_key(kept_keys_, {0, key.type, key.value});
            }
        }
        return {every ? text : py::bytes(kept), count};
    }

    /// The keys kept so far, in order (when made with keep_keys).
    py::bytes kept_keys() const { return py::bytes(kept_keys_); }

private:
    bool keep_keys_;
    std::optional<cli::DistinctSet> seen_;
    std::string kept_keys_;
    std::string scratch_;
};

/// (type, value, end of its text) per key, for the API's Record objects.
std::vector<std::tuple<std::string, py::bytes, std::uint64_t>> unpack_keys(const py::bytes& keys) {
    std::vector<std::tuple<std::string, py::bytes, std::uint64_t>> out;
    KeyReader reader{std::string_view(keys)};
    for (RecordKey key; reader.next(key);) {
        out.emplace_back(std::string(type_name(key.type)), py::bytes(key.value.data(), key.value.size()), key.text_end);
    }
    return out;
}

}  // namespace

void bind_record_merge(py::module_& module) {
    py::class_<RecordMerge>(module, "RecordMerge")
        .def(py::init<bool, bool>(), py::arg("unique"), py::arg("keep_keys"))
        .def("take", &RecordMerge::take, py::arg("text"), py::arg("keys"))
        .def("kept_keys", &RecordMerge::kept_keys);
    module.def("unpack_keys", &unpack_keys, py::arg("keys"));
}

}  // namespace iocscan::python
