// Fuzz target 3: the command-line parser. Arguments are the input split at
// NUL bytes; any argument vector must parse or fail cleanly.
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
    return 0;
}
