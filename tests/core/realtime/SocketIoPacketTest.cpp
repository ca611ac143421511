#include "core/realtime/SocketIoPacket.h"

#include <Poco/JSON/Stringifier.h>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

using switchboard::core::realtime::SocketIoPacket;
using Poco::Dynamic::Var;
using Kind = SocketIoPacket::ParseError::Kind;
using Type = SocketIoPacket::Type;

namespace {

std::string json(const Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
}

Kind parseErrorKind(std::string_view text) {
    try {
        SocketIoPacket::parse(text);
    } catch (const SocketIoPacket::ParseError& e) {
        return e.kind();
    }
    ADD_FAILURE() << "parsed: " << text;
    return Kind::BinaryNotSupported;
}

void expectMalformed(std::string_view text) {
    EXPECT_EQ(parseErrorKind(text), Kind::Malformed) << text;
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

} // namespace

// ---- the examples of the Socket.IO v5 protocol document ----

TEST(SocketIoPacketTest, ConnectToTheMainNamespace) {
    const auto packet = SocketIoPacket::parse("0");
    EXPECT_EQ(packet.type(), Type::Connect);
    EXPECT_EQ(packet.nsp(), "/");
    EXPECT_TRUE(packet.data().isEmpty());
    EXPECT_TRUE(packet.object().isNull());
    EXPECT_FALSE(packet.ackId());
    EXPECT_EQ(packet.encode(), "0");
}

TEST(SocketIoPacketTest, ConnectToACustomNamespaceWithSid) {
    const std::string text = R"(0/admin,{"sid":"oSO0OpakMV_3jnilAAAA"})";
    const auto packet = SocketIoPacket::parse(text);
    EXPECT_EQ(packet.type(), Type::Connect);
    EXPECT_EQ(packet.nsp(), "/admin");
    EXPECT_EQ(packet.object()->getValue<std::string>("sid"), "oSO0OpakMV_3jnilAAAA");
    EXPECT_EQ(packet.encode(), text);
}

TEST(SocketIoPacketTest, ConnectErrorWithMessage) {
    const auto packet = SocketIoPacket::parse(R"(4{"message":"Not authorized"})");
    EXPECT_EQ(packet.type(), Type::ConnectError);
    EXPECT_EQ(packet.nsp(), "/");
    EXPECT_EQ(packet.object()->getValue<std::string>("message"), "Not authorized");
}

TEST(SocketIoPacketTest, EventInTheMainAndACustomNamespace) {
    const auto main = SocketIoPacket::parse(R"(2["foo"])");
    EXPECT_EQ(main.type(), Type::Event);
    EXPECT_EQ(main.nsp(), "/");
    EXPECT_EQ(main.eventName(), "foo");
    EXPECT_EQ(main.array()->size(), 1u);

    const auto admin = SocketIoPacket::parse(R"(2/admin,["bar"])");
    EXPECT_EQ(admin.nsp(), "/admin");
    EXPECT_EQ(admin.eventName(), "bar");
    EXPECT_EQ(admin.encode(), R"(2/admin,["bar"])");
}

TEST(SocketIoPacketTest, EventWithAckIdAndAckInACustomNamespace) {
    const auto event = SocketIoPacket::parse(R"(212["foo"])");
    EXPECT_EQ(event.ackId(), 12u);
    EXPECT_EQ(event.eventName(), "foo");

    const auto ack = SocketIoPacket::parse(R"(3/admin,13["bar"])");
    EXPECT_EQ(ack.type(), Type::Ack);
    EXPECT_EQ(ack.nsp(), "/admin");
    EXPECT_EQ(ack.ackId(), 13u);
    EXPECT_EQ(json(ack.data()), R"(["bar"])");
    EXPECT_EQ(ack.encode(), R"(3/admin,13["bar"])");
}

TEST(SocketIoPacketTest, DisconnectFromTheMainAndACustomNamespace) {
    const auto main = SocketIoPacket::parse("1");
    EXPECT_EQ(main.type(), Type::Disconnect);
    EXPECT_EQ(main.nsp(), "/");
    const auto admin = SocketIoPacket::parse("1/admin,");
    EXPECT_EQ(admin.nsp(), "/admin");
    EXPECT_EQ(admin.encode(), "1/admin,");
}

// ---- what the protocol test suite sends ----

TEST(SocketIoPacketTest, ConnectWithAuthPayload) {
    const auto packet = SocketIoPacket::parse(R"(0{"token":"123"})");
    EXPECT_EQ(packet.type(), Type::Connect);
    EXPECT_EQ(packet.object()->getValue<std::string>("token"), "123");
}

TEST(SocketIoPacketTest, NamespaceMayEndTheTextWithoutAComma) {
    EXPECT_EQ(SocketIoPacket::parse("0/custom").nsp(), "/custom");
    EXPECT_EQ(SocketIoPacket::parse("0/custom,").nsp(), "/custom");
    EXPECT_EQ(SocketIoPacket::parse("1/custom").nsp(), "/custom");
    const auto withAuth = SocketIoPacket::parse(R"(0/custom,{"token":"abc"})");
    EXPECT_EQ(withAuth.nsp(), "/custom");
    EXPECT_EQ(withAuth.object()->getValue<std::string>("token"), "abc");
}

TEST(SocketIoPacketTest, EventArgumentsOfEveryJsonType) {
    const auto packet = SocketIoPacket::parse(R"(2["message",1,"2",{"3":[true]},null,false,1.5])");
    EXPECT_EQ(packet.eventName(), "message");
    EXPECT_EQ(json(packet.data()), R"(["message",1,"2",{"3":[true]},null,false,1.5])");
}

TEST(SocketIoPacketTest, EventWithAckIsAnsweredWithTheSameId) {
    const auto event = SocketIoPacket::parse(R"(2456["message-with-ack",1,"2",{"3":[false]}])");
    EXPECT_EQ(event.ackId(), 456u);
    const auto args = event.array();
    const auto ack = SocketIoPacket::ack(event.nsp(), *event.ackId(), {args->get(1), args->get(2), args->get(3)});
    EXPECT_EQ(ack.encodeMessage(), R"(43456[1,"2",{"3":[false]}])");
}

TEST(SocketIoPacketTest, UnknownNamespaceIsRefusedWithConnectError) {
    EXPECT_EQ(SocketIoPacket::connectError("/random", "Invalid namespace").encodeMessage(),
              R"(44/random,{"message":"Invalid namespace"})");
}

// ---- encoders ----

TEST(SocketIoPacketTest, ConnectAnswerCarriesTheSid) {
    EXPECT_EQ(SocketIoPacket::connect("/", "wZX3oN0bSVIhsaknAAAI").encode(), R"(0{"sid":"wZX3oN0bSVIhsaknAAAI"})");
    EXPECT_EQ(SocketIoPacket::connect("/admin", "x").encodeMessage(), R"(40/admin,{"sid":"x"})");
}

TEST(SocketIoPacketTest, ConnectErrorCarriesTheMessage) {
    EXPECT_EQ(SocketIoPacket::connectError("/", "Not authorized").encodeMessage(), R"(44{"message":"Not authorized"})");
}

TEST(SocketIoPacketTest, EventPutsTheNameFirst) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("text", "hi");
    const auto event = SocketIoPacket::event("/", "message:new", {payload, 7});
    EXPECT_EQ(event.eventName(), "message:new");
    EXPECT_EQ(event.encode(), R"(2["message:new",{"text":"hi"},7])");
    EXPECT_EQ(event.encodeMessage(), R"(42["message:new",{"text":"hi"},7])");
    EXPECT_EQ(SocketIoPacket::event("/", "ping", {}).encodeMessage(), R"(42["ping"])");
}

