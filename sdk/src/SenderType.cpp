#include "switchboard/sdk/SenderType.h"

#include <array>
#include <utility>

namespace switchboard::sdk {

namespace {

constexpr std::array<std::pair<SenderType, std::string_view>, 4> Names{{
    {SenderType::Visitor, "visitor"},
    {SenderType::Agent, "agent"},
    {SenderType::Bot, "bot"},
    {SenderType::System, "system"},
}};

} // namespace

std::string_view toString(SenderType type) {
    for (const auto& [each, name] : Names) {
        if (each == type) return name;
    }
    return Names.front().second; // unreachable: every enumerator has a name
}

std::optional<SenderType> senderTypeFromString(std::string_view name) {
    for (const auto& [type, each] : Names) {
        if (each == name) return type;
    }
    return std::nullopt;
}

} // namespace switchboard::sdk
