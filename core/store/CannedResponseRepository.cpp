#include "core/store/CannedResponseRepository.h"

#include "core/store/Row.h"

#include <Poco/Data/RecordSet.h>

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

namespace {

const char* const Columns = "id, title, shortcut, content, widget_id, scope, owner_agent_id, usage_count, created_at, "
                            "updated_at";

/// Personal responses sort before shared ones with the same shortcut.
const char* const PersonalFirst = "CASE WHEN scope = 'personal' THEN 0 ELSE 1 END";

std::string personalScopeKey(const std::string& agentId) { return "agent:" + agentId; }

/// The namespace a shortcut is unique in: `shared`, or one per agent for personal responses.
std::string scopeKey(const conversation::CannedResponse& r) {
    return r.isShared() ? "shared" : personalScopeKey(r.ownerAgentId.value_or(""));
}

conversation::CannedResponse fromRow(const Row& row) {
    conversation::CannedResponse r;
    r.id = row.text(0);
    r.title = row.text(1);
    r.shortcut = row.text(2);
    r.content = row.text(3);
    r.widgetId = row.optText(4);
    r.scope = row.text(5);
    r.ownerAgentId = row.optText(6);
    r.usageCount = row.int64(7);
    r.createdAt = row.int64(8);
    r.updatedAt = row.int64(9);
    return r;
}

} // namespace

bool CannedResponseRepository::insert(Sql& sql, const conversation::CannedResponse& r) {
    const std::string key = scopeKey(r);
    auto widget = toNullable(r.widgetId), owner = toNullable(r.ownerAgentId);
    Poco::Int64 usage = r.usageCount, created = r.createdAt, updated = r.updatedAt;
    auto statement = sql.statement(
        "INSERT INTO canned_responses (id, title, shortcut, content, widget_id, scope, owner_agent_id, scope_key, "
        "usage_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    statement, useRef(r.id), useRef(r.title), useRef(r.shortcut), useRef(r.content), use(widget), useRef(r.scope),
        use(owner), useRef(key), use(usage), use(created), use(updated);
    return statement.execute() == 1;
}

bool CannedResponseRepository::update(Sql& sql, const conversation::CannedResponse& r) {
    const std::string key = scopeKey(r);
    auto widget = toNullable(r.widgetId), owner = toNullable(r.ownerAgentId);
    Poco::Int64 updated = r.updatedAt;
    auto statement = sql.statement(
        "UPDATE canned_responses SET title = ?, shortcut = ?, content = ?, widget_id = ?, scope = ?, "
        "owner_agent_id = ?, scope_key = ?, updated_at = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
        "canned_responses other WHERE other.scope_key = ? AND other.shortcut = ? AND other.id <> ?)");
    statement, useRef(r.title), useRef(r.shortcut), useRef(r.content), use(widget), useRef(r.scope), use(owner),
        useRef(key), use(updated), useRef(r.id), useRef(key), useRef(r.shortcut), useRef(r.id);
    return statement.execute() == 1;
}

bool CannedResponseRepository::remove(Sql& sql, const std::string& id) {
    auto statement = sql.statement("DELETE FROM canned_responses WHERE id = ?");
    statement, useRef(id);
    return statement.execute() == 1;
}

void CannedResponseRepository::incrementUsage(Sql& sql, const std::string& id) {
    sql.statement("UPDATE canned_responses SET usage_count = usage_count + 1 WHERE id = ?"), useRef(id), now;
}

std::optional<conversation::CannedResponse> CannedResponseRepository::findById(Sql& sql, const std::string& id) {
    auto statement = sql.statement(std::string("SELECT ") + Columns + " FROM canned_responses WHERE id = ?");
    statement, useRef(id);
    auto found = select(statement);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<conversation::CannedResponse> CannedResponseRepository::listFor(Sql& sql, const std::string& agentId,
                                                                            const std::optional<std::string>& widgetId) {
    const std::string ownScope = personalScopeKey(agentId);
    std::string query = std::string("SELECT ") + Columns +
                        " FROM canned_responses WHERE scope_key IN ('shared', ?)";
    if (widgetId) query += " AND (widget_id IS NULL OR widget_id = ?)";
    auto statement = sql.statement(query + " ORDER BY shortcut, " + PersonalFirst + ", id");
    statement, bind(ownScope);
    if (widgetId) statement, bind(*widgetId);
    return select(statement);
}

std::vector<conversation::CannedResponse> CannedResponseRepository::findByShortcut(Sql& sql, const std::string& agentId,
                                                                                   const std::string& shortcut) {
    const std::string ownScope = personalScopeKey(agentId);
    auto statement = sql.statement(std::string("SELECT ") + Columns +
                                   " FROM canned_responses WHERE scope_key IN ('shared', ?) AND shortcut = ? "
                                   "ORDER BY " + PersonalFirst);
    statement, useRef(ownScope), useRef(shortcut);
    return select(statement);
}

std::vector<conversation::CannedResponse> CannedResponseRepository::select(Poco::Data::Statement& statement) {
    statement.execute();
    Poco::Data::RecordSet records(statement);
    std::vector<conversation::CannedResponse> result;
    result.reserve(records.rowCount());
    for (std::size_t i = 0; i < records.rowCount(); ++i) result.push_back(fromRow(Row(records, i)));
    return result;
}

} // namespace switchboard::core::store
