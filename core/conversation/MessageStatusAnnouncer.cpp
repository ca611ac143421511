#include "core/conversation/MessageStatusAnnouncer.h"

namespace switchboard::core::conversation {

void MessageStatusAnnouncer::changed(const handover::OutboxDelivery& delivery) {
    if (!delivery.messageId) return;
    const auto conversation =
        _database.read([&](store::Sql& sql) { return _conversations.find(sql, delivery.conversationId); });
    if (conversation) _events.messageStatus(*conversation, MessageDelivery::of(delivery));
}

} // namespace switchboard::core::conversation
