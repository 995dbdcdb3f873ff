#include "lib/post_pass.hpp"

#include "lib/defang.hpp"
#include "lib/refang.hpp"
#include "lib/url_cut.hpp"
#include "lib/url_parts.hpp"

namespace iocscan::detail {

void PostPass::apply(Type type, std::string_view text, Match& match) {
    const bool url = type == Type::url;
    const std::string_view raw =
        url ? text.substr(0, cut_url(text, open_, strip_)) : text;
    refang_into(type, raw, refanged_);
    match.raw = raw;
    match.defanged = refanged_ != raw;
    std::string_view value = refang_ ? std::string_view(refanged_) : raw;
    if (defang_) {
        defang_into(type, value, shown_);
        value = shown_;
    }
    if (url && remove_scheme_) value.remove_prefix(split_url(value).separator_end);
    match.value = value;
}

}  // namespace iocscan::detail
