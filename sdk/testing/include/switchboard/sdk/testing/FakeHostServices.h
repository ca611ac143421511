#pragma once

#include "switchboard/sdk/HostServices.h"
#include "switchboard/sdk/testing/FakeClock.h"
#include "switchboard/sdk/testing/FakeHttpClient.h"
#include "switchboard/sdk/testing/FakeLogger.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::sdk::testing {

/// HostServices for a plugin's unit tests: a scripted HTTP client, a recording logger, a hand-moved clock,
/// secrets the test sets, and a record of what the plugin posted and notified. Thread-safe.
class FakeHostServices final : public HostServices {
public:
    HttpClient& http() override;
    Logger& logger() override;
    const Clock& clock() override;
    std::optional<std::string> secret(const std::string& name) override;
    /// Records the message; returns what setInboundOutcome set (stored in "conversation-1" at first).
    InboundOutcome postInboundMessage(const InboundMessage& message) override;
    /// Records the update; returns what setStatusUpdate set (applied at first).
    StatusUpdate updateDeliveryStatus(const std::string& providerId, ProviderStatus status,
                                      const std::string& errorCode, const std::string& errorText) override;
    /// Records the contact's choice; see optedOut.
    void optOut(const std::string& address, bool optedOut) override;
    /// Records the notification; returns what setAgentsOnline set (1 at first).
    int notifyAgents(const AgentNotification& notification) override;

    FakeHttpClient& fakeHttp();
    FakeLogger& fakeLogger();
    FakeClock& fakeClock();

    void setSecret(const std::string& name, const std::string& value);
    void removeSecret(const std::string& name);
    void setAgentsOnline(int count);
    void setInboundOutcome(InboundOutcome outcome);
    void setStatusUpdate(StatusUpdate answer);

    /// A status callback the plugin passed on.
    struct StatusReport {
        std::string providerId;
        ProviderStatus status;
        std::string errorCode;
        std::string errorText;
    };

    std::vector<InboundMessage> inboundMessages() const;
    std::vector<AgentNotification> notifications() const;
    std::vector<StatusReport> statusReports() const;
    /// Whether the plugin's last word on `address` was that it opted out.
    bool optedOut(const std::string& address) const;

private:
    FakeHttpClient _http;
    FakeLogger _logger;
    FakeClock _clock;

    mutable std::mutex _mutex;
    std::map<std::string, std::string> _secrets;
    int _agentsOnline = 1;
    InboundOutcome _inboundOutcome = InboundOutcome::stored("conversation-1", false);
    StatusUpdate _statusUpdate = StatusUpdate::Applied;
    std::vector<InboundMessage> _inboundMessages;
    std::vector<AgentNotification> _notifications;
    std::vector<StatusReport> _statusReports;
    std::map<std::string, bool> _optedOut;
};

} // namespace switchboard::sdk::testing
