#include "postpass/post_pass.hpp"

#include "postpass/defang.hpp"
#include "families/rule_ids.hpp"
#include "postpass/refang.hpp"
#include "families/registry.hpp"
#include "simd/byte_set.hpp"
#include "simd/ascii_class.hpp"
#include "families/url/url_cut.hpp"
#include "families/url/url_host_check.hpp"
#include "families/url/url_parts.hpp"
#include "families/url/url_refang.hpp"

#include <algorithm>
#include <optional>

namespace iocscan::detail {

namespace {

constexpr bool is_subset(const ByteSet& part, const ByteSet& whole) {
    for (int c = 0; c < 256; ++c) {
        if (part.has[c] && !whole.has[c]) return false;
    }
    return true;
}
// So a URL that the precision cut read without a stop holds no defang token
// nor JSON escape: with a kept scheme, it refangs to itself.
static_assert(is_subset(kRefangBytes, kPreciseStops) && kPreciseStops.contains('\\'));

/// Whether a space stands between the scheme's separator and the host of
/// `raw`, a match of the generic rule ("hxxp:// evil[.]com", but also
/// "http:// and https:// are supported"). The run the grammar allows there
/// is at most 16 bytes.
bool space_before_host(std::string_view raw) {
    constexpr std::size_t kLongestGap = 16;
    constexpr std::size_t kLongestSchemeAndSeparator = 22;   // split_scheme()
    // Most URLs with a stop hold no space near their start.
    if (raw.substr(0, kLongestSchemeAndSeparator + kLongestGap).find(' ') == std::string_view::npos) return false;
    const std::size_t separator_end = split_scheme(raw).separator_end;
    for (std::size_t i = separator_end; i < raw.size() && i < separator_end + kLongestGap && !is_word(raw[i]); ++i) {
        if (raw[i] == ' ') return true;
    }
    return false;
}

}  // namespace

bool PostPass::apply(Type type, std::string_view text, Match& match) {
    if (type == Type::url) return apply_url(text, match);
    match.raw = text;
    if (refangs_to_itself(type, text)) {   // hashes, plain addresses: no copy
        refanged_view_ = text;
        match.defanged = false;
    } else {
        refang_into(type, text, refanged_);
        refanged_view_ = refanged_;
        // Refang also lowercases (hosts, MAC digits): a value that differs
        // from the text only in case was written plainly, not obfuscated.
        match.defanged = refanged_ != text && !equal_ignoring_ascii_case(refanged_, text);
    }
    std::string_view value = refang_ ? refanged_view_ : text;
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
    // A match of the generic rule has a scheme: only bracket/backslash
    // matches need the host check.
    const auto rules_end = match.rules.begin() + match.rule_count;
    const bool checked = std::find(match.rules.begin(), rules_end, kRuleUrlGeneric) == rules_end;
    // Most that fail it fail already here, before the cut and the refang
    // ("a[.]a" in prose: a bracket match every few bytes).
    if (checked && !may_name_plausible_host(text)) return false;
    const UrlCut cut = cut_url_read(text, open_, strip_);
    const std::string_view raw = text.substr(0, cut.length);
    std::optional<UrlParts> parts = cut.parts;
    // JSON text writes "/" as "\/": that is how the URL is stored, not an
    // obfuscation, so the value never keeps the escape (spec: no URL value
    // holds a JSON escape) and it does not make the match defanged.
    const std::string_view written = cut.backslash_free ? raw : unescape_json_slashes(raw, unescaped_);
    if (cut.stop_free && has_kept_scheme(raw)) {   // most URLs in logs
        refanged_view_ = raw;
    } else {
        if (checked && !parts) parts = split_url(raw);
        refang_url_read(raw, written, parts ? &*parts : nullptr, cut.backslash_free, refanged_);
        refanged_view_ = refanged_;
    }
    if (checked && (!plausible_url(raw, refanged_view_) || is_email_part(text, raw.size(), parts ? *parts : split_url(raw)) ||
                    is_cidr(refanged_view_))) {
        // "evil[.]com2": the host without a footnote's digits, once (the
        // text read again has none).
        if (const std::size_t footnote = footnote_after_host(raw); footnote > 0) {
            return apply_url(text.substr(0, raw.size() - footnote), match);
        }
        return false;
    }
    // A space after the separator is a defang gap only before a plausible
    // host; before a word it is prose naming a protocol ("http:// and").
    if (!checked && !cut.stop_free && space_before_host(raw) && !has_plausible_host(refanged_view_)) return false;
    // A host no name holds is a pattern ("http://[a-z]+\\.com/"). Regexes
    // hold a bracket or a backslash, which are stops; wildcards and anchors
    // ("http://www.*.example.com/") a byte the cut noted: any other
    // stop-free URL is passed unread (most URLs in logs).
    if (!checked && (!cut.stop_free || cut.pattern_hint) && has_pattern_host(refanged_view_)) return false;
    // "http://(www\\.)?evil\\.com/": a group's "?" ends the host as refang reads it.
    if (!checked && !cut.stop_free && has_optional_group_host(raw, parts ? &*parts : nullptr)) return false;
    match.raw = raw;
    match.defanged = refanged_view_ != written && !equal_ignoring_ascii_case(refanged_view_, written);
    std::string_view value = refang_ ? refanged_view_ : written;
    if (defang_) {
        defang_into(Type::url, value, shown_);
        value = shown_;
    }
    if (remove_scheme_) value.remove_prefix(split_url(value).separator_end);
    match.value = value;
    return true;
}

}  // namespace iocscan::detail
