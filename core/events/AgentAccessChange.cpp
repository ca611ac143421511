#include "core/events/AgentAccessChange.h"

namespace switchboard::core::events {

namespace {

const char* sessionsName(AgentAccessChange::Sessions sessions) {
    switch (sessions) {
    case AgentAccessChange::Sessions::One:
        return "one";
    case AgentAccessChange::Sessions::AllBut:
        return "all_but";
    case AgentAccessChange::Sessions::All:
        break;
    }
    return "all";
}

AgentAccessChange::Sessions sessionsOf(const std::string& name) {
    if (name == "one") return AgentAccessChange::Sessions::One;
    if (name == "all_but") return AgentAccessChange::Sessions::AllBut;
    return AgentAccessChange::Sessions::All;
}

} // namespace

bool AgentAccessChange::affects(const std::string& socketAgentId, const std::string& socketSessionHash) const {
    switch (sessions) {
    case Sessions::One:
        return socketSessionHash == sessionHash;
    case Sessions::AllBut:
        return socketAgentId == agentId && socketSessionHash != sessionHash;
    case Sessions::All:
        break;
    }
    return socketAgentId == agentId;
}

Event AgentAccessChange::event() const {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("agent_id", agentId);
    payload->set("sessions", std::string(sessionsName(sessions)));
    payload->set("session_hash", sessionHash);
    return {EventName, payload, {}};
}

std::optional<AgentAccessChange> AgentAccessChange::of(const Event& event) {
    if (event.name != EventName || !event.payload) return std::nullopt;
    AgentAccessChange change;
    change.agentId = event.payload->optValue<std::string>("agent_id", "");
    change.sessions = sessionsOf(event.payload->optValue<std::string>("sessions", "all"));
    change.sessionHash = event.payload->optValue<std::string>("session_hash", "");
    return change;
}

} // namespace switchboard::core::events
