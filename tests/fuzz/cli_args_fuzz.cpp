// Fuzz target 3: the command-line parser and the custom-pattern loader.
// Arguments are the input split at NUL bytes; any argument vector must parse
// or fail cleanly. The same bytes, read as a --custom-regex file, must load
// or be refused with a line number, and accepted patterns must scan.
#include "cli/arguments.hpp"

#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> words{"iocscan"};
    std::string word;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            words.push_back(word);
            word.clear();
        } else {
            word += static_cast<char>(data[i]);
        }
    }
    words.push_back(word);
    std::vector<const char*> argv;
    for (const auto& w : words) argv.push_back(w.c_str());
    iocscan::cli::Arguments args;
    std::string error;
    const bool ok = iocscan::cli::parse_arguments(static_cast<int>(argv.size()), argv.data(), args, error);
    if (!ok && error.empty()) __builtin_trap();   // a refusal always says why

    const std::string_view file_text(reinterpret_cast<const char*>(data), size);
    const auto patterns = iocscan::parse_custom_patterns(file_text);
    const auto problems = iocscan::check_custom_patterns(patterns);
    for (const auto& problem : problems) {
        if (problem.line == 0 || problem.message.empty()) __builtin_trap();
    }
    if (problems.empty() && !patterns.empty()) {
        iocscan::Options options;
        options.types = iocscan::TypeSet().add(iocscan::Type::custom);
        options.custom_patterns = patterns;
        iocscan::Scanner scanner(options);
        const auto ignore = [](const iocscan::Match&) { return true; };
        scanner.feed(file_text, ignore);
        scanner.finish(ignore);
    }
    return 0;
}
