#pragma once

#include "core/conversation/ConversationJson.h"
#include "core/conversation/MessageService.h"

#include <Poco/JSON/Object.h>

namespace switchboard::core::realtime {

/// A page of messages as a catch-up (`visitor:sync`, `agent:sync`) acknowledges it: `{messages, has_more}`.
struct MessagePageJson {
    static Poco::JSON::Object::Ptr object(const conversation::MessagePage& page) {
        Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
        result->set("messages", conversation::ConversationJson::messages(page.messages));
        result->set("has_more", page.hasMore);
        return result;
    }
};

} // namespace switchboard::core::realtime
