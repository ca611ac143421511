#include <switchboard/sdk/Plugin.h>

namespace switchboard::tests::plugins {

/// Throws from every delivery and every Test, as a plugin with a bug would; from `configure` too when its settings
/// ask for it.
class ThrowingChannel : public sdk::Channel {
public:
    sdk::SettingErrors configure(const sdk::Settings& settings, sdk::HostServices&) override {
        if (settings.count("throw_in_configure")) throw sdk::Error("the settings exploded");
        return {};
    }
    sdk::DeliveryResult deliver(const sdk::Delivery&) override { throw sdk::Error("the provider exploded"); }
    sdk::TestResult test(const sdk::Settings&) override { throw sdk::Error("the test exploded"); }
};

} // namespace switchboard::tests::plugins

SWITCHBOARD_PLUGIN_INFO("throwing", "1.0.0", "Throws from every delivery")

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::ThrowingChannel)
POCO_END_MANIFEST
