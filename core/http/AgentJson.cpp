#include "core/http/AgentJson.h"

#include "core/common/JsonValues.h"
#include "core/common/Time.h"

#include <Poco/JSON/Array.h>

namespace switchboard::core::http {

Poco::JSON::Object::Ptr AgentJson::toJson(const auth::Agent& agent) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", agent.id);
    json->set("email", agent.email);
    json->set("display_name", agent.displayName);
    json->set("role", agent.role);
    json->set("widgets", common::stringArray(agent.widgets));
    json->set("status", agent.status);
    json->set("max_concurrent_chats", agent.maxConcurrentChats);
    json->set("active", agent.active);
    json->set("created_at", common::formatIso8601Ms(agent.createdAt));
    return json;
}

} // namespace switchboard::core::http
