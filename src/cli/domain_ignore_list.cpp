#include "cli/domain_ignore_list.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace iocscan::cli {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

}  // namespace

bool DomainIgnoreList::load(const std::string& path, std::string& error) {
    std::ifstream file(path);
    if (!file) {
        error = path + ": " + std::strerror(errno != 0 ? errno : ENOENT);
        return false;
    }
    std::string line;
    for (int number = 1; std::getline(file, line); ++number) {
        std::string_view entry = line;
        entry = trim(entry.substr(0, entry.find('#')));
        if (entry.empty()) continue;
        if (entry.find_first_of(" \t/@") != std::string_view::npos) {
            error = path + ":" + std::to_string(number) + ": not a domain name: '" + std::string(entry) + "'";
            return false;
        }
        while (!entry.empty() && entry.front() == '.') entry.remove_prefix(1);   // ".example.com" too
        names_.insert(lower(entry));
    }
    if (file.bad()) {
        error = path + ": read error";
        return false;
    }
    return true;
}

bool DomainIgnoreList::ignores(std::string_view domain) const {
    if (names_.empty()) return false;
    std::string name = lower(domain);
    std::string_view rest = name;
    for (;;) {
        if (names_.count(std::string(rest)) != 0) return true;
        const auto dot = rest.find('.');
        if (dot == std::string_view::npos) return false;
        rest.remove_prefix(dot + 1);
    }
}

}  // namespace iocscan::cli
