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
    for (const auto& problem : check_custom_patterns(patterns)) {
        throw std::invalid_argument("custom_patterns:" + std::to_string(problem.line) + ": " + problem.message);
    }
    std::vector<const char*> argv;
    for (const auto& arg : args) argv.push_back(arg.c_str());
    cli::Arguments parsed;
    // Given before parsing, as --custom-regex gives them: "custom" among the
    // types then has its patterns.
    parsed.scan.custom_patterns = patterns;
    std::string error;
    if (!cli::parse_arguments(static_cast<int>(argv.size()), argv.data(), parsed, error)) {
        throw std::invalid_argument(error);
    }
    if (!parsed.paths.empty() && parsed.paths != std::vector<std::string>{"-"}) {
        throw std::invalid_argument("unexpected argument '" + parsed.paths.front() + "'");
    }
    // As --custom-regex does: patterns add "custom" to the types, the
    // default ones included.
    if (!patterns.empty()) parsed.scan.types.add(Type::custom);
    return parsed.scan;
}

}  // namespace iocscan::python
