#include <switchboard/sdk/Plugin.h>

namespace switchboard::tests::plugins {

/// Two channel classes in one manifest, which the host refuses: it could not tell which one to create.
class LeftChannel : public sdk::Channel {
public:
    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices&) override { return {}; }
    sdk::DeliveryResult deliver(const sdk::Delivery&) override { return sdk::DeliveryResult::delivered("left"); }
};

class RightChannel : public sdk::Channel {
public:
    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices&) override { return {}; }
    sdk::DeliveryResult deliver(const sdk::Delivery&) override { return sdk::DeliveryResult::delivered("right"); }
};

} // namespace switchboard::tests::plugins

SWITCHBOARD_PLUGIN_INFO("twins", "1.0.0", "Exports two channel classes")

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::LeftChannel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::RightChannel)
POCO_END_MANIFEST
