// Deterministic URL refang: a hand-written pass over the text with the parts
// found by split_url(), so the result never depends on a URL library.
#include "families/url/url_refang.hpp"

#include "simd/ascii_class.hpp"
#include "simd/byte_set.hpp"
#include "families/url/url_parts.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace iocscan::detail {
namespace {


/// Bytes that end a defang token: only after one can reduce_tail() change anything.
constexpr ByteSet kTokenEnds{"])."};
/// Bytes a host keeps as they are none of: token starts ("\\", "[", "(",
/// "d"), token ends, commas and spaces.
constexpr ByteSet kHostSpecial{"\\[(dD)]., "};

/// "[dot" or "dot]" (any case): half of a "[dot]" in a host.
bool half_dot_token(std::string_view s) {
    if (s.size() < 4) return false;
    const auto is = [&](std::size_t at, std::string_view word) {
        for (std::size_t k = 0; k < word.size(); ++k) {
            if (ascii_lower(s[at + k]) != word[k]) return false;
        }
        return true;
    };
    return (s[0] == '[' && is(1, "dot")) || (is(0, "dot") && s[3] == ']');
}

/// `raw` without the backslash of each "\c" whose c is in `escaped`:
/// `raw` itself when it has none, else `buffer` holding the result. Each
/// backslash is judged on its own (in "\\/" the second one escapes "/").
std::string_view drop_escapes(std::string_view raw, std::string_view escaped, std::string& buffer) {
    const auto escape_at = [&](std::size_t i) {
        return i + 1 < raw.size() && escaped.find(raw[i + 1]) != std::string_view::npos;
    };
    // Backslashes are rare in URLs: find them with memchr, copy the text
    // between them at once.
    std::size_t i = raw.find('\\');
    while (i != std::string_view::npos && !escape_at(i)) i = raw.find('\\', i + 1);
    if (i == std::string_view::npos) return raw;
    buffer.assign(raw.substr(0, i));
    std::size_t from = i + 1;   // the escaped byte is copied with what follows
    for (i = raw.find('\\', from); i != std::string_view::npos; i = raw.find('\\', i + 1)) {
        if (!escape_at(i)) continue;
        buffer.append(raw.substr(from, i - from));
        from = i + 1;
    }
    buffer.append(raw.substr(from));
    return buffer;
}

}  // namespace

std::string_view unescape_json_slashes(std::string_view raw, std::string& buffer) {
    return drop_escapes(raw, "/", buffer);
}

namespace {

/// "\(" "\)" "\[" "\]" written for a regex or a shell: the bracket itself
/// (iocextract's unescape); "\/" written by a JSON encoder: the slash.
std::string_view unescape_brackets(std::string_view raw, std::string& buffer) {
    return drop_escapes(raw, "()[]/", buffer);
}

/// Replaces a defang token that the last bytes of `out` (after `from`) form,
/// again and again: "\\." becomes "\." becomes ".". Rewriting the output
/// instead of reading tokens off the input is what makes refang idempotent:
/// what it returns holds no token any more.
void reduce_tail(std::string& out, std::size_t from) {
    constexpr std::size_t kLongestToken = 7;   // "[ dot ]"
    for (bool changed = true; changed;) {
        changed = false;
        // Every token ends with "]", ")" or "." ("\."): any other last byte
        // (most of them) ends no token, so the lengths need not be tried.
        const char last = out.size() > from ? out.back() : '\0';
        if (last != ']' && last != ')' && last != '.') return;
        // A token that ends with "." starts with "\\" one or two bytes
        // before ("\\.", "\\ ."); one that ends with a bracket opens with one
        // in its last kLongestToken bytes. Most dots in a host are neither.
        const std::string_view recent(out.data() + from, out.size() - from);
        if (last == '.') {
            const std::size_t n = recent.size();
            const bool escaped = (n >= 2 && recent[n - 2] == '\\') || (n >= 3 && recent[n - 2] == ' ' && recent[n - 3] == '\\');
            if (!escaped) return;
        } else if (recent.substr(recent.size() - std::min(recent.size(), kLongestToken)).find_first_of("[(") ==
                   std::string_view::npos) {
            return;
        }
        for (std::size_t len = 2; len <= kLongestToken && len <= out.size() - from; ++len) {
            const std::string_view tail(out.data() + out.size() - len, len);
            char plain = 0;
            if (dot_token(tail) == len) {
                plain = '.';
            } else if (colon_token(tail) == len) {
                plain = ':';
            } else if (slash_token(tail) == len) {
                plain = '/';
            } else {
                continue;
            }
            out.resize(out.size() - len);
            out.push_back(plain);
            changed = true;
            break;
        }
    }
}

/// Path, query and fragment: only the defang tokens change.
void refang_path(std::string_view path, std::string& out) {
    const std::size_t from = out.size();
    while (!path.empty()) {
        // The bytes before the next token end are copied at once.
        const std::size_t run = kTokenEnds.find_in(path);
        out.append(path.substr(0, run));
        if (run == path.size()) return;
        out.push_back(path[run]);
        reduce_tail(out, from);
        path.remove_prefix(run + 1);
    }
}

}  // namespace

