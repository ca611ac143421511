#include "core/store/SessionRepository.h"

#include "core/store/AgentRepository.h"
#include "core/store/Row.h"

#include <Poco/Data/RecordSet.h>

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

void SessionRepository::insert(Sql& sql, const auth::AgentSession& s) {
    Poco::Int64 created = s.createdAt, expires = s.expiresAt;
    auto ip = toNullable(s.ip), userAgent = toNullable(s.userAgent);
    sql.statement("INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at, ip, user_agent) "
                  "VALUES (?, ?, ?, ?, ?, ?)"),
        useRef(s.tokenHash), useRef(s.agentId), use(created), use(expires), use(ip), use(userAgent), now;
}

std::optional<auth::Agent> SessionRepository::findAgent(Sql& sql, const std::string& tokenHash, std::int64_t nowMs) {
    Poco::Int64 at = nowMs;
    auto statement = sql.statement("SELECT " + AgentRepository::columns("a") +
                                   " FROM agent_sessions s JOIN agents a ON a.id = s.agent_id "
                                   "WHERE s.token_hash = ? AND s.expires_at > ? AND a.active = TRUE");
    statement, useRef(tokenHash), use(at);
    statement.execute();
    Poco::Data::RecordSet records(statement);
    if (records.rowCount() == 0) return std::nullopt;
    auto agent = AgentRepository::fromRow(Row(records, 0), 0);
    AgentRepository::loadWidgets(sql, agent);
    return agent;
}

bool SessionRepository::remove(Sql& sql, const std::string& tokenHash) {
    auto statement = sql.statement("DELETE FROM agent_sessions WHERE token_hash = ?");
    statement, useRef(tokenHash);
    return statement.execute() > 0;
}

std::size_t SessionRepository::removeAllOfAgent(Sql& sql, const std::string& agentId) {
    auto statement = sql.statement("DELETE FROM agent_sessions WHERE agent_id = ?");
    statement, useRef(agentId);
    return statement.execute();
}

std::size_t SessionRepository::removeAllOfAgentExcept(Sql& sql, const std::string& agentId,
                                                      const std::string& keptTokenHash) {
    auto statement = sql.statement("DELETE FROM agent_sessions WHERE agent_id = ? AND token_hash <> ?");
    statement, useRef(agentId), useRef(keptTokenHash);
    return statement.execute();
}

std::size_t SessionRepository::removeExpired(Sql& sql, std::int64_t nowMs) {
    Poco::Int64 at = nowMs;
    auto statement = sql.statement("DELETE FROM agent_sessions WHERE expires_at <= ?");
    statement, use(at);
    return statement.execute();
}

} // namespace switchboard::core::store
