#include "core/plugin_wire/WireMessageCodec.h"

#include "core/plugin_wire/ObjectReader.h"
#include "core/plugin_wire/WireError.h"
#include "core/plugin_wire/WireJson.h"

namespace switchboard::core::plugin_wire {

namespace {

enum class MessageType { Hello, Call, Result, Error, Notice };

constexpr common::EnumNames<MessageType, 5> MessageTypeNames{{{
    {MessageType::Hello, "hello"},
    {MessageType::Call, "call"},
    {MessageType::Result, "result"},
    {MessageType::Error, "error"},
    {MessageType::Notice, "notice"},
}}};

Poco::JSON::Object::Ptr typed(MessageType type) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("type", std::string(MessageTypeNames.name(type)));
    return json;
}

void checkId(std::int64_t id, const std::string& field) {
    if (id < 1 || id > MaxCallId)
        throw WireError(ErrorCode::BadRequest, "must be an integer from 1 to " + std::to_string(MaxCallId), field);
}

std::int64_t readId(ObjectReader& reader) {
    const auto id = reader.integer("id");
    checkId(id, reader.pathOf("id"));
    return id;
}

/// The method named in `method`, which must travel as a notice (`notice`) or as a call.
Method readMethod(ObjectReader& reader, bool notice) {
    const auto name = reader.string("method");
    const auto method = MethodNames.parse(name);
    if (!method) throw WireError(ErrorCode::UnknownMethod, "names no method of the protocol", reader.pathOf("method"));
    if (isNotice(*method) != notice)
        throw WireError(ErrorCode::UnknownMethod, notice ? "is not sent as a notice" : "is not sent as a call",
                        reader.pathOf("method"));
    return *method;
}

struct Encoder {
    Poco::JSON::Object::Ptr operator()(const HelloMessage& hello) const {
        auto json = typed(MessageType::Hello);
        json->set("protocol_version", hello.protocolVersion);
        json->set("role", std::string(PeerRoleNames.name(hello.role)));
        json->set("process_id", hello.processId);
        if (hello.pluginName) json->set("plugin", *hello.pluginName);
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const CallMessage& call) const {
        checkId(call.id, "id");
        auto json = typed(MessageType::Call);
        json->set("id", call.id);
        json->set("method", std::string(MethodNames.name(call.method)));
        if (call.deadlineMs) json->set("deadline_ms", *call.deadlineMs);
        json->set("now_ms", call.nowMs);
        json->set("params", call.params);
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const ResultMessage& result) const {
        checkId(result.id, "id");
        auto json = typed(MessageType::Result);
        json->set("id", result.id);
        json->set("result", result.result);
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const ErrorMessage& error) const {
        checkId(error.id, "id");
        auto json = typed(MessageType::Error);
        json->set("id", error.id);
        json->set("code", std::string(ErrorCodeNames.name(error.code)));
        json->set("message", error.message);
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const NoticeMessage& notice) const {
        auto json = typed(MessageType::Notice);
        json->set("method", std::string(MethodNames.name(notice.method)));
        json->set("params", notice.params);
        return json;
    }
};

HelloMessage readHello(ObjectReader& reader) {
    HelloMessage hello;
    hello.protocolVersion = reader.int32("protocol_version");
    if (hello.protocolVersion != ProtocolVersion)
        throw WireError(ErrorCode::UnsupportedVersion,
                        "the peer speaks protocol version " + std::to_string(hello.protocolVersion) +
                            ", this side speaks version " + std::to_string(ProtocolVersion),
                        reader.pathOf("protocol_version"));
    hello.role = reader.named("role", PeerRoleNames);
    hello.processId = reader.integer("process_id");
    if (hello.processId < 1)
        throw WireError(ErrorCode::BadRequest, "must be a positive integer", reader.pathOf("process_id"));
    hello.pluginName = reader.optionalString("plugin");
    return hello;
}

CallMessage readCall(ObjectReader& reader) {
    CallMessage call;
    call.id = readId(reader);
    try {
        call.method = readMethod(reader, false);
        call.deadlineMs = reader.optionalInteger("deadline_ms");
        call.nowMs = reader.integer("now_ms");
        call.params = reader.object("params").json();
        reader.finish();
    } catch (const WireError& error) {
        throw error.inCall(call.id);
    }
    return call;
}

ResultMessage readResult(ObjectReader& reader) {
    ResultMessage result;
    result.id = readId(reader);
    result.result = reader.object("result").json();
    return result;
}

ErrorMessage readError(ObjectReader& reader) {
    ErrorMessage error;
    error.id = readId(reader);
    error.code = reader.named("code", ErrorCodeNames);
    error.message = reader.string("message");
    return error;
}

NoticeMessage readNotice(ObjectReader& reader) {
    NoticeMessage notice;
    notice.method = readMethod(reader, true);
    notice.params = reader.object("params").json();
    return notice;
}

WireMessage read(ObjectReader& reader) {
    switch (reader.named("type", MessageTypeNames)) {
    case MessageType::Hello: return readHello(reader);
    case MessageType::Call: return readCall(reader);
    case MessageType::Result: return readResult(reader);
    case MessageType::Error: return readError(reader);
    case MessageType::Notice: break;
    }
    return readNotice(reader);
}

} // namespace

std::string WireMessageCodec::encode(const WireMessage& message) {
    return WireJson::write(std::visit(Encoder{}, message));
}

WireMessage WireMessageCodec::decode(std::string_view json) {
    ObjectReader reader(WireJson::parse(json), "");
    auto message = read(reader);
    reader.finish();
    return message;
}

} // namespace switchboard::core::plugin_wire
