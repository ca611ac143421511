#include "core/realtime/SocketIoPacket.h"

#include "core/common/OversizedIntegers.h"
#include "core/common/Validation.h"
#include "core/realtime/EnginePacket.h"

#include <Poco/Exception.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>

namespace switchboard::core::realtime {

namespace {

using Poco::Dynamic::Var;
using Kind = SocketIoPacket::ParseError::Kind;
using Type = SocketIoPacket::Type;

constexpr char kFirstTypeDigit = '0';
constexpr char kLastTypeDigit = '6';
constexpr std::size_t kMaxAckIdDigits = 16; // 2^53 - 1 = 9007199254740991
// Nesting allowed in a payload, counting the outer array or object. Also POCO's default; stated so that what
// encode() accepts is exactly what parse() accepts.
constexpr std::size_t kMaxJsonDepth = 128;

// socket.io-client emits these names locally (connect, connect_error, disconnect), Node's EventEmitter uses the
// last two; the reference parser refuses all of them in an EVENT, and so do we in both directions.
constexpr std::array<std::string_view, 6> kReservedEventNames = {
    "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

SocketIoPacket::ParseError malformed(const std::string& reason) {
    return {Kind::Malformed, "malformed Socket.IO packet: " + reason};
}

bool holdsArray(const Var& value) {
    return value.type() == typeid(Poco::JSON::Array::Ptr) && !value.extract<Poco::JSON::Array::Ptr>().isNull();
}

bool holdsObject(const Var& value) {
    return value.type() == typeid(Poco::JSON::Object::Ptr) && !value.extract<Poco::JSON::Object::Ptr>().isNull();
}

std::optional<std::string> eventDataProblem(const Var& data) {
    if (!holdsArray(data)) return "EVENT data must be a JSON array";
    const auto& array = *data.extract<Poco::JSON::Array::Ptr>();
    if (array.size() == 0) return "EVENT data must not be empty";
    const Var& name = *array.begin();
    if (name.type() != typeid(std::string)) return "EVENT name must be a string";
    const auto& text = name.extract<std::string>();
    if (std::find(kReservedEventNames.begin(), kReservedEventNames.end(), text) != kReservedEventNames.end()) {
        return "EVENT name '" + text + "' is reserved";
    }
    return std::nullopt;
}

/// Why these parts do not make a valid packet, or nothing when they do.
std::optional<std::string> shapeProblem(Type type, const std::string& nsp, const Var& data,
                                        const std::optional<std::uint64_t>& ackId) {
    if (nsp.empty() || nsp.front() != '/') return "namespace must start with '/'";
    if (nsp.find(',') != std::string::npos) return "namespace must not contain ','";
    if (!common::isValidUtf8(nsp)) return "namespace is not valid UTF-8";
    if (ackId && *ackId > SocketIoPacket::kMaxAckId) return "ack id out of range";
    switch (type) {
    case Type::Connect:
        if (ackId) return "CONNECT takes no ack id";
        if (!data.isEmpty() && !holdsObject(data)) return "CONNECT data must be a JSON object";
        return std::nullopt;
    case Type::Disconnect:
        if (ackId) return "DISCONNECT takes no ack id";
        if (!data.isEmpty()) return "DISCONNECT takes no data";
        return std::nullopt;
    case Type::Event:
        return eventDataProblem(data);
    case Type::Ack:
        if (!ackId) return "ACK needs an ack id";
        if (!holdsArray(data)) return "ACK data must be a JSON array";
        return std::nullopt;
    case Type::ConnectError:
        if (ackId) return "CONNECT_ERROR takes no ack id";
        if (!holdsObject(data)) return "CONNECT_ERROR data must be a JSON object";
        return std::nullopt;
    case Type::BinaryEvent:
    case Type::BinaryAck:
        return "binary packets are not supported";
    }
    return "unknown packet type";
}

std::uint64_t parseAckId(std::string_view digits) {
    if (digits.size() > 1 && digits.front() == '0') throw malformed("ack id has a leading zero");
    if (digits.size() > kMaxAckIdDigits) throw malformed("ack id out of range");
    std::uint64_t id = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (id > SocketIoPacket::kMaxAckId) throw malformed("ack id out of range");
    return id;
}

Var parseJson(std::string_view json) {
    // Not order-preserving: POCO 1.11 keeps that order in a list it searches on every insert and every write, so a
    // 400 KB object of 40,000 keys takes the best part of a minute to parse and encode instead of a tenth of a second.
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(false));
    parser.setDepth(kMaxJsonDepth);
    try {
        return parser.parse(common::OversizedIntegers::widen(json));
    } catch (const Poco::Exception& e) {
        throw malformed("invalid JSON: " + e.displayText());
    }
}

/// Throws std::invalid_argument unless Poco's stringifier turns `value` into JSON that parse() reads back as the
/// same value: it would write `inf`, `nan` and invalid UTF-8 as they are, and fail on types it does not know.
void checkEncodable(const Var& value, std::size_t depth) {
    const std::type_info& type = value.type();
    if (value.isEmpty() || value.isBoolean()) return;
    if (type == typeid(std::string)) {
        if (!common::isValidUtf8(value.extract<std::string>())) {
            throw std::invalid_argument("string is not valid UTF-8");
        }
        return;
    }
    if (type == typeid(double) || type == typeid(float)) {
        if (!std::isfinite(value.convert<double>())) throw std::invalid_argument("JSON has no infinity or NaN");
        return;
    }
    if (value.isInteger() && type != typeid(char)) return;
    if (type == typeid(Poco::JSON::Array::Ptr) || type == typeid(Poco::JSON::Object::Ptr)) {
        if (depth > kMaxJsonDepth) throw std::invalid_argument("JSON nested too deeply");
        if (type == typeid(Poco::JSON::Array::Ptr)) {
            const auto& array = value.extract<Poco::JSON::Array::Ptr>();
            if (array.isNull()) throw std::invalid_argument("null Poco::JSON::Array::Ptr");
            for (const auto& element : *array) checkEncodable(element, depth + 1);
        } else {
            const auto& object = value.extract<Poco::JSON::Object::Ptr>();
            if (object.isNull()) throw std::invalid_argument("null Poco::JSON::Object::Ptr");
            for (const auto& [key, member] : *object) {
                if (!common::isValidUtf8(key)) throw std::invalid_argument("object key is not valid UTF-8");
                checkEncodable(member, depth + 1);
            }
        }
        return;
    }
    throw std::invalid_argument(std::string("cannot encode a value of type ") + type.name() + " as JSON");
}

void requireShape(Type type, const std::string& nsp, const Var& data, const std::optional<std::uint64_t>& ackId) {
    if (auto problem = shapeProblem(type, nsp, data, ackId)) {
        throw std::invalid_argument("invalid Socket.IO packet: " + *problem);
    }
}

Poco::JSON::Array::Ptr arrayOf(const std::vector<Var>& values) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& value : values) array->add(value);
    return array;
}

} // namespace

