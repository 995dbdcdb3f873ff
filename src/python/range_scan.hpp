// iocscan._native.RangeScanner: what iocscan.dask runs on a worker. It scans
// one byte range of a file (or a whole unsplittable file) with the options
// of an iocscan command line, and formats each match with the CLI's own
// RecordPrinter, so the cluster's output is the CLI's byte for byte.
#pragma once

#include <pybind11/pybind11.h>

namespace iocscan::python {

void bind_range_scan(pybind11::module_& module);

}  // namespace iocscan::python
