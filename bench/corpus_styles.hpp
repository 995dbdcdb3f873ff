// Text of one kind each, as analysts feed it to the scanner: web and proxy
// logs, JSON Lines events (EDR, DNS, proxy; JSON writes "/" as "\/" and
// Windows paths with doubled backslashes), a CSV indicator feed, indicator
// lists (hashes as sha256sum writes them, addresses, URLs), a markdown
// threat report (tables, code blocks, defanged IOCs in backticks), a YARA
// rule set, and plain prose. The mixed benchmark corpus (corpus.cpp) has a
// line of each of eight kinds; these keep one kind for a whole file, so a
// benchmark can say how fast each kind of real text is scanned
// (bench/styles.sh). IOC density is that of the kind of text, not --density.
#pragma once

#include "corpus.hpp"
#include "corpus_pieces.hpp"

#include <string>

namespace iocscan::bench {

/// Appends one unit of `style` text to `out` (a log line, an event, a feed
/// row, a report section, a rule, a paragraph), each ending with "\n".
/// `style` is not CorpusStyle::mixed.
void append_styled(CorpusStyle style, Pieces& pieces, std::string& out);

}  // namespace iocscan::bench
