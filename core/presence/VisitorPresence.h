#pragma once

#include "core/common/Clock.h"
#include "core/config/HubConfig.h"
#include "core/events/EventBus.h"
#include "core/presence/VisitorRef.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace switchboard::core::presence {

/// Which visitors are online, from their sockets and heartbeats. Several tabs (sockets) are one visitor, online
/// while any of them is. A visitor goes offline on `widget:offline` at once, after `visitor_timeout_s` without
/// a heartbeat, or `disconnect_grace_s` after their last socket closed unless one came back in the meantime,
/// so that a reload or a brief reconnect does not flap.
///
/// Going online and offline, and heartbeats, are announced as `customer:online|heartbeat|offline` to the agents
/// of the visitor's widget; going offline is also handed to the last-seen recorder. Thread-safe; events and the
/// recorder are called after the lock is released.
class VisitorPresence {
public:
    /// Stores when a visitor was last seen; called once per visitor going offline, must not block.
    using LastSeenRecorder = std::function<void(const std::string& visitorId, std::int64_t atMs)>;

    struct Snapshot {
        bool isOnline = false;
        /// Unknown for a visitor without a socket since this hub started.
        std::optional<std::int64_t> lastHeartbeatMs;
        std::size_t sockets = 0;
    };

    VisitorPresence(const common::Clock& clock, events::EventBus& bus, const config::PresenceConfig& config,
                    LastSeenRecorder recordLastSeen);

    /// A socket of the visitor connected: counts as a heartbeat and brings an offline visitor online.
    void socketOpened(const VisitorRef& visitor, std::uint64_t socketId);
    /// `widget:online`: a heartbeat that also brings back a visitor who went offline while a socket stayed open.
    void online(const std::string& visitorId);
    /// `widget:heartbeat`: keeps an online visitor online; an offline one needs `online()`.
    void heartbeat(const std::string& visitorId);
    /// The visitor's last socket closing starts the grace period (or, without one, takes them offline).
    void socketClosed(std::uint64_t socketId);
    /// `widget:offline`: offline at once, even while sockets stay open.
    void offline(const std::string& visitorId);
    /// Takes offline the visitors whose heartbeat timed out or whose grace period ran out; call about once a second.
    void sweep();

    Snapshot snapshot(const std::string& visitorId) const;

private:
    struct Entry {
        std::string widgetId;
        std::string conversationId;
        std::set<std::uint64_t> sockets;
        bool online = false;
        std::int64_t lastHeartbeatMs = 0;
        /// Set while waiting for a socket to come back: when the last one closed.
        std::optional<std::int64_t> disconnectedAtMs;
    };

    /// What a change announces, gathered under the lock and delivered after it is released.
    struct Announcements {
        std::vector<events::Event> events;
        std::vector<std::pair<std::string, std::int64_t>> lastSeen;
    };

    void beat(const std::string& visitorId, Entry& entry, bool revive, Announcements& out);
    void goOffline(const std::string& visitorId, Entry& entry, std::int64_t lastSeenMs, Announcements& out);
    static events::Event event(const std::string& name, const std::string& visitorId, const Entry& entry,
                               std::int64_t atMs);
    void deliver(const Announcements& out);

    const common::Clock& _clock;
    events::EventBus& _bus;
    const std::int64_t _timeoutMs;
    const std::int64_t _graceMs;
    LastSeenRecorder _recordLastSeen;

    mutable std::mutex _mutex;
    /// Visitors online, or offline with a socket still open; forgotten once offline without sockets.
    std::unordered_map<std::string, Entry> _visitors;
    std::unordered_map<std::uint64_t, std::string> _visitorOfSocket;
};

} // namespace switchboard::core::presence
