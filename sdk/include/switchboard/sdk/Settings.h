#pragma once

#include <map>
#include <string>
#include <vector>

namespace switchboard::sdk {

/// Flat key → value settings, `${ENV}` already resolved by the host. Nested YAML maps arrive as dotted keys
/// (`smtp: {host: x}` → `smtp.host`), lists as one key per item (`cc: [a, b]` → `cc.0`, `cc.1`). Read them with
/// SettingsReader.
using Settings = std::map<std::string, std::string>;

/// One problem with a setting: the key it is about, and what is wrong in words an operator can act on.
struct SettingError {
    std::string key;
    std::string message;
};

using SettingErrors = std::vector<SettingError>;

} // namespace switchboard::sdk
