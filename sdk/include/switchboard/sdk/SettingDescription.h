#pragma once

#include <string>

namespace switchboard::sdk {

/// One setting a channel reads, as the portal and `GET /api/plugins` show it.
struct SettingDescription {
    /// What the host does with a setting's value besides handing it to the channel.
    enum class Type {
        /// Shown back as it is written.
        Text,
        /// Never shown back (a password, a signing key); sent back masked, the value already saved is kept.
        Secret,
        /// An http(s) address the channel calls: the host checks it against its outbound policy when a widget's
        /// method is saved, and shows it without the credentials it may carry to people who may not see them.
        HttpUrl,
    };

    /// As written in YAML, e.g. "url" or "smtp.host".
    std::string key;
    /// One line for the operator: what it is for, and its default when it has one.
    std::string description;
    bool required = false;
    Type type = Type::Text;
};

} // namespace switchboard::sdk
