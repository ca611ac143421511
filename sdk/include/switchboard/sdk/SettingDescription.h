#pragma once

#include <string>

namespace switchboard::sdk {

/// One setting a channel reads, as the portal and `GET /api/plugins` show it.
struct SettingDescription {
    /// As written in YAML, e.g. "url" or "smtp.host".
    std::string key;
    /// One line for the operator: what it is for, and its default when it has one.
    std::string description;
    bool required = false;
    /// Its value is never shown back (a password, a signing key).
    bool secret = false;
};

} // namespace switchboard::sdk
