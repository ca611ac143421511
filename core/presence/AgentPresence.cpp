#include "core/presence/AgentPresence.h"

#include "core/common/ApiError.h"
#include "core/common/Time.h"
#include "core/events/EventNames.h"

#include <algorithm>
#include <array>

namespace switchboard::core::presence {

namespace {

const std::array<std::string, 4> Statuses{"online", "away", "busy", "offline"};

} // namespace

AgentPresence::AgentPresence(const common::Clock& clock, events::EventBus& bus, const config::PresenceConfig& config,
                             AllWidgets allWidgets, StatusRecorder recordStatus)
    : _clock(clock),
      _bus(bus),
      _heartbeatS(config.heartbeatS),
      _staleMs(std::int64_t{config.agentStaleS} * 1000),
      _allWidgets(std::move(allWidgets)),
      _recordStatus(std::move(recordStatus)) {}

bool AgentPresence::isStatus(const std::string& status) {
    return std::find(Statuses.begin(), Statuses.end(), status) != Statuses.end();
}

void AgentPresence::setStatus(const auth::Agent& agent, const std::string& status) {
    if (!isStatus(status))
        throw common::ApiError::invalid("validation_failed", "status must be online, away, busy or offline", "status");
    change(agent, status);
}

void AgentPresence::logout(const auth::Agent& agent) { change(agent, "offline"); }

void AgentPresence::change(const auth::Agent& agent, const std::string& status) {
    auto widgets = widgetsOf(agent);
    std::optional<events::Event> event;
    bool changed = false;
    {
        std::lock_guard lock(_mutex);
        auto& entry = entryOf(agent, std::move(widgets));
        const auto now = _clock.nowMs();
        changed = entry.status != status;
        entry.status = status;
        entry.lastHeartbeatMs = now;
        event = announce(agent.id, entry, now);
    }
    if (changed) _recordStatus(agent.id, status);
    if (event) _bus.publish(*event);
}

void AgentPresence::heartbeat(const auth::Agent& agent) {
    auto widgets = widgetsOf(agent);
    std::optional<events::Event> event;
    {
        std::lock_guard lock(_mutex);
        auto& entry = entryOf(agent, std::move(widgets));
        const auto now = _clock.nowMs();
        entry.lastHeartbeatMs = now;
        event = announce(agent.id, entry, now);
    }
    if (event) _bus.publish(*event);
}

void AgentPresence::socketOpened(const auth::Agent& agent, std::uint64_t socketId) {
    auto widgets = widgetsOf(agent);
    std::optional<events::Event> event;
    {
        std::lock_guard lock(_mutex);
        auto& entry = entryOf(agent, std::move(widgets));
        if (_agentOfSocket.emplace(socketId, agent.id).second) ++entry.sockets;
        const auto now = _clock.nowMs();
        entry.lastHeartbeatMs = now;
        event = announce(agent.id, entry, now);
    }
    if (event) _bus.publish(*event);
}

void AgentPresence::socketClosed(std::uint64_t socketId) {
    std::lock_guard lock(_mutex);
    auto owner = _agentOfSocket.find(socketId);
    if (owner == _agentOfSocket.end()) return;
    if (auto agent = _agents.find(owner->second); agent != _agents.end() && agent->second.sockets > 0)
        --agent->second.sockets;
    _agentOfSocket.erase(owner);
}

void AgentPresence::sweep() {
    std::vector<events::Event> events;
    {
        std::lock_guard lock(_mutex);
        const auto now = _clock.nowMs();
        for (auto& [agentId, entry] : _agents)
            if (auto event = announce(agentId, entry, now)) events.push_back(std::move(*event));
    }
    for (const auto& event : events) _bus.publish(event);
}

std::vector<AgentPresence::AgentState> AgentPresence::list() const {
    std::lock_guard lock(_mutex);
    const auto now = _clock.nowMs();
    std::vector<AgentState> present;
    for (const auto& [agentId, entry] : _agents) {
        auto status = visibleStatus(entry, now);
        if (status != "offline") present.push_back({agentId, std::move(status), entry.lastHeartbeatMs, entry.sockets});
    }
    return present;
}

std::size_t AgentPresence::reachableFor(const std::string& widgetId) const {
    return countWithPortalOpen(widgetId, [](const std::string& status) { return status != "offline"; });
}

std::size_t AgentPresence::availableFor(const std::string& widgetId) const {
    return countWithPortalOpen(widgetId, [](const std::string& status) { return status == "online"; });
}

std::size_t AgentPresence::countWithPortalOpen(const std::string& widgetId,
                                               const std::function<bool(const std::string&)>& counts) const {
    std::lock_guard lock(_mutex);
    const auto now = _clock.nowMs();
    return static_cast<std::size_t>(std::count_if(_agents.begin(), _agents.end(), [&](const auto& agent) {
        const auto& entry = agent.second;
        return entry.sockets > 0 && counts(visibleStatus(entry, now)) &&
               std::find(entry.widgets.begin(), entry.widgets.end(), widgetId) != entry.widgets.end();
    }));
}

AgentPresence::Entry& AgentPresence::entryOf(const auth::Agent& agent, std::vector<std::string> widgets) {
    auto [found, inserted] = _agents.try_emplace(agent.id);
    if (inserted) found->second.status = isStatus(agent.status) ? agent.status : "offline";
    found->second.widgets = std::move(widgets);
    return found->second;
}

std::vector<std::string> AgentPresence::widgetsOf(const auth::Agent& agent) const {
    return agent.isAdmin() ? _allWidgets() : agent.widgets;
}

std::string AgentPresence::visibleStatus(const Entry& entry, std::int64_t nowMs) const {
    if (nowMs - entry.lastHeartbeatMs >= _staleMs) return "offline";
    return entry.status;
}

std::optional<events::Event> AgentPresence::announce(const std::string& agentId, Entry& entry, std::int64_t nowMs) {
    auto status = visibleStatus(entry, nowMs);
    if (status == entry.announced) return std::nullopt;
    entry.announced = status;
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("agent_id", agentId);
    payload->set("status", status);
    payload->set("at", common::formatIso8601Ms(nowMs));
    std::vector<events::Room> rooms{{events::Room::Kind::Agent, agentId}};
    for (const auto& widget : entry.widgets) rooms.push_back({events::Room::Kind::WidgetAgents, widget});
    return events::Event{std::string(events::names::AgentStatusChanged), payload, std::move(rooms)};
}

} // namespace switchboard::core::presence
