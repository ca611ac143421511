#include "core/plugin_wire/WireMessageCodec.h"

#include "core/plugin_wire/WireError.h"
#include "core/plugin_wire/WireJson.h"

#include <gtest/gtest.h>

#include <string>

using namespace switchboard::core::plugin_wire;

namespace {

/// The error decoding `json` gives.
WireError refusal(const std::string& json) {
    try {
        WireMessageCodec::decode(json);
    } catch (const WireError& error) {
        return error;
    }
    ADD_FAILURE() << "accepted: " << json;
    return WireError(ErrorCode::Internal, "accepted");
}

/// `json` decodes as a message that encodes as `json` again.
WireMessage roundTrip(const std::string& json) {
    auto message = WireMessageCodec::decode(json);
    EXPECT_EQ(WireMessageCodec::encode(message), json);
    return message;
}

} // namespace

TEST(WireMessageCodecTest, CarriesAHello) {
    HelloMessage hello{ProtocolVersion, PeerRole::Host, 4242, "webhook"};
    const std::string json =
        R"({"plugin":"webhook","process_id":4242,"protocol_version":1,"role":"host","type":"hello"})";
    EXPECT_EQ(WireMessageCodec::encode(hello), json);
    const auto read = std::get<HelloMessage>(roundTrip(json));
    EXPECT_EQ(read.role, PeerRole::Host);
    EXPECT_EQ(read.processId, 4242);
    EXPECT_EQ(read.pluginName, "webhook");
    const auto hub =
        std::get<HelloMessage>(roundTrip(R"({"process_id":1,"protocol_version":1,"role":"hub","type":"hello"})"));
    EXPECT_EQ(hub.pluginName, std::nullopt);
}

TEST(WireMessageCodecTest, RefusesAHelloOfAnotherVersionNamingBoth) {
    HelloMessage hello{2, PeerRole::Host, 4242, std::nullopt};
    const auto error = refusal(WireMessageCodec::encode(hello));
    EXPECT_EQ(error.code(), ErrorCode::UnsupportedVersion);
    EXPECT_EQ(error.message(), "the peer speaks protocol version 2, this side speaks version 1");
    EXPECT_EQ(error.field(), "protocol_version");
}

TEST(WireMessageCodecTest, CarriesACallWithItsDeadline) {
    CallMessage call;
    call.id = 7;
    call.method = Method::Deliver;
    call.deadlineMs = 1700000030000;
    call.nowMs = 1700000000000;
    call.params->set("instance", std::string("crm"));
    const std::string json = R"({"deadline_ms":1700000030000,"id":7,"method":"deliver","now_ms":1700000000000,)"
                             R"("params":{"instance":"crm"},"type":"call"})";
    EXPECT_EQ(WireMessageCodec::encode(call), json);
    const auto read = std::get<CallMessage>(roundTrip(json));
    EXPECT_EQ(read.id, 7);
    EXPECT_EQ(read.method, Method::Deliver);
    EXPECT_EQ(read.deadlineMs, 1700000030000);
    EXPECT_EQ(read.nowMs, 1700000000000);
    EXPECT_EQ(read.params->getValue<std::string>("instance"), "crm");
    EXPECT_EQ(
        std::get<CallMessage>(roundTrip(R"({"id":1,"method":"ping","now_ms":5,"params":{},"type":"call"})")).deadlineMs,
        std::nullopt);
}

TEST(WireMessageCodecTest, CarriesAResultAnErrorAndANotice) {
    const auto result =
        std::get<ResultMessage>(roundTrip(R"({"id":9007199254740991,"result":{"a":1},"type":"result"})"));
    EXPECT_EQ(result.id, MaxCallId);
    const auto error = std::get<ErrorMessage>(
        roundTrip(R"({"code":"deadline_exceeded","id":3,"message":"30 s passed","type":"error"})"));
    EXPECT_EQ(error.code, ErrorCode::DeadlineExceeded);
    EXPECT_EQ(error.message, "30 s passed");
    const auto notice =
        std::get<NoticeMessage>(roundTrip(R"({"method":"log","params":{"level":"info"},"type":"notice"})"));
    EXPECT_EQ(notice.method, Method::Log);
}

