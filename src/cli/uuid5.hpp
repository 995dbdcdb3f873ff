// Name-based UUIDs (RFC 4122 version 5, SHA-1), for STIX ids that are the
// same on every run for the same IOC.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace iocscan::cli {

/// SHA-1, enough for UUIDv5 (not for security).
class Sha1 {
public:
    Sha1();
    void update(std::string_view bytes);
    std::array<std::uint8_t, 20> finish();

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 5> h_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;
};

/// The STIX 2.1 namespace for deterministic identifiers.
inline constexpr std::string_view kStixNamespace = "00abedb4-aa42-466c-9c01-fed23315a9b7";

/// UUIDv5 of `name` in namespace `ns` (in its text form), as text.
std::string uuid5(std::string_view ns, std::string_view name);

}  // namespace iocscan::cli
