#include <switchboard/sdk/Plugin.h>

namespace switchboard::tests::plugins {

/// A plugin as the first plugin API built it: it declares API version 1 and exports its class in a `ChannelV1`
/// manifest. Everything else about it is fine, so that the host refuses it for its version alone.
class VersionOneChannel : public sdk::Channel {
public:
    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices&) override { return {}; }
    sdk::DeliveryResult deliver(const sdk::Delivery&) override { return sdk::DeliveryResult::delivered(); }
};

} // namespace switchboard::tests::plugins

// Written out instead of SWITCHBOARD_PLUGIN_INFO, which always declares the SDK's own API version.
extern "C" __attribute__((visibility("default"))) const switchboard::sdk::PluginInfo* switchboard_plugin_info() {
    static const switchboard::sdk::PluginInfo info{1,
                                                   "legacy",
                                                   "1.0.0",
                                                   "Built for the first plugin API",
                                                   SWITCHBOARD_SDK_COMPILER_MAJOR,
                                                   SWITCHBOARD_SDK_CXX11_ABI,
                                                   POCO_VERSION};
    return &info;
}

POCO_BEGIN_NAMED_MANIFEST(ChannelV1, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::VersionOneChannel)
POCO_END_MANIFEST
