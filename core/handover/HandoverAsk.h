#pragma once

#include <optional>
#include <string>

namespace switchboard::core::handover {

/// `POST /api/handover/request` as the visitor sent it.
struct HandoverAsk {
    std::string conversationId;
    std::optional<std::string> requestedMethod;
    std::optional<std::string> visitorName;
    std::optional<std::string> visitorEmail;
    std::optional<std::string> visitorPhone;
    std::optional<std::string> visitorMessage;
};

} // namespace switchboard::core::handover
