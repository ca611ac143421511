#include <switchboard/sdk/Plugin.h>

namespace switchboard::tests::plugins {

/// A plugin that is fine in every way except that it claims to be built for plugin API 2.
class FutureChannel : public sdk::Channel {
public:
    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices&) override { return {}; }
    sdk::DeliveryResult deliver(const sdk::Delivery&) override { return sdk::DeliveryResult::delivered(); }
};

} // namespace switchboard::tests::plugins

// Written out instead of SWITCHBOARD_PLUGIN_INFO, which always declares the SDK's own API version.
extern "C" __attribute__((visibility("default"))) const switchboard::sdk::PluginInfo* switchboard_plugin_info() {
    static const switchboard::sdk::PluginInfo info{2,
                                                   "future",
                                                   "2.0.0",
                                                   "Built for a plugin API this hub does not speak",
                                                   SWITCHBOARD_SDK_COMPILER_MAJOR,
                                                   SWITCHBOARD_SDK_CXX11_ABI,
                                                   POCO_VERSION};
    return &info;
}

POCO_BEGIN_NAMED_MANIFEST(ChannelV1, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::FutureChannel)
POCO_END_MANIFEST
