#include "core/store/AgentRepository.h"

#include <Poco/Data/RecordSet.h>

#include <map>

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

namespace {

// POCO 1.11 binds a bool differently per connector; a literal reads the same in both dialects.
const char* boolLiteral(bool value) { return value ? "TRUE" : "FALSE"; }

} // namespace

std::string AgentRepository::columns(const std::string& a) {
    std::string out;
    for (const char* column : {"id", "email", "display_name", "password_hash", "role", "status",
                               "max_concurrent_chats", "active", "created_at", "updated_at"}) {
        if (!out.empty()) out += ", ";
        out += a + "." + column;
    }
    return out;
}

auth::Agent AgentRepository::fromRow(const Row& row, std::size_t first) {
    auth::Agent agent;
    agent.id = row.text(first);
    agent.email = row.text(first + 1);
    agent.displayName = row.text(first + 2);
    agent.passwordHash = row.text(first + 3);
    agent.role = row.text(first + 4);
    agent.status = row.text(first + 5);
    agent.maxConcurrentChats = row.int64(first + 6);
    agent.active = row.boolean(first + 7);
    agent.createdAt = row.int64(first + 8);
    agent.updatedAt = row.int64(first + 9);
    return agent;
}

void AgentRepository::loadWidgets(Sql& sql, auth::Agent& agent) {
    agent.widgets.clear();
    auto statement = sql.statement("SELECT widget_id FROM agent_widgets WHERE agent_id = ? ORDER BY widget_id");
    statement, useRef(agent.id), into(agent.widgets);
    statement.execute();
}

bool AgentRepository::insert(Sql& sql, const auth::Agent& a) {
    Poco::Int64 maxChats = a.maxConcurrentChats, created = a.createdAt, updated = a.updatedAt;
    auto statement = sql.statement(std::string("INSERT INTO agents (id, email, display_name, password_hash, role, "
                                               "status, max_concurrent_chats, active, created_at, updated_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?, ") +
                                   boolLiteral(a.active) + ", ?, ?) ON CONFLICT DO NOTHING");
    statement, useRef(a.id), useRef(a.email), useRef(a.displayName), useRef(a.passwordHash), useRef(a.role),
        useRef(a.status), use(maxChats), use(created), use(updated);
    if (statement.execute() != 1) return false;
    insertWidgets(sql, a);
    return true;
}

bool AgentRepository::update(Sql& sql, const auth::Agent& a) {
    Poco::Int64 maxChats = a.maxConcurrentChats, updated = a.updatedAt;
    auto statement = sql.statement(
        std::string("UPDATE agents SET email = ?, display_name = ?, role = ?, max_concurrent_chats = ?, "
                    "active = ") +
        boolLiteral(a.active) +
        ", updated_at = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM agents other WHERE other.email = ? AND "
        "other.id <> ?)");
    statement, useRef(a.email), useRef(a.displayName), useRef(a.role), use(maxChats), use(updated), useRef(a.id),
        useRef(a.email), useRef(a.id);
    if (statement.execute() != 1) return false;
    sql.statement("DELETE FROM agent_widgets WHERE agent_id = ?"), useRef(a.id), now;
    insertWidgets(sql, a);
    return true;
}

void AgentRepository::setPasswordHash(Sql& sql, const std::string& agentId, const std::string& passwordHash,
                                      std::int64_t nowMs) {
    Poco::Int64 updated = nowMs;
    sql.statement("UPDATE agents SET password_hash = ?, updated_at = ? WHERE id = ?"), useRef(passwordHash),
        use(updated), useRef(agentId), now;
}

void AgentRepository::updateStatus(Sql& sql, const std::string& agentId, const std::string& status) {
    sql.run("UPDATE agents SET status = ? WHERE id = ?", {status, agentId});
}

std::optional<auth::Agent> AgentRepository::findById(Sql& sql, const std::string& id) {
    auto statement = sql.statement("SELECT " + columns("a") + " FROM agents a WHERE a.id = ?");
    statement, useRef(id);
    auto found = select(sql, statement);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<auth::Agent> AgentRepository::findByEmail(Sql& sql, const std::string& email) {
    auto statement = sql.statement("SELECT " + columns("a") + " FROM agents a WHERE a.email = ?");
    statement, useRef(email);
    auto found = select(sql, statement);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<auth::Agent> AgentRepository::list(Sql& sql) {
    auto statement = sql.statement("SELECT " + columns("a") + " FROM agents a ORDER BY a.display_name, a.email");
    return select(sql, statement);
}

std::int64_t AgentRepository::count(Sql& sql) {
    Poco::Int64 count = 0;
    sql.statement("SELECT COUNT(*) FROM agents"), into(count), now;
    return count;
}

std::int64_t AgentRepository::countActiveAdmins(Sql& sql) {
    Poco::Int64 count = 0;
    sql.statement("SELECT COUNT(*) FROM agents WHERE role = 'admin' AND active = TRUE"), into(count), now;
    return count;
}

void AgentRepository::insertWidgets(Sql& sql, const auth::Agent& a) {
    for (const auto& widget : a.widgets)
        sql.statement("INSERT INTO agent_widgets (agent_id, widget_id) VALUES (?, ?) ON CONFLICT DO NOTHING"),
            useRef(a.id), useRef(widget), now;
}

std::vector<auth::Agent> AgentRepository::select(Sql& sql, Poco::Data::Statement& statement) {
    statement.execute();
    Poco::Data::RecordSet records(statement);
    std::vector<auth::Agent> agents;
    agents.reserve(records.rowCount());
    for (std::size_t i = 0; i < records.rowCount(); ++i) agents.push_back(fromRow(Row(records, i), 0));
    if (agents.empty()) return agents;

    std::map<std::string, auth::Agent*> byId;
    for (auto& agent : agents) byId[agent.id] = &agent;
    std::string placeholders;
    for (std::size_t i = 0; i < agents.size(); ++i) placeholders += i ? ", ?" : "?";
    auto widgets = sql.statement("SELECT agent_id, widget_id FROM agent_widgets WHERE agent_id IN (" + placeholders +
                                 ") ORDER BY widget_id");
    for (const auto& agent : agents) widgets, bind(agent.id);
    widgets.execute();
    Poco::Data::RecordSet rows(widgets);
    for (std::size_t i = 0; i < rows.rowCount(); ++i) {
        Row row(rows, i);
        if (auto found = byId.find(row.text(0)); found != byId.end()) found->second->widgets.push_back(row.text(1));
    }
    return agents;
}

} // namespace switchboard::core::store
