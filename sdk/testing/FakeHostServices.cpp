#include "switchboard/sdk/testing/FakeHostServices.h"

namespace switchboard::sdk::testing {

HttpClient& FakeHostServices::http() { return _http; }

Logger& FakeHostServices::logger() { return _logger; }

const Clock& FakeHostServices::clock() { return _clock; }

std::optional<std::string> FakeHostServices::secret(const std::string& name) {
    std::lock_guard lock(_mutex);
    const auto found = _secrets.find(name);
    if (found == _secrets.end()) return std::nullopt;
    return found->second;
}

bool FakeHostServices::postInboundMessage(const InboundMessage& message) {
    std::lock_guard lock(_mutex);
    _inboundMessages.push_back(message);
    return _inboundAccepted;
}

int FakeHostServices::notifyAgents(const AgentNotification& notification) {
    std::lock_guard lock(_mutex);
    _notifications.push_back(notification);
    return _agentsOnline;
}

FakeHttpClient& FakeHostServices::fakeHttp() { return _http; }

FakeLogger& FakeHostServices::fakeLogger() { return _logger; }

FakeClock& FakeHostServices::fakeClock() { return _clock; }

void FakeHostServices::setSecret(const std::string& name, const std::string& value) {
    std::lock_guard lock(_mutex);
    _secrets[name] = value;
}

void FakeHostServices::removeSecret(const std::string& name) {
    std::lock_guard lock(_mutex);
    _secrets.erase(name);
}

void FakeHostServices::setAgentsOnline(int count) {
    std::lock_guard lock(_mutex);
    _agentsOnline = count;
}

void FakeHostServices::setInboundAccepted(bool accepted) {
    std::lock_guard lock(_mutex);
    _inboundAccepted = accepted;
}

std::vector<InboundMessage> FakeHostServices::inboundMessages() const {
    std::lock_guard lock(_mutex);
    return _inboundMessages;
}

std::vector<AgentNotification> FakeHostServices::notifications() const {
    std::lock_guard lock(_mutex);
    return _notifications;
}

} // namespace switchboard::sdk::testing