// Defanged dots and colons become plain, an IPv6 host (after userinfo too) keeps its brackets,
// spaces and other brackets go, a comma between digits is a dot
// ("198,51,100,7") and any other comma goes.
void refang_url_host(std::string_view host, std::string& out) {
    std::size_t i = ipv6_literal(host);
    out.append(host.substr(0, i));
    const std::size_t from = out.size();
    while (i < host.size()) {
        // A byte outside kHostSpecial is copied as it is: a run of them at once.
        if (const std::size_t run = kHostSpecial.find_in(host, i) - i; run > 0) {
            out.append(host.substr(i, run));
            i += run;
            continue;
        }
        const std::string_view rest = host.substr(i);
        // After userinfo, an IPv6 host keeps its brackets too ("user@[::1]").
        if (const std::size_t n = host[i] == '[' && i > 0 && host[i - 1] == '@' ? ipv6_literal(rest) : 0; n > 0) {
            out.append(rest.substr(0, n));
            i += n;
            continue;
        }
        if (const std::size_t n = dot_token(rest); n > 0) {
            out.push_back('.');
            reduce_tail(out, from);   // a kept "\\" before it makes "\." again
            i += n;
            continue;
        }
        if (const std::size_t n = colon_token(rest); n > 0) {
            out.push_back(':');
            i += n;
            continue;
        }
        if (half_dot_token(rest)) {   // "[dot" or "dot]", as iocextract reads them
            out.push_back('.');
            reduce_tail(out, from);
            i += 4;
            continue;
        }
        const char c = host[i];
        if (c == ',') {
            const bool between_digits = i > 0 && is_digit(host[i - 1]) && i + 1 < host.size() &&
                                        is_digit(host[i + 1]);
            if (between_digits) out.push_back('.');
        } else if (c != ' ' && c != '(' && c != ')' && c != '[' && c != ']') {
            out.push_back(c);
            reduce_tail(out, from);
        }
        ++i;
    }
}

std::optional<std::string_view> named_scheme(std::string_view written) {
    // Most URLs: no copy to lower case.
    if (written == "http") return "http";
    if (written == "https") return "https";
    // "http[s]" means http or https: read as https, the safer reading
    // (an https URL is what such a report points at, and what defang tools mean).
    const bool marked_s = written.size() > 3 && s_mark(written.substr(written.size() - 3)) > 0;
    if (marked_s) written.remove_suffix(3);
    // Lower-cased on the stack: split_url() reads at most 16 bytes of a name.
    // A bracketed middle ("h[xx]ps", split_scheme()) is read without its brackets.
    std::array<char, 24> lowered{};
    if (written.size() + 1 > lowered.size()) return std::nullopt;
    const bool bracketed_middle = written.size() > 1 && is_opener(static_cast<unsigned char>(written[1]));
    std::size_t n = 0;
    for (char c : written) {
        if (!bracketed_middle || !(is_opener(static_cast<unsigned char>(c)) || is_closer(static_cast<unsigned char>(c)))) {
            lowered[n++] = ascii_lower(c);
        }
    }
    if (marked_s) lowered[n++] = 's';
    const std::string_view scheme(lowered.data(), n);
    for (std::string_view kept : {"http", "https", "ftp", "smb", "ws", "wss", "file"}) {
        if (scheme == kept) return kept;
    }
    std::string_view core = scheme;   // as iocextract: s stripped on both sides
    while (!core.empty() && core.front() == 's') core.remove_prefix(1);
    while (!core.empty() && core.back() == 's') core.remove_suffix(1);
    if (core == "fxp" || core == "ftx") return "ftp";
    if ((scheme.size() == 4 || scheme.size() == 5) && scheme.front() == 'h' && scheme.ends_with("ps")) {
        return "https";
    }
    if ((scheme.size() == 3 || scheme.size() == 4) && scheme.front() == 'h' && scheme.back() == 'p') return "http";
    return std::nullopt;
}

