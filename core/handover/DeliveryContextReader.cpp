#include "core/handover/DeliveryContextReader.h"

#include "core/handover/ContactOptOuts.h"
#include "core/store/ChannelThreadRepository.h"
#include "core/store/ConversationRepository.h"
#include "core/store/MessageRepository.h"

#include <map>

namespace switchboard::core::handover {

namespace {

/// The message an `agent_message` delivery carries, with the conversation's widget and the visitor to reach.
std::optional<std::string> readMessage(store::Sql& sql, const OutboxDelivery& delivery, sdk::Delivery& out) {
    const auto message = store::MessageRepository().find(sql, delivery.messageId.value_or(""));
    const auto view = store::ConversationRepository().findView(sql, delivery.conversationId);
    if (!message || !view) return "the message was deleted";
    out.occurredAtMs = message->createdAt;
    out.widgetId = view->conversation.widgetId;
    const auto& visitor = view->visitor;
    out.recipient.visitor = {visitor.name.value_or(""), visitor.email.value_or(""), visitor.phone.value_or("")};
    out.recipient.address = delivery.address.value_or("");
    out.messages.push_back(DeliveryContextReader::toSdk(*message));
    return std::nullopt;
}

} // namespace

std::vector<std::optional<std::string>> DeliveryContextReader::readAll(store::Sql& sql, const std::vector<Part>& batch) {
    std::vector<std::optional<std::string>> refusals(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const auto& [delivery, out] = batch[i];
        if (delivery.messageId) refusals[i] = readMessage(sql, delivery, out);
    }
    // The deliveries still going, and what they are checked against.
    std::vector<std::size_t> going;
    std::vector<ContactOptOuts::Addressee> addressees;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (refusals[i]) continue;
        going.push_back(i);
        addressees.push_back({batch[i].delivery.channel, batch[i].out.recipient});
    }
    const auto optedOut = ContactOptOuts::refusals(sql, addressees);
    // Conversations whose history is read, by how many messages: one statement per length.
    std::map<std::size_t, std::vector<std::string>> historyOf;
    std::vector<std::string> conversations;
    for (std::size_t at = 0; at < going.size(); ++at) {
        const auto i = going[at];
        if (optedOut[at]) {
            refusals[i] = optedOut[at];
            continue;
        }
        const auto& [delivery, out] = batch[i];
        if (const auto length = sdk::historyLength(out.kind); length > 0)
            historyOf[length].push_back(delivery.conversationId);
        conversations.push_back(delivery.conversationId);
    }
    std::map<std::size_t, std::map<std::string, std::vector<conversation::Message>>> histories;
    for (const auto& [length, ids] : historyOf) histories[length] = store::MessageRepository().latestOf(sql, ids, length);
    const auto threads = store::ChannelThreadRepository().findAll(sql, conversations);
    for (const auto i : going) {
        if (refusals[i]) continue;
        const auto& [delivery, out] = batch[i];
        if (const auto length = sdk::historyLength(out.kind); length > 0) {
            const auto& ofLength = histories[length];
            if (const auto found = ofLength.find(delivery.conversationId); found != ofLength.end()) {
                out.history.reserve(found->second.size());
                for (const auto& message : found->second) out.history.push_back(toSdk(message));
            }
        }
        const auto thread = threads.find({delivery.conversationId, delivery.channel});
        if (thread != threads.end()) out.threadReference = thread->second;
    }
    return refusals;
}

sdk::ConversationMessage DeliveryContextReader::toSdk(const conversation::Message& message) {
    sdk::ConversationMessage out;
    out.id = message.id;
    out.senderType = sdk::senderTypeFromString(message.senderType).value_or(sdk::SenderType::System);
    out.senderName = message.senderName.value_or("");
    out.text = message.text;
    out.sentAtMs = message.createdAt;
    for (const auto& a : message.attachments) out.attachments.push_back({a.name, a.contentType, a.sizeBytes, a.url});
    return out;
}

} // namespace switchboard::core::handover
