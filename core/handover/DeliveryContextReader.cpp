#include "core/handover/DeliveryContextReader.h"

#include "core/handover/ContactOptOuts.h"
#include "core/store/ChannelThreadRepository.h"
#include "core/store/MessageRepository.h"

#include <limits>

namespace switchboard::core::handover {

DeliveryContext DeliveryContextReader::read(store::Sql& sql, const std::string& conversationId,
                                            const std::string& channel, sdk::DeliveryKind kind,
                                            const sdk::Recipient& recipient) {
    DeliveryContext context;
    context.refusal = ContactOptOuts::refusal(sql, channel, recipient);
    if (context.refusal) return context;
    if (const auto length = sdk::historyLength(kind); length > 0) {
        const auto latest = store::MessageRepository().listBefore(sql, conversationId,
                                                                  std::numeric_limits<std::int64_t>::max(), length);
        context.history.reserve(latest.size());
        for (const auto& message : latest) context.history.push_back(toSdk(message));
    }
    context.threadReference = store::ChannelThreadRepository().find(sql, conversationId, channel).value_or("");
    return context;
}

sdk::ConversationMessage DeliveryContextReader::toSdk(const conversation::Message& message) {
    sdk::ConversationMessage out;
    out.id = message.id;
    out.senderType = sdk::senderTypeFromString(message.senderType).value_or(sdk::SenderType::System);
    out.senderName = message.senderName.value_or("");
    out.text = message.text;
    out.sentAtMs = message.createdAt;
    return out;
}

} // namespace switchboard::core::handover
