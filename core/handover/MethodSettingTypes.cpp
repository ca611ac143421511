#include "core/handover/MethodSettingTypes.h"

#include "core/handover/SecretName.h"

#include <algorithm>

namespace switchboard::core::handover {

namespace {

/// The fallback, and the only place the hub goes by a setting's name: for a setting its channel does not describe.
/// The built-in channels describe every method setting they take (and refuse any other).
MethodSettingTypes::Type typeByName(const std::string& key) {
    if (SecretName::isSecretSetting(key)) return MethodSettingTypes::Type::Secret;
    if (key == "url" || key.ends_with("_url")) return MethodSettingTypes::Type::HttpUrl;
    return MethodSettingTypes::Type::Text;
}

} // namespace

MethodSettingTypes::MethodSettingTypes(DescribeMethodSettings describe) : _describe(std::move(describe)) {}

MethodSettingTypes::Type MethodSettingTypes::typeOf(const std::string& channel, const std::string& key) const {
    const auto described = _describe(channel);
    const auto setting = std::find_if(described.begin(), described.end(),
                                      [&](const sdk::SettingDescription& each) { return each.key == key; });
    return setting != described.end() ? setting->type : typeByName(key);
}

} // namespace switchboard::core::handover
