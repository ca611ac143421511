#include "core/handover/DeliveryContextReader.h"

#include "core/handover/ContactOptOuts.h"
#include "core/store/ChannelThreadRepository.h"
#include "core/store/ConversationRepository.h"
#include "core/store/MessageRepository.h"

#include <limits>

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

std::optional<std::string> DeliveryContextReader::read(store::Sql& sql, const OutboxDelivery& delivery,
                                                       sdk::Delivery& out) {
    if (delivery.messageId) {
        if (auto gone = readMessage(sql, delivery, out)) return gone;
    }
    if (auto refusal = ContactOptOuts::refusal(sql, delivery.channel, out.recipient)) return refusal;
    if (const auto length = sdk::historyLength(out.kind); length > 0) {
        const auto latest = store::MessageRepository().listBefore(sql, delivery.conversationId,
                                                                  std::numeric_limits<std::int64_t>::max(), length);
        out.history.reserve(latest.size());
        for (const auto& message : latest) out.history.push_back(toSdk(message));
    }
    out.threadReference =
        store::ChannelThreadRepository().find(sql, delivery.conversationId, delivery.channel).value_or("");
    return std::nullopt;
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
