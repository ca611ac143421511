#pragma once

#include "core/common/Clock.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationService.h"
#include "core/conversation/MessageService.h"
#include "core/conversation/WidgetSessionService.h"
#include "core/http/Router.h"
#include "core/http/VisitorAuth.h"

namespace switchboard::core::http {

/// The visitor-facing API under `/api/widget/`.
class WidgetRoutes {
public:
    WidgetRoutes(const config::WidgetRegistry& widgets, conversation::WidgetSessionService& sessions,
                 conversation::MessageService& messages, conversation::ConversationService& conversations,
                 const common::Clock& clock, std::size_t maxMessageChars);

    void registerRoutes(Router& router);

private:
    void config(HttpRequest& request, HttpResponse& response);
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
    VisitorAuth _visitors;
};

} // namespace switchboard::core::http
