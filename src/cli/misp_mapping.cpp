#include "cli/misp_mapping.hpp"
#include "lib/ascii_class.hpp"

#include <algorithm>
#include <array>

namespace iocscan::cli {
namespace {

using detail::ascii_lower;

using Form = MispValueForm;

// Categories are MISP's default category of each attribute type (its
// describeTypes "sane_defaults"), valid for that type in every MISP version;
// to_ids is MISP's default too. Rows for types this build may not have yet
// (mac, asn, ssdeep, regkey, btc, eth, xmr, onion) stay unused until then.
constexpr std::array kKinds = {
    MispAttributeKind{"url", "url", "Network activity", true, Form::as_is},
    MispAttributeKind{"ipv4", "ip-dst", "Network activity", true, Form::ip},
    MispAttributeKind{"ipv6", "ip-dst", "Network activity", true, Form::ip},
    MispAttributeKind{"cidr", "ip-dst", "Network activity", true, Form::ip},   // MISP takes a.b.c.d/N
    MispAttributeKind{"domain", "domain", "Network activity", true, Form::lower_case},
    MispAttributeKind{"onion", "domain", "Network activity", true, Form::lower_case},
    MispAttributeKind{"email", "email-src", "Payload delivery", true, Form::lower_case},
    MispAttributeKind{"md5", "md5", "Payload delivery", true, Form::lower_case},
    MispAttributeKind{"sha1", "sha1", "Payload delivery", true, Form::lower_case},
    MispAttributeKind{"sha256", "sha256", "Payload delivery", true, Form::lower_case},
    MispAttributeKind{"sha512", "sha512", "Payload delivery", true, Form::lower_case},
    MispAttributeKind{"ssdeep", "ssdeep", "Payload delivery", true, Form::as_is},
    MispAttributeKind{"yara", "yara", "Payload installation", true, Form::as_is},
    MispAttributeKind{"regkey", "regkey", "Persistence mechanism", true, Form::as_is},
    MispAttributeKind{"btc", "btc", "Financial fraud", true, Form::as_is},
    MispAttributeKind{"xmr", "xmr", "Financial fraud", true, Form::as_is},
    // MISP has no Ethereum type: text, in the category of the other wallets.
    MispAttributeKind{"eth", "text", "Financial fraud", false, Form::as_is},
    MispAttributeKind{"mac", "mac-address", "Network activity", false, Form::as_is},
    MispAttributeKind{"asn", "AS", "Network activity", false, Form::as_number},
    MispAttributeKind{"cve", "vulnerability", "External analysis", false, Form::as_is},
    MispAttributeKind{"phone", "phone-number", "Other", false, Form::phone},
    // An ATT&CK id names a galaxy cluster, which an attribute cannot be.
    MispAttributeKind{"attack", "text", "Other", false, Form::as_is},
    MispAttributeKind{"custom", "text", "Other", false, Form::as_is},
};

constexpr MispAttributeKind kText{"", "text", "Other", false, Form::as_is};


}  // namespace

std::span<const MispAttributeKind> misp_attribute_kinds() { return kKinds; }

const MispAttributeKind& misp_attribute_kind(std::string_view iocscan_type) {
    const auto row = std::find_if(kKinds.begin(), kKinds.end(),
                                  [&](const MispAttributeKind& k) { return k.iocscan_type == iocscan_type; });
    return row != kKinds.end() ? *row : kText;
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
