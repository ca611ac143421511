#pragma once

#include "core/auth/Agent.h"
#include "core/auth/Caller.h"
#include "core/common/Clock.h"
#include "core/conversation/ConversationEvents.h"
#include "core/conversation/ConversationTakenReaction.h"
#include "core/conversation/VisitorChannels.h"
#include "core/store/ConversationRepository.h"
#include "core/store/Database.h"
#include "core/store/MessageRepository.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::conversation {

struct ConversationListQuery {
    std::vector<std::string> statuses;
    /// `me`, `unassigned` or an agent id.
    std::optional<std::string> assigned;
    std::optional<std::string> priority;
    std::optional<std::string> tag;
    std::optional<std::string> search;
    std::optional<std::string> widgetId;
    std::optional<std::string> cursor;
    std::size_t limit = 50;
};

struct ConversationPage {
    std::vector<ConversationView> conversations;
    std::optional<std::string> nextCursor;
};

struct ConversationChanges {
    std::optional<std::string> priority;
    std::optional<std::vector<std::string>> tags;
    std::optional<std::string> subject;
    /// Set: where the visitor is reached from now on, a channel instance that reaches visitors, or none for the
    /// widget only.
    std::optional<std::optional<std::string>> visitorChannel;
};

struct ReadReceipt {
    std::int64_t readUpToSeq = 0;
    std::int64_t unreadCount = 0;
};

/// The lifecycle of a conversation as agents (and, for ratings, visitors) drive it: listing, assignment,
/// transfer, resolve/reopen, read state, priority and tags. Every change is announced on the event bus.
class ConversationService {
public:
    /// Looks an agent up inside the caller's transaction (assignment checks the target agent).
    using AgentLookup = std::function<std::optional<auth::Agent>(store::Sql&, const std::string& agentId)>;

    ConversationService(store::Database& database, const common::Clock& clock, ConversationEvents& events,
                        AgentLookup findAgent, ConversationTakenReaction& taken, const VisitorChannels& channels);

    ConversationView get(const auth::Caller& caller, const std::string& id);
    ConversationPage list(const auth::Caller& caller, const ConversationListQuery& query);
    ConversationView assign(const auth::Caller& caller, const std::string& id, const std::string& agentId);
    ConversationView transfer(const auth::Caller& caller, const std::string& id, const std::string& agentId);
    ConversationView resolve(const auth::Caller& caller, const std::string& id);
    ConversationView reopen(const auth::Caller& caller, const std::string& id);
    ConversationView update(const auth::Caller& caller, const std::string& id, const ConversationChanges& changes);
    ReadReceipt markRead(const auth::Caller& caller, const std::string& id, std::optional<std::int64_t> upToSeq);
    /// The visitor's rating of their own conversation (1–5) with optional feedback.
    Conversation rate(const std::string& visitorId, const std::string& id, std::int64_t rating,
                      const std::optional<std::string>& feedback);

    static constexpr std::size_t MaxPageSize = 100;
    static constexpr std::size_t MaxTags = 20;
    static constexpr std::size_t MaxTagLength = 50;

private:
    /// Locks the conversation, checks the caller may see it, applies `change`, saves, and returns the new view.
    template <class Change>
    ConversationView modify(const auth::Caller& caller, const std::string& id, Change&& change);
    /// Sets where the conversation's visitor is reached: `channel`, or the widget only; 422 when `channel` cannot
    /// reach them.
    void reachVisitorBy(store::Sql& sql, Conversation& c, const std::optional<std::string>& channel);
    auth::Agent requireAssignableAgent(store::Sql& sql, const Conversation& conversation, const std::string& agentId);

    store::Database& _database;
    const common::Clock& _clock;
    ConversationEvents& _events;
    ConversationTakenReaction& _taken;
    const VisitorChannels& _channels;
    AgentLookup _findAgent;
    store::ConversationRepository _conversations;
    store::MessageRepository _messages;
};

} // namespace switchboard::core::conversation
