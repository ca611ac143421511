#pragma once

#include "core/conversation/AgentConversationJson.h"
#include "core/conversation/ConversationService.h"
#include "core/conversation/MessageService.h"
#include "core/http/AuthGuard.h"
#include "core/http/Router.h"
#include "core/presence/ViewingRegistry.h"

namespace switchboard::core::http {

/// The agents' conversation API under `/api/conversations`.
class ConversationRoutes {
public:
    ConversationRoutes(const AuthGuard& guard, conversation::ConversationService& conversations,
                       conversation::MessageService& messages, const conversation::AgentConversationJson& toJson,
                       const presence::ViewingRegistry& viewing);

    void registerRoutes(Router& router);

private:
    void list(HttpRequest& request, HttpResponse& response);
    void detail(HttpRequest& request, HttpResponse& response);
    void listMessages(HttpRequest& request, HttpResponse& response);
    void reply(HttpRequest& request, HttpResponse& response);
    void read(HttpRequest& request, HttpResponse& response);
    void patch(HttpRequest& request, HttpResponse& response);

    const AuthGuard& _guard;
    conversation::ConversationService& _conversations;
    conversation::MessageService& _messages;
    const conversation::AgentConversationJson& _toJson;
    const presence::ViewingRegistry& _viewing;
};

} // namespace switchboard::core::http
