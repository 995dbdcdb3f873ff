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

void walk_inputs(const std::vector<std::string>& paths, const WalkOptions& options,
                 const std::function<bool(const std::string& path)>& visit,
                 const std::function<void(const std::string& path, const std::string& reason)>& error) {
    Walker walker(options, visit, error);
    for (const auto& path : paths) {
        if (!walker.named(path)) return;
    }
}

}  // namespace iocscan::cli
