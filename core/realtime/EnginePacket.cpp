#include "core/realtime/EnginePacket.h"

#include "core/common/Validation.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace switchboard::core::realtime {

namespace {

constexpr char kFirstTypeDigit = '0';
constexpr char kLastTypeDigit = '6';

char typeDigit(EnginePacket::Type type) { return static_cast<char>(kFirstTypeDigit + static_cast<int>(type)); }

} // namespace

EnginePacket EnginePacket::parse(std::string_view text) {
    if (text.empty()) throw ParseError("empty Engine.IO packet");
    const char digit = text.front();
    if (digit < kFirstTypeDigit || digit > kLastTypeDigit) throw ParseError("unknown Engine.IO packet type");
    return {static_cast<Type>(digit - kFirstTypeDigit), text.substr(1)};
}

std::string EnginePacket::encode() const {
    std::string text(1, typeDigit(_type));
    text.append(_payload);
    return text;
}

std::string EnginePacket::open(const Handshake& handshake) {
    if (!common::isValidUtf8(handshake.sid)) throw std::invalid_argument("Engine.IO sid is not valid UTF-8");
    if (handshake.pingIntervalMs < 0 || handshake.pingTimeoutMs < 0 || handshake.maxPayloadBytes < 0) {
        throw std::invalid_argument("Engine.IO handshake numbers must not be negative");
    }
    Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    data->set("sid", handshake.sid);
    Poco::JSON::Array::Ptr upgrades = new Poco::JSON::Array;
    if (handshake.offerWebSocket) upgrades->add("websocket");
    data->set("upgrades", upgrades);
    data->set("pingInterval", handshake.pingIntervalMs);
    data->set("pingTimeout", handshake.pingTimeoutMs);
    data->set("maxPayload", handshake.maxPayloadBytes);
    std::ostringstream text;
    text << typeDigit(Type::Open);
    Poco::JSON::Stringifier::condense(data, text);
    return std::move(text).str();
}

std::string EnginePacket::close() { return std::string(1, typeDigit(Type::Close)); }

std::string EnginePacket::ping() { return std::string(1, typeDigit(Type::Ping)); }

std::string EnginePacket::noop() { return std::string(1, typeDigit(Type::Noop)); }

std::string EnginePacket::message(std::string_view payload) { return EnginePacket(Type::Message, payload).encode(); }

} // namespace switchboard::core::realtime
