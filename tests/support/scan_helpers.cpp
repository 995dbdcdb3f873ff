#include "support/scan_helpers.hpp"

#include <cstdio>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace iocscan::test {
MatchCallback collector(std::vector<Found>& out) {
    return [&out](const Match& m) {
        Found f{m.type, m.offset, std::string(m.raw), std::string(m.value), {}, m.defanged,
                std::string(encoding_name(m.encoding)), m.length()};
        for (std::uint8_t i = 0; i < m.rule_count; ++i) f.rules.emplace_back(rule_name(m.rules[i]));
        out.push_back(std::move(f));
        return true;
    };
}

std::vector<Found> scan_pieces(const std::string& text, const Options& options, std::size_t piece_size) {
    std::vector<Found> found;
    Scanner scanner(options);
    const auto sink = collector(found);
    const std::size_t step = piece_size == 0 ? std::max<std::size_t>(text.size(), 1) : piece_size;
    for (std::size_t at = 0; at < text.size(); at += step) {
        scanner.feed(std::string_view(text).substr(at, step), sink);
    }
    scanner.finish(sink);
    return found;
}

std::vector<Found> scan_through_fd(const std::string& text, const Options& options,
                                   const SourceOptions& source) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    // A writer thread, so inputs larger than the pipe buffer do not block.
    std::thread writer([&] {
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = ::write(fds[1], text.data() + done, text.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        ::close(fds[1]);
    });
    std::vector<Found> found;
    Scanner scanner(options);
    std::string error;
    const ScanEnd end = scan_fd(fds[0], scanner, source, collector(found), error);
    writer.join();
    ::close(fds[0]);
    if (end != ScanEnd::completed) throw std::runtime_error("scan_fd did not complete: " + error);
    return found;
}

Stats scan_stats(const std::string& text, const Options& options) {
    Scanner scanner(options);
    const auto ignore = [](const Match&) { return true; };
    scanner.feed(text, ignore);
    scanner.finish(ignore);
    return scanner.stats();
}

std::vector<std::string> values_of(const std::vector<Found>& found, Type type) {
    std::vector<std::string> values;
    for (const auto& f : found) {
        if (f.type == type) values.push_back(f.value);
    }
    return values;
}

std::string describe(const std::vector<Found>& found) {
    std::string text;
    for (const auto& f : found) {
        text += std::string(type_name(f.type)) + "@" + std::to_string(f.offset) + " raw=[" + f.raw +
                "] value=[" + f.value + "]\n";
    }
    return text.empty() ? "(nothing)\n" : text;
}

Options options_for(std::initializer_list<Type> types, bool refang) {
    Options options;
    options.types = TypeSet();
    for (Type t : types) options.types.add(t);
    options.refang = refang;
    return options;
}

Options options_for_all_types(bool refang) {
    Options options;
    options.types = TypeSet::all();
    options.refang = refang;
    return options;
}

std::vector<std::string> values_found(Type type, const std::string& text, bool refang, std::size_t piece_size) {
    return values_of(scan_pieces(text, options_for({type}, refang), piece_size), type);
}

}  // namespace iocscan::test
