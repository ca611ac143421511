#pragma once

#include <string>
#include <string_view>

namespace switchboard::sdk {

/// HMAC-SHA256 over OpenSSL.
class HmacSha256 {
public:
    static constexpr std::size_t Size = 32;

    /// The raw 32-byte MAC of `data` under `key`.
    static std::string digest(std::string_view key, std::string_view data);
};

} // namespace switchboard::sdk
