#include "switchboard/sdk/SenderType.h"

#include "EnumNames.h"

namespace switchboard::sdk {

namespace {

constexpr EnumNames<SenderType, 4> Names{{{
    {SenderType::Visitor, "visitor"},
    {SenderType::Agent, "agent"},
    {SenderType::Bot, "bot"},
    {SenderType::System, "system"},
}}};

} // namespace

std::string_view toString(SenderType type) { return Names.nameOf(type); }

std::optional<SenderType> senderTypeFromString(std::string_view name) { return Names.valueOf(name); }

} // namespace switchboard::sdk
