#include "cli/allow_list_file.hpp"

#include "cli/whole_file.hpp"

#include <iterator>

namespace iocscan::cli {

bool load_allow_file(const std::string& path, bool domains_only, std::vector<AllowEntry>& into,
                     std::string& error) {
    std::string text;
    if (!read_whole_file(path, text, error)) return false;
    auto entries = parse_allow_list(text);
    std::vector<PatternError> problems;
    if (domains_only) {
        for (const auto& entry : entries) {
            if (entry.text.find_first_of(" \t/@") != std::string::npos) {
                problems.push_back({entry.line, "not a domain name: '" + entry.text + "'"});
            }
        }
    }
    if (problems.empty()) problems = check_allow_list(entries);
    for (const auto& problem : problems) {
        if (!error.empty()) error += "\niocscan: ";
        error += path + ":" + std::to_string(problem.line) + ": " + problem.message;
    }
    if (!problems.empty()) return false;
    if (into.empty()) {
        into = std::move(entries);   // the usual one list: no second 4 MB vector for 100k entries
    } else {
        into.insert(into.end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
    }
    return true;
}

}  // namespace iocscan::cli
