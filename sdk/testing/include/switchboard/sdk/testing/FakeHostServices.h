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
    /// Records the message; returns what setInboundAccepted set (true at first).
    bool postInboundMessage(const InboundMessage& message) override;
    /// Records the notification; returns what setAgentsOnline set (1 at first).
    int notifyAgents(const AgentNotification& notification) override;

    FakeHttpClient& fakeHttp();
    FakeLogger& fakeLogger();
    FakeClock& fakeClock();

    void setSecret(const std::string& name, const std::string& value);
    void removeSecret(const std::string& name);
    void setAgentsOnline(int count);
    void setInboundAccepted(bool accepted);

    std::vector<InboundMessage> inboundMessages() const;
    std::vector<AgentNotification> notifications() const;

private:
    FakeHttpClient _http;
    FakeLogger _logger;
    FakeClock _clock;

    mutable std::mutex _mutex;
    std::map<std::string, std::string> _secrets;
    int _agentsOnline = 1;
    bool _inboundAccepted = true;
    std::vector<InboundMessage> _inboundMessages;
    std::vector<AgentNotification> _notifications;
};

} // namespace switchboard::sdk::testing
