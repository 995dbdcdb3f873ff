#include "support/mixed_text.hpp"

#include <random>
#include <vector>

namespace iocscan::test {

std::string mixed_text(std::size_t size, std::uint32_t seed) {
    std::mt19937 rng(seed);
    const std::vector<std::string> pieces = {
        "10.0.0.1", "203[.]0[.]113[.]9", "198(.)51(.)100(.)7", "10\\.1\\.2\\.3", "8.8[dot]8.8",
        "10[[.]]0.0.]]1", "1.2.3.4.5", "256.1.1.1", "01234.1.1.1", "10.20.0.0/16", "1.2.3.4/33",
        "d41d8cd98f00b204e9800998ecf8427e", "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "d41d8cd98f00b204e9800998ecf8427ed41d8cd98f00b204e9800998ecf8427e0",
        "http://10.1.2.3/x", "hxxp://evil[.]example[.]net/a.exe", "user@example.org",
        "2001:db8::1", "12:34:56", " ", " ", "\n", "\t", ".", "[.]", "(", ")", "]]", "/", ",",
        "version 1.2.3", "the quick brown fox", "\xe3\x80\x82", std::string("\0", 1), "\xff\xfe",
    };
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> junk(0, 255);
    std::string text;
    text.reserve(size + 128);
    while (text.size() < size) {
        if (rng() % 16 == 0) {
            text += static_cast<char>(junk(rng));
        } else {
            text += pieces[pick(rng)];
        }
    }
    return text;
}

}  // namespace iocscan::test
