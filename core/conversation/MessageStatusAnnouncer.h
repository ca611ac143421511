#pragma once

#include "core/conversation/ConversationEvents.h"
#include "core/handover/OutboxDelivery.h"
#include "core/store/ConversationRepository.h"
#include "core/store/Database.h"

namespace switchboard::core::conversation {

/// Tells a conversation's agents that the delivery of one of its messages to the visitor's external channel moved
/// on (`message:status`): after the outbox booked an attempt at it, and after a provider's status callback.
class MessageStatusAnnouncer {
public:
    MessageStatusAnnouncer(store::Database& database, ConversationEvents& events)
        : _database(database), _events(events) {}

    /// Nothing for a delivery that carries no message. Called after the change is committed; reads the conversation
    /// for whom to tell.
    void changed(const handover::OutboxDelivery& delivery);

private:
    store::Database& _database;
    ConversationEvents& _events;
    store::ConversationRepository _conversations;
};

} // namespace switchboard::core::conversation
