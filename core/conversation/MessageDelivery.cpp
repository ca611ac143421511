#include "core/conversation/MessageDelivery.h"

#include "core/common/JsonValues.h"
#include "core/common/Time.h"

#include <algorithm>

namespace switchboard::core::conversation {

namespace {

using sdk::ProviderStatus;

/// What the provider's latest callback says, once the channel accepted the message.
MessageDeliveryStatus fromProvider(ProviderStatus status) {
    switch (status) {
    case ProviderStatus::Queued:
    case ProviderStatus::Sent: return MessageDeliveryStatus::Sent;
    case ProviderStatus::Delivered: return MessageDeliveryStatus::Delivered;
    case ProviderStatus::Read: return MessageDeliveryStatus::Read;
    case ProviderStatus::Failed:
    case ProviderStatus::Undelivered: break;
    }
    return MessageDeliveryStatus::Failed;
}

} // namespace

MessageDelivery MessageDelivery::of(const handover::OutboxDelivery& d) {
    MessageDelivery out;
    out.id = d.id;
    out.messageId = d.messageId.value_or("");
    out.conversationId = d.conversationId;
    out.channel = d.channel;
    out.updatedAt = std::max(d.updatedAt, d.providerStatusAt.value_or(0));
    switch (d.status) {
    case handover::DeliveryStatus::Pending: out.status = MessageDeliveryStatus::Queued; break;
    case handover::DeliveryStatus::Failed:
        out.status = MessageDeliveryStatus::Failed;
        out.error = d.lastError;
        break;
    case handover::DeliveryStatus::Delivered:
        out.status = d.providerStatus ? fromProvider(*d.providerStatus) : MessageDeliveryStatus::Sent;
        if (out.status == MessageDeliveryStatus::Failed) {
            out.error = d.providerErrorText ? d.providerErrorText : d.providerErrorCode;
            if (!out.error) out.error = "the provider could not deliver it";
        }
        break;
    }
    return out;
}

Poco::JSON::Object::Ptr MessageDelivery::toJson() const {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", id);
    json->set("channel", channel);
    json->set("status", std::string(MessageDeliveryStatusNames.name(status)));
    json->set("error", common::orNull(error));
    json->set("updated_at", common::formatIso8601Ms(updatedAt));
    return json;
}

} // namespace switchboard::core::conversation
