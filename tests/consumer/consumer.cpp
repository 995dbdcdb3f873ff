// Scans a string with the installed library and checks what it finds.
#include <iocscan/iocscan.hpp>

#include <cstdio>
#include <string>

int main() {
    iocscan::Options options;
    options.types = iocscan::TypeSet().add(iocscan::Type::ipv4).add(iocscan::Type::md5);
    options.refang = true;
    iocscan::Scanner scanner(options);
    std::string found;
    const auto collect = [&](const iocscan::Match& m) {
        found += std::string(iocscan::type_name(m.type)) + "=" + std::string(m.value) + ";";
        return true;
    };
    scanner.feed("beacon to 203[.]0[.]113[.]9 md5 d41d8cd98f00b204e9800998ecf8427e", collect);
    scanner.finish(collect);
    const std::string expected = "ipv4=203.0.113.9;md5=d41d8cd98f00b204e9800998ecf8427e;";
    if (found != expected) {
        std::fprintf(stderr, "consumer: got '%s', expected '%s'\n", found.c_str(), expected.c_str());
        return 1;
    }
    std::puts("consumer: ok");
    return 0;
}
