// A small strict JSON parser, so tests can check that output parses and read it back.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace iocscan::test {

struct JsonValue {
    enum class Kind { null, boolean, number, string, array, object } kind = Kind::null;
    bool boolean = false;
    double number = 0;
    std::string string;                      ///< UTF-8 (\u escapes decoded)
    std::vector<JsonValue> array;
    std::map<std::string, JsonValue> object;

    const JsonValue& at(const std::string& key) const;   ///< throws if absent
    bool has(const std::string& key) const { return object.count(key) != 0; }
};

/// Parses one JSON text; throws std::runtime_error with the position on
/// any syntax error, including invalid UTF-8 inside strings.
JsonValue parse_json(const std::string& text);

}  // namespace iocscan::test
