// libFuzzer target: arbitrary text as a WebSocket text message, read as Engine.IO then Socket.IO. Whatever parses
// must encode without error and parse back to the same packet; anything else traps.

#include "core/realtime/EnginePacket.h"
#include "core/realtime/SocketIoPacket.h"

#include <Poco/JSON/Stringifier.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string_view>

using switchboard::core::realtime::EnginePacket;
using switchboard::core::realtime::SocketIoPacket;

namespace {

std::string json(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
}

void check(bool condition) {
    if (!condition) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<EnginePacket> engine;
    try {
        engine.emplace(EnginePacket::parse(text));
    } catch (const EnginePacket::ParseError&) {
        return 0;
    }
    check(engine->encode() == text);
    if (engine->type() != EnginePacket::Type::Message) return 0;

    std::optional<SocketIoPacket> packet;
    try {
        packet.emplace(SocketIoPacket::parse(engine->payload()));
    } catch (const SocketIoPacket::ParseError&) {
        return 0;
    }
    // From here on nothing may throw: an uncaught exception is a finding too.
    const std::string encoded = packet->encodeMessage();
    const EnginePacket reencoded = EnginePacket::parse(encoded);
    check(reencoded.type() == EnginePacket::Type::Message);
    const SocketIoPacket again = SocketIoPacket::parse(reencoded.payload());
    check(again.type() == packet->type());
    check(again.nsp() == packet->nsp());
    check(again.ackId() == packet->ackId());
    check(json(again.data()) == json(packet->data()));
    check(again.encodeMessage() == encoded);
    return 0;
}
