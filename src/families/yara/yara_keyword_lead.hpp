// The bytes after which a YARA keyword ("rule", "import", "private", "//"
// ...) starts a token of its own outside a rule.
//
// White space (grammar/yara/yara.re's ws), and the ">" that ends an HTML
// tag: a rule copied from a web page's source starts right after its
// "<pre>" or "<code>" ("<pre><code>rule evil {"), and a rule's closing
// brace may be followed by "</code>" already. The grammar, the idle skip
// (simd/skip_scan.hpp) and the range scans' sync (yara_sync.cpp) must
// agree on this set.
#pragma once

namespace iocscan::detail {

constexpr bool is_yara_space(unsigned c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

constexpr bool is_yara_keyword_lead(unsigned c) { return is_yara_space(c) || c == '>'; }

}  // namespace iocscan::detail