SocketIoPacket::SocketIoPacket(Type type, std::string nsp, Var data, std::optional<std::uint64_t> ackId)
    : _type(type), _nsp(std::move(nsp)), _data(std::move(data)), _ackId(ackId) {
    requireShape(_type, _nsp, _data, _ackId);
}

SocketIoPacket SocketIoPacket::parse(std::string_view text) {
    if (text.empty()) throw malformed("empty packet");
    const char digit = text.front();
    if (digit < kFirstTypeDigit || digit > kLastTypeDigit) throw malformed("unknown packet type");
    SocketIoPacket packet;
    packet._type = static_cast<Type>(digit - kFirstTypeDigit);
    if (packet._type == Type::BinaryEvent || packet._type == Type::BinaryAck) {
        throw ParseError(Kind::BinaryNotSupported, "binary Socket.IO packets are not supported");
    }

    std::size_t pos = 1;
    // The namespace runs to a comma or, with nothing after it (`40/admin`), to the end.
    if (pos < text.size() && text[pos] == '/') {
        const std::size_t comma = text.find(',', pos);
        const std::size_t end = comma == std::string_view::npos ? text.size() : comma;
        packet._nsp.assign(text.substr(pos, end - pos));
        pos = comma == std::string_view::npos ? end : comma + 1;
    } else {
        packet._nsp = kMainNamespace;
    }

    std::size_t digitsEnd = pos;
    while (digitsEnd < text.size() && isDigit(text[digitsEnd])) ++digitsEnd;
    if (digitsEnd > pos) packet._ackId = parseAckId(text.substr(pos, digitsEnd - pos));

    if (digitsEnd < text.size()) packet._data = parseJson(text.substr(digitsEnd));
    if (auto problem = shapeProblem(packet._type, packet._nsp, packet._data, packet._ackId)) throw malformed(*problem);
    return packet;
}

