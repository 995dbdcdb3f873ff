// The same text as other bytes, for the tests of how input is decoded:
// compressed (any Boost.Iostreams compressor) or UTF-16LE.
#pragma once

#include <boost/iostreams/device/back_inserter.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <string>

namespace iocscan::test {

/// `text` through `compressor` (e.g. boost::iostreams::gzip_compressor()).
template <typename Compressor>
std::string compress(const std::string& text, Compressor compressor) {
    std::string out;
    boost::iostreams::filtering_ostream stream;
    stream.push(compressor);
    stream.push(boost::iostreams::back_inserter(out));
    stream.write(text.data(), static_cast<std::streamsize>(text.size()));
    stream.reset();   // flushes the compressor's trailer
    return out;
}

/// ASCII `text` as UTF-16LE: each byte, then a NUL high byte.
std::string utf16le(const std::string& text);

}  // namespace iocscan::test
