// The items of a comma-separated list ("--types url,ipv4", "--no-rule a,b",
// the C ABI's types string), for range-for. Every comma separates: "a,"
// has the items "a" and "", and "" is one empty item, so that the callers
// can reject empty names.
#pragma once

#include <cstddef>
#include <string_view>

namespace iocscan {

class CommaList {
public:
    explicit CommaList(std::string_view list) : list_(list) {}

    class Iterator {
    public:
        /// At the first item of `rest`; default: past the last item.
        explicit Iterator(std::string_view rest) : rest_(rest), done_(false) {}
        Iterator() = default;
        std::string_view operator*() const { return rest_.substr(0, rest_.find(',')); }
        Iterator& operator++() {
            const std::size_t comma = rest_.find(',');
            done_ = comma == std::string_view::npos;
            rest_.remove_prefix(done_ ? rest_.size() : comma + 1);
            return *this;
        }
        bool operator!=(const Iterator& other) const { return done_ != other.done_; }

    private:
        std::string_view rest_;
        bool done_ = true;
    };

    Iterator begin() const { return Iterator(list_); }
    Iterator end() const { return Iterator(); }

private:
    std::string_view list_;
};

}  // namespace iocscan
