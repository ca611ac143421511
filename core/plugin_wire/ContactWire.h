#pragma once

#include "core/plugin_wire/ObjectReader.h"

#include <switchboard/sdk/Contact.h>

#include <Poco/JSON/Object.h>

namespace switchboard::core::plugin_wire {

/// A contact on the wire: `{name, email, phone}`, each a string, empty when not known.
class ContactWire {
public:
    static Poco::JSON::Object::Ptr toJson(const sdk::Contact& contact);
    static sdk::Contact fromJson(ObjectReader reader);
};

} // namespace switchboard::core::plugin_wire
