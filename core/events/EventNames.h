#pragma once

#include <string_view>

/// The names of the events the services publish (`events::Event::name`), as the real-time contract spells them: the
/// one catalogue that producers, the socket protocol and subscribers use instead of string literals.
namespace switchboard::core::events::names {

// Conversations and their messages (ConversationEvents).
inline constexpr std::string_view MessageNew = "message:new";
inline constexpr std::string_view ConversationNew = "conversation:new";
inline constexpr std::string_view ConversationUpdated = "conversation:updated";
inline constexpr std::string_view ConversationAssigned = "conversation:assigned";
inline constexpr std::string_view ConversationTransferred = "conversation:transferred";
inline constexpr std::string_view ConversationResolved = "conversation:resolved";

// Handover requests (HandoverEvents).
inline constexpr std::string_view HandoverUpdated = "handover:updated";

// Presence: visitors (VisitorPresence), agents (AgentPresence) and who views what (ViewingRegistry).
inline constexpr std::string_view CustomerOnline = "customer:online";
inline constexpr std::string_view CustomerHeartbeat = "customer:heartbeat";
inline constexpr std::string_view CustomerOffline = "customer:offline";
inline constexpr std::string_view AgentStatusChanged = "agent:status_changed";
inline constexpr std::string_view ConversationViewing = "conversation:viewing";

// Notifications for agents (AgentNotifier).
inline constexpr std::string_view NotificationNew = "notification:new";

} // namespace switchboard::core::events::names
