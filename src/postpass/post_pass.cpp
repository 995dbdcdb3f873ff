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
#include <optional>

namespace iocscan::detail {

bool PostPass::apply(Type type, std::string_view text, Match& match) {
    if (type == Type::url) return apply_url(text, match);
    refang_into(type, text, refanged_);
    match.raw = text;
    // Refang also lowercases (hosts, MAC digits): a value that differs
    // from the text only in case was written plainly, not obfuscated.
    match.defanged = refanged_ != text && !equal_ignoring_ascii_case(refanged_, text);
    std::string_view value = refang_ ? std::string_view(refanged_) : text;
    if (defang_) {
        defang_into(type, value, shown_);
        value = shown_;
    }
    match.value = value;
    return true;
}

// The URL's text is split once: the cut's split (when it left the whole
// text) or the first one needed serves the host check and the refang.
bool PostPass::apply_url(std::string_view text, Match& match) {
    const UrlCut cut = cut_url_read(text, open_, strip_);
    const std::string_view raw = text.substr(0, cut.length);
    std::optional<UrlParts> parts = cut.parts;
    // JSON text writes "/" as "\/": that is how the URL is stored, not an
    // obfuscation, so the value never keeps the escape (spec: no URL value
    // holds a JSON escape) and it does not make the match defanged.
    const std::string_view written = unescape_json_slashes(raw, unescaped_);
    // A match of the generic rule has a scheme: only bracket/backslash
    // matches need the host check.
    const auto rules_end = match.rules.begin() + match.rule_count;
    const bool checked = std::find(match.rules.begin(), rules_end, kRuleUrlGeneric) == rules_end;
    if (checked && !parts) parts = split_url(raw);
    refang_url_read(raw, written, parts ? &*parts : nullptr, refanged_);
    if (checked && (!plausible_url(raw, refanged_) || is_email_part(text, raw.size(), *parts) || is_cidr(refanged_))) {
        return false;
    }
    match.raw = raw;
    match.defanged = refanged_ != written && !equal_ignoring_ascii_case(refanged_, written);
    std::string_view value = refang_ ? std::string_view(refanged_) : written;
    if (defang_) {
        defang_into(Type::url, value, shown_);
        value = shown_;
    }
    if (remove_scheme_) value.remove_prefix(split_url(value).separator_end);
    match.value = value;
    return true;
}

}  // namespace iocscan::detail
