#pragma once

#include <cstddef>
#include <string>

namespace switchboard::core::auth {

/// What a new password must satisfy.
class PasswordPolicy {
public:
    static constexpr std::size_t kMinChars = 8;
    /// Long enough for any passphrase, short enough that hashing it costs nothing extra.
    static constexpr std::size_t kMaxChars = 1024;

    /// Throws 422 `validation_failed` naming `field` unless `password` is valid UTF-8 of kMinChars..kMaxChars
    /// characters.
    static void check(const std::string& password, const std::string& field);
};

} // namespace switchboard::core::auth
