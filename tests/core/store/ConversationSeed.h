#pragma once

#include "core/conversation/Conversation.h"
#include "core/conversation/Message.h"
#include "core/store/ConversationRepository.h"
#include "core/store/Database.h"
#include "core/store/MessageRepository.h"
#include "core/store/VisitorRepository.h"

#include <string>
#include <vector>

namespace switchboard::tests {

/// Writes a conversation exactly as given (with a visitor of its own and the listed senders' messages) for tests
/// that read aggregates.
inline void seedConversation(core::store::Database& database, core::conversation::Conversation conversation,
                             const std::vector<std::string>& messageSenders) {
    using namespace core;
    database.write([&](store::Sql& sql) {
        conversation::Visitor visitor;
        visitor.id = "visitor-" + conversation.id;
        visitor.widgetId = conversation.widgetId;
        visitor.firstSeenAt = visitor.lastSeenAt = conversation.createdAt;
        store::VisitorRepository().insert(sql, visitor, "token-" + conversation.id);

        conversation.visitorId = visitor.id;
        conversation.activityAt = conversation.updatedAt = conversation.createdAt;
        conversation.lastSeq = static_cast<std::int64_t>(messageSenders.size());
        store::ConversationRepository conversations;
        conversations.insert(sql, conversation);
        conversations.save(sql, conversation);

        store::MessageRepository messages;
        for (std::size_t i = 0; i < messageSenders.size(); ++i) {
            conversation::Message message;
            message.id = conversation.id + "-m" + std::to_string(i + 1);
            message.conversationId = conversation.id;
            message.seq = static_cast<std::int64_t>(i + 1);
            message.senderType = messageSenders[i];
            message.text = "text";
            message.createdAt = conversation.createdAt;
            messages.insert(sql, message);
        }
    });
}

} // namespace switchboard::tests
