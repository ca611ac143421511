#pragma once

#include "core/plugin_wire/ObjectReader.h"

#include <switchboard/sdk/Inbound.h>
#include <switchboard/sdk/InboundOutcome.h>

#include <Poco/JSON/Object.h>

namespace switchboard::core::plugin_wire {

/// What crosses the wire around a provider's callback and the messages it brings in:
/// - a request (`inbound`'s params): `{method, path, url, headers: [{name, value}], query: {name: value},
///   body_base64}`; the body is any bytes, so it travels as base64 (RFC 4648, padded);
/// - the channel's answer (`inbound`'s result): `{status, content_type, body_base64}`;
/// - a message (`post_inbound_message`'s params): `{conversation_id, widget_id, address, from: Contact, text,
///   external_id}`;
/// - where it landed (`post_inbound_message`'s result): `{kind: "stored" | "duplicate" | "refused",
///   conversation_id, opened_conversation, reason}`.
class InboundWire {
public:
    static Poco::JSON::Object::Ptr requestToJson(const sdk::InboundRequest& request);
    static sdk::InboundRequest requestFromJson(ObjectReader reader);

    static Poco::JSON::Object::Ptr resultToJson(const sdk::InboundResult& result);
    static sdk::InboundResult resultFromJson(ObjectReader reader);

    static Poco::JSON::Object::Ptr messageToJson(const sdk::InboundMessage& message);
    static sdk::InboundMessage messageFromJson(ObjectReader reader);

    static Poco::JSON::Object::Ptr outcomeToJson(const sdk::InboundOutcome& outcome);
    static sdk::InboundOutcome outcomeFromJson(ObjectReader reader);
};

} // namespace switchboard::core::plugin_wire
