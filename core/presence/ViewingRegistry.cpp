#include "core/presence/ViewingRegistry.h"

#include "core/common/Time.h"
#include "core/events/EventNames.h"
#include "core/presence/ViewerJson.h"

#include <algorithm>

namespace switchboard::core::presence {

ViewingRegistry::ViewingRegistry(const common::Clock& clock, events::EventBus& bus,
                                 const config::PresenceConfig& config)
    : _clock(clock), _bus(bus), _httpViewingMs(std::int64_t{config.agentStaleS} * 1000) {}

void ViewingRegistry::startViewing(const std::string& agentId, const std::string& conversationId,
                                   const std::string& widgetId, std::optional<std::uint64_t> socketId) {
    std::vector<events::Event> events;
    {
        std::lock_guard lock(_mutex);
        const auto now = _clock.nowMs();
        auto& conversation = _conversations[conversationId];
        conversation.widgetId = widgetId;
        auto [viewing, added] = conversation.byAgent.try_emplace(agentId);
        if (added) viewing->second.sinceMs = now;
        if (socketId) {
            viewing->second.sockets.insert(*socketId);
            _viewingsOfSocket[*socketId].insert({conversationId, agentId});
        } else {
            viewing->second.httpUntilMs = now + _httpViewingMs;
        }
        conversation.lastViewedAtMs = now;
        if (added) events.push_back(event(conversationId, conversation));
    }
    publish(events);
}

void ViewingRegistry::stopViewing(const std::string& agentId, const std::string& conversationId,
                                  std::optional<std::uint64_t> socketId) {
    std::vector<events::Event> events;
    {
        std::lock_guard lock(_mutex);
        auto conversation = _conversations.find(conversationId);
        if (conversation == _conversations.end()) return;
        auto viewing = conversation->second.byAgent.find(agentId);
        if (viewing == conversation->second.byAgent.end()) return;
        const Key key{conversationId, agentId};
        if (socketId) {
            viewing->second.sockets.erase(*socketId);
            unindex(*socketId, key);
        } else {
            for (auto socket : viewing->second.sockets) unindex(socket, key);
            viewing->second.sockets.clear();
            viewing->second.httpUntilMs.reset();
        }
        if (dropIfEnded(conversation->second, agentId, _clock.nowMs()))
            events.push_back(event(conversationId, conversation->second));
    }
    publish(events);
}

void ViewingRegistry::socketClosed(std::uint64_t socketId) {
    std::vector<events::Event> events;
    {
        std::lock_guard lock(_mutex);
        auto indexed = _viewingsOfSocket.find(socketId);
        if (indexed == _viewingsOfSocket.end()) return;
        const auto keys = std::move(indexed->second);
        _viewingsOfSocket.erase(indexed);
        const auto now = _clock.nowMs();
        for (const auto& [conversationId, agentId] : keys) {
            auto conversation = _conversations.find(conversationId);
            if (conversation == _conversations.end()) continue;
            auto viewing = conversation->second.byAgent.find(agentId);
            if (viewing == conversation->second.byAgent.end()) continue;
            viewing->second.sockets.erase(socketId);
            if (dropIfEnded(conversation->second, agentId, now))
                events.push_back(event(conversationId, conversation->second));
        }
    }
    publish(events);
}

void ViewingRegistry::sweep() {
    std::vector<events::Event> events;
    {
        std::lock_guard lock(_mutex);
        const auto now = _clock.nowMs();
        for (auto& [conversationId, conversation] : _conversations) {
            bool changed = false;
            for (auto viewing = conversation.byAgent.begin(); viewing != conversation.byAgent.end();) {
                auto& http = viewing->second.httpUntilMs;
                if (http && now >= *http) http.reset();
                if (viewing->second.ended()) {
                    viewing = conversation.byAgent.erase(viewing);
                    changed = true;
                } else {
                    ++viewing;
                }
            }
            if (changed) {
                conversation.lastViewedAtMs = now;
                events.push_back(event(conversationId, conversation));
            }
        }
    }
    publish(events);
}

std::vector<Viewer> ViewingRegistry::viewers(const std::string& conversationId) const {
    std::lock_guard lock(_mutex);
    auto conversation = _conversations.find(conversationId);
    if (conversation == _conversations.end()) return {};
    return viewersOf(conversation->second);
}

std::optional<std::int64_t> ViewingRegistry::lastViewedAt(const std::string& conversationId) const {
    std::lock_guard lock(_mutex);
    auto conversation = _conversations.find(conversationId);
    if (conversation == _conversations.end()) return std::nullopt;
    return conversation->second.lastViewedAtMs;
}

void ViewingRegistry::unindex(std::uint64_t socketId, const Key& key) {
    auto indexed = _viewingsOfSocket.find(socketId);
    if (indexed == _viewingsOfSocket.end()) return;
    indexed->second.erase(key);
    if (indexed->second.empty()) _viewingsOfSocket.erase(indexed);
}

bool ViewingRegistry::dropIfEnded(ConversationViewing& conversation, const std::string& agentId, std::int64_t nowMs) {
    auto viewing = conversation.byAgent.find(agentId);
    if (viewing == conversation.byAgent.end() || !viewing->second.ended()) return false;
    conversation.byAgent.erase(viewing);
    conversation.lastViewedAtMs = nowMs;
    return true;
}

std::vector<Viewer> ViewingRegistry::viewersOf(const ConversationViewing& conversation) const {
    std::vector<Viewer> viewers;
    for (const auto& [agentId, viewing] : conversation.byAgent) viewers.push_back({agentId, viewing.sinceMs});
    std::stable_sort(viewers.begin(), viewers.end(),
                     [](const Viewer& a, const Viewer& b) { return a.sinceMs < b.sinceMs; });
    return viewers;
}

events::Event ViewingRegistry::event(const std::string& conversationId, const ConversationViewing& conversation) const {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("conversation_id", conversationId);
    payload->set("agents", ViewerJson::array(viewersOf(conversation)));
    payload->set("last_viewed_at", common::formatIso8601Ms(conversation.lastViewedAtMs));
    return {std::string(events::names::ConversationViewing), payload,
            {{events::Room::Kind::WidgetAgents, conversation.widgetId}}};
}

void ViewingRegistry::publish(const std::vector<events::Event>& events) {
    for (const auto& event : events) _bus.publish(event);
}

} // namespace switchboard::core::presence
