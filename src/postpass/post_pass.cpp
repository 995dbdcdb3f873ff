#include "postpass/post_pass.hpp"

#include "postpass/defang.hpp"
#include "families/rule_ids.hpp"
#include "postpass/refang.hpp"
#include "simd/ascii_class.hpp"
#include "families/url/url_cut.hpp"
#include "families/url/url_host_check.hpp"
#include "families/url/url_parts.hpp"
#include "families/url/url_refang.hpp"

#include <algorithm>

namespace iocscan::detail {

bool PostPass::apply(Type type, std::string_view text, Match& match) {
    const bool url = type == Type::url;
    const std::string_view raw =
        url ? text.substr(0, cut_url(text, open_, strip_)) : text;
    refang_into(type, raw, refanged_);
    // A match of the generic rule has a scheme: only bracket/backslash
    // matches need the host check.
    const auto rules_end = match.rules.begin() + match.rule_count;
    if (url && std::find(match.rules.begin(), rules_end, kRuleUrlGeneric) == rules_end &&
        (!plausible_url(raw, refanged_) || is_email_part(text, raw.size()) || is_cidr(refanged_))) {
        return false;
    }
    match.raw = raw;
    // JSON text writes "/" as "\/": that is how the URL is stored, not an
    // obfuscation, so the value never keeps the escape (spec: no URL value
    // holds a JSON escape) and it does not make the match defanged.
    const std::string_view written = url ? unescape_json_slashes(raw, unescaped_) : raw;
    // Refang also lowercases (hosts, MAC digits): a value that differs
    // from the text only in case was written plainly, not obfuscated.
    match.defanged = refanged_ != written && !equal_ignoring_ascii_case(refanged_, written);
    std::string_view value = refang_ ? std::string_view(refanged_) : written;
    if (defang_) {
        defang_into(type, value, shown_);
        value = shown_;
    }
    if (url && remove_scheme_) value.remove_prefix(split_url(value).separator_end);
    match.value = value;
    return true;
}

}  // namespace iocscan::detail
