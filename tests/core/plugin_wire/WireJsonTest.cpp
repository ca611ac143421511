#include "core/plugin_wire/WireJson.h"

#include "core/plugin_wire/WireError.h"
#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::core::plugin_wire::ErrorCode;
using switchboard::core::plugin_wire::WireError;
using switchboard::core::plugin_wire::WireJson;
using switchboard::tests::plugin_wire::AwkwardText;
using switchboard::tests::plugin_wire::refusalOf;

namespace {

std::string refusal(const std::string& text) {
    return refusalOf([&] { WireJson::parse(text); });
}

} // namespace

TEST(WireJsonTest, WritesCondensedWithKeysInOrder) {
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
    object->set("b", 1);
    object->set("a", std::string("x"));
    EXPECT_EQ(WireJson::write(object), R"({"a":"x","b":1})");
}

TEST(WireJsonTest, CarriesTextByteForByte) {
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
    object->set("text", AwkwardText);
    const auto text = WireJson::write(object);
    EXPECT_EQ(text, "{\"text\":\"say \\\"hi\\\"\\\\ \\t\\n\\u0001\x7f caf\xc3\xa9 \xf0\x9f\x98\x80 </script>\"}");
    EXPECT_EQ(WireJson::parse(text)->getValue<std::string>("text"), AwkwardText);
}

TEST(WireJsonTest, ReadsEscapedUnicodeAsUtf8) {
    EXPECT_EQ(WireJson::parse(R"({"a":"caf\u00e9 \ud83d\ude00"})")->getValue<std::string>("a"),
              "caf\xc3\xa9 \xf0\x9f\x98\x80");
}

TEST(WireJsonTest, RefusesToWriteTextThePeerWouldRefuse) {
    Poco::JSON::Object::Ptr nul = new Poco::JSON::Object;
    nul->set("a", std::string("x\0y", 3));
    EXPECT_THROW(WireJson::write(nul), WireError);
    Poco::JSON::Object::Ptr notUtf8 = new Poco::JSON::Object;
    notUtf8->set("a", std::string("caf\xe9"));
    EXPECT_THROW(WireJson::write(notUtf8), WireError);
}

TEST(WireJsonTest, RefusesWhatIsNotOneObject) {
    EXPECT_NE(refusal("[1]").find("must be a JSON object"), std::string::npos);
    EXPECT_NE(refusal(R"("text")"), "accepted");
    EXPECT_NE(refusal(R"({"a":1} {})").find("not JSON"), std::string::npos);
    EXPECT_NE(refusal(R"({"a":)").find("not JSON"), std::string::npos);
    EXPECT_NE(refusal("").find("not JSON"), std::string::npos);
    EXPECT_NE(refusal(std::string("{\"a\":1}\0", 8)).find("not JSON"), std::string::npos);
}

TEST(WireJsonTest, RefusesAsABadRequest) {
    try {
        WireJson::parse("[1]");
        FAIL() << "an array was read as a message";
    } catch (const WireError& error) {
        EXPECT_EQ(error.code(), ErrorCode::BadRequest);
    }
}

TEST(WireJsonTest, RefusesAKeyTwiceInAnObject) {
    EXPECT_NE(refusal(R"({"a":{"k":1,"k":2}})").find("the key 'k' twice"), std::string::npos);
    EXPECT_NO_THROW(WireJson::parse(R"({"a":{"k":1},"b":{"k":2},"k":[{"k":1},{"k":2}]})"));
}

TEST(WireJsonTest, RefusesNestingDeeperThanTheLimit) {
    const auto nested = [](std::size_t depth) {
        return "{\"a\":" + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}";
    };
    EXPECT_NO_THROW(WireJson::parse(nested(WireJson::MaxDepth)));
    EXPECT_THROW(WireJson::parse(nested(WireJson::MaxDepth + 1)), WireError);
    EXPECT_THROW(WireJson::parse(nested(100000)), WireError);
}

TEST(WireJsonTest, RefusesWhatJsonTextCheckRefuses) {
    EXPECT_THROW(WireJson::parse(R"({"a":18446744073709551617})"), WireError);
    EXPECT_THROW(WireJson::parse(R"({"a":"\u0000"})"), WireError);
    EXPECT_THROW(WireJson::parse("{\"a\":\"\xff\"}"), WireError);
}