TEST(SocketIoPacketTest, EventWithAckIdAndNamespace) {
    EXPECT_EQ(SocketIoPacket::event("/", "hey", {"Jude"}, 0).encodeMessage(), R"(420["hey","Jude"])");
    EXPECT_EQ(SocketIoPacket::event("/admin", "hey", {"Jude"}, 15).encodeMessage(), R"(42/admin,15["hey","Jude"])");
}

TEST(SocketIoPacketTest, AckWithAndWithoutArguments) {
    EXPECT_EQ(SocketIoPacket::ack("/", 12, {}).encodeMessage(), "4312[]");
    EXPECT_EQ(SocketIoPacket::ack("/", 12, {"bar", true}).encodeMessage(), R"(4312["bar",true])");
    EXPECT_EQ(SocketIoPacket::ack("/admin", 13, {"bar"}).encode(), R"(3/admin,13["bar"])");
}

TEST(SocketIoPacketTest, DisconnectEncodesTheNamespaceOnlyWhenNotMain) {
    EXPECT_EQ(SocketIoPacket::disconnect("/").encodeMessage(), "41");
    EXPECT_EQ(SocketIoPacket::disconnect("/admin").encodeMessage(), "41/admin,");
}

TEST(SocketIoPacketTest, SharedMessageIsEncodedOnceForEveryRecipient) {
    const auto event = SocketIoPacket::event("/", "conversation:updated", {"c1"});
    const std::shared_ptr<const std::string> frame = event.encodeSharedMessage();
    ASSERT_TRUE(frame);
    EXPECT_EQ(*frame, R"(42["conversation:updated","c1"])");
    std::vector<std::shared_ptr<const std::string>> queues(3, frame);
    EXPECT_EQ(queues.back().get(), frame.get());
    EXPECT_EQ(frame.use_count(), 4);
}

