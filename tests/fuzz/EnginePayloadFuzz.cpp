// libFuzzer target: arbitrary bytes as the body of an Engine.IO long-polling POST. What decodes must be non-empty
// UTF-8 text packets without a separator in them that encode back to exactly the body; anything else traps.

#include "core/common/Validation.h"
#include "core/realtime/EnginePayload.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using switchboard::core::realtime::EnginePayload;

namespace {

void check(bool condition) {
    if (!condition) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    try {
        const auto packets = EnginePayload::decode(body);
        check(!packets.empty());
        for (const auto& packet : packets) {
            check(!packet.empty() && packet.front() != 'b');
            check(packet.find(EnginePayload::Separator) == std::string::npos);
            check(switchboard::core::common::isValidUtf8(packet));
        }
        check(EnginePayload::encode(packets) == body);
    } catch (const EnginePayload::ParseError&) {
    }
    return 0;
}
