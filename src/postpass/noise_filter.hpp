// Noise control after the scan (Options::no_private, Options::allow): which
// reported matches to drop, judged on their refanged value whatever the
// output form, so the result is the same for raw, refanged and defanged
// output and for any chunking or thread count.
#pragma once

#include "iocscan/iocscan.hpp"
#include "postpass/allow_list.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace iocscan::detail {

class NoiseFilter {
public:
    /// Null when the options filter nothing. Throws std::invalid_argument
    /// for an unusable allow-list entry ("LINE: message").
    static std::unique_ptr<const NoiseFilter> from_options(const Options& options);

    /// Per-Scanner buffers: the filter itself is shared between threads.
    struct Scratch {
        std::string a, b;
    };
    /// True when a match of `type` whose refanged form is `refanged` is noise.
    bool drops(Type type, std::string_view refanged, Scratch& scratch) const;

private:
    NoiseFilter(const Options& options);
    bool drops_address(const IpRange& range) const;
    bool drops_host(std::string_view host, Scratch& scratch) const;

    bool no_private_;
    AllowList allow_;
};

}  // namespace iocscan::detail
