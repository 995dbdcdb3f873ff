// iocscan._native.RecordMerge: the client side of iocscan.dask's --unique
// and --json. It takes each range's text and packed keys in output order and
// keeps what the CLI would print: with --unique, a (type, value) the first
// time it is seen across all ranges (the CLI's DistinctSet and key); for
// --json, the kept keys, to group at the end. Per record it works in C++,
// not in Python. unpack_keys() gives the keys as Python tuples for the API's
// Record objects.
#pragma once

#include <pybind11/pybind11.h>

namespace iocscan::python {

void bind_record_merge(pybind11::module_& module);

}  // namespace iocscan::python
