#include "core/realtime/EnginePacket.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

using switchboard::core::realtime::EnginePacket;
using Type = EnginePacket::Type;

TEST(EnginePacketTest, ParsesEveryPacketType) {
    const std::pair<const char*, Type> cases[] = {
        {"0{}", Type::Open},  {"1", Type::Close},      {"2", Type::Ping}, {"3", Type::Pong},
        {"4x", Type::Message}, {"5", Type::Upgrade}, {"6", Type::Noop},
    };
    for (const auto& [text, type] : cases) {
        EXPECT_EQ(EnginePacket::parse(text).type(), type) << text;
    }
}

TEST(EnginePacketTest, PayloadIsTheRestOfTheTextWithoutCopying) {
    const std::string text = R"(42["hello","world"])";
    const EnginePacket packet = EnginePacket::parse(text);
    EXPECT_EQ(packet.type(), Type::Message);
    EXPECT_EQ(packet.payload(), R"(2["hello","world"])");
    EXPECT_EQ(packet.payload().data(), text.data() + 1);
}

TEST(EnginePacketTest, PacketWithoutPayloadHasAnEmptyOne) {
    EXPECT_TRUE(EnginePacket::parse("3").payload().empty());
    EXPECT_TRUE(EnginePacket::parse("4").payload().empty());
}

TEST(EnginePacketTest, ProbeParsesAsPingWithPayload) {
    const EnginePacket packet = EnginePacket::parse("2probe");
    EXPECT_EQ(packet.type(), Type::Ping);
    EXPECT_EQ(packet.payload(), "probe");
}

TEST(EnginePacketTest, ProtocolDocumentExampleMessage) {
    const EnginePacket packet = EnginePacket::parse("4hello");
    EXPECT_EQ(packet.type(), Type::Message);
    EXPECT_EQ(packet.payload(), "hello");
}

TEST(EnginePacketTest, RejectsEmptyText) { EXPECT_THROW(EnginePacket::parse(""), EnginePacket::ParseError); }

TEST(EnginePacketTest, RejectsUnknownTypeDigit) {
    for (const char* text : {"7", "8hello", "9", "x", "/", " 4x", "b4AQIDBA=="}) {
        EXPECT_THROW(EnginePacket::parse(text), EnginePacket::ParseError) << text;
    }
}

TEST(EnginePacketTest, EncodesTypeDigitFollowedByPayload) {
    EXPECT_EQ(EnginePacket(Type::Message, "hello").encode(), "4hello");
    EXPECT_EQ(EnginePacket(Type::Pong, "probe").encode(), "3probe");
    EXPECT_EQ(EnginePacket(Type::Noop, "").encode(), "6");
    for (const char* text : {"0{}", "1", "2", "3", "4", R"(42["a"])", "5", "6"}) {
        EXPECT_EQ(EnginePacket::parse(text).encode(), text);
    }
}

TEST(EnginePacketTest, OpenCarriesTheHandshakeWithoutUpgrades) {
    const std::string text = EnginePacket::open({"lv_VI97HAXpY6yYWAAAC", 25000, 20000, 1000000});
    EXPECT_EQ(text, R"(0{"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":[],"pingInterval":25000,)"
                    R"("pingTimeout":20000,"maxPayload":1000000})");
    const EnginePacket packet = EnginePacket::parse(text);
    EXPECT_EQ(packet.type(), Type::Open);
    const auto data = Poco::JSON::Parser().parse(std::string(packet.payload())).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(data->getValue<std::string>("sid"), "lv_VI97HAXpY6yYWAAAC");
    EXPECT_EQ(data->getArray("upgrades")->size(), 0u);
    EXPECT_EQ(data->getValue<std::int64_t>("pingInterval"), 25000);
    EXPECT_EQ(data->getValue<std::int64_t>("pingTimeout"), 20000);
    EXPECT_EQ(data->getValue<std::int64_t>("maxPayload"), 1000000);
}

TEST(EnginePacketTest, OpenOffersALongPollingSessionTheWebSocket) {
    const std::string text = EnginePacket::open({"sid", 25000, 20000, 1000000, true});
    EXPECT_NE(text.find(R"("upgrades":["websocket"])"), std::string::npos) << text;
}

TEST(EnginePacketTest, OpenEscapesTheSid) {
    const std::string text = EnginePacket::open({"a\"b\\c\n", 1, 2, 3});
    const auto data = Poco::JSON::Parser().parse(text.substr(1)).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(data->getValue<std::string>("sid"), "a\"b\\c\n");
}

TEST(EnginePacketTest, OpenRefusesSidThatIsNotUtf8) {
    EXPECT_THROW(EnginePacket::open({"bad\xff", 1, 2, 3}), std::invalid_argument);
}

TEST(EnginePacketTest, OpenRefusesNegativeNumbers) {
    EXPECT_THROW(EnginePacket::open({"s", -1, 2, 3}), std::invalid_argument);
    EXPECT_THROW(EnginePacket::open({"s", 1, -2, 3}), std::invalid_argument);
    EXPECT_THROW(EnginePacket::open({"s", 1, 2, -3}), std::invalid_argument);
}

TEST(EnginePacketTest, CloseAndPingAreBareTypeDigits) {
    EXPECT_EQ(EnginePacket::close(), "1");
    EXPECT_EQ(EnginePacket::ping(), "2");
}

TEST(EnginePacketTest, MessagePrefixesTheMessageType) {
    EXPECT_EQ(EnginePacket::message(R"(2["hey","Jude"])"), R"(42["hey","Jude"])");
    EXPECT_EQ(EnginePacket::message(""), "4");
}
