#include "postpass/noise_filter.hpp"

#include "families/registry.hpp"
#include "postpass/special_ranges.hpp"
#include "families/url/url_parts.hpp"

#include <stdexcept>

namespace iocscan::detail {
namespace {

/// The host of a refanged URL: without userinfo, port and IPv6 brackets.
std::string_view url_host(std::string_view url) {
    const UrlParts parts = split_url(url);
    std::string_view host = url.substr(parts.host_begin, parts.host_end - parts.host_begin);
    if (const auto at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    if (host.starts_with('[')) return host.substr(1, host.find(']') - 1);
    return host.substr(0, host.find(':'));
}

}  // namespace

std::unique_ptr<const NoiseFilter> NoiseFilter::from_options(const Options& options) {
    if (!options.no_private && options.allow.empty()) return nullptr;
    return std::unique_ptr<const NoiseFilter>(new NoiseFilter(options));
}

NoiseFilter::NoiseFilter(const Options& options) : no_private_(options.no_private), allow_(options.allow) {}

bool NoiseFilter::drops_address(const IpRange& range) const {
    return (no_private_ && special_range_of(range) != nullptr) || allow_.hides_address(range);
}

bool NoiseFilter::drops_host(std::string_view host, Scratch& scratch) const {
    if (const auto address = parse_ip_range(host); address && host.find('/') == std::string_view::npos) {
        return drops_address(*address);
    }
    return allow_.hides_domain(host, scratch.b);
}

bool NoiseFilter::drops(Type type, std::string_view refanged, Scratch& scratch) const {
    const NoiseSubject subject = family(type).noise;
    if (subject == NoiseSubject::address) {
        // An entry written as this value is an address entry: the
        // address lookup covers the exact value too.
        const auto range = parse_ip_range(refanged);
        return range ? drops_address(*range) : allow_.hides_value(type, refanged, scratch.a);
    }
    if (allow_.hides_value(type, refanged, scratch.a)) return true;
    switch (subject) {
        case NoiseSubject::url_host:
            return drops_host(url_host(refanged), scratch);
        case NoiseSubject::email_domain:
            // The e-mail family reports no address literals ("user@[10.0.0.1]").
            return allow_.hides_domain(refanged.substr(refanged.rfind('@') + 1), scratch.b);
        case NoiseSubject::domain_name:
            return allow_.hides_domain(refanged, scratch.b);
        case NoiseSubject::value:
        case NoiseSubject::address:
            return false;
    }
    return false;
}

}  // namespace iocscan::detail
