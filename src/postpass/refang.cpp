#include "postpass/refang.hpp"

#include "simd/ascii_class.hpp"
#include "families/registry.hpp"

namespace iocscan::detail {
namespace {


/// Digit groups joined by single dots (before any "/"), which
/// refang_dotted() below would copy byte for byte.
bool is_plain_dotted(std::string_view raw) {
    const std::string_view address = raw.substr(0, raw.find('/'));
    if (address.empty() || !is_digit(address.front()) || !is_digit(address.back())) return false;
    for (std::size_t i = 1; i < address.size(); ++i) {
        const bool dot_after_dot = address[i] == '.' && address[i - 1] == '.';
        if (dot_after_dot || (address[i] != '.' && !is_digit(address[i]))) return false;
    }
    return true;
}

}  // namespace

/// ipv4 / cidr: keep the digit groups, write every separator ("[.]", "(dot)",
/// "\.", "]]" ...) as a single dot, keep "/N".
void refang_dotted(std::string_view raw, std::string& out) {
    if (is_plain_dotted(raw)) {
        out.assign(raw);   // most addresses in logs: nothing to undo
        return;
    }
    bool in_separator = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '/') {
            out.append(raw.substr(i));
            return;
        }
        if (is_digit(c)) {
            if (in_separator) out.push_back('.');
            in_separator = false;
            out.push_back(c);
        } else {
            in_separator = true;
        }
    }
}

/// mac: the twelve hex digits in lower case, in colon pairs, whichever way
/// the address was written ("00-1A-..." and "001a.2b3c..." alike), as
/// STIX's mac-addr wants it (docs/families.md).
void refang_mac(std::string_view raw, std::string& out) {
    std::size_t digits = 0;
    for (char c : raw) digits += (c == ':' || c == '-' || c == '.') ? 0 : 1;
    // Not the 12 digits of an address (refang called on other text): as
    // written, so refang stays idempotent and never lengthens its input.
    if (digits != 12) {
        out.assign(raw);
        return;
    }
    for (char c : raw) {
        if (c == ':' || c == '-' || c == '.') continue;
        if (!out.empty() && out.size() % 3 == 2) out.push_back(':');
        out.push_back(ascii_lower(c));
    }
}

/// asn: "AS" and the number, however it was written ("ASN 13335").
void refang_asn(std::string_view raw, std::string& out) {
    out.assign("AS");
    for (char c : raw) {
        if (is_digit(c)) out.push_back(c);
    }
}

/// regkey: doubled backslashes (JSON strings, .reg values) written single;
/// the root and the names as written. Only a key doubled throughout (every
/// run of backslashes exactly two, as the grammar takes them) is folded, so
/// refang of its own output, or of other text, changes nothing.
void refang_regkey(std::string_view raw, std::string& out) {
    bool doubled = false;
    for (std::size_t i = 0; i < raw.size();) {
        if (raw[i] != '\\') {
            ++i;
            continue;
        }
        std::size_t run = 0;
        while (i < raw.size() && raw[i] == '\\') ++run, ++i;
        if (run != 2) {
            out.assign(raw);
            return;
        }
        doubled = true;
    }
    if (!doubled) {
        out.assign(raw);
        return;
    }
    for (std::size_t i = 0; i < raw.size(); ++i) {
        out.push_back(raw[i]);
        if (raw[i] == '\\') ++i;   // the second of the pair
    }
}

void refang_cve(std::string_view raw, std::string& out) {
    // "cve-2021-44228" is written CVE-2021-44228 (docs/families.md).
    for (char c : raw) out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
}

void copy_as_written(std::string_view raw, std::string& out) { out.assign(raw); }

void refang_into(Type type, std::string_view raw, std::string& out) {
    out.clear();
    family(type).refang(raw, out);
}

}  // namespace iocscan::detail

namespace iocscan {

std::string refang(Type type, std::string_view raw) {
    std::string out;
    detail::refang_into(type, raw, out);
    return out;
}

}  // namespace iocscan
