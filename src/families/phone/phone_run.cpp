#include "families/phone/phone_run.hpp"

#include "simd/ascii_class.hpp"
#include "families/rule_ids.hpp"

#include <algorithm>
#include <array>

namespace iocscan::detail {
namespace {


struct Group {
    const unsigned char* begin;
    int digits;
    bool in_parens;
};

constexpr int kMaxGroups = 8;

/// Splits the run into digit groups. False when it has too many groups or
/// its parentheses do not each enclose exactly one group.
bool split_groups(const unsigned char* p, const unsigned char* end, std::array<Group, kMaxGroups>& groups,
                  int& count) {
    count = 0;
    bool open = false;       // a "(" waits for its group
    bool inside = false;     // the current group is inside parentheses
    while (p < end) {
        const unsigned char c = *p;
        if (is_digit(c)) {
            if (count == kMaxGroups) return false;
            const unsigned char* start = p;
            while (p < end && is_digit(*p)) ++p;
            inside = open;
            open = false;
            groups[count++] = {start, static_cast<int>(p - start), inside};
            if (inside) {
                if (p == end || *p != ')') return false;
                ++p;
                inside = false;
            }
            continue;
        }
        if (c == '(') {
            if (open) return false;
            open = true;
        } else if (c == ')') {
            return false;   // a ")" not right after a parenthesised group
        }
        ++p;
    }
    return !open;
}

bool is_e164(const std::array<Group, kMaxGroups>& groups, int count) {
    int digits = 0;
    for (int i = 0; i < count; ++i) digits += groups[i].digits;
    if (digits < 8 || digits > 15) return false;
    if (groups[0].in_parens || *groups[0].begin == '0') return false;
    return count == 1 || groups[0].digits <= 3;
}

bool is_nanp(const std::array<Group, kMaxGroups>& groups, int count) {
    int first = 0;
    if (count == 4) {
        if (groups[0].digits != 1 || *groups[0].begin != '1' || groups[0].in_parens) return false;
        first = 1;
    } else if (count != 3) {
        return false;
    }
    const Group& area = groups[first];
    const Group& exchange = groups[first + 1];
    const Group& line = groups[first + 2];
    if (area.digits != 3 || exchange.digits != 3 || line.digits != 4) return false;
    if (exchange.in_parens || line.in_parens) return false;
    return *area.begin >= '2' && *exchange.begin >= '2';
}

}  // namespace

void emit_phone_run(CandidateSink& sink, const unsigned char* begin, const unsigned char* end) {
    // Every number has at least 8 digits (E.164; NANP has 10), and each
    // window below is a part of the run: most runs ("1", "2024", a version)
    // end here, before any work.
    if (std::count_if(begin, end, is_digit) < 8) return;
    // Digit groups of the whole run; a run is at most 256 bytes (rule table).
    // Only the first `total` entries are read, so they are left uninitialised
    // (zeroing 2 KiB per call was most of the cost of a short run).
    constexpr int kMaxRunGroups = 130;
    std::array<const unsigned char*, kMaxRunGroups> starts;
    std::array<const unsigned char*, kMaxRunGroups> ends;
    int total = 0;
    for (const unsigned char* p = begin; p < end;) {
        if (!is_digit(*p)) {
            ++p;
            continue;
        }
        if (total == kMaxRunGroups) return;
        starts[total] = p;
        while (p < end && is_digit(*p)) ++p;
        ends[total++] = p;
    }
    // A number may share a run with others only across a plain space
    // ("212-555-0147 212.555.0147"): windows of whole groups whose
    // neighbours are joined to them by " " or " (" are tried from the left,
    // the longest valid window first. Each start tries a few windows only.
    const auto space_between = [&](int left) {   // separator after group `left`
        return ends[left] < end && *ends[left] == ' ';
    };
    int i = 0;
    while (i < total) {
        const bool starts_window = i == 0 || space_between(i - 1);
        int found = -1;
        const unsigned char* window_begin = i == 0 ? begin : ends[i - 1] + 1;
        for (int j = std::min(total - 1, i + kMaxGroups - 1); starts_window && j >= i && found < 0; --j) {
            if (j + 1 < total && !space_between(j)) continue;
            const unsigned char* window_end = ends[j];
            std::array<Group, kMaxGroups> groups{};
            int count = 0;
            const bool plus = *window_begin == '+';
            if (!split_groups(plus ? window_begin + 1 : window_begin, window_end, groups, count) || count == 0) {
                continue;
            }
            if (plus ? is_e164(groups, count) : is_nanp(groups, count)) {
                sink.add(Type::phone, kRulePhone, window_begin, window_end);
                found = j;
            }
        }
        i = found >= 0 ? found + 1 : i + 1;
    }
}

}  // namespace iocscan::detail
