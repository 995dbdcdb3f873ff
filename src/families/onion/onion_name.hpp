// onion (opt-in): Tor v3 onion service names, "<56 base32>.onion". The
// grammar (grammar/onion/onion.re) finds a host run that ends in such a name; this
// finds the name in it and checks its version byte and checksum.
#pragma once

namespace iocscan::detail {

/// Where the onion name starts in a host run [begin, end) that ends in 56
/// base32 characters, a plain or defanged dot and "onion"; nullptr when the
/// 56 characters are no v3 name: version byte 3 and the checksum
/// SHA3-256(".onion checksum" || public key || version)[:2].
const unsigned char* find_onion_v3_name(const unsigned char* begin, const unsigned char* end);

}  // namespace iocscan::detail
