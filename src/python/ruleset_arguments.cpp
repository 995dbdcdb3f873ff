#include "python/ruleset_arguments.hpp"

#include "cli/arguments.hpp"

#include <stdexcept>

namespace iocscan::python {

Options options_from_arguments(const std::vector<std::string>& flags,
                               const std::vector<std::string>& custom_patterns) {
    std::vector<std::string> args{"iocscan"};
    args.insert(args.end(), flags.begin(), flags.end());
    std::vector<CustomPattern> patterns;
    for (std::size_t i = 0; i < custom_patterns.size(); ++i) {
        patterns.push_back({custom_patterns[i], static_cast<std::uint32_t>(i + 1)});
    }
    // As --custom-regex does: patterns add the custom type to the selection.
    if (!patterns.empty()) args.insert(args.end(), {"--types", "custom"});
    std::vector<const char*> argv;
    for (const auto& arg : args) argv.push_back(arg.c_str());
    cli::Arguments parsed;
    std::string error;
    if (!cli::parse_arguments(static_cast<int>(argv.size()), argv.data(), parsed, error)) {
        throw std::invalid_argument(error);
    }
    if (!parsed.paths.empty() && parsed.paths != std::vector<std::string>{"-"}) {
        throw std::invalid_argument("unexpected argument '" + parsed.paths.front() + "'");
    }
    for (const auto& problem : check_custom_patterns(patterns)) {
        throw std::invalid_argument("custom_patterns:" + std::to_string(problem.line) + ": " + problem.message);
    }
    parsed.scan.custom_patterns.insert(parsed.scan.custom_patterns.end(), patterns.begin(), patterns.end());
    return parsed.scan;
}

}  // namespace iocscan::python
