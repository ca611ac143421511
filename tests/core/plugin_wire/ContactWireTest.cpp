#include "core/plugin_wire/ContactWire.h"

#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_wire::ContactWire;
using switchboard::core::plugin_wire::WireError;
using namespace switchboard::tests::plugin_wire;

TEST(ContactWireTest, CarriesEveryField) {
    expectWireForm(fullContact(), ContactWire::toJson, ContactWire::fromJson,
                   R"({"email":"ada@example.com","name":"Ada Lovelace","phone":"+447700900123"})");
    expectWireForm(switchboard::sdk::Contact{}, ContactWire::toJson, ContactWire::fromJson,
                   R"({"email":"","name":"","phone":""})");
    EXPECT_EQ(ContactWire::fromJson(readerOf(R"({"email":"e","name":"n","phone":"p"})")).name, "n");
}

TEST(ContactWireTest, RefusesAMissingField) {
    EXPECT_THROW(ContactWire::fromJson(readerOf(R"({"email":"","name":""})")), WireError);
}
