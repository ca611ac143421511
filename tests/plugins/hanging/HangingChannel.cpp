#include <switchboard/sdk/Plugin.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace switchboard::tests::plugins {

namespace {

std::mutex hangMutex;
std::condition_variable hangReleased;
std::uint64_t releases = 0;

} // namespace

/// Delivers at once, except a delivery whose message is "hang": that one blocks until the test calls
/// switchboard_test_release_hung_deliveries().
class HangingChannel : public sdk::Channel {
public:
    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices&) override { return {}; }

    sdk::DeliveryResult deliver(const sdk::Delivery& delivery) override {
        if (delivery.requestId != "hang") return sdk::DeliveryResult::delivered("answered at once");
        std::unique_lock lock(hangMutex);
        const auto releasesBefore = releases;
        hangReleased.wait(lock, [&] { return releases != releasesBefore; });
        return sdk::DeliveryResult::delivered("answered after hanging");
    }
};

} // namespace switchboard::tests::plugins

/// Lets every delivery hung so far return.
extern "C" __attribute__((visibility("default"))) void switchboard_test_release_hung_deliveries() {
    using namespace switchboard::tests::plugins;
    {
        std::lock_guard lock(hangMutex);
        ++releases;
    }
    hangReleased.notify_all();
}

SWITCHBOARD_PLUGIN_INFO("hanging", "1.0.0", "Hangs in deliver until released")

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::HangingChannel)
POCO_END_MANIFEST
