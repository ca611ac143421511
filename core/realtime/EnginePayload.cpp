#include "core/realtime/EnginePayload.h"

#include "core/common/Validation.h"

namespace switchboard::core::realtime {

std::string EnginePayload::encode(const std::vector<std::string>& packets) {
    std::string body;
    for (const auto& packet : packets) {
        if (!body.empty()) body += Separator;
        body += packet;
    }
    return body;
}

std::vector<std::string> EnginePayload::decode(std::string_view body) {
    if (!common::isValidUtf8(body)) throw ParseError("the payload is not valid UTF-8");
    std::vector<std::string> packets;
    while (true) {
        const auto end = body.find(Separator);
        const auto packet = body.substr(0, end);
        if (packet.empty()) throw ParseError("empty packet in the payload");
        if (packet.front() == 'b') throw ParseError("binary packets are not supported");
        packets.emplace_back(packet);
        if (end == std::string_view::npos) return packets;
        body.remove_prefix(end + 1);
    }
}

} // namespace switchboard::core::realtime
