#pragma once

#include "core/conversation/Conversation.h"
#include "core/store/Row.h"
#include "core/store/Sql.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::store {

/// What the agents' conversation list asks for. Results come newest activity first.
struct ConversationFilter {
    /// Widgets the caller may see; nullopt means every widget (admins).
    std::optional<std::vector<std::string>> visibleWidgets;
    std::optional<std::string> widgetId;
    std::vector<conversation::ConversationStatus> statuses;
    std::optional<std::string> assignedAgentId;
    bool unassignedOnly = false;
    std::optional<std::string> priority;
    std::optional<std::string> tag;
    /// Matched, case-insensitively, against the visitor's name, email and phone and the message texts.
    std::optional<std::string> search;
    /// Keyset cursor: rows strictly after (activityAt, id) in list order.
    std::optional<std::pair<std::int64_t, std::string>> after;
    std::size_t limit = 50;
};

class ConversationRepository {
public:
    void insert(Sql& sql, const conversation::Conversation& conversation);
    /// Writes every mutable column of an existing conversation (not its tags).
    void save(Sql& sql, const conversation::Conversation& conversation);
    /// Saves only what a new message changes (sequence, unread counts, last message, timestamps), leaving status
    /// and assignment alone: an UPDATE that names no indexed column but the activity time touches fewer pages.
    void saveMessageTotals(Sql& sql, const conversation::Conversation& conversation);
    void replaceTags(Sql& sql, const std::string& conversationId, const std::vector<std::string>& tags);

    std::optional<conversation::ConversationView> findView(Sql& sql, const std::string& id);
    std::optional<conversation::Conversation> find(Sql& sql, const std::string& id);
    /// Loads a conversation to change it; on PostgreSQL the row stays locked until the transaction ends, so
    /// concurrent changes (and message sequence numbers) are applied one after another.
    std::optional<conversation::Conversation> findForUpdate(Sql& sql, const std::string& id);
    std::optional<conversation::Conversation> findOpenForVisitor(Sql& sql, const std::string& visitorId);
    /// The most recently active open conversation of `widgetId` whose visitor has this phone or email, from the
    /// pre-chat form or a handover request; an absent detail matches nothing.
    std::optional<std::string> findOpenIdByContact(Sql& sql, const std::string& widgetId,
                                                   const std::optional<std::string>& phone,
                                                   const std::optional<std::string>& email);
    std::vector<conversation::ConversationView> list(Sql& sql, const ConversationFilter& filter);

private:
    std::optional<conversation::Conversation> findOne(Sql& sql, const std::string& id, bool lock);
    void loadTags(Sql& sql, std::vector<conversation::ConversationView>& views);
    std::vector<conversation::ConversationView> selectViews(Sql& sql, Poco::Data::Statement& statement);
};

} // namespace switchboard::core::store
