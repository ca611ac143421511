#include <switchboard/sdk/Plugin.h>

namespace switchboard::tests::plugins {

/// A POCO class library with a channel class but no SWITCHBOARD_PLUGIN_INFO: not a Switchboard plugin.
class AnonymousChannel : public sdk::Channel {
public:
    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices&) override { return {}; }
    sdk::DeliveryResult deliver(const sdk::Delivery&) override { return sdk::DeliveryResult::delivered(); }
};

} // namespace switchboard::tests::plugins

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::AnonymousChannel)
POCO_END_MANIFEST
