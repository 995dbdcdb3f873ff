#include "cli/misp_mapping.hpp"
#include "simd/ascii_class.hpp"

#include <algorithm>
#include <array>

namespace iocscan::cli {
namespace {

using detail::ascii_lower;

using Form = MispValueForm;

/// The registry's MISP columns, with each row's type name.
const std::array<MispAttributeKind, kTypeCount>& kinds() {
    static const auto table = [] {
        std::array<MispAttributeKind, kTypeCount> rows{};
        for (const detail::Family& row : detail::families()) {
            rows[static_cast<std::size_t>(row.type)] = {row.name, row.misp.type, row.misp.category,
                                                        row.misp.to_ids, row.misp.form};
        }
        return rows;
    }();
    return table;
}

constexpr MispAttributeKind kText{"", "text", "Other", false, Form::as_is};

}  // namespace

std::span<const MispAttributeKind> misp_attribute_kinds() { return kinds(); }

const MispAttributeKind& misp_attribute_kind(std::string_view iocscan_type) {
    const auto& rows = kinds();
    const auto row = std::find_if(rows.begin(), rows.end(),
                                  [&](const MispAttributeKind& k) { return k.iocscan_type == iocscan_type; });
    return row != rows.end() ? *row : kText;
}

void misp_value(MispValueForm form, std::string_view value, std::string& out) {
    switch (form) {
        case Form::as_is:
            out.assign(value);
            return;
        case Form::ip:
            value = value.substr(0, value.find('%'));
            [[fallthrough]];
        case Form::lower_case:
            out.resize(value.size());
            std::transform(value.begin(), value.end(), out.begin(), ascii_lower);
            return;
        case Form::phone:
            out.clear();
            if (value.starts_with("00")) {
                out += '+';
                value.remove_prefix(2);
            }
            for (char c : value) {
                if (c == '+' || (c >= '0' && c <= '9')) out += c;
            }
            return;
        case Form::as_number: {
            const auto digits = value.find_first_of("0123456789");
            out.assign(digits == std::string_view::npos ? value : value.substr(digits));
            return;
        }
    }
}

}  // namespace iocscan::cli
