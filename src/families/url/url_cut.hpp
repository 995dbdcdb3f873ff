// Where a URL match ends: trailing sentence punctuation and --strip-urls.
//
// The grammars report a URL up to whitespace; these functions shorten it in
// the post-pass, so that --open (keep the punctuation) is only an option of
// the post-pass and the grammars stay the same for every run.
#pragma once

#include "families/url/url_parts.hpp"
#include "simd/byte_set.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace iocscan::detail {

/// What a sentence may put right after a URL: trim_trailing_punctuation()
/// takes it off.
inline constexpr ByteSet kTrailingPunctuation{".?>\"')!,}:;]`"};

/// Length of `url` without the trailing characters . ? > " ' ) ! , } : ; ]
/// and backtick. A ")", "]" or "}" that closes an opener inside the URL
/// stays (so "[.]" at the end, "[2001:db8::7]" and "Foo_(bar)" keep their
/// closing bracket), and so does the "." of a trailing "\.".
std::size_t trim_trailing_punctuation(std::string_view url);

/// Length of `url` without the pattern marks that end it, then without the
/// trailing punctuation before them: a search or hunting query's "*" glob
/// ("DownloadString('http://x.example/*')", "url=*evil.com/a*") and an
/// Adblock filter's "^" separator ("|https://203.0.113.77^") end the
/// pattern, not the URL (a URL path seldom ends in "*"; "^" is written %5E),
/// and so do the filter's options after it ("^$third-party"). Only a URL
/// with `pattern_hint` (precise_length() saw a "*", "^" or "$") holds them.
std::size_t without_trailing_pattern_marks(std::string_view url, bool pattern_hint);

/// --strip-urls: the length of `url` cut before a " /x" command-line switch
/// after the host (when the URL contains spaces), then at the first
/// > " ' ) , } ; that is not part of a defang: defang tokens such as "(.)"
/// and the "(", ")" and "," that refang removes from the host are skipped.
std::size_t strip_length(std::string_view url);

/// The bytes precise_length() looks at: only these can end a URL or start
/// a token that it passes whole.
inline constexpr ByteSet kPreciseStops{"\"<>\\ ,;[(])}{|"};

/// Bytes that no host name holds, and that a stop-free URL may: the
/// wildcard and the anchors of a pattern ("http://www.*.example.com/").
/// precise_length() notes them (and a "|") as it reads, so that only a
/// URL holding one has its host read for a pattern (has_pattern_host()).
inline constexpr ByteSet kPatternHints{"*^$"};

/// The precision rule (spec section 3): the length of `url` before the first
/// byte a URL value never holds: '"', '<', '>', a backslash escape ("\n",
/// "\"", "\\" not before "."), a space after the host (a command-line
/// argument; spaced defangs are inside the host), a closing bracket with no
/// opener, and in the host a "[" or "(" that starts no defang token or IPv6
/// literal ("https://x.example[Text]") or a "," that is not between digits
/// (CSV: "evil[.]com,Observed") or a ";" ("evil[.]com;port=443"), and a
/// "|" that pipes the download into an interpreter ("http://x/a.sh|sh").
std::size_t precise_length(std::string_view url);

/// The length to report: precise and trimmed unless `open`, stripped when `strip`.
std::size_t cut_url(std::string_view url, bool open, bool strip);

/// cut_url() and what it read on the way: split_url() of the cut URL when
/// precise_length() had to split the text and the cut keeps its host
/// (split_of_prefix()), so the post-pass need not split the URL again.
struct UrlCut {
    std::size_t length = 0;
    std::optional<UrlParts> parts;
    bool stop_free = false;        ///< the cut URL holds no byte of kPreciseStops but a "|" (read, so known)
    bool backslash_free = false;   ///< the cut URL holds no backslash (read, so known)
    bool pattern_hint = false;     ///< the URL holds a byte of kPatternHints or a "|" before its first stop (read, so known)
};
UrlCut cut_url_read(std::string_view url, bool open, bool strip);

}  // namespace iocscan::detail
