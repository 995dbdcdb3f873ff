#include "support/json.hpp"

#include <cstdlib>
#include <stdexcept>

namespace iocscan::test {
namespace {

class Parser {
public:
    explicit Parser(const std::string& text) : s_(text) {}

    JsonValue parse_document() {
        JsonValue v = value();
        skip_space();
        if (i_ != s_.size()) fail("trailing characters");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& why) const {
        throw std::runtime_error("JSON error at byte " + std::to_string(i_) + ": " + why);
    }
    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    bool take(char c) {
        skip_space();
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!take(c)) fail(std::string("expected '") + c + "'");
    }
    void literal(const char* word) {
        for (const char* p = word; *p; ++p, ++i_) {
            if (i_ >= s_.size() || s_[i_] != *p) fail(std::string("expected ") + word);
        }
    }

    JsonValue value() {
        skip_space();
        if (i_ >= s_.size()) fail("unexpected end");
        JsonValue v;
        const char c = s_[i_];
        if (c == '{') {
            v.kind = JsonValue::Kind::object;
            ++i_;
            if (take('}')) return v;
            do {
                skip_space();
                if (i_ >= s_.size() || s_[i_] != '"') fail("expected a key");
                std::string key = string();
                expect(':');
                v.object[key] = value();
            } while (take(','));
            expect('}');
        } else if (c == '[') {
            v.kind = JsonValue::Kind::array;
            ++i_;
            if (take(']')) return v;
            do v.array.push_back(value());
            while (take(','));
            expect(']');
        } else if (c == '"') {
            v.kind = JsonValue::Kind::string;
            v.string = string();
        } else if (c == 't') {
            literal("true");
            v.kind = JsonValue::Kind::boolean;
            v.boolean = true;
        } else if (c == 'f') {
            literal("false");
            v.kind = JsonValue::Kind::boolean;
        } else if (c == 'n') {
            literal("null");
        } else {
            v.kind = JsonValue::Kind::number;
            v.number = number();
        }
        return v;
    }

    double number() {
        const std::size_t start = i_;
        if (s_[i_] == '-') ++i_;
        auto digits = [&] {
            const std::size_t from = i_;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
            if (i_ == from) fail("bad number");
        };
        digits();
        if (i_ < s_.size() && s_[i_] == '.') { ++i_; digits(); }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            digits();
        }
        return std::strtod(s_.substr(start, i_ - start).c_str(), nullptr);
    }

    unsigned hex4() {
        if (i_ + 4 > s_.size()) fail("short \\u escape");
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s_[i_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f') v |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= unsigned(c - 'A' + 10);
            else fail("bad \\u escape");
        }
        return v;
    }

    static void put_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xc0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out += char(0xe0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3f));
            out += char(0x80 | (cp & 0x3f));
        } else {
            out += char(0xf0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3f));
            out += char(0x80 | ((cp >> 6) & 0x3f));
            out += char(0x80 | (cp & 0x3f));
        }
    }

    std::size_t utf8_length(std::size_t at) const {
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s_[k]); };
        const unsigned char lead = b(at);
        std::size_t n = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
                      : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
        if (n == 0 || at + n > s_.size()) return 0;
        for (std::size_t k = 1; k < n; ++k) {
            if ((b(at + k) & 0xc0) != 0x80) return 0;
        }
        return n;
    }

    std::string string() {
        ++i_;   // opening quote
        std::string out;
        for (;;) {
            if (i_ >= s_.size()) fail("unterminated string");
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                ++i_;
                return out;
            }
            if (c < 0x20) fail("raw control character in string");
            if (c >= 0x80) {
                const std::size_t n = utf8_length(i_);
                if (n == 0) fail("invalid UTF-8 in string");
                out.append(s_, i_, n);
                i_ += n;
                continue;
            }
            if (c != '\\') {
                out += char(c);
                ++i_;
                continue;
            }
            if (++i_ >= s_.size()) fail("bad escape");
            const char e = s_[i_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xd800 && cp <= 0xdbff) {
                        if (i_ + 2 > s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') fail("lone surrogate");
                        i_ += 2;
                        const unsigned low = hex4();
                        if (low < 0xdc00 || low > 0xdfff) fail("bad surrogate pair");
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
                        fail("lone surrogate");
                    }
                    put_utf8(out, cp);
                    break;
                }
                default: fail("bad escape");
            }
        }
    }

    const std::string& s_;
    std::size_t i_ = 0;
};

}  // namespace

const JsonValue& JsonValue::at(const std::string& key) const {
    const auto it = object.find(key);
    if (it == object.end()) throw std::runtime_error("JSON object has no key '" + key + "'");
    return it->second;
}

JsonValue parse_json(const std::string& text) { return Parser(text).parse_document(); }

}  // namespace iocscan::test