TEST(WireMessageCodecTest, RefusesIdsOutsideTheRange) {
    for (const std::string id : {"0", "-1", "9007199254740992", "1.5", "\"1\"", "true"}) {
        const auto error = refusal(R"({"id":)" + id + R"(,"result":{},"type":"result"})");
        EXPECT_EQ(error.field(), "id") << id;
        EXPECT_EQ(error.code(), ErrorCode::BadRequest) << id;
    }
    ResultMessage result;
    result.id = 0;
    EXPECT_THROW(WireMessageCodec::encode(result), WireError);
}

TEST(WireMessageCodecTest, RefusesAnUnknownTypeAndAMissingOne) {
    EXPECT_STREQ(refusal(R"({"type":"shout"})").what(), "'type' must be hello, call, result, error or notice");
    EXPECT_STREQ(refusal(R"({"id":1})").what(), "'type' is required");
}

TEST(WireMessageCodecTest, AnswersAnUnknownMethodUnderTheCallsId) {
    const auto error = refusal(R"({"id":12,"method":"explode","now_ms":0,"params":{},"type":"call"})");
    EXPECT_EQ(error.code(), ErrorCode::UnknownMethod);
    EXPECT_EQ(error.callId(), 12);
    EXPECT_EQ(error.field(), "method");
}

TEST(WireMessageCodecTest, RefusesAMethodSentAsTheWrongType) {
    const auto logCall = refusal(R"({"id":2,"method":"log","now_ms":0,"params":{},"type":"call"})");
    EXPECT_EQ(logCall.code(), ErrorCode::UnknownMethod);
    EXPECT_EQ(logCall.callId(), 2);
    EXPECT_EQ(refusal(R"({"method":"deliver","params":{},"type":"notice"})").code(), ErrorCode::UnknownMethod);
}

TEST(WireMessageCodecTest, RefusesMalformedCallsUnderTheirId) {
    const auto noParams = refusal(R"({"id":5,"method":"ping","now_ms":0,"type":"call"})");
    EXPECT_STREQ(noParams.what(), "'params' is required");
    EXPECT_EQ(noParams.callId(), 5);
    const auto extra = refusal(R"({"id":5,"method":"ping","now_ms":0,"params":{},"type":"call","x":1})");
    EXPECT_STREQ(extra.what(), "'x' is not a field of this object");
    EXPECT_EQ(extra.callId(), 5);
    EXPECT_STREQ(refusal(R"({"id":5,"method":"ping","now_ms":"0","params":{},"type":"call"})").what(),
                 "'now_ms' must be an integer of 64 bits");
    EXPECT_STREQ(refusal(R"({"id":5,"method":"ping","now_ms":0,"params":[],"type":"call"})").what(),
                 "'params' must be an object");
}

TEST(WireMessageCodecTest, RefusesAMalformedHelloResultErrorAndNotice) {
    EXPECT_STREQ(refusal(R"({"process_id":1,"protocol_version":1,"role":"guest","type":"hello"})").what(),
                 "'role' must be hub or host");
    EXPECT_STREQ(refusal(R"({"process_id":0,"protocol_version":1,"role":"hub","type":"hello"})").what(),
                 "'process_id' must be a positive integer");
    EXPECT_STREQ(refusal(R"({"id":1,"result":{},"type":"result","extra":true})").what(),
                 "'extra' is not a field of this object");
    EXPECT_STREQ(refusal(R"({"code":"oops","id":1,"message":"","type":"error"})").what(),
                 "'code' must be bad_request, unknown_method, unknown_instance, unsupported_version, plugin_threw, "
                 "deadline_exceeded or internal");
    EXPECT_STREQ(refusal(R"({"method":"log","type":"notice"})").what(), "'params' is required");
}

TEST(WireMessageCodecTest, RefusesTextThatIsNotAMessage) {
    EXPECT_EQ(refusal("not json").code(), ErrorCode::BadRequest);
    EXPECT_EQ(refusal("[]").code(), ErrorCode::BadRequest);
    EXPECT_EQ(refusal(R"({"type":"hello","type":"call"})").code(), ErrorCode::BadRequest);
}

TEST(WireMessageCodecTest, RefusesToEncodeTextThePeerWouldRefuse) {
    ErrorMessage error{1, ErrorCode::PluginThrew, "caf\xe9"};
    EXPECT_THROW(WireMessageCodec::encode(error), WireError);
}
