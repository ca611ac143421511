#pragma once

#include <string>

namespace switchboard::core::presence {

/// The visitor behind a socket, as the socket's authentication established it.
struct VisitorRef {
    std::string visitorId;
    std::string widgetId;
    /// The conversation the visitor's widget has open; the presence events name it.
    std::string conversationId;
};

} // namespace switchboard::core::presence