TEST(SocketIoPacketTest, ParsedObjectsAreReencodedWithSortedKeys) {
    // Sorted rather than order-preserving on purpose: POCO 1.11's order-preserving objects are quadratic in the
    // number of keys, which one large message from a client would turn into minutes of a blocked event loop.
    EXPECT_EQ(SocketIoPacket::parse(R"(0{"b":1,"a":2,"c":{"z":1,"y":2}})").encode(),
              R"(0{"a":2,"b":1,"c":{"y":2,"z":1}})");
}

TEST(SocketIoPacketTest, DuplicateKeysKeepTheLastValue) {
    EXPECT_EQ(SocketIoPacket::parse(R"(0{"a":1,"a":2})").encode(), R"(0{"a":2})");
}

TEST(SocketIoPacketTest, EveryTypeSurvivesEncodeAndParse) {
    for (const char* text : {"0", R"(0{"token":"x"})", "0/a,", R"(0/a,{"k":[1,{}]})", "1", "1/a,", R"(2["e"])",
                             R"(2/a,7["e",{"x":null}])", R"(20["e"])", "30[]", R"(3/a,9007199254740991[1])",
                             R"(4{"data":{"why":1},"message":"no"})", R"(4/a,{"message":"no"})"}) {
        const auto packet = SocketIoPacket::parse(text);
        EXPECT_EQ(packet.encode(), text);
        const auto again = SocketIoPacket::parse(packet.encode());
        EXPECT_EQ(again.type(), packet.type());
        EXPECT_EQ(again.nsp(), packet.nsp());
        EXPECT_EQ(again.ackId(), packet.ackId());
        EXPECT_EQ(json(again.data()), json(packet.data()));
    }
}

// ---- ack ids ----

TEST(SocketIoPacketTest, AckIdZeroIsValid) { EXPECT_EQ(SocketIoPacket::parse(R"(20["a"])").ackId(), 0u); }

TEST(SocketIoPacketTest, AckIdUpToTwoToThe53MinusOne) {
    EXPECT_EQ(SocketIoPacket::parse(R"(29007199254740991["a"])").ackId(), SocketIoPacket::kMaxAckId);
    expectMalformed(R"(29007199254740992["a"])");
    expectMalformed(R"(299999999999999999999999["a"])");
    EXPECT_THROW(SocketIoPacket::event("/", "a", {}, SocketIoPacket::kMaxAckId + 1), std::invalid_argument);
}

TEST(SocketIoPacketTest, RejectsAckIdWithLeadingZero) { expectMalformed(R"(201["a"])"); }

TEST(SocketIoPacketTest, RejectsAckIdThatIsNotDigits) { expectMalformed(R"(2abc["message-with-ack",1])"); }

