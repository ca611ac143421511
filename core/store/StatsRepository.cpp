#include "core/store/StatsRepository.h"

#include "core/conversation/ConversationStatus.h"
#include "core/store/Row.h"
#include "core/store/SqlLiterals.h"

#include <Poco/Data/RecordSet.h>

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

namespace {

using Status = conversation::ConversationStatus;

/// How many of the period's conversations have `status`.
std::string countOf(Status status) {
    return "COUNT(CASE WHEN c.status = " + sqlLiterals(conversation::ConversationStatusNames, {status}) +
           " THEN 1 END)";
}

/// The WHERE clause selecting the period's conversations (alias `c`); its arguments go through bindPeriod().
std::string periodClause(const std::optional<std::vector<std::string>>& widgets) {
    std::string where = " WHERE c.created_at >= ? AND c.created_at < ?";
    if (widgets) {
        where += " AND c.widget_id IN (";
        for (std::size_t i = 0; i < widgets->size(); ++i) where += i ? ", ?" : "?";
        where += ")";
    }
    return where;
}

void bindPeriod(Poco::Data::Statement& statement, std::int64_t fromMs, std::int64_t toMs,
                const std::optional<std::vector<std::string>>& widgets) {
    statement, bind(static_cast<Poco::Int64>(fromMs)), bind(static_cast<Poco::Int64>(toMs));
    if (widgets)
        for (const auto& widget : *widgets) statement, bind(widget);
}

std::optional<double> msToSeconds(const std::optional<double>& ms) {
    if (!ms) return std::nullopt;
    return *ms / 1000.0;
}

} // namespace

conversation::ConversationStats StatsRepository::compute(Sql& sql, std::int64_t fromMs, std::int64_t toMs,
                                                         const std::optional<std::vector<std::string>>& widgets) {
    conversation::ConversationStats stats;
    if (widgets && widgets->empty()) return stats;
    const std::string where = periodClause(widgets);

    // COUNT(CASE ...) rather than SUM: it is BIGINT on PostgreSQL and never NULL on an empty period.
    auto conversations = sql.statement(
        "SELECT COUNT(*), " + countOf(Status::Bot) + ", " + countOf(Status::Pending) + ", " +
        countOf(Status::Active) + ", " + countOf(Status::Resolved) + ", " + countOf(Status::Closed) + ", "
        "CAST(AVG(c.first_response_at - COALESCE(c.first_message_at, c.created_at)) AS DOUBLE PRECISION), "
        "CAST(AVG(c.resolved_at - c.created_at) AS DOUBLE PRECISION), "
        "CAST(AVG(c.rating) AS DOUBLE PRECISION), COUNT(c.rating) FROM conversations c" +
        where);
    bindPeriod(conversations, fromMs, toMs, widgets);
    conversations.execute();
    Poco::Data::RecordSet totals(conversations);
    const Row row(totals, 0);
    stats.total = row.int64(0);
    stats.bot = row.int64(1);
    stats.pending = row.int64(2);
    stats.active = row.int64(3);
    stats.resolved = row.int64(4);
    stats.closed = row.int64(5);
    stats.avgFirstResponseS = msToSeconds(row.optReal(6));
    stats.avgResolutionS = msToSeconds(row.optReal(7));
    stats.avgRating = row.optReal(8);
    stats.ratingsCount = row.int64(9);

    auto messages = sql.statement("SELECT COUNT(CASE WHEN m.sender_type = 'visitor' THEN 1 END), "
                                  "COUNT(CASE WHEN m.sender_type = 'agent' THEN 1 END) "
                                  "FROM messages m JOIN conversations c ON c.id = m.conversation_id" +
                                  where);
    bindPeriod(messages, fromMs, toMs, widgets);
    messages.execute();
    Poco::Data::RecordSet counts(messages);
    const Row messageRow(counts, 0);
    stats.visitorMessages = messageRow.int64(0);
    stats.agentMessages = messageRow.int64(1);
    return stats;
}

} // namespace switchboard::core::store
