#include "families/encoded_url/encoded_url.hpp"

#include "families/rule_ids.hpp"
#include "families/url/url_cut.hpp"
#include "families/url/url_host_check.hpp"
#include "families/url/url_refang.hpp"
#include "simd/ascii_class.hpp"

namespace iocscan::detail {
namespace {

/// 0-63 for a base64 character, -1 otherwise.
int base64_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

}  // namespace

void decode_hex(std::string_view text, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
        const int high = hex_value(static_cast<unsigned char>(text[i]));
        const int low = hex_value(static_cast<unsigned char>(text[i + 1]));
        if (high < 0 || low < 0) return;
        out.push_back(static_cast<char>(high << 4 | low));
    }
}

void decode_percent(std::string_view text, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int high = hex_value(static_cast<unsigned char>(text[i + 1]));
            const int low = hex_value(static_cast<unsigned char>(text[i + 2]));
            if (high >= 0 && low >= 0) {
                out.push_back(static_cast<char>(high << 4 | low));
                i += 2;
                continue;
            }
        }
        out.push_back(text[i]);
    }
}

void decode_base64(std::string_view text, std::string& out) {
    out.clear();
    unsigned bits = 0;
    int bit_count = 0;
    std::size_t quantum_start = 0;   // bytes out before the current 4-character group
    int in_quantum = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        const int value = base64_value(c);
        if (value < 0) break;   // "=" padding, or garbage
        bits = (bits << 6 | static_cast<unsigned>(value)) & 0xFFFFFF;
        bit_count += 6;
        if (bit_count >= 8) {
            bit_count -= 8;
            out.push_back(static_cast<char>((bits >> bit_count) & 0xFF));
        }
        if (++in_quantum == 4) {
            in_quantum = 0;
            quantum_start = out.size();
        }
    }
    // A last group of 2 or 3 characters whose unused bits are not zero was
    // not written by an encoder ("...Y29tba" is no "...comm"): its bytes go.
    if (in_quantum > 0 && (bits & ((1u << bit_count) - 1)) != 0) out.resize(quantum_start);
}

namespace {

/// Whether `word` (lower case letters) stands at `at` in UTF-16LE, in any
/// mix of cases: the base64 rule finds "HTTP" as well as "http".
bool wide_word_at(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - at < 2 * word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if ((static_cast<unsigned char>(text[at + 2 * i]) | 0x20) != static_cast<unsigned char>(word[i]) ||
            text[at + 2 * i + 1] != '\0') {
            return false;
        }
    }
    return true;
}

}  // namespace

void narrow_utf16le(std::string& bytes) {
    const std::string_view text = bytes;
    bool wide = false;
    for (std::size_t at = 0; at < text.size() && !wide; ++at) {
        wide = wide_word_at(text, at, "http") || wide_word_at(text, at, "ftp");
    }
    if (wide) std::erase(bytes, '\0');
}

Encoding encoding_of(RuleId rule) {
    switch (rule) {
        case kRuleUrlHex: return Encoding::hex;
        case kRuleUrlPercent: return Encoding::percent;
        case kRuleUrlBase64: return Encoding::base64;
        default: return Encoding::none;
    }
}

EncodedUrlDecoder::EncodedUrlDecoder(const Options& outer) {
    inner_options_.types = TypeSet().add(Type::url);
    // Decoded text is scanned for plain URLs only: no decoding of decoded text.
    inner_options_.url_encoded = false;
    inner_options_.refang = true;
    inner_options_.open_punctuation = outer.open_punctuation;
    inner_options_.strip_urls = outer.strip_urls;
    inner_options_.remove_scheme = outer.remove_scheme;
    inner_options_.defang = outer.defang;
}

EncodedUrlDecoder::~EncodedUrlDecoder() = default;

std::string_view EncodedUrlDecoder::raw_span(RuleId rule, std::string_view text) const {
    if (rule != kRuleUrlPercent) return text;
    return text.substr(0, cut_url(text, inner_options_.open_punctuation, inner_options_.strip_urls));
}

const std::vector<std::string>& EncodedUrlDecoder::urls(RuleId rule, std::string_view raw) {
    urls_.clear();
    switch (encoding_of(rule)) {
        case Encoding::hex: decode_hex(raw, decoded_); break;
        case Encoding::percent: decode_percent(raw, decoded_); break;
        case Encoding::base64:
            decode_base64(raw, decoded_);
            narrow_utf16le(decoded_);
            break;
        case Encoding::none: return urls_;
    }
    if (!scanner_) scanner_ = std::make_unique<Scanner>(inner_options_);
    scanner_->reset();
    const bool base64 = encoding_of(rule) == Encoding::base64;
    const auto keep = [this, base64](const Match& m) {
        // Base64 text that decodes to a stub ("http://cnjs") is no URL.
        if (base64) {
            refang_url(m.raw, host_check_);
            if (!has_plausible_host(host_check_)) return true;
        }
        urls_.emplace_back(m.value);
        return true;
    };
    scanner_->feed(decoded_, keep);
    scanner_->finish(keep);
    return urls_;
}

}  // namespace iocscan::detail

namespace iocscan {

std::string_view encoding_name(Encoding encoding) {
    switch (encoding) {
        case Encoding::hex: return "hex";
        case Encoding::percent: return "percent";
        case Encoding::base64: return "base64";
        case Encoding::none: break;
    }
    return "";
}

}  // namespace iocscan
