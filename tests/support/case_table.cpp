#include "support/case_table.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace iocscan::test {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!text.empty() && text.back() == separator) parts.emplace_back();
    return parts;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool CaseRow::has_mode(const std::string& mode) const {
    return std::find(modes.begin(), modes.end(), mode) != modes.end();
}

std::string unescape(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char next = text[++i];
        switch (next) {
            case 't': out += '\t'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case '\\': out += '\\'; break;
            case 'x': {
                if (i + 2 >= text.size()) throw std::runtime_error("truncated \\x escape in: " + text);
                const int hi = hex_value(text[i + 1]);
                const int lo = hex_value(text[i + 2]);
                if (hi < 0 || lo < 0) throw std::runtime_error("bad \\x escape in: " + text);
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                break;
            }
            default:
                throw std::runtime_error(std::string("unknown escape \\") + next + " in: " + text);
        }
    }
    return out;
}

std::vector<CaseRow> load_cases(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::vector<CaseRow> rows;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        const auto cells = split(line, '\t');
        if (cells.size() < 5) {
            throw std::runtime_error(path + ":" + std::to_string(number) + ": fewer than 5 columns");
        }
        CaseRow row;
        row.id = cells[0];
        row.type = cells[1];
        row.modes = split(cells[2], ',');
        row.input = unescape(cells[3]);
        row.line = number;
        if (!(cells.size() == 5 && cells[4] == "-")) {
            for (std::size_t i = 4; i < cells.size(); ++i) row.expected.push_back(unescape(cells[i]));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string cases_path() { return IOCSCAN_TEST_DATA_DIR "/cases.tsv"; }

}  // namespace iocscan::test
