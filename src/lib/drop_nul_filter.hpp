// The --wide input filter: drops NUL bytes as they stream past, so UTF-16LE
// text ("h\0t\0t\0p\0") reads as ASCII. A Boost.Iostreams input filter, so it
// works on any source without holding the input in memory.
#pragma once

#include <boost/iostreams/concepts.hpp>
#include <boost/iostreams/read.hpp>

#include <algorithm>

namespace iocscan::detail {

class DropNulFilter : public boost::iostreams::multichar_input_filter {
public:
    template <typename Source>
    std::streamsize read(Source& source, char* out, std::streamsize n) {
        for (;;) {
            const std::streamsize got = boost::iostreams::read(source, out, n);
            if (got <= 0) return got;   // end of input (-1) or nothing yet
            const char* kept_end = std::remove(out, out + got, '\0');
            // A block of only NULs yields nothing; read on rather than return
            // 0, which a filtering stream would take as "no data yet".
            if (kept_end != out) return kept_end - out;
        }
    }
};

}  // namespace iocscan::detail
