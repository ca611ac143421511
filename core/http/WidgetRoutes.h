#pragma once

#include "core/common/Clock.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationService.h"
#include "core/conversation/MessageService.h"
#include "core/conversation/WidgetSessionService.h"
#include "core/http/Router.h"
#include "core/http/VisitorAuth.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace switchboard::core::http {

/// The visitor-facing API under `/api/widget/`.
class WidgetRoutes {
public:
    /// Whether an agent serving the widget is ready for a new chat now; must not block.
    using AgentsAvailable = std::function<bool(const std::string& widgetId)>;

    WidgetRoutes(const config::WidgetRegistry& widgets, conversation::WidgetSessionService& sessions,
                 conversation::MessageService& messages, conversation::ConversationService& conversations,
                 const common::Clock& clock, std::size_t maxMessageChars, int heartbeatS,
                 AgentsAvailable agentsAvailable);

    void registerRoutes(Router& router);

private:
    /// The widget's business hours at this moment.
    struct HoursNow {
        bool open = true;
        std::optional<std::int64_t> nextChangeMs;
    };
    HoursNow hoursNow(const config::WidgetConfig& widget) const;
    /// The widget named by `?widget_id=`, once the request's Origin is admitted for it; 404 when unknown.
    std::shared_ptr<const config::WidgetConfig> admittedWidget(HttpRequest& request) const;
    void config(HttpRequest& request, HttpResponse& response);
    void availability(HttpRequest& request, HttpResponse& response);
    void init(HttpRequest& request, HttpResponse& response);
    void postMessage(HttpRequest& request, HttpResponse& response);
    void listMessages(HttpRequest& request, HttpResponse& response);
    void rate(HttpRequest& request, HttpResponse& response);

    const config::WidgetRegistry& _widgets;
    conversation::WidgetSessionService& _sessions;
    conversation::MessageService& _messages;
    conversation::ConversationService& _conversations;
    const common::Clock& _clock;
    const std::size_t _maxMessageChars;
    const int _heartbeatS;
    AgentsAvailable _agentsAvailable;
    VisitorAuth _visitors;
};

} // namespace switchboard::core::http
