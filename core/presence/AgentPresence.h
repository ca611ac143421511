#pragma once

#include "core/auth/Agent.h"
#include "core/common/Clock.h"
#include "core/config/HubConfig.h"
#include "core/events/EventBus.h"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace switchboard::core::presence {

/// Agents' status (`online`, `away`, `busy`, `offline`) as they set it, and whether they are still there: an
/// agent whose last heartbeat (socket or HTTP) is `agent_stale_s` old counts as offline whatever they chose.
/// Closing an agent's last socket changes nothing at once; it only stops the heartbeats.
///
/// Every change of the status others see is announced as `agent:status_changed` to the agent's own room and to
/// the agents of each widget the agent serves. Explicit changes are handed to the status recorder. Thread-safe;
/// events and the recorder are called after the lock is released.
class AgentPresence {
public:
    /// Stores the status an agent chose; must not block.
    using StatusRecorder = std::function<void(const std::string& agentId, const std::string& status)>;
    /// Every widget's id: admins serve them all.
    using AllWidgets = std::function<std::vector<std::string>()>;

    struct AgentState {
        std::string agentId;
        std::string status;
        std::int64_t lastHeartbeatMs = 0;
        /// Open sockets; an agent can be present over HTTP alone.
        std::size_t sockets = 0;
    };

    AgentPresence(const common::Clock& clock, events::EventBus& bus, const config::PresenceConfig& config,
                  AllWidgets allWidgets, StatusRecorder recordStatus);

    static bool isStatus(const std::string& status);

    /// How often clients are asked to heartbeat, and how long after the last one an agent counts as away
    /// (`presence.heartbeat_s`, `presence.agent_stale_s`).
    int heartbeatS() const { return _heartbeatS; }
    int staleAfterS() const { return static_cast<int>(_staleMs / 1000); }

    /// Also a heartbeat. Throws 422 `validation_failed` (field `status`) for an unknown status.
    void setStatus(const auth::Agent& agent, const std::string& status);
    /// An agent seen for the first time keeps the status stored with its account.
    void heartbeat(const auth::Agent& agent);
    void socketOpened(const auth::Agent& agent, std::uint64_t socketId);
    void socketClosed(std::uint64_t socketId);
    void logout(const auth::Agent& agent);
    /// Announces agents who went stale since the last call; call about once a second.
    void sweep();

    /// Agents whose status is not offline and whose heartbeat is fresh, by id.
    std::vector<AgentState> list() const;
    /// How many agents serving `widgetId` are present (as list() counts them) with a portal open (a socket).
    std::size_t reachableFor(const std::string& widgetId) const;
    /// How many agents serving `widgetId` have the portal open with the status `online`: ready for a new chat.
    std::size_t availableFor(const std::string& widgetId) const;

private:
    struct Entry {
        std::string status;
        std::int64_t lastHeartbeatMs = 0;
        std::vector<std::string> widgets;
        std::size_t sockets = 0;
        /// The status others were last told; `offline` until the first announcement.
        std::string announced = "offline";
    };

    /// The entry of `agent`, created from the account when new, with the widgets it serves now.
    Entry& entryOf(const auth::Agent& agent, std::vector<std::string> widgets);
    std::vector<std::string> widgetsOf(const auth::Agent& agent) const;
    /// Agents serving `widgetId` with a socket open whose visible status `counts`.
    std::size_t countWithPortalOpen(const std::string& widgetId,
                                    const std::function<bool(const std::string&)>& counts) const;
    /// The status others see at `nowMs`.
    std::string visibleStatus(const Entry& entry, std::int64_t nowMs) const;
    /// The event to send when the visible status differs from the one last announced.
    std::optional<events::Event> announce(const std::string& agentId, Entry& entry, std::int64_t nowMs);
    void change(const auth::Agent& agent, const std::string& status);

    const common::Clock& _clock;
    events::EventBus& _bus;
    const int _heartbeatS;
    const std::int64_t _staleMs;
    AllWidgets _allWidgets;
    StatusRecorder _recordStatus;

    mutable std::mutex _mutex;
    std::map<std::string, Entry> _agents;
    std::unordered_map<std::uint64_t, std::string> _agentOfSocket;
};

} // namespace switchboard::core::presence
