#include "cli/input_walker.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fnmatch.h>
#include <set>
#include <sys/stat.h>
#include <utility>

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

class Walker {
public:
    Walker(const WalkOptions& options, const std::function<bool(const std::string&)>& visit,
           const std::function<void(const std::string&, const std::string&)>& error)
        : options_(options), visit_(visit), error_(error) {}

    /// A path named on the command line: taken whatever its kind, except
    /// that a directory is walked.
    bool named(const std::string& path) {
        struct stat info {};
        if (path != "-" && ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
            return directory(path, info);
        }
        return visit_(path);   // opening it reports any error
    }

private:
    bool directory(const std::string& path, const struct stat& info) {
        // A directory reached twice through links would loop forever.
        if (!entered_.insert({info.st_dev, info.st_ino}).second) return true;
        DIR* dir = ::opendir(path.c_str());
        if (dir == nullptr) {
            error_(path, std::strerror(errno));
            return true;
        }
        std::vector<std::string> names;
        while (const dirent* entry = ::readdir(dir)) {
            const std::string name = entry->d_name;
            if (name != "." && name != "..") names.push_back(name);
        }
        ::closedir(dir);
        std::sort(names.begin(), names.end());
        const std::string prefix = path.back() == '/' ? path : path + "/";
        for (const auto& name : names) {
            if (!entry(prefix + name, name)) return false;
        }
        return true;
    }

    bool entry(const std::string& path, const std::string& name) {
        struct stat link_info {};
        if (::lstat(path.c_str(), &link_info) != 0) {
            error_(path, std::strerror(errno));
            return true;
        }
        struct stat info = link_info;
        if (S_ISLNK(link_info.st_mode)) {
            if (!options_.follow_links) return true;
            if (::stat(path.c_str(), &info) != 0) {
                error_(path, std::strerror(errno));
                return true;
            }
        }
        if (S_ISDIR(info.st_mode)) return directory(path, info);
        if (!S_ISREG(info.st_mode)) return true;   // FIFOs, devices, sockets: only when named
        if (!matches_globs(name)) return true;
        return visit_(path);
    }

    bool matches_globs(const std::string& name) const {
        if (options_.globs.empty()) return true;
        return std::any_of(options_.globs.begin(), options_.globs.end(),
                           [&](const std::string& glob) { return ::fnmatch(glob.c_str(), name.c_str(), 0) == 0; });
    }

    const WalkOptions& options_;
    const std::function<bool(const std::string&)>& visit_;
    const std::function<void(const std::string&, const std::string&)>& error_;
    std::set<std::pair<dev_t, ino_t>> entered_;
};

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

void walk_inputs(const std::vector<std::string>& paths, const WalkOptions& options,
                 const std::function<bool(const std::string& path)>& visit,
                 const std::function<void(const std::string& path, const std::string& reason)>& error) {
    Walker walker(options, visit, error);
    for (const auto& path : paths) {
        if (!walker.named(path)) return;
    }
}

}  // namespace iocscan::cli
