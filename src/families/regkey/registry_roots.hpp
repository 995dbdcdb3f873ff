// The roots (hives) of Windows registry keys, as the regkey family knows
// them: the grammar (grammar/regkey/regkey.re) spells them out for its DFA; the
// code that checks a match and exports keys (STIX) finds them here.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace iocscan::detail {

struct RegistryRoot {
    std::string_view abbreviation;   ///< "HKLM"
    std::string_view hive;           ///< "HKEY_LOCAL_MACHINE"
};

inline constexpr std::array<RegistryRoot, 5> kRegistryRoots = {{
    {"HKLM", "HKEY_LOCAL_MACHINE"},
    {"HKCU", "HKEY_CURRENT_USER"},
    {"HKCR", "HKEY_CLASSES_ROOT"},
    {"HKU", "HKEY_USERS"},
    {"HKCC", "HKEY_CURRENT_CONFIG"},
}};

/// Whether `text` starts with `name` in any case.
constexpr bool starts_with_any_case(std::string_view text, std::string_view name) {
    if (text.size() < name.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = text[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c != name[i]) return false;
    }
    return true;
}

/// The root `text` starts with, written either way in any case and followed
/// by a backslash or PowerShell's ":\" ("HKCU:\"); nullptr if none. Sets
/// `length` to the root's bytes (without the colon).
constexpr const RegistryRoot* registry_root_at(std::string_view text, std::size_t& length) {
    for (const auto& root : kRegistryRoots) {
        for (std::string_view name : {root.hive, root.abbreviation}) {
            if (!starts_with_any_case(text, name)) continue;
            std::size_t after = name.size();
            if (after < text.size() && text[after] == ':') ++after;
            if (after < text.size() && text[after] == '\\') {
                length = name.size();
                return &root;
            }
        }
    }
    return nullptr;
}

}  // namespace iocscan::detail
