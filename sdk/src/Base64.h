#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace switchboard::sdk {

/// Base64 with the standard alphabet and padding (RFC 4648 section 4), as Standard Webhooks uses it.
class Base64 {
public:
    static std::string encode(std::string_view bytes);
    /// nullopt when `text` is not canonical padded base64 (no whitespace, no line breaks).
    static std::optional<std::string> decode(std::string_view text);
};

} // namespace switchboard::sdk
