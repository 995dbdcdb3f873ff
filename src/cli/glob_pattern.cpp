#include "cli/glob_pattern.hpp"

#include <algorithm>
#include <iterator>

namespace iocscan::cli {
namespace {

/// The classes of POSIX bracket expressions ([:alpha:] ...).
constexpr std::string_view kCharacterClasses[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
                                                  "lower", "print", "punct", "space", "upper", "xdigit"};

/// The problem of the bracket expression that starts at pattern[open] ('['),
/// or ""; `close` is set past its ']'.
std::string bracket_problem(std::string_view pattern, std::size_t open, std::size_t& close) {
    std::size_t i = open + 1;
    if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) ++i;
    if (i < pattern.size() && pattern[i] == ']') ++i;   // a ']' first is a member
    while (i < pattern.size() && pattern[i] != ']') {
        if (pattern[i] == '\\') {
            i += 2;
            continue;
        }
        if (pattern[i] == '[' && i + 1 < pattern.size() && (pattern[i + 1] == ':' || pattern[i + 1] == '.' ||
                                                             pattern[i + 1] == '=')) {
            const char kind = pattern[i + 1];
            const std::size_t end = pattern.find(std::string{kind, ']'}, i + 2);
            if (end == std::string_view::npos) break;   // reported as an unclosed '['
            const std::string_view name = pattern.substr(i + 2, end - i - 2);
            if (kind == ':' && std::find(std::begin(kCharacterClasses), std::end(kCharacterClasses), name) ==
                                   std::end(kCharacterClasses)) {
                return "unknown character class '[:" + std::string(name) + ":]'";
            }
            i = end + 2;
            continue;
        }
        ++i;
    }
    if (i >= pattern.size()) {
        return "the '[' at character " + std::to_string(open + 1) +
               " is not closed (write '\\[' for a literal '[')";
    }
    close = i + 1;
    return "";
}

}  // namespace

std::string glob_problem(std::string_view pattern) {
    if (pattern.empty()) return "an empty pattern matches no file name";
    if (pattern.find('/') != std::string_view::npos) {
        return "has a '/', but patterns are matched against file names, not paths";
    }
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '\\') {
            if (i + 1 == pattern.size()) return "ends in a lone '\\'";
            i += 2;
        } else if (pattern[i] == '[') {
            if (std::string problem = bracket_problem(pattern, i, i); !problem.empty()) return problem;
        } else {
            ++i;
        }
    }
    return "";
}

}  // namespace iocscan::cli
