#include "lib/email_run.hpp"

#include "lib/rule_ids.hpp"

#include <string_view>

namespace iocscan::detail {
namespace {

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_address_char(unsigned char c) {
    return is_alpha(c) || is_digit(c) || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_bracket(unsigned char c) {
    return c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}';
}

constexpr std::size_t kMaxLocal = 64;
constexpr std::size_t kMaxDomain = 253;
constexpr std::size_t kMaxLabel = 63;

/// Words joined by dots between two at-signs (or a run's ends).
struct Group {
    const unsigned char* begin = nullptr;
    const unsigned char* end = nullptr;
    std::size_t words = 0;
    std::size_t plain_length = 0;   ///< length once refanged
    bool domain_like = true;        ///< every word is a host label
    bool letter_tld = false;        ///< the last word is 2+ letters
};

bool is_label(const unsigned char* p, const unsigned char* end) {
    if (end - p > static_cast<std::ptrdiff_t>(kMaxLabel) || p[0] == '-' || end[-1] == '-') return false;
    for (; p < end; ++p) {
        if (!is_alpha(*p) && !is_digit(*p) && *p != '-') return false;
    }
    return true;
}

bool all_letters(const unsigned char* p, const unsigned char* end) {
    if (end - p < 2) return false;
    for (; p < end; ++p) {
        if (!is_alpha(*p)) return false;
    }
    return true;
}

void add_word(Group& group, const EmailPart& word) {
    if (group.words++ == 0) group.begin = word.begin;
    group.plain_length += static_cast<std::size_t>(word.end - word.begin);
    group.domain_like = group.domain_like && is_label(word.begin, word.end);
    group.letter_tld = all_letters(word.begin, word.end);
    group.end = word.end;
}

bool valid_pair(const Group& local, const Group& domain) {
    return local.words > 0 && local.plain_length <= kMaxLocal && domain.words >= 2 &&
           domain.domain_like && domain.letter_tld && domain.plain_length <= kMaxDomain;
}

/// Only "@", spaces and brackets can make an at-sign; most runs are plain
/// words and dotted names, which are passed over at once.
bool may_hold_at_sign(const unsigned char* p, const unsigned char* end) {
    for (; p < end; ++p) {
        if (*p == '@' || *p == ' ' || is_bracket(*p)) return true;
    }
    return false;
}

/// True when [p, end) starts with `word`, in any case.
bool starts_with_word(const unsigned char* p, const unsigned char* end, std::string_view word) {
    if (static_cast<std::size_t>(end - p) < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if ((p[i] | 0x20) != word[i]) return false;
    }
    return true;
}

const unsigned char* skip_spaces_and_brackets(const unsigned char* p, const unsigned char* end) {
    while (p < end && (*p == ' ' || is_bracket(*p))) ++p;
    return p;
}

}  // namespace

EmailPart next_email_part(const unsigned char* p, const unsigned char* end) {
    const unsigned char* begin = p;
    if (is_address_char(*p)) {
        while (p < end && is_address_char(*p)) ++p;
        return {EmailPart::word, begin, p};
    }
    // A separator: spaces and brackets around one mark ("@", ".", "at", "dot").
    p = skip_spaces_and_brackets(p, end);
    EmailPart::Kind kind = EmailPart::dot;
    if (p < end && (*p == '@' || *p == '.')) {
        kind = *p == '@' ? EmailPart::at : EmailPart::dot;
        ++p;
    } else if (starts_with_word(p, end, "at")) {
        kind = EmailPart::at;
        p += 2;
    } else if (starts_with_word(p, end, "dot")) {
        p += 3;
    } else {
        // Only in text the grammar did not check (the refang subcommand).
        return {EmailPart::other, begin, begin + 1};
    }
    return {kind, begin, skip_spaces_and_brackets(p, end)};
}

void emit_email_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end) {
    if (!may_hold_at_sign(begin, end)) return;
    // Groups are the dot-joined words between at-signs. Each at-sign pairs
    // the group before it (unless that one was just used as a domain) with
    // the group after it.
    Group local{};
    bool have_local = false;
    Group current{};
    const auto close_group = [&] {
        if (have_local && valid_pair(local, current)) {
            sink.add(Type::email, kRuleEmail, local.begin, current.end);
            have_local = false;   // the domain cannot also be the next local part
        } else {
            local = current;
            have_local = true;
        }
        current = Group{};
    };
    for (const unsigned char* p = begin; p < end;) {
        const EmailPart part = next_email_part(p, end);
        if (part.kind == EmailPart::word) {
            add_word(current, part);
        } else if (part.kind == EmailPart::dot) {
            ++current.plain_length;
        } else if (part.kind == EmailPart::at) {
            close_group();
        }
        p = part.end;
    }
    close_group();
}

}  // namespace iocscan::detail
