// An at-sign as an e-mail address writes it, plain or defanged: "@",
// "[@]", "(@)", "{@}", "[at]", "(at)", "{at}" ("at" in any case), without
// spaces (the forms of spec section 3 that sit right against a host), and
// the same with the spaces the e-mail grammar allows ("[ at ] ", " @ "). The
// URL rules without a scheme use it to tell a part of an e-mail address
// ("ops[.]team[@]example(.)org", "ops [at] example[.]org") from a host; the
// domain rule, to tell a local part from a domain.
#pragma once

#include <cstddef>
#include <string_view>

namespace iocscan::detail {

/// The longest at-sign written with brackets: "[at]".
inline constexpr std::size_t kMaxAtSignLength = 4;

namespace at_sign_detail {

constexpr bool opens(char c) { return c == '[' || c == '(' || c == '{'; }

/// Whether `close` closes `open` ("[" "]", "(" ")", "{" "}").
constexpr bool closes(char open, char close) {
    return (open == '[' && close == ']') || (open == '(' && close == ')') || (open == '{' && close == '}');
}

constexpr bool is_at_word(char a, char t) { return (a | 0x20) == 'a' && (t | 0x20) == 't'; }

}  // namespace at_sign_detail

/// Length of the at-sign `s` starts with, or 0.
constexpr std::size_t at_sign_at(std::string_view s) {
    using namespace at_sign_detail;
    if (s.starts_with('@')) return 1;
    if (s.size() >= 3 && opens(s[0]) && s[1] == '@' && closes(s[0], s[2])) return 3;
    if (s.size() >= 4 && opens(s[0]) && is_at_word(s[1], s[2]) && closes(s[0], s[3])) return 4;
    return 0;
}

/// Whether `s` ends with an at-sign.
constexpr bool ends_with_at_sign(std::string_view s) {
    using namespace at_sign_detail;
    const std::size_t n = s.size();
    if (s.ends_with('@')) return true;
    if (n >= 3 && opens(s[n - 3]) && s[n - 2] == '@' && closes(s[n - 3], s[n - 1])) return true;
    return n >= 4 && opens(s[n - 4]) && is_at_word(s[n - 3], s[n - 2]) && closes(s[n - 4], s[n - 1]);
}

/// The most spaces grammar/email's `sps` takes before, inside and after a
/// bracketed mark ("example  [  .  ]   com", "ops [ at ]   evil"); the
/// email skip (simd/skip_scan.hpp) and the URL rules' at-sign look-back
/// read the same bound.
inline constexpr int kEmailMaxSpaces = 3;

/// Whether `s` ends with an at-sign and the spaces after it that the e-mail
/// grammar joins to the domain, spaces allowed inside its brackets as well
/// (up to kEmailMaxSpaces each): "[at]  ", "[ @ ]", "(at) ", " @ ",
/// "[ at ]". (A bare " at " is an at-sign only before a domain spelled with
/// " dot ", which no URL rule matches.) A lone "@" takes one space on both
/// sides or none: "@ " alone is no address.
constexpr bool ends_with_spaced_at_sign(std::string_view s) {
    using namespace at_sign_detail;
    if (ends_with_at_sign(s)) return true;
    const auto drop_spaces = [&s](int most) {
        int n = 0;
        while (n < most && s.ends_with(' ')) {
            s.remove_suffix(1);
            ++n;
        }
        return n;
    };
    const int spaces_after = drop_spaces(kEmailMaxSpaces);
    if (s.ends_with('@')) return spaces_after == 1 && s.ends_with(" @");
    if (s.empty()) return false;
    const char close = s.back();
    if (close != ']' && close != ')' && close != '}') return false;
    s.remove_suffix(1);
    drop_spaces(kEmailMaxSpaces);
    if (s.ends_with('@')) {
        s.remove_suffix(1);
    } else if (s.size() >= 2 && is_at_word(s[s.size() - 2], s.back())) {
        s.remove_suffix(2);
    } else {
        return false;
    }
    drop_spaces(kEmailMaxSpaces);
    return !s.empty() && closes(s.back(), close);
}

}  // namespace iocscan::detail