std::string_view plain_scheme(std::string_view written) { return named_scheme(written).value_or("http"); }

namespace {

/// A plain lower-case scheme, and none of the bytes that every defang token,
/// escape or host clean-up above starts or ends with: refang would copy the
/// URL byte for byte, so it is copied at once (most URLs in logs).
bool refangs_to_itself(std::string_view url) {
    return has_kept_scheme(url) && kRefangBytes.find_in(url) == url.size();
}

}  // namespace

bool has_kept_scheme(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("ftp://");
}

namespace {

/// Whether the text `plain`, with a kept scheme and none of kRefangBytes,
/// is its own refang: so unless split_url() passes a byte before its host
/// (these bytes, which kRefangBytes lacks).
bool copied_by_refang(std::string_view plain) {
    static constexpr ByteSet kPassedBeforeHost{"{}<>"};
    if (!has_kept_scheme(plain)) return false;
    const std::size_t host = plain.find("://") + 3;
    return host >= plain.size() || !kPassedBeforeHost.contains(plain[host]);
}

/// refang_url() of a text whose bracket and slash escapes are dropped
/// already; `parts` is split_url(plain) when known.
void refang_unescaped(std::string_view plain, const UrlParts* parts, std::string& out) {
    out.clear();
    if (kRefangBytes.find_in(plain) == plain.size() && copied_by_refang(plain)) {
        out.assign(plain);
        return;
    }
    const UrlParts split = parts != nullptr ? *parts : split_url(plain);
    out.append(plain_scheme(plain.substr(0, split.scheme_end)));
    out.append("://");
    refang_url_host(plain.substr(split.host_begin, split.host_end - split.host_begin), out);
    refang_path(plain.substr(split.host_end), out);
}

/// Whether a backslash in `raw` escapes a bracket ("\(", "\]" ...), which
/// unescape_brackets() drops besides the "\/" of JSON.
bool has_bracket_escape(std::string_view raw) {
    for (std::size_t i = raw.find('\\'); i != std::string_view::npos; i = raw.find('\\', i + 1)) {
        if (i + 1 < raw.size() && (raw[i + 1] == '(' || raw[i + 1] == ')' || raw[i + 1] == '[' || raw[i + 1] == ']')) {
            return true;
        }
    }
    return false;
}

/// Whether the only bytes of kRefangBytes in `raw` are the backslashes of
/// JSON's "\/".
bool only_json_slashes(std::string_view raw) {
    for (std::size_t i = kRefangBytes.find_in(raw); i < raw.size(); i = kRefangBytes.find_in(raw, i + 2)) {
        if (raw[i] != '\\' || i + 1 >= raw.size() || raw[i + 1] != '/') return false;
    }
    return true;
}

}  // namespace

void refang_url(std::string_view written, std::string& out) {
    // A URL that refangs to itself holds no backslash: no unescape needed.
    if (refangs_to_itself(written)) {
        out.assign(written);
        return;
    }
    std::string unescaped;
    refang_unescaped(unescape_brackets(written, unescaped), nullptr, out);
}

void refang_url_read(std::string_view written, std::string_view slash_free, const UrlParts* parts,
                     bool backslash_free, std::string& out) {
    if (slash_free.data() != written.data()) {
        // JSON's "\/" and no other byte refang reads: one scan tells that
        // `slash_free` is what unescape_brackets() gives, and holds none.
        if (only_json_slashes(written) && copied_by_refang(slash_free)) {
            out.assign(slash_free);
            return;
        }
        // When no bracket is escaped as well, `slash_free` is what
        // unescape_brackets() would give; `parts` are of `written`.
        if (!has_bracket_escape(written)) {
            refang_unescaped(slash_free, nullptr, out);
            return;
        }
        refang_url(written, out);
        return;
    }
    if (refangs_to_itself(written)) {
        out.assign(written);
        return;
    }
    std::string unescaped;
    const std::string_view plain = backslash_free ? written : unescape_brackets(written, unescaped);
    refang_unescaped(plain, plain.data() == written.data() ? parts : nullptr, out);
}

}  // namespace iocscan::detail
