#pragma once

#include <string_view>

/// The one catalogue of event names, as the real-time contract spells them (after the product's seeds): what the
/// services publish (`events::Event::name`) and the hub emits to the rooms, and what clients send over the socket.
/// Producers, the socket protocol and subscribers use these instead of string literals.
namespace switchboard::core::events::names {

// Conversations and their messages (ConversationEvents).
inline constexpr std::string_view MessageNew = "message:new";
/// How a message's delivery to the visitor's external channel stands now (queued, sent, delivered, read, failed).
inline constexpr std::string_view MessageStatus = "message:status";
inline constexpr std::string_view ConversationNew = "conversation:new";
inline constexpr std::string_view ConversationUpdated = "conversation:updated";
inline constexpr std::string_view ConversationAssigned = "conversation:assigned";
inline constexpr std::string_view ConversationTransferred = "conversation:transferred";
inline constexpr std::string_view ConversationResolved = "conversation:resolved";

// Handover requests and their deliveries (HandoverEvents).
inline constexpr std::string_view HandoverUpdated = "handover:updated";
/// A provider's status callback moved a delivery's status forward (queued, sent, delivered, read, failed...).
inline constexpr std::string_view DeliveryStatus = "delivery:status";

// Presence: visitors (VisitorPresence), agents (AgentPresence) and who views what (ViewingRegistry).
inline constexpr std::string_view CustomerOnline = "customer:online";
inline constexpr std::string_view CustomerHeartbeat = "customer:heartbeat";
inline constexpr std::string_view CustomerOffline = "customer:offline";
inline constexpr std::string_view AgentStatusChanged = "agent:status_changed";
inline constexpr std::string_view ConversationViewing = "conversation:viewing";

// Notifications for agents (AgentNotifier).
inline constexpr std::string_view NotificationNew = "notification:new";

// Sent by a visitor's socket (the widget); the typing event is relayed to the agents under the same name.
inline constexpr std::string_view VisitorSendMessage = "visitor:send_message";
inline constexpr std::string_view VisitorSync = "visitor:sync";
inline constexpr std::string_view VisitorTyping = "visitor:typing";
inline constexpr std::string_view WidgetOnline = "widget:online";
inline constexpr std::string_view WidgetHeartbeat = "widget:heartbeat";
inline constexpr std::string_view WidgetOffline = "widget:offline";

// Sent by an agent's socket (the portal, a CRM); the typing event is relayed to the visitor under the same name.
inline constexpr std::string_view AgentJoinConversation = "agent:join_conversation";
inline constexpr std::string_view AgentLeaveConversation = "agent:leave_conversation";
inline constexpr std::string_view AgentSendMessage = "agent:send_message";
inline constexpr std::string_view AgentSync = "agent:sync";
inline constexpr std::string_view AgentSetStatus = "agent:set_status";
inline constexpr std::string_view AgentHeartbeat = "agent:heartbeat";
inline constexpr std::string_view AgentViewing = "agent:viewing";
inline constexpr std::string_view AgentStopViewing = "agent:stop_viewing";
inline constexpr std::string_view AgentTyping = "agent:typing";

} // namespace switchboard::core::events::names
