#include <switchboard/sdk/Plugin.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace switchboard::tests::plugins {

namespace {

std::string param(const sdk::InboundRequest& request, const std::string& name) {
    const auto found = request.query.find(name);
    return found == request.query.end() ? std::string() : found->second;
}

std::string_view nameOf(sdk::StatusUpdate update) {
    switch (update) {
    case sdk::StatusUpdate::Applied: return "applied";
    case sdk::StatusUpdate::Stale: return "stale";
    case sdk::StatusUpdate::Unknown: break;
    }
    return "unknown";
}

std::string_view nameOf(sdk::InboundOutcome::Kind kind) {
    switch (kind) {
    case sdk::InboundOutcome::Kind::Stored: return "stored";
    case sdk::InboundOutcome::Kind::Duplicate: return "duplicate";
    case sdk::InboundOutcome::Kind::Refused: break;
    }
    return "refused";
}

} // namespace

/// A channel for the integration tests that stands for a messaging provider that reaches visitors by phone: every
/// delivery is accepted with the provider id `relay-<delivery id>` and recorded, and its callbacks (query
/// parameters, answered as plain text) drive the host's services the way a provider's webhooks would, or show what
/// it was handed:
///   /status?provider_id=&status=&error_code=&error_text=   updateDeliveryStatus → applied | stale | unknown
///   /opt-out?address=&opted_out=true|false                 optOut → ok
///   /message?widget=&address=&name=&text=&external_id=&conversation_id=
///                                                          postInboundMessage → kind|conversation|opened|reason
///   /deliveries                                            a line per delivery handed over, oldest first:
///                                                          id|attempt|kind|recipient address|texts joined by "/"
///   /hold?on=true|false                                    deliveries wait (unanswered) while on → ok
class RelayChannel : public sdk::Channel {
public:
    sdk::ChannelDescription describe() const override {
        sdk::ChannelDescription description;
        description.displayName = "Relay";
        description.handoverMethods = {{"relay", "Relay", "We will reply on your phone.", {"phone"}}};
        description.visitorReach = sdk::VisitorReach::Phone;
        return description;
    }

    sdk::SettingErrors configure(const sdk::Settings&, sdk::HostServices& host) override {
        _host = &host;
        return {};
    }

    sdk::DeliveryResult deliver(const sdk::Delivery& delivery) override {
        std::string texts;
        for (const auto& message : delivery.messages) texts += (texts.empty() ? "" : "/") + message.text;
        std::unique_lock lock(_mutex);
        _handed.push_back(delivery.id + "|" + std::to_string(delivery.attempt) + "|" +
                          std::string(sdk::toString(delivery.kind)) + "|" + delivery.recipient.address + "|" + texts);
        _released.wait(lock, [this] { return !_holding; });
        auto result = sdk::DeliveryResult::delivered("relayed");
        result.providerId = "relay-" + delivery.id;
        return result;
    }

    sdk::InboundResult inbound(const sdk::InboundRequest& request) override {
        if (request.path == "/status") {
            const auto status = sdk::parseProviderStatus(param(request, "status"));
            if (!status) return {400, "text/plain", "unknown status"};
            const auto update = _host->updateDeliveryStatus(param(request, "provider_id"), *status,
                                                            param(request, "error_code"), param(request, "error_text"));
            return {200, "text/plain", std::string(nameOf(update))};
        }
        if (request.path == "/opt-out") {
            _host->optOut(param(request, "address"), param(request, "opted_out") != "false");
            return {200, "text/plain", "ok"};
        }
        if (request.path == "/message") {
            sdk::InboundMessage message;
            message.widgetId = param(request, "widget");
            message.address = param(request, "address");
            message.from.name = param(request, "name");
            message.text = param(request, "text");
            message.externalId = param(request, "external_id");
            message.conversationId = param(request, "conversation_id");
            const auto outcome = _host->postInboundMessage(message);
            return {200, "text/plain",
                    std::string(nameOf(outcome.kind)) + "|" + outcome.conversationId + "|" +
                        (outcome.openedConversation ? "opened" : "existing") + "|" + outcome.reason};
        }
        if (request.path == "/deliveries") {
            std::lock_guard lock(_mutex);
            std::string lines;
            for (const auto& line : _handed) lines += line + "\n";
            return {200, "text/plain", lines};
        }
        if (request.path == "/hold") {
            {
                std::lock_guard lock(_mutex);
                _holding = param(request, "on") == "true";
            }
            _released.notify_all();
            return {200, "text/plain", "ok"};
        }
        return {404, "text/plain", "no such callback"};
    }

private:
    sdk::HostServices* _host = nullptr;
    std::mutex _mutex;
    std::condition_variable _released;
    bool _holding = false;
    std::vector<std::string> _handed;
};

} // namespace switchboard::tests::plugins

SWITCHBOARD_PLUGIN_INFO("relay", "1.0.0", "Stands for a messaging provider in the integration tests")

POCO_BEGIN_NAMED_MANIFEST(ChannelV2, switchboard::sdk::Channel)
POCO_EXPORT_CLASS(switchboard::tests::plugins::RelayChannel)
POCO_END_MANIFEST
