// The post-pass of encoded URLs: decode the text a hex, percent or base64
// rule matched, then find the URLs in the decoded bytes.
//
// The decoders never throw and never read past their input: a bad pair, a
// stray "%", bad padding or garbage ends the decoding (or is kept as it
// stands, for "%"), and the output is never longer than the input. The
// decoded bytes are scanned by a second Scanner that runs only the plain URL
// rules, so an encoded URL is reported exactly as the same URL written out
// would be (trailing punctuation, refang, defang), and every URL in a blob
// is found, not just the first.
#pragma once

#include "iocscan/iocscan.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iocscan::detail {

/// Hex pairs to bytes, up to the first byte that is not a hex digit; an odd
/// last digit is ignored.
void decode_hex(std::string_view text, std::string& out);
/// "%XX" to the byte XX; every other byte, a "%" without two hex digits
/// included, as it stands. "+" stays "+" (this is not form decoding).
void decode_percent(std::string_view text, std::string& out);
/// Base64 (RFC 4648 alphabet) to bytes, skipping spaces, tabs and line
/// breaks, up to "=" or the first byte outside the alphabet; the bits of an
/// incomplete last group are dropped.
void decode_base64(std::string_view text, std::string& out);

/// Decoded base64 that spells a scheme in UTF-16LE ("h\0t\0t\0p\0", as in
/// PowerShell's -EncodedCommand) loses its zero bytes, so that ASCII text
/// written as UTF-16LE reads as ASCII. Other bytes are left as they are.
void narrow_utf16le(std::string& bytes);

/// The encoding a url rule reads (Encoding::none for the plain rules).
Encoding encoding_of(RuleId rule);

class EncodedUrlDecoder {
public:
    /// `outer` decides how found URLs are presented: cut (open_punctuation,
    /// strip_urls), refanged, defanged, without scheme.
    explicit EncodedUrlDecoder(const Options& outer);
    ~EncodedUrlDecoder();

    /// The part of a candidate that is reported as `raw`: a percent-encoded
    /// URL loses trailing sentence punctuation like any URL; hex and base64
    /// text has none.
    std::string_view raw_span(RuleId rule, std::string_view text) const;

    /// The URLs in the decoded `raw` (as returned by raw_span()), in order,
    /// presented per the outer options. Valid until the next call.
    const std::vector<std::string>& urls(RuleId rule, std::string_view raw);

private:
    Options inner_options_;
    std::unique_ptr<Scanner> scanner_;   ///< built on first use
    std::string decoded_;
    std::string host_check_;   ///< a decoded URL refanged for its host check
    std::vector<std::string> urls_;
};

}  // namespace iocscan::detail
