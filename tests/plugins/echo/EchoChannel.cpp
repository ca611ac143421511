#include <switchboard/sdk/Plugin.h>

namespace switchboard::tests::plugins {

/// Answers every delivery with the greeting it was configured with and the host's time, so that tests see the
/// settings, the host services and the clock arrive in the plugin.
class EchoChannel : public sdk::Channel {
public:
    /// Two methods, so that tests see a method take the defaults of the one of its name, or else of the first.
    sdk::ChannelDescription describe() const override {
        sdk::ChannelDescription description;
        description.displayName = "Echo";
        description.handoverMethods = {{"echo", "Echo me", "Echoed back shortly.", {"phone"}},
                                       {"shout", "Shout", "", {}}};
        description.instanceSettings = {{"greeting", "What every answer starts with", true}};
        description.methodSettings = {{"salutation", "How the visitor is addressed", false}};
        return description;
    }

    sdk::SettingErrors configure(const sdk::Settings& settings, sdk::HostServices& host) override {
        _host = &host;
        sdk::SettingErrors errors;
        for (const auto& [key, value] : settings) {
            if (key != "greeting") errors.push_back({key, "is not a setting of the echo plugin"});
        }
        const auto greeting = settings.find("greeting");
        if (greeting == settings.end() || greeting->second.empty()) {
            errors.push_back({"greeting", "is required"});
        } else {
            _greeting = greeting->second;
        }
        return errors;
    }

    /// A handover method may set only `salutation`.
    sdk::SettingErrors validateMethod(const sdk::Settings& methodSettings) const override {
        sdk::SettingErrors errors;
        for (const auto& [key, value] : methodSettings) {
            if (key != "salutation") errors.push_back({key, "is not a method setting of the echo plugin"});
        }
        return errors;
    }

    /// Answers a callback with what arrived, so that tests see the request reach the plugin whole.
    sdk::InboundResult inbound(const sdk::InboundRequest& request) override {
        std::string query;
        for (const auto& [key, value] : request.query) query += key + "=" + value + ";";
        return {202, "text/plain",
                request.method + " " + request.path + " " + request.url + " " + query + " " +
                    request.header("X-Signature").value_or("-") + " " + request.body};
    }

    sdk::DeliveryResult deliver(const sdk::Delivery& delivery) override {
        _host->logger().info("echoing " + delivery.id);
        auto result = sdk::DeliveryResult::delivered(_greeting + ", " + delivery.recipient.visitor.name);
        result.providerId = "echo-" + std::to_string(_host->clock().nowMs());
        return result;
    }

private:
    sdk::HostServices* _host = nullptr;
    std::string _greeting;
};

} // namespace switchboard::tests::plugins

SWITCHBOARD_PLUGIN_INFO("echo", "1.2.3", "Answers every delivery with its greeting")

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::EchoChannel)
POCO_END_MANIFEST
