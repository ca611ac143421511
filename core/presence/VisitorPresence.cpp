#include "core/presence/VisitorPresence.h"

#include "core/common/Time.h"
#include "core/events/EventNames.h"

namespace switchboard::core::presence {

VisitorPresence::VisitorPresence(const common::Clock& clock, events::EventBus& bus,
                                 const config::PresenceConfig& config, LastSeenRecorder recordLastSeen)
    : _clock(clock), _bus(bus), _timeoutMs(std::int64_t{config.visitorTimeoutS} * 1000),
      _graceMs(std::int64_t{config.disconnectGraceS} * 1000), _recordLastSeen(std::move(recordLastSeen)) {}

void VisitorPresence::socketOpened(const VisitorRef& visitor, std::uint64_t socketId) {
    Announcements out;
    {
        std::lock_guard lock(_mutex);
        auto& entry = _visitors[visitor.visitorId];
        entry.widgetId = visitor.widgetId;
        entry.conversationId = visitor.conversationId;
        entry.sockets.insert(socketId);
        entry.disconnectedAtMs.reset();
        _visitorOfSocket[socketId] = visitor.visitorId;
        beat(visitor.visitorId, entry, true, out);
    }
    deliver(out);
}

void VisitorPresence::online(const std::string& visitorId) {
    Announcements out;
    {
        std::lock_guard lock(_mutex);
        auto found = _visitors.find(visitorId);
        if (found != _visitors.end()) beat(visitorId, found->second, true, out);
    }
    deliver(out);
}

void VisitorPresence::heartbeat(const std::string& visitorId) {
    Announcements out;
    {
        std::lock_guard lock(_mutex);
        auto found = _visitors.find(visitorId);
        if (found != _visitors.end()) beat(visitorId, found->second, false, out);
    }
    deliver(out);
}

void VisitorPresence::socketClosed(std::uint64_t socketId) {
    Announcements out;
    {
        std::lock_guard lock(_mutex);
        auto owner = _visitorOfSocket.find(socketId);
        if (owner == _visitorOfSocket.end()) return;
        const auto visitor = _visitors.find(owner->second);
        _visitorOfSocket.erase(owner);
        if (visitor == _visitors.end()) return;
        auto& entry = visitor->second;
        entry.sockets.erase(socketId);
        if (!entry.sockets.empty()) return;
        if (entry.online && _graceMs > 0) {
            entry.disconnectedAtMs = _clock.nowMs();
            return;
        }
        if (entry.online) goOffline(visitor->first, entry, _clock.nowMs(), out);
        _visitors.erase(visitor);
    }
    deliver(out);
}

void VisitorPresence::offline(const std::string& visitorId) {
    Announcements out;
    {
        std::lock_guard lock(_mutex);
        auto found = _visitors.find(visitorId);
        if (found == _visitors.end()) return;
        if (found->second.online) goOffline(visitorId, found->second, _clock.nowMs(), out);
        if (found->second.sockets.empty()) _visitors.erase(found);
    }
    deliver(out);
}

void VisitorPresence::sweep() {
    Announcements out;
    {
        std::lock_guard lock(_mutex);
        const auto now = _clock.nowMs();
        for (auto it = _visitors.begin(); it != _visitors.end();) {
            auto& entry = it->second;
            if (entry.online) {
                // Seen until the last socket closed, if one did after the last heartbeat.
                const auto lastSeen = entry.disconnectedAtMs.value_or(entry.lastHeartbeatMs);
                const bool graceOver = entry.disconnectedAtMs && now - *entry.disconnectedAtMs >= _graceMs;
                if (graceOver || now - entry.lastHeartbeatMs >= _timeoutMs) goOffline(it->first, entry, lastSeen, out);
            }
            if (!entry.online && entry.sockets.empty()) {
                it = _visitors.erase(it);
            } else {
                ++it;
            }
        }
    }
    deliver(out);
}

VisitorPresence::Snapshot VisitorPresence::snapshot(const std::string& visitorId) const {
    std::lock_guard lock(_mutex);
    auto found = _visitors.find(visitorId);
    if (found == _visitors.end()) return {};
    return {found->second.online, found->second.lastHeartbeatMs, found->second.sockets.size()};
}

void VisitorPresence::beat(const std::string& visitorId, Entry& entry, bool revive, Announcements& out) {
    if (!entry.online && !revive) return;
    const auto now = _clock.nowMs();
    entry.lastHeartbeatMs = now;
    const auto name = entry.online ? events::names::CustomerHeartbeat : events::names::CustomerOnline;
    out.events.push_back(event(std::string(name), visitorId, entry, now));
    entry.online = true;
}

void VisitorPresence::goOffline(const std::string& visitorId, Entry& entry, std::int64_t lastSeenMs,
                                Announcements& out) {
    entry.online = false;
    entry.disconnectedAtMs.reset();
    // `at` of an offline event is when the visitor was last seen, which is what agents show.
    out.events.push_back(event(std::string(events::names::CustomerOffline), visitorId, entry, lastSeenMs));
    out.lastSeen.emplace_back(visitorId, lastSeenMs);
}

events::Event VisitorPresence::event(const std::string& name, const std::string& visitorId, const Entry& entry,
                                     std::int64_t atMs) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("visitor_id", visitorId);
    payload->set("conversation_id", entry.conversationId);
    payload->set("widget_id", entry.widgetId);
    payload->set("at", common::formatIso8601Ms(atMs));
    return {name, payload, {{events::Room::Kind::WidgetAgents, entry.widgetId}}};
}

void VisitorPresence::deliver(const Announcements& out) {
    for (const auto& [visitorId, atMs] : out.lastSeen) _recordLastSeen(visitorId, atMs);
    for (const auto& event : out.events) _bus.publish(event);
}

} // namespace switchboard::core::presence
