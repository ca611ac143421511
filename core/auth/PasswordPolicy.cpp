#include "core/auth/PasswordPolicy.h"

#include "core/common/ApiError.h"
#include "core/common/Validation.h"

namespace switchboard::core::auth {

void PasswordPolicy::check(const std::string& password, const std::string& field) {
    const auto length = common::utf8Length(password);
    if (!length || *length < kMinChars || *length > kMaxChars)
        throw common::ApiError::invalid("validation_failed",
                                        "the password must be " + std::to_string(kMinChars) + " to " +
                                            std::to_string(kMaxChars) + " characters long",
                                        field);
}

} // namespace switchboard::core::auth
