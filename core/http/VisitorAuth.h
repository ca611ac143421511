#pragma once

#include "core/config/WidgetRegistry.h"
#include "core/conversation/Visitor.h"
#include "core/conversation/WidgetSessionService.h"
#include "core/http/HttpRequest.h"

namespace switchboard::core::http {

/// Admits a visitor's request: a valid visitor token (401 otherwise), from a page the widget allows (403).
class VisitorAuth {
public:
    VisitorAuth(conversation::WidgetSessionService& sessions, const config::WidgetRegistry& widgets)
        : _sessions(sessions), _widgets(widgets) {}

    conversation::Visitor require(const HttpRequest& request) const;

private:
    conversation::WidgetSessionService& _sessions;
    const config::WidgetRegistry& _widgets;
};

} // namespace switchboard::core::http
