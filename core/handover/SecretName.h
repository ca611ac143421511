#pragma once

#include <string>

namespace switchboard::core::handover {

/// Names whose values look like secrets, so that they are shown masked: the query parameters of a URL, and the
/// settings of a handover method whose channel does not describe them (MethodSettingTypes; a described setting is a
/// secret when its channel says so, whatever its name).
class SecretName {
public:
    /// Shown instead of a secret.
    static constexpr const char* Mask = "********";

    /// A setting name that looks like a secret's: names containing secret, password, token or key.
    static bool isSecretSetting(const std::string& name);
    /// A URL query parameter that looks like a credential: what isSecretSetting says, ignoring case, and names
    /// containing sig, auth, pass, pwd, credential or session. Masked more eagerly than settings: only people who
    /// never save the URL see it masked.
    static bool isSecretParameter(const std::string& name);
};

} // namespace switchboard::core::handover