TEST(SocketIoPacketTest, RejectsAckWithoutId) { expectMalformed("3[]"); }

TEST(SocketIoPacketTest, RejectsAckIdOnConnectAndDisconnectAndConnectError) {
    expectMalformed("01{}");
    expectMalformed("05");
    expectMalformed("11");
    expectMalformed(R"(41{"message":"x"})");
}

// ---- malformed packets ----

TEST(SocketIoPacketTest, RejectsEmptyPacket) { expectMalformed(""); }

TEST(SocketIoPacketTest, RejectsUnknownPacketType) {
    expectMalformed("7");
    expectMalformed("abc");
    expectMalformed(R"( 2["a"])");
}

TEST(SocketIoPacketTest, RejectsEventWithObjectPayload) { expectMalformed("2{}"); }

TEST(SocketIoPacketTest, RejectsEventWithoutData) {
    expectMalformed("2");
    expectMalformed("2/admin,");
    expectMalformed("212");
}

TEST(SocketIoPacketTest, RejectsEventWithEmptyArray) { expectMalformed("2[]"); }

TEST(SocketIoPacketTest, RejectsEventNameThatIsNotAString) {
    expectMalformed("2[1]");
    expectMalformed("2[null]");
    expectMalformed(R"(2[["a"]])");
    expectMalformed(R"(2[{"a":1}])");
}

TEST(SocketIoPacketTest, RejectsReservedEventNames) {
    for (const char* name :
         {"connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"}) {
        expectMalformed(std::string("2[\"") + name + "\"]");
        EXPECT_THROW(SocketIoPacket::event("/", name, {}), std::invalid_argument) << name;
    }
}

TEST(SocketIoPacketTest, RejectsTrailingGarbage) {
    expectMalformed(R"(2["a"]x)");
    expectMalformed(R"(2["a"]])");
    expectMalformed(R"(2["a"]["b"])");
    expectMalformed("0{}{}");
}

TEST(SocketIoPacketTest, AcceptsWhitespaceAroundTheJsonAsJsonParseDoes) {
    EXPECT_EQ(SocketIoPacket::parse("2 [\"a\"] \n").eventName(), "a");
}

TEST(SocketIoPacketTest, RejectsInvalidJson) {
    expectMalformed(R"(2["a",])");
    expectMalformed(R"(2["a" "b"])");
    expectMalformed("2[tru]");
    expectMalformed(R"(2["\x"])");
    expectMalformed(R"(2["a)");
    expectMalformed(R"(2['a'])");
    expectMalformed("2[\"a\",01]");
    expectMalformed("2[\"a\"/*c*/]");
}

TEST(SocketIoPacketTest, RejectsJsonThatIsNotAnArrayOrObject) {
    expectMalformed(R"(2"a")");
    expectMalformed("0 1");
    expectMalformed("0null");
    expectMalformed("0true");
}

TEST(SocketIoPacketTest, RejectsConnectWithArrayData) { expectMalformed("0[]"); }

TEST(SocketIoPacketTest, RejectsDisconnectWithData) {
    expectMalformed("1{}");
    expectMalformed("1[]");
    expectMalformed("1/admin,{}");
}

TEST(SocketIoPacketTest, RejectsAckWithObjectOrNoData) {
    expectMalformed("31{}");
    expectMalformed("31");
}

TEST(SocketIoPacketTest, RejectsConnectErrorThatIsNotAnObject) {
    expectMalformed("4");
    expectMalformed(R"(4"Not authorized")");
    expectMalformed("4[]");
}

TEST(SocketIoPacketTest, RejectsNamespaceThatIsNotUtf8) { expectMalformed("0/\xff,"); }

TEST(SocketIoPacketTest, NamespaceMustFollowTheTypeDirectly) {
    expectMalformed(R"(0admin,{})");
    expectMalformed(R"(27/admin,["a"])");
}

TEST(SocketIoPacketTest, RejectsJsonStringThatIsNotUtf8) {
    expectMalformed("2[\"a\xff\"]");
    expectMalformed("2[\"\xc0\xaf\"]");
    expectMalformed("2[\"\xed\xa0\x80\"]");
}

