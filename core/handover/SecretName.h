#pragma once

#include <string>

namespace switchboard::core::handover {

/// Names whose values are secrets, so that they are shown masked.
class SecretName {
public:
    /// Shown instead of a secret.
    static constexpr const char* Mask = "********";

    /// A handover method setting that holds a secret: `secret`, and names containing secret, password, token or key.
    /// Masked for everyone; sent back masked, the secret the file has is kept.
    static bool isSecretSetting(const std::string& name);
    /// A URL query parameter that looks like a credential: what isSecretSetting says, ignoring case, and names
    /// containing sig, auth, pass, pwd, credential or session. Masked more eagerly than settings: only people who
    /// never save the URL see it masked.
    static bool isSecretParameter(const std::string& name);
};

} // namespace switchboard::core::handover
