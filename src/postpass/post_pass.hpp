// The post-pass: what a released candidate is reported as, per Options.
//
// URLs are first cut (trailing punctuation unless open_punctuation, then
// strip_urls); then `value` is the raw text, its refanged form, its
// defanged form, and for URLs optionally without the scheme. Kept out of the
// grammars so that scanning is the same whatever the output options.
#pragma once

#include "iocscan/iocscan.hpp"

#include <string>
#include <string_view>

namespace iocscan::detail {

class PostPass {
public:
    explicit PostPass(const Options& options)
        : refang_(options.refang), open_(options.open_punctuation), strip_(options.strip_urls),
          remove_scheme_(options.remove_scheme), defang_(options.defang) {}

    /// Sets match.raw (a prefix of `text`, the candidate's bytes), value and
    /// defanged. value points into this object until the next call. Returns
    /// false when the candidate is no IOC after all (a URL without a scheme
    /// whose host is implausible, families/url/url_host_check.hpp): not to be reported.
    bool apply(Type type, std::string_view text, Match& match);
    /// The refanged form of the last applied match (what noise control judges).
    std::string_view refanged() const { return refanged_view_; }

private:
    bool apply_url(std::string_view text, Match& match);

    bool refang_, open_, strip_, remove_scheme_, defang_;
    std::string refanged_;
    /// The refanged form: refanged_, or the text itself when refang copies it.
    std::string_view refanged_view_;
    std::string unescaped_;   ///< a URL's raw text with JSON's "\/" as "/"
    std::string shown_;
};

}  // namespace iocscan::detail
