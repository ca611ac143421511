#pragma once

#include <cstddef>
#include <string>

namespace switchboard::core::common {

/// Unpredictable identifiers and secrets from the kernel's CSPRNG (getrandom).
class SecureRandom {
public:
    SecureRandom() = delete;

    /// `bytes` random bytes as unpadded base64url (RFC 4648 §5): safe in URLs, headers and cookies.
    /// Throws std::invalid_argument for 0 bytes and std::runtime_error when the generator fails.
    static std::string token(std::size_t bytes = 32);

    /// A random (version 4) UUID in lowercase canonical form, e.g. `0f8fad5b-d9cb-469f-a165-70867728950e`.
    static std::string uuid4();

private:
    static std::string bytes(std::size_t count);
};

} // namespace switchboard::core::common
