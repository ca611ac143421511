#pragma once

#include "core/plugin_wire/ObjectReader.h"

#include <switchboard/sdk/Delivery.h>

#include <Poco/JSON/Object.h>

namespace switchboard::core::plugin_wire {

/// A delivery on the wire (the `delivery` of `deliver`'s params):
/// `{id, attempt, kind, occurred_at_ms, request_id, method, widget_id, conversation_id,
///   recipient: {visitor: Contact, address, agent_addresses: [string]},
///   messages: [Message], history: [Message], thread_reference, method_settings: Settings}`
/// where a Message is `{id, sender_type, sender_name, text, sent_at_ms,
///   attachments: [{name, content_type, size_bytes, url}]}`.
class DeliveryWire {
public:
    static Poco::JSON::Object::Ptr toJson(const sdk::Delivery& delivery);
    static sdk::Delivery fromJson(ObjectReader reader);
};

} // namespace switchboard::core::plugin_wire
