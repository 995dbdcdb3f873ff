// The post-pass: turns the text a scanner matched into its plain form.
// Kept apart from the grammars so that scanning never pays for it unless asked.
// Each type's refang is named by its row in families/registry.cpp; the
// families with more to undo have their own files (url_refang, domain_refang,
// email_refang, ipv6_run).
#pragma once

#include "iocscan/iocscan.hpp"

#include <string>
#include <string_view>

namespace iocscan::detail {

/// Writes the refanged form of `raw` (a match of `type`) into `out`.
void refang_into(Type type, std::string_view raw, std::string& out);
/// True when refang_into() would write `raw` itself, as a quick look at the
/// bytes tells (hashes; addresses written plainly, most of those in logs):
/// the post-pass then uses the text without a copy. False when unsure.
bool refangs_to_itself(Type type, std::string_view raw);

// The refangs below append to `out`, which refang_into() has cleared.

/// ipv4 / cidr: keep the digit groups, write every separator ("[.]", "(dot)",
/// "\.", "]]" ...) as a single dot, keep "/N".
void refang_dotted(std::string_view raw, std::string& out);
/// cidr: an IPv6 prefix ("2001[:]db8[:][:]/32": it has a colon) as
/// refang_ipv6() writes it, an IPv4 one as refang_dotted() does.
void refang_cidr(std::string_view raw, std::string& out);
/// Whether a cidr value (raw or refanged) is an IPv6 prefix.
bool is_ipv6_prefix(std::string_view raw);
/// mac: the twelve hex digits in lower case, in colon pairs.
void refang_mac(std::string_view raw, std::string& out);
/// asn: "AS" and the number, however it was written ("ASN 13335").
void refang_asn(std::string_view raw, std::string& out);
/// regkey: doubled backslashes written single.
void refang_regkey(std::string_view raw, std::string& out);
/// cve: upper case.
void refang_cve(std::string_view raw, std::string& out);
/// Types that are never defanged (hashes, ...): the text as written.
void copy_as_written(std::string_view raw, std::string& out);

}  // namespace iocscan::detail
