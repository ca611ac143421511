#pragma once

#include "core/conversation/ConversationJson.h"
#include "core/conversation/MessageService.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::realtime {

/// A page of messages as a catch-up (`visitor:sync`, `agent:sync`) acknowledges it: `{messages, has_more}`.
struct MessagePageJson {
    /// As the visitor reads it.
    static Poco::JSON::Object::Ptr object(const conversation::MessagePage& page) {
        return withMessages(conversation::ConversationJson::messages(page.messages), page);
    }
    /// As agents read it: each message with its delivery to the visitor's external channel.
    static Poco::JSON::Object::Ptr agentObject(const conversation::MessagePage& page) {
        return withMessages(conversation::ConversationJson::agentMessages(page.messages, page.deliveries), page);
    }

private:
    static Poco::JSON::Object::Ptr withMessages(Poco::JSON::Array::Ptr messages, const conversation::MessagePage& page) {
        Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
        result->set("messages", messages);
        result->set("has_more", page.hasMore);
        return result;
    }
};

} // namespace switchboard::core::realtime
