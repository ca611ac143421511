#include "core/plugin_wire/ContactWire.h"

namespace switchboard::core::plugin_wire {

Poco::JSON::Object::Ptr ContactWire::toJson(const sdk::Contact& contact) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("name", contact.name);
    json->set("email", contact.email);
    json->set("phone", contact.phone);
    return json;
}

sdk::Contact ContactWire::fromJson(ObjectReader reader) {
    sdk::Contact contact;
    contact.name = reader.string("name");
    contact.email = reader.string("email");
    contact.phone = reader.string("phone");
    reader.finish();
    return contact;
}

} // namespace switchboard::core::plugin_wire