TEST(SocketIoPacketTest, RejectsLoneSurrogateEscapes) {
    expectMalformed(R"(2["\ud800"])");
    expectMalformed(R"(2["\udc00"])");
}

TEST(SocketIoPacketTest, RejectsUnescapedControlCharacter) { expectMalformed("2[\"a\x01\"]"); }

TEST(SocketIoPacketTest, RejectsNumberBeyondDoubleRange) { expectMalformed(R"(2["a",1e400])"); }

TEST(SocketIoPacketTest, AcceptsNestingUpTo128AndRejectsDeeper) {
    const std::string deepest = "2[\"a\"," + nested(127) + "]";
    const auto packet = SocketIoPacket::parse(deepest);
    EXPECT_EQ(packet.encode(), deepest);
    expectMalformed("2[\"a\"," + nested(128) + "]");
    expectMalformed("2[\"a\"," + std::string(100000, '[') + "]");
}

TEST(SocketIoPacketTest, BinaryPacketsAreRefusedDistinctly) {
    for (const char* text : {R"(51-["baz",{"_placeholder":true,"num":0}])",
                             R"(52-/admin,["baz",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])",
                             R"(61-15["bar",{"_placeholder":true,"num":0}])", "5", "6garbage"}) {
        EXPECT_EQ(parseErrorKind(text), Kind::BinaryNotSupported) << text;
    }
}

// ---- numbers ----

TEST(SocketIoPacketTest, SixtyFourBitIntegersStayExact) {
    const char* text = R"(2["n",9223372036854775807,-9223372036854775808,18446744073709551615])";
    EXPECT_EQ(SocketIoPacket::parse(text).encode(), text);
}

TEST(SocketIoPacketTest, IntegersBeyondSixtyFourBitsAreReadAsDoublesLikeJavaScriptDoes) {
    const auto packet = SocketIoPacket::parse(R"(2["n",18446744073709552000,-9223372036854775809,{"k":[1e2,-0]}])");
    const auto args = packet.array();
    EXPECT_DOUBLE_EQ(args->get(1).convert<double>(), 18446744073709552000.0);
    EXPECT_DOUBLE_EQ(args->get(2).convert<double>(), -9223372036854775809.0);
    EXPECT_EQ(json(SocketIoPacket::parse(packet.encode()).data()), json(packet.data()));
}

TEST(SocketIoPacketTest, DigitsInsideStringsAreLeftAlone) {
    const char* text = R"(2["99999999999999999999999","\"99999999999999999999999"])";
    EXPECT_EQ(SocketIoPacket::parse(text).encode(), text);
}

// ---- unicode and escaping ----

TEST(SocketIoPacketTest, ParsesUnicodeEscapesAndRawUtf8) {
    const auto packet = SocketIoPacket::parse(R"(2["message:new","héllo 👋","\u00e9\ud83d\ude00"])");
    EXPECT_EQ(packet.array()->getElement<std::string>(1), "h\xc3\xa9llo \xf0\x9f\x91\x8b");
    EXPECT_EQ(packet.array()->getElement<std::string>(2), "\xc3\xa9\xf0\x9f\x98\x80");
}

TEST(SocketIoPacketTest, EncodesNonAsciiAsRawUtf8) {
    EXPECT_EQ(SocketIoPacket::event("/", "message:new", {"héllo 👋 日本"}).encode(),
              R"(2["message:new","héllo 👋 日本"])");
}

TEST(SocketIoPacketTest, EncodesQuotesBackslashesAndControlCharactersAsEscapes) {
    const std::string text("q\"b\\n\n\r\t\b\f\x01\x1f\x7f\0end", 17);
    const auto event = SocketIoPacket::event("/", "m", {text});
    EXPECT_EQ(event.encode(), "2[\"m\",\"q\\\"b\\\\n\\n\\r\\t\\b\\f\\u0001\\u001F\x7f\\u0000end\"]");
    EXPECT_EQ(SocketIoPacket::parse(event.encode()).array()->getElement<std::string>(1), text);
}