SocketIoPacket SocketIoPacket::connect(std::string nsp, const std::string& sid) {
    Poco::JSON::Object::Ptr data = new Poco::JSON::Object;
    data->set("sid", sid);
    return {Type::Connect, std::move(nsp), data};
}

SocketIoPacket SocketIoPacket::connectError(std::string nsp, const std::string& message) {
    Poco::JSON::Object::Ptr data = new Poco::JSON::Object;
    data->set("message", message);
    return {Type::ConnectError, std::move(nsp), data};
}

SocketIoPacket SocketIoPacket::event(std::string nsp, const std::string& name, const std::vector<Var>& args,
                                     std::optional<std::uint64_t> ackId) {
    Poco::JSON::Array::Ptr data = new Poco::JSON::Array;
    data->add(name);
    for (const auto& arg : args) data->add(arg);
    return {Type::Event, std::move(nsp), data, ackId};
}

SocketIoPacket SocketIoPacket::ack(std::string nsp, std::uint64_t ackId, const std::vector<Var>& args) {
    return {Type::Ack, std::move(nsp), arrayOf(args), ackId};
}

SocketIoPacket SocketIoPacket::disconnect(std::string nsp) { return {Type::Disconnect, std::move(nsp)}; }

Poco::JSON::Array::Ptr SocketIoPacket::array() const {
    return holdsArray(_data) ? _data.extract<Poco::JSON::Array::Ptr>() : Poco::JSON::Array::Ptr();
}

Poco::JSON::Object::Ptr SocketIoPacket::object() const {
    return holdsObject(_data) ? _data.extract<Poco::JSON::Object::Ptr>() : Poco::JSON::Object::Ptr();
}

const std::string& SocketIoPacket::eventName() const {
    if (_type != Type::Event || eventDataProblem(_data)) throw std::logic_error("only an EVENT has an event name");
    return _data.extract<Poco::JSON::Array::Ptr>()->begin()->extract<std::string>();
}

std::string SocketIoPacket::encode() const { return encodeAfter({}); }

std::string SocketIoPacket::encodeMessage() const { return encodeAfter(EnginePacket::message({})); }

std::shared_ptr<const std::string> SocketIoPacket::encodeSharedMessage() const {
    return std::make_shared<const std::string>(encodeMessage());
}

std::string SocketIoPacket::encodeAfter(std::string_view prefix) const {
    // Checked again because the data is shared, not copied: whoever holds the pointers may have changed it.
    requireShape(_type, _nsp, _data, _ackId);
    if (!_data.isEmpty()) checkEncodable(_data, 1);
    std::string head(prefix);
    head.push_back(static_cast<char>(kFirstTypeDigit + static_cast<int>(_type)));
    if (_nsp != kMainNamespace) head.append(_nsp).push_back(',');
    if (_ackId) head.append(std::to_string(*_ackId));
    if (_data.isEmpty()) return head;
    std::ostringstream text(std::move(head), std::ios::ate);
    Poco::JSON::Stringifier::condense(_data, text);
    return std::move(text).str();
}

} // namespace switchboard::core::realtime
