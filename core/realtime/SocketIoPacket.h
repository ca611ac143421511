#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard::core::realtime {

/// One Socket.IO v5 packet (the protocol of Socket.IO 4.x), carried as the payload of an Engine.IO message:
/// `<type>[<namespace>,][<ack id>][<JSON>]`, e.g. `2["hello","world"]`, `0/admin,{"token":"x"}`, `312[true]`.
///
/// The constructor, the factories and parse() refuse a packet that breaks these rules, and encode() checks them
/// again:
///   - the namespace starts with `/`, holds no `,` and is UTF-8; `/` (the main one) is left out of the text, and a
///     namespace that ends the text needs no comma (`40/admin`);
///   - CONNECT: no data or a JSON object (the client's auth, or `{"sid":...}` from the server); no ack id;
///   - DISCONNECT: no data, no ack id;
///   - EVENT: a JSON array whose first element is the event name (a string, not one the clients reserve for
///     themselves, like `connect` or `disconnect`); an optional ack id;
///   - ACK: a JSON array (possibly empty) and an ack id;
///   - CONNECT_ERROR: a JSON object (clients read its `message`); no ack id;
///   - ack ids are 0 .. 2^53-1, the integers a JavaScript client can count to, written without leading zeros;
///   - BINARY_EVENT and BINARY_ACK are not supported.
class SocketIoPacket {
public:
    enum class Type : std::uint8_t {
        Connect = 0,
        Disconnect = 1,
        Event = 2,
        Ack = 3,
        ConnectError = 4,
        BinaryEvent = 5,
        BinaryAck = 6,
    };

    class ParseError : public std::runtime_error {
    public:
        /// The connection is closed either way; binary packets are valid Socket.IO that the hub does not take,
        /// so the caller can say so in the close frame instead of calling them malformed.
        enum class Kind { Malformed, BinaryNotSupported };

        ParseError(Kind kind, const std::string& reason) : std::runtime_error(reason), _kind(kind) {}
        Kind kind() const { return _kind; }

    private:
        Kind _kind;
    };

    static constexpr std::uint64_t kMaxAckId = (std::uint64_t{1} << 53) - 1;
    static constexpr std::string_view kMainNamespace = "/";

    /// `data` is empty (absent), a Poco::JSON::Object::Ptr or a Poco::JSON::Array::Ptr, as the type requires.
    /// Throws std::invalid_argument for a combination that is not a valid packet (see the class comment).
    SocketIoPacket(Type type, std::string nsp, Poco::Dynamic::Var data = {}, std::optional<std::uint64_t> ackId = {});

    /// Parses the payload of an Engine.IO message. Throws ParseError.
    static SocketIoPacket parse(std::string_view text);

    /// The server's answer to a CONNECT: `0{"sid":"..."}`.
    static SocketIoPacket connect(std::string nsp, const std::string& sid);
    /// The refusal of a CONNECT: `4{"message":"..."}`; the client reports it as a `connect_error`.
    static SocketIoPacket connectError(std::string nsp, const std::string& message);
    /// `2["name",args...]`, or `2<ackId>[...]` when the sender wants an acknowledgement.
    static SocketIoPacket event(std::string nsp, const std::string& name, const std::vector<Poco::Dynamic::Var>& args,
                                std::optional<std::uint64_t> ackId = {});
    /// `3<ackId>[args...]`: the answer to an EVENT that carried `ackId`.
    static SocketIoPacket ack(std::string nsp, std::uint64_t ackId, const std::vector<Poco::Dynamic::Var>& args);
    static SocketIoPacket disconnect(std::string nsp);

    Type type() const { return _type; }
    const std::string& nsp() const { return _nsp; }
    const std::optional<std::uint64_t>& ackId() const { return _ackId; }
    /// Empty, a Poco::JSON::Object::Ptr or a Poco::JSON::Array::Ptr, shared rather than copied. Parsed objects hold
    /// their keys sorted, so a parsed packet re-encodes with sorted keys.
    const Poco::Dynamic::Var& data() const { return _data; }

    /// The data of an EVENT or an ACK; null for the other types.
    Poco::JSON::Array::Ptr array() const;
    /// The data of a CONNECT or a CONNECT_ERROR; null when there is none.
    Poco::JSON::Object::Ptr object() const;
    /// The name of an EVENT; throws std::logic_error for the other types.
    const std::string& eventName() const;

    /// The Socket.IO text (`2["hello"]`). Throws std::invalid_argument when the data holds something JSON cannot
    /// carry: a non-finite number, a string that is not UTF-8, a value type other than null, bool, number, string,
    /// Object::Ptr and Array::Ptr, or nesting deeper than the parser accepts; or when the shared data was changed
    /// into a shape the type does not allow.
    std::string encode() const;
    /// The whole Engine.IO text message (`42["hello"]`), ready for a WebSocket text frame.
    std::string encodeMessage() const;
    /// The same, encoded once and shared read-only by every connection it is fanned out to.
    std::shared_ptr<const std::string> encodeSharedMessage() const;

private:
    SocketIoPacket() = default;

    std::string encodeAfter(std::string_view prefix) const;

    Type _type = Type::Connect;
    std::string _nsp;
    Poco::Dynamic::Var _data;
    std::optional<std::uint64_t> _ackId;
};

} // namespace switchboard::core::realtime