TEST(SocketIoPacketTest, ScriptTagsAndLineSeparatorsStayValidJson) {
    // WebSocket text is never inlined into HTML, so `</script>` needs no escaping; U+2028 is valid in JSON strings.
    const std::string text = "</script><script>alert(1)</script>\xe2\x80\xa8\xe2\x80\xa9";
    const auto event = SocketIoPacket::event("/", "m", {text});
    EXPECT_EQ(event.encode(), "2[\"m\",\"" + text + "\"]");
    EXPECT_EQ(SocketIoPacket::parse(event.encode()).array()->getElement<std::string>(1), text);
}

TEST(SocketIoPacketTest, UnicodeNamespaceAndEventName) {
    const auto event = SocketIoPacket::event("/ünï", "événement", {});
    EXPECT_EQ(event.encode(), R"(2/ünï,["événement"])");
    const auto parsed = SocketIoPacket::parse(event.encode());
    EXPECT_EQ(parsed.nsp(), "/ünï");
    EXPECT_EQ(parsed.eventName(), "événement");
}

// ---- what the encoders refuse ----

TEST(SocketIoPacketTest, EncodeRefusesStringsThatAreNotUtf8) {
    EXPECT_THROW(SocketIoPacket::event("/", "m", {std::string("bad\xff")}).encode(), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket::event("/", "bad\xc3", {}).encode(), std::invalid_argument);
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
    object->set("key\xfe", 1);
    EXPECT_THROW(SocketIoPacket::event("/", "m", {object}).encode(), std::invalid_argument);
}

TEST(SocketIoPacketTest, EncodeRefusesInfinityAndNaN) {
    EXPECT_THROW(SocketIoPacket::event("/", "m", {std::numeric_limits<double>::infinity()}).encode(),
                 std::invalid_argument);
    EXPECT_THROW(SocketIoPacket::ack("/", 1, {std::nan("")}).encode(), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket::ack("/", 1, {-std::numeric_limits<float>::infinity()}).encode(),
                 std::invalid_argument);
}

TEST(SocketIoPacketTest, EncodeRefusesValueTypesJsonCannotCarry) {
    EXPECT_THROW(SocketIoPacket::ack("/", 1, {'c'}).encode(), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket::ack("/", 1, {Var(std::vector<Var>{1, 2})}).encode(), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket::ack("/", 1, {Poco::JSON::Array::Ptr()}).encode(), std::invalid_argument);
}

TEST(SocketIoPacketTest, EncodeRefusesCyclesAndTooDeepNesting) {
    Poco::JSON::Array::Ptr cycle = new Poco::JSON::Array;
    cycle->add(cycle);
    EXPECT_THROW(SocketIoPacket::ack("/", 1, {cycle}).encode(), std::invalid_argument);
    cycle->clear(); // breaks the reference cycle so the array is freed
}

TEST(SocketIoPacketTest, ConstructorRefusesInvalidPackets) {
    EXPECT_THROW(SocketIoPacket::connect("admin", "s"), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket::connect("", "s"), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket::disconnect("/a,b"), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket(Type::Ack, "/", Poco::JSON::Array::Ptr(new Poco::JSON::Array)), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket(Type::Disconnect, "/", Var(), 1), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket(Type::Connect, "/", Var("text")), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket(Type::ConnectError, "/"), std::invalid_argument);
    EXPECT_THROW(SocketIoPacket(Type::BinaryEvent, "/", Poco::JSON::Array::Ptr(new Poco::JSON::Array)),
                 std::invalid_argument);
}

TEST(SocketIoPacketTest, EncodeRefusesSharedDataChangedIntoAnInvalidShape) {
    const auto event = SocketIoPacket::parse(R"(2["a",1])");
    event.array()->clear();
    EXPECT_THROW(event.encode(), std::invalid_argument);
    EXPECT_THROW(event.eventName(), std::logic_error);
}

TEST(SocketIoPacketTest, EventNameIsOnlyForEvents) {
    EXPECT_THROW(SocketIoPacket::parse("31[]").eventName(), std::logic_error);
    EXPECT_TRUE(SocketIoPacket::parse("31[]").object().isNull());
    EXPECT_TRUE(SocketIoPacket::parse("0{}").array().isNull());
}
