// hash: the labels before a hex run that name a number of another kind, so
// that the run is no file hash an analyst would block (spec, hashes).
#pragma once

#include "families/common/token_prefix.hpp"

namespace iocscan::detail {

/// Whether the hex run at `tok` is a Gerrit change identifier, "Change-Id:
/// I" and 40 hex digits ("Change-Id: I8f2c...e41"): a SHA-1 the review
/// tool makes for a commit message, no file's.
inline bool is_gerrit_change_id(const LongTokenPrefix& prefix, const unsigned char* tok) {
    if (prefix.before(tok, 1) != 'I') return false;
    const int colon = prefix.before(tok, 2) == ' ' ? 3 : 2;
    return prefix.before(tok, colon) == ':' && prefix_ends_in(prefix, tok, colon + 1, "ge-id");
}

/// Whether the hex run at `tok` is a certificate's serial number, after a
/// key ending in "number" or "serial", ":" or "=" and a space or none:
/// "Serial Number: 0a1b...", "SerialNumber: ...", "serial=0A1B..." (openssl
/// x509 -serial). A serial is any number the issuer picks, often 16 random
/// bytes: 32 digits, the length of an MD5. (The certificate's thumbprint, a
/// hash of it that block lists name, keeps its label: "Thumbprint: ...".)
/// Eight bytes are kept: "Serial Number:" is read from its "Number:".
inline bool is_serial_number(const LongTokenPrefix& prefix, const unsigned char* tok) {
    const int separator = prefix.before(tok, 1) == ' ' ? 2 : 1;
    const unsigned char c = prefix.before(tok, separator);
    if (c != ':' && c != '=') return false;
    return prefix_ends_in(prefix, tok, separator + 1, "number") || prefix_ends_in(prefix, tok, separator + 1, "serial");
}

}  // namespace iocscan::detail
