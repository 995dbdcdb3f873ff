// --domain-ignore FILE: domains never to report (a deny list), e.g. your own
// company's domains or well-known CDNs that clutter every report.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace iocscan::cli {

class DomainIgnoreList {
public:
    /// Reads one domain per line ('#' starts a comment, blank lines are
    /// skipped, case does not matter). A listed domain also covers its
    /// subdomains. On error returns false with "FILE[:LINE]: reason".
    bool load(const std::string& path, std::string& error);

    /// True when `domain` (refanged) or one of its parent domains is listed.
    bool ignores(std::string_view domain) const;

    bool empty() const { return names_.empty(); }

private:
    std::unordered_set<std::string> names_;
};

}  // namespace iocscan::cli
