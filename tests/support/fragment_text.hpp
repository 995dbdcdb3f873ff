// Random text built from IOC fragments: the near misses and partial forms
// that exercise the skips' stopping points (schemes, defang dots, digits,
// colons, at-signs, encoded prefixes, YARA words) more densely than prose.
#pragma once

#include <cstdint>
#include <string>

namespace iocscan::test {

/// The kinds of random text the oracle tests and bench scripts use.
enum class FragmentKind {
    any,        ///< fragments of every family, mixed
    dotted,     ///< dotted and defanged number forms ("1[.]2.3\.4", "v1.2.3.4.5")
    ipv6,       ///< hex-and-colon runs, zones, brackets, embedded IPv4
    email,      ///< local parts, at-separators and dot separators of every spelling
    url,        ///< schemes, separators, defang dots, hosts, paths, markup around them
};

/// About `size` bytes of random `kind` text from `seed`; same seed, same text.
std::string fragment_text(FragmentKind kind, std::size_t size, std::uint32_t seed);

}  // namespace iocscan::test
