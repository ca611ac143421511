#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard::core::realtime {

/// The body of an Engine.IO 4 long-polling request or answer: text packets joined by the record separator (0x1E).
class EnginePayload {
public:
    class ParseError : public std::runtime_error {
    public:
        using std::runtime_error::runtime_error;
    };

    static constexpr char Separator = '\x1e';

    EnginePayload() = delete;

    static std::string encode(const std::vector<std::string>& packets);
    /// The packets of a POST body, each non-empty UTF-8 text; throws ParseError otherwise (binary packets, `b...`,
    /// are not served).
    static std::vector<std::string> decode(std::string_view body);
};

} // namespace switchboard::core::realtime
