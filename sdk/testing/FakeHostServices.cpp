#include "switchboard/sdk/testing/FakeHostServices.h"

#include <utility>

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

InboundOutcome FakeHostServices::postInboundMessage(const InboundMessage& message) {
    std::lock_guard lock(_mutex);
    _inboundMessages.push_back(message);
    return _inboundOutcome;
}

StatusUpdate FakeHostServices::updateDeliveryStatus(const std::string& providerId, ProviderStatus status,
                                                    const std::string& errorCode, const std::string& errorText) {
    std::lock_guard lock(_mutex);
    _statusReports.push_back({providerId, status, errorCode, errorText});
    return _statusUpdate;
}

void FakeHostServices::optOut(const std::string& address, bool optedOut) {
    std::lock_guard lock(_mutex);
    _optedOut[address] = optedOut;
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

void FakeHostServices::setInboundOutcome(InboundOutcome outcome) {
    std::lock_guard lock(_mutex);
    _inboundOutcome = std::move(outcome);
}

void FakeHostServices::setStatusUpdate(StatusUpdate answer) {
    std::lock_guard lock(_mutex);
    _statusUpdate = answer;
}

std::vector<InboundMessage> FakeHostServices::inboundMessages() const {
    std::lock_guard lock(_mutex);
    return _inboundMessages;
}

std::vector<AgentNotification> FakeHostServices::notifications() const {
    std::lock_guard lock(_mutex);
    return _notifications;
}

std::vector<FakeHostServices::StatusReport> FakeHostServices::statusReports() const {
    std::lock_guard lock(_mutex);
    return _statusReports;
}

bool FakeHostServices::optedOut(const std::string& address) const {
    std::lock_guard lock(_mutex);
    const auto found = _optedOut.find(address);
    return found != _optedOut.end() && found->second;
}

} // namespace switchboard::sdk::testing
