#pragma once

#include "core/common/Clock.h"
#include "core/config/HubConfig.h"
#include "core/events/EventBus.h"
#include "core/presence/Viewer.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace switchboard::core::presence {

/// Which agents have which conversation open ("viewing"), and when each conversation was last viewed.
///
/// A viewing started on a socket lasts until it is stopped or the socket closes. One started over HTTP has no
/// socket to end with it, so it lasts `agent_stale_s` unless started again. An explicit stop without a socket
/// ends the agent's viewing of that conversation whatever started it; with a socket, only that socket's part.
///
/// Each change of a conversation's viewers is announced as `conversation:viewing` to the agents of its widget.
/// Thread-safe; events are published after the lock is released.
class ViewingRegistry {
public:
    ViewingRegistry(const common::Clock& clock, events::EventBus& bus, const config::PresenceConfig& config);

    void startViewing(const std::string& agentId, const std::string& conversationId, const std::string& widgetId,
                      std::optional<std::uint64_t> socketId);
    void stopViewing(const std::string& agentId, const std::string& conversationId,
                     std::optional<std::uint64_t> socketId);
    /// Ends every viewing the socket started.
    void socketClosed(std::uint64_t socketId);
    /// Ends viewings started over HTTP that were not renewed in time; call about once a second.
    void sweep();

    /// Longest viewing first.
    std::vector<Viewer> viewers(const std::string& conversationId) const;
    /// The last time a viewing of the conversation started or ended; nullopt when never since the hub started.
    std::optional<std::int64_t> lastViewedAt(const std::string& conversationId) const;

private:
    struct Viewing {
        std::int64_t sinceMs = 0;
        std::set<std::uint64_t> sockets;
        /// Set while a viewing started over HTTP holds.
        std::optional<std::int64_t> httpUntilMs;

        bool ended() const { return sockets.empty() && !httpUntilMs; }
    };

    struct ConversationViewing {
        std::string widgetId;
        std::map<std::string, Viewing> byAgent;
        std::int64_t lastViewedAtMs = 0;
    };

    using Key = std::pair<std::string, std::string>; // conversation id, agent id

    void unindex(std::uint64_t socketId, const Key& key);
    /// Drops the agent's viewing if nothing holds it any more; true when it did.
    bool dropIfEnded(ConversationViewing& conversation, const std::string& agentId, std::int64_t nowMs);
    std::vector<Viewer> viewersOf(const ConversationViewing& conversation) const;
    events::Event event(const std::string& conversationId, const ConversationViewing& conversation) const;
    void publish(const std::vector<events::Event>& events);

    const common::Clock& _clock;
    events::EventBus& _bus;
    const std::int64_t _httpViewingMs;

    mutable std::mutex _mutex;
    std::unordered_map<std::string, ConversationViewing> _conversations;
    std::unordered_map<std::uint64_t, std::set<Key>> _viewingsOfSocket;
};

} // namespace switchboard::core::presence
