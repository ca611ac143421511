#include <switchboard/sdk/Plugin.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace switchboard::tests::plugins {

namespace {

std::mutex hangMutex;
std::condition_variable hangReleased;
std::uint64_t releases = 0;

} // namespace

/// Delivers at once, except a delivery of the request "hang": that one blocks until the test calls
/// switchboard_test_release_hung_deliveries(). Its Test blocks the same way, for at most the milliseconds of the
/// setting `hang_ms`, when it has one, and passes at once otherwise.
class HangingChannel : public sdk::Channel {
public:
    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices&) override { return {}; }

    sdk::DeliveryResult deliver(const sdk::Delivery& delivery) override {
        if (delivery.requestId != "hang") return sdk::DeliveryResult::delivered("answered at once");
        waitForRelease(std::nullopt);
        return sdk::DeliveryResult::delivered("answered after hanging");
    }

    sdk::TestResult test(const sdk::Settings& settings) override {
        if (settings.count("hang_ms")) waitForRelease(std::chrono::milliseconds(std::stoll(settings.at("hang_ms"))));
        sdk::TestResult result;
        result.outcome = sdk::TestResult::Outcome::Passed;
        result.detail = "answered at once";
        return result;
    }

private:
    /// Until released, or at most `atMost`.
    static void waitForRelease(std::optional<std::chrono::milliseconds> atMost) {
        std::unique_lock lock(hangMutex);
        const auto releasesBefore = releases;
        const auto released = [&] { return releases != releasesBefore; };
        if (atMost) {
            hangReleased.wait_for(lock, *atMost, released);
        } else {
            hangReleased.wait(lock, released);
        }
    }
};

} // namespace switchboard::tests::plugins

/// Lets every call hung so far return.
extern "C" __attribute__((visibility("default"))) void switchboard_test_release_hung_deliveries() {
    using namespace switchboard::tests::plugins;
    {
        std::lock_guard lock(hangMutex);
        ++releases;
    }
    hangReleased.notify_all();
}

SWITCHBOARD_PLUGIN_INFO("hanging", "1.0.0", "Hangs in deliver and test until released")

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::HangingChannel)
POCO_END_MANIFEST
