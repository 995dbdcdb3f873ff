// Decides what a host run found by grammar/domain/domain.re is, against the Public
// Suffix List (generated at build time by cmake/PublicSuffixTable.cmake).
#pragma once

#include "core/candidate_sink.hpp"

#include <cstddef>
#include <string_view>

namespace iocscan::detail {

/// The ASCII rules of the Public Suffix List, sorted ("co.uk", "*.ck", "!www.ck").
extern const std::string_view kPublicSuffixRules[];
extern const std::size_t kPublicSuffixRuleCount;

/// True when `rule` (lower case) is a rule of the list.
bool is_public_suffix_rule(std::string_view rule);

/// Whether the top-level domain `top` (lower case) is also a file extension
/// ("setup.py", "README.md") or an English or code word ("user.id",
/// "it.is"): a name written plainly never ends in one, nor a URL or a name
/// whose dot is spaced ("the period (.) in").
bool is_file_or_word_tld(std::string_view top);

/// How many digits end `top` (a name's last label, lower case) when they
/// are a footnote's marker glued to a common generic top-level domain
/// ("com2", "net12": no top-level domain ends in a digit): 1 or 2; else 0.
/// Only after a bracketed dot, the text before `top` ending in "[.]" or
/// "(.)" ("evil[.]com2"): a plain "x.com2" is no name, and "np\.int64",
/// "value (.) int32" are code. Never for "int" (int8 ... int64).
std::size_t footnote_digits(std::string_view top, std::string_view before_top);

/// Whether the registrable domain of `host` (plain labels joined by ".",
/// case as written: its public suffix and the label before it) is written
/// in one case, as a plain name must be ("System.IO" is a namespace).
/// True when the list knows no suffix of it, or it is a bare suffix.
bool registrable_in_one_case(std::string_view host);

/// [begin, end) is an optional scheme and "://", a host run (labels joined
/// by plain or defanged dots), and optionally "(", "=" or an at-sign. Queues
/// the host run as a domain when it passes the checks of
/// docs/domains-phones.md. `before`: the byte right before `begin` (0 when
/// unknown): after "%", escape digits or a printf directive are no label.
void emit_domain_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end, unsigned char before);

}  // namespace iocscan::detail
