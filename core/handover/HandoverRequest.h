#pragma once

#include "core/handover/HandoverStatus.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::handover {

/// A visitor's request for a person, on one of the widget's handover methods.
struct HandoverRequest {
    std::string id;
    std::string conversationId;
    std::string widgetId;
    std::string method;
    std::string channel;
    HandoverStatus status = HandoverStatus::Pending;
    std::optional<std::string> visitorName;
    std::optional<std::string> visitorEmail;
    std::optional<std::string> visitorPhone;
    std::optional<std::string> visitorMessage;
    std::int64_t attempts = 0;
    std::optional<std::string> lastError;
    std::optional<std::int64_t> responseCode;
    std::optional<std::string> responseExcerpt;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> notifiedAt;
    std::optional<std::int64_t> completedAt;
    std::optional<std::int64_t> failedAt;
    std::int64_t updatedAt = 0;

    bool isOpen() const { return status == HandoverStatus::Pending || status == HandoverStatus::Notified; }
};

} // namespace switchboard::core::handover
