#pragma once

#include <switchboard/sdk/SettingDescription.h>

#include <functional>
#include <string>
#include <vector>

namespace switchboard::core::handover {

/// What the hub makes of each setting of a widget's handover method: a secret it never shows, an http(s) URL it
/// checks against the outbound policy, or text. The channel instance the method names says so, through the
/// method settings it describes (`sdk::SettingDescription::Type`); the hub reads no channel's keys by name.
///
/// A setting its channel does not describe (a plugin that describes nothing, say) falls back on its name, the
/// cautious way: SecretName's rule makes it a secret, `url` or `..._url` a URL, anything else text.
class MethodSettingTypes {
public:
    using Type = sdk::SettingDescription::Type;
    /// The method settings the channel instance `channel` describes; none for an unknown instance.
    using DescribeMethodSettings = std::function<std::vector<sdk::SettingDescription>(const std::string& channel)>;

    explicit MethodSettingTypes(DescribeMethodSettings describe);

    /// The type of the setting `key` of a method of the channel instance `channel`.
    Type typeOf(const std::string& channel, const std::string& key) const;

private:
    DescribeMethodSettings _describe;
};

} // namespace switchboard::core::handover
