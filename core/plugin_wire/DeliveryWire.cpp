#include "core/plugin_wire/DeliveryWire.h"

#include "core/common/JsonValues.h"
#include "core/plugin_wire/ContactWire.h"
#include "core/plugin_wire/SettingsWire.h"

#include <switchboard/sdk/DeliveryKind.h>
#include <switchboard/sdk/SenderType.h>

#include <Poco/JSON/Array.h>

namespace switchboard::core::plugin_wire {

namespace {

Poco::JSON::Object::Ptr attachmentJson(const sdk::Attachment& attachment) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("name", attachment.name);
    json->set("content_type", attachment.contentType);
    json->set("size_bytes", attachment.sizeBytes);
    json->set("url", attachment.url);
    return json;
}

sdk::Attachment attachmentFromJson(ObjectReader& reader) {
    sdk::Attachment attachment;
    attachment.name = reader.string("name");
    attachment.contentType = reader.string("content_type");
    attachment.sizeBytes = reader.integer("size_bytes");
    attachment.url = reader.string("url");
    reader.finish();
    return attachment;
}

Poco::JSON::Array::Ptr messagesJson(const std::vector<sdk::ConversationMessage>& messages) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& message : messages) {
        Poco::JSON::Array::Ptr attachments = new Poco::JSON::Array;
        for (const auto& attachment : message.attachments) attachments->add(attachmentJson(attachment));
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("id", message.id);
        json->set("sender_type", std::string(sdk::toString(message.senderType)));
        json->set("sender_name", message.senderName);
        json->set("text", message.text);
        json->set("sent_at_ms", message.sentAtMs);
        json->set("attachments", attachments);
        list->add(json);
    }
    return list;
}

std::vector<sdk::ConversationMessage> messagesFromJson(ObjectReader& parent, const std::string& key) {
    std::vector<sdk::ConversationMessage> messages;
    for (auto& item : parent.objects(key)) {
        sdk::ConversationMessage message;
        message.id = item.string("id");
        message.senderType = item.parsed("sender_type", sdk::senderTypeFromString, "sender type");
        message.senderName = item.string("sender_name");
        message.text = item.string("text");
        message.sentAtMs = item.integer("sent_at_ms");
        for (auto& attachment : item.objects("attachments"))
            message.attachments.push_back(attachmentFromJson(attachment));
        item.finish();
        messages.push_back(std::move(message));
    }
    return messages;
}

Poco::JSON::Object::Ptr recipientJson(const sdk::Recipient& recipient) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("visitor", ContactWire::toJson(recipient.visitor));
    json->set("address", recipient.address);
    json->set("agent_addresses", common::stringArray(recipient.agentAddresses));
    return json;
}

sdk::Recipient recipientFromJson(ObjectReader reader) {
    sdk::Recipient recipient;
    recipient.visitor = ContactWire::fromJson(reader.object("visitor"));
    recipient.address = reader.string("address");
    recipient.agentAddresses = reader.strings("agent_addresses");
    reader.finish();
    return recipient;
}

} // namespace

Poco::JSON::Object::Ptr DeliveryWire::toJson(const sdk::Delivery& delivery) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", delivery.id);
    json->set("attempt", delivery.attempt);
    json->set("kind", std::string(sdk::toString(delivery.kind)));
    json->set("occurred_at_ms", delivery.occurredAtMs);
    json->set("request_id", delivery.requestId);
    json->set("method", delivery.method);
    json->set("widget_id", delivery.widgetId);
    json->set("conversation_id", delivery.conversationId);
    json->set("recipient", recipientJson(delivery.recipient));
    json->set("messages", messagesJson(delivery.messages));
    json->set("history", messagesJson(delivery.history));
    json->set("thread_reference", delivery.threadReference);
    json->set("method_settings", SettingsWire::toJson(delivery.methodSettings));
    return json;
}

sdk::Delivery DeliveryWire::fromJson(ObjectReader reader) {
    sdk::Delivery delivery;
    delivery.id = reader.string("id");
    delivery.attempt = reader.int32("attempt");
    delivery.kind = reader.parsed("kind", sdk::deliveryKindFromString, "delivery kind");
    delivery.occurredAtMs = reader.integer("occurred_at_ms");
    delivery.requestId = reader.string("request_id");
    delivery.method = reader.string("method");
    delivery.widgetId = reader.string("widget_id");
    delivery.conversationId = reader.string("conversation_id");
    delivery.recipient = recipientFromJson(reader.object("recipient"));
    delivery.messages = messagesFromJson(reader, "messages");
    delivery.history = messagesFromJson(reader, "history");
    delivery.threadReference = reader.string("thread_reference");
    delivery.methodSettings = SettingsWire::fromJson(reader, "method_settings");
    reader.finish();
    return delivery;
}

} // namespace switchboard::core::plugin_wire
