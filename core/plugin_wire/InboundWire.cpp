#include "core/plugin_wire/InboundWire.h"

#include "core/plugin_wire/ContactWire.h"
#include "core/plugin_wire/SdkEnumNames.h"
#include "sdk/src/Base64.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::plugin_wire {

namespace {

std::string bodyFromJson(ObjectReader& reader) {
    const auto encoded = reader.string("body_base64");
    auto body = sdk::Base64::decode(encoded);
    if (!body) throw WireError(ErrorCode::BadRequest, "must be padded base64", reader.pathOf("body_base64"));
    return std::move(*body);
}

} // namespace

Poco::JSON::Object::Ptr InboundWire::requestToJson(const sdk::InboundRequest& request) {
    Poco::JSON::Array::Ptr headers = new Poco::JSON::Array;
    for (const auto& [name, value] : request.headers) {
        Poco::JSON::Object::Ptr header = new Poco::JSON::Object;
        header->set("name", name);
        header->set("value", value);
        headers->add(header);
    }
    Poco::JSON::Object::Ptr query = new Poco::JSON::Object;
    for (const auto& [name, value] : request.query) query->set(name, value);
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("method", request.method);
    json->set("path", request.path);
    json->set("url", request.url);
    json->set("headers", headers);
    json->set("query", query);
    json->set("body_base64", sdk::Base64::encode(request.body));
    return json;
}

sdk::InboundRequest InboundWire::requestFromJson(ObjectReader reader) {
    sdk::InboundRequest request;
    request.method = reader.string("method");
    request.path = reader.string("path");
    request.url = reader.string("url");
    for (auto& header : reader.objects("headers")) {
        request.headers.emplace_back(header.string("name"), header.string("value"));
        header.finish();
    }
    request.query = reader.stringMap("query");
    request.body = bodyFromJson(reader);
    reader.finish();
    return request;
}

Poco::JSON::Object::Ptr InboundWire::resultToJson(const sdk::InboundResult& result) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("status", result.status);
    json->set("content_type", result.contentType);
    json->set("body_base64", sdk::Base64::encode(result.body));
    return json;
}

sdk::InboundResult InboundWire::resultFromJson(ObjectReader reader) {
    sdk::InboundResult result;
    result.status = reader.int32("status");
    result.contentType = reader.string("content_type");
    result.body = bodyFromJson(reader);
    reader.finish();
    return result;
}

Poco::JSON::Object::Ptr InboundWire::messageToJson(const sdk::InboundMessage& message) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("conversation_id", message.conversationId);
    json->set("widget_id", message.widgetId);
    json->set("address", message.address);
    json->set("from", ContactWire::toJson(message.from));
    json->set("text", message.text);
    json->set("external_id", message.externalId);
    return json;
}

sdk::InboundMessage InboundWire::messageFromJson(ObjectReader reader) {
    sdk::InboundMessage message;
    message.conversationId = reader.string("conversation_id");
    message.widgetId = reader.string("widget_id");
    message.address = reader.string("address");
    message.from = ContactWire::fromJson(reader.object("from"));
    message.text = reader.string("text");
    message.externalId = reader.string("external_id");
    reader.finish();
    return message;
}

Poco::JSON::Object::Ptr InboundWire::outcomeToJson(const sdk::InboundOutcome& outcome) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("kind", std::string(InboundOutcomeKindNames.name(outcome.kind)));
    json->set("conversation_id", outcome.conversationId);
    json->set("opened_conversation", outcome.openedConversation);
    json->set("reason", outcome.reason);
    return json;
}

sdk::InboundOutcome InboundWire::outcomeFromJson(ObjectReader reader) {
    sdk::InboundOutcome outcome;
    outcome.kind = reader.named("kind", InboundOutcomeKindNames);
    outcome.conversationId = reader.string("conversation_id");
    outcome.openedConversation = reader.boolean("opened_conversation");
    outcome.reason = reader.string("reason");
    reader.finish();
    return outcome;
}

} // namespace switchboard::core::plugin_wire
