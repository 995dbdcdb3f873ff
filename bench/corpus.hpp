// A deterministic generator of realistic log and report text with IOCs in it,
// for benchmarks and the memory soak. Same seed, same bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace iocscan::bench {

/// What the text looks like: `mixed` is the benchmark corpus (log lines of
/// eight kinds, every family, defanged forms); the others are one kind of
/// text each, as analysts feed it (corpus_styles.hpp).
enum class CorpusStyle { mixed, access, access6, json, csv, lists, markdown, yara, prose };

/// The style named `name` ("mixed", "access", ...); false when none is.
bool parse_corpus_style(std::string_view name, CorpusStyle& style);

struct CorpusOptions {
    std::uint64_t seed = 42;
    /// IOCs per megabyte, roughly (plain and defanged, every family).
    unsigned iocs_per_mb = 2000;
    /// Write UTF-16LE ("wide") text instead of ASCII.
    bool wide = false;
    CorpusStyle style = CorpusStyle::mixed;
};

/// Produces text in pieces until `sink` returns false or `total_bytes` have
/// been produced (0: without end).
void generate_corpus(const CorpusOptions& options, std::uint64_t total_bytes,
                     const std::function<bool(std::string_view)>& sink);

/// Convenience: the first `bytes` of the corpus as one string.
std::string corpus_text(std::uint64_t bytes, const CorpusOptions& options = {});

/// RFC 4648 base64 with "=" padding, and lower-case hex, of `bytes`: how the
/// generated inputs hide URLs.
std::string base64_text(std::string_view bytes);
std::string hex_text(std::string_view bytes);

}  // namespace iocscan::bench
