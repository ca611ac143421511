#include "core/plugin_wire/ObjectReader.h"

#include "core/plugin_wire/LogLevel.h"
#include "tests/support/PluginWireSamples.h"

#include <switchboard/sdk/DeliveryKind.h>

#include <gtest/gtest.h>

#include <functional>
#include <string>

using switchboard::core::plugin_wire::ErrorCode;
using switchboard::core::plugin_wire::LogLevel;
using switchboard::core::plugin_wire::LogLevelNames;
using switchboard::core::plugin_wire::ObjectReader;
using switchboard::core::plugin_wire::WireError;
using switchboard::tests::plugin_wire::readerOf;
using switchboard::tests::plugin_wire::refusalOf;

namespace {

/// The refusal of `read` on a reader of `text`: its field and message.
std::string refusal(const std::string& text, const std::function<void(ObjectReader&)>& read) {
    auto reader = readerOf(text);
    return refusalOf([&] {
        read(reader);
        reader.finish();
    });
}

} // namespace

TEST(ObjectReaderTest, ReadsEachType) {
    auto reader = readerOf(R"({"s":"x","i":-9223372036854775808,"n":2147483647,"b":false,"o":{"k":"v"},)"
                           R"("l":["a","b"],"os":[{},{}],"level":"warning","kind":"transcript"})");
    EXPECT_EQ(reader.string("s"), "x");
    EXPECT_EQ(reader.integer("i"), INT64_MIN);
    EXPECT_EQ(reader.int32("n"), 2147483647);
    EXPECT_FALSE(reader.boolean("b"));
    EXPECT_EQ(reader.stringMap("o"), (std::map<std::string, std::string>{{"k", "v"}}));
    EXPECT_EQ(reader.strings("l"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(reader.objects("os").size(), 2u);
    EXPECT_EQ(reader.named("level", LogLevelNames), LogLevel::Warning);
    EXPECT_EQ(reader.parsed("kind", switchboard::sdk::deliveryKindFromString, "delivery kind"),
              switchboard::sdk::DeliveryKind::Transcript);
    EXPECT_NO_THROW(reader.finish());
}

TEST(ObjectReaderTest, ReadsAbsentOptionalFieldsAsNothing) {
    auto reader = readerOf("{}");
    EXPECT_EQ(reader.optionalString("s"), std::nullopt);
    EXPECT_EQ(reader.optionalInteger("i"), std::nullopt);
    EXPECT_EQ(reader.optionalInt32("n"), std::nullopt);
}

TEST(ObjectReaderTest, NamesTheFieldOfEachRefusal) {
    EXPECT_EQ(refusal("{}", [](auto& r) { r.string("s"); }), "'params.s' is required");
    EXPECT_EQ(refusal(R"({"s":1})", [](auto& r) { r.string("s"); }), "'params.s' must be a string");
    EXPECT_EQ(refusal(R"({"s":null})", [](auto& r) { r.optionalString("s"); }),
              "'params.s' must not be null (leave an absent value out)");
    EXPECT_EQ(refusal(R"({"i":true})", [](auto& r) { r.integer("i"); }), "'params.i' must be an integer of 64 bits");
    EXPECT_EQ(refusal(R"({"i":1.0})", [](auto& r) { r.integer("i"); }), "'params.i' must be an integer of 64 bits");
    EXPECT_EQ(refusal(R"({"i":"1"})", [](auto& r) { r.integer("i"); }), "'params.i' must be an integer of 64 bits");
    EXPECT_EQ(refusal(R"({"n":2147483648})", [](auto& r) { r.int32("n"); }),
              "'params.n' must be an integer of 32 bits");
    EXPECT_EQ(refusal(R"({"b":1})", [](auto& r) { r.boolean("b"); }), "'params.b' must be true or false");
    EXPECT_EQ(refusal(R"({"o":[]})", [](auto& r) { r.object("o"); }), "'params.o' must be an object");
    EXPECT_EQ(refusal(R"({"o":{"k":1}})", [](auto& r) { r.stringMap("o"); }), "'params.o.k' must be a string");
    EXPECT_EQ(refusal(R"({"l":["a",2]})", [](auto& r) { r.strings("l"); }), "'params.l[1]' must be a string");
    EXPECT_EQ(refusal(R"({"os":[{},"x"]})", [](auto& r) { r.objects("os"); }), "'params.os[1]' must be an object");
    EXPECT_EQ(refusal(R"({"level":"debug"})", [](auto& r) { r.named("level", LogLevelNames); }),
              "'params.level' must be info, warning or error");
    EXPECT_EQ(refusal(R"({"kind":"fax"})",
                      [](auto& r) { r.parsed("kind", switchboard::sdk::deliveryKindFromString, "delivery kind"); }),
              "'params.kind' must be a delivery kind");
}

TEST(ObjectReaderTest, FinishRefusesAFieldNothingRead) {
    EXPECT_EQ(refusal(R"({"s":"x","extra":1})", [](auto& r) { r.string("s"); }),
              "'params.extra' is not a field of this object");
}

TEST(ObjectReaderTest, NestedReadersExtendThePath) {
    auto reader = readerOf(R"({"delivery":{"recipient":{"address":1}}})");
    auto recipient = reader.object("delivery").object("recipient");
    EXPECT_EQ(recipient.path(), "params.delivery.recipient");
    try {
        recipient.string("address");
        FAIL() << "a number was read as a string";
    } catch (const WireError& error) {
        EXPECT_EQ(error.field(), "params.delivery.recipient.address");
        EXPECT_EQ(error.message(), "must be a string");
        EXPECT_EQ(error.code(), ErrorCode::BadRequest);
    }
}
