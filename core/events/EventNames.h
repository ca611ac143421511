#pragma once

#include <string_view>

namespace switchboard::core::events {

/// The catalogue of real-time event names: what clients send and what the hub emits to the rooms.
/// Names follow the product's seeds (`widget:online`, `message:new`, ...); no other unit spells them.
struct EventNames {
    // Sent by a visitor's socket (the widget).
    static constexpr std::string_view VisitorSendMessage = "visitor:send_message";
    static constexpr std::string_view VisitorSync = "visitor:sync";
    static constexpr std::string_view VisitorTyping = "visitor:typing";
    static constexpr std::string_view WidgetOnline = "widget:online";
    static constexpr std::string_view WidgetHeartbeat = "widget:heartbeat";
    static constexpr std::string_view WidgetOffline = "widget:offline";

    // Sent by an agent's socket (the portal, a CRM).
    static constexpr std::string_view AgentJoinConversation = "agent:join_conversation";
    static constexpr std::string_view AgentLeaveConversation = "agent:leave_conversation";
    static constexpr std::string_view AgentSendMessage = "agent:send_message";
    static constexpr std::string_view AgentSync = "agent:sync";
    static constexpr std::string_view AgentSetStatus = "agent:set_status";
    static constexpr std::string_view AgentHeartbeat = "agent:heartbeat";
    static constexpr std::string_view AgentViewing = "agent:viewing";
    static constexpr std::string_view AgentStopViewing = "agent:stop_viewing";
    static constexpr std::string_view AgentTyping = "agent:typing";

    // Emitted by the hub to the rooms (besides the typing events above, relayed to the other side).
    static constexpr std::string_view MessageNew = "message:new";
    static constexpr std::string_view ConversationResolved = "conversation:resolved";
};

} // namespace switchboard::core::events
