#include "core/store/MessageRepository.h"

#include "core/store/TextSet.h"

#include <algorithm>
#include <limits>

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

namespace {

const char* const Columns = "id, conversation_id, seq, sender_type, sender_id, sender_name, text, client_msg_id, "
                            "created_at, read_by_agent_at, read_by_visitor_at, attachments";

conversation::Message fromRow(const Row& row) {
    conversation::Message m;
    m.id = row.text(0);
    m.conversationId = row.text(1);
    m.seq = row.int64(2);
    m.senderType = row.text(3);
    m.senderId = row.optText(4);
    m.senderName = row.optText(5);
    m.text = row.text(6);
    m.clientMsgId = row.optText(7);
    m.createdAt = row.int64(8);
    m.readByAgentAt = row.optInt64(9);
    m.readByVisitorAt = row.optInt64(10);
    m.attachments = conversation::MessageAttachment::fromText(row.optText(11).value_or(""));
    return m;
}

/// The read-stamp column and the senders whose messages `reader` reads.
std::pair<std::string, std::string> readTarget(MessageRepository::Reader reader) {
    if (reader == MessageRepository::Reader::Agent) return {"read_by_agent_at", "sender_type = 'visitor'"};
    return {"read_by_visitor_at", "sender_type <> 'visitor'"};
}

} // namespace

bool MessageRepository::insert(Sql& sql, const conversation::Message& m) {
    const auto attachments = conversation::MessageAttachment::toText(m.attachments);
    return sql.run("INSERT INTO messages (id, conversation_id, seq, sender_type, sender_id, sender_name, text, "
                   "client_msg_id, created_at, attachments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT (conversation_id, client_msg_id) DO NOTHING",
                   {m.id, m.conversationId, m.seq, m.senderType, param(m.senderId), param(m.senderName), m.text,
                    param(m.clientMsgId), m.createdAt, attachments.empty() ? QueryParam() : QueryParam(std::string_view(attachments))})
               .changed == 1;
}

std::optional<conversation::Message> MessageRepository::findByClientMsgId(Sql& sql, const std::string& conversationId,
                                                                          const std::string& clientMsgId) {
    static const std::string select =
        std::string("SELECT ") + Columns + " FROM messages WHERE conversation_id = ? AND client_msg_id = ?";
    const auto result = sql.run(select, {conversationId, clientMsgId});
    if (result.rows.empty()) return std::nullopt;
    return fromRow(Row(result, 0));
}

std::optional<conversation::Message> MessageRepository::find(Sql& sql, const std::string& id) {
    static const std::string select = std::string("SELECT ") + Columns + " FROM messages WHERE id = ?";
    const auto result = sql.run(select, {id});
    if (result.rows.empty()) return std::nullopt;
    return fromRow(Row(result, 0));
}

std::vector<conversation::Message> MessageRepository::listAfter(Sql& sql, const std::string& conversationId,
                                                                std::int64_t afterSeq, std::size_t limit) {
    return query(sql, "seq > ?", "ASC", conversationId, afterSeq, limit);
}

std::vector<conversation::Message> MessageRepository::listBefore(Sql& sql, const std::string& conversationId,
                                                                 std::int64_t beforeSeq, std::size_t limit) {
    auto messages = query(sql, "seq < ?", "DESC", conversationId, beforeSeq, limit);
    std::reverse(messages.begin(), messages.end());
    return messages;
}

std::map<std::string, std::vector<conversation::Message>>
MessageRepository::latestOf(Sql& sql, const std::vector<std::string>& conversationIds, std::size_t limit) {
    std::map<std::string, std::vector<conversation::Message>> latest;
    if (conversationIds.empty() || limit == 0) return latest;
    if (sql.dialect() == Dialect::SQLite) {
        // In process, a statement per conversation costs no round trip, and reads its latest rows only.
        for (const auto& id : conversationIds) {
            if (latest.contains(id)) continue;
            auto messages = listBefore(sql, id, std::numeric_limits<std::int64_t>::max(), limit);
            if (!messages.empty()) latest.emplace(id, std::move(messages));
        }
        return latest;
    }
    // One statement for the batch; each conversation's latest rows through the (conversation_id, seq) index.
    static const std::string text = std::string("SELECT m.* FROM (SELECT DISTINCT value FROM ") +
                                    TextSet::values(Dialect::PostgreSQL) +
                                    " AS ids) AS k CROSS JOIN LATERAL (SELECT " + Columns +
                                    " FROM messages WHERE conversation_id = k.value ORDER BY seq DESC LIMIT ?) AS m "
                                    "ORDER BY m.conversation_id, m.seq";
    const auto ids = TextSet::bind(conversationIds);
    const auto result = sql.run(text, {ids, static_cast<std::int64_t>(limit)});
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        auto message = fromRow(Row(result, i));
        latest[message.conversationId].push_back(std::move(message));
    }
    return latest;
}

std::vector<conversation::Message> MessageRepository::query(Sql& sql, const std::string& where,
                                                            const std::string& order,
                                                            const std::string& conversationId, std::int64_t seq,
                                                            std::size_t limit) {
    // Prepared once per connection (`run`): the outbox reads a conversation's latest messages for every delivery.
    const auto result = sql.run(std::string("SELECT ") + Columns + " FROM messages WHERE conversation_id = ? AND " +
                                    where + " ORDER BY seq " + order + " LIMIT ?",
                                {conversationId, seq, static_cast<std::int64_t>(limit)});
    std::vector<conversation::Message> messages;
    messages.reserve(result.rows.size());
    for (std::size_t i = 0; i < result.rows.size(); ++i) messages.push_back(fromRow(Row(result, i)));
    return messages;
}

void MessageRepository::markRead(Sql& sql, const std::string& conversationId, Reader reader, std::int64_t upToSeq,
                                 std::int64_t nowMs) {
    const auto [column, senders] = readTarget(reader);
    Poco::Int64 at = nowMs, upTo = upToSeq;
    sql.statement("UPDATE messages SET " + column + " = ? WHERE conversation_id = ? AND " + senders + " AND " + column +
                  " IS NULL AND seq <= ?"),
        use(at), useRef(conversationId), use(upTo), now;
}

std::int64_t MessageRepository::countUnreadAfter(Sql& sql, const std::string& conversationId, Reader reader,
                                                 std::int64_t upToSeq) {
    const auto [column, senders] = readTarget(reader);
    Poco::Int64 upTo = upToSeq, count = 0;
    sql.statement("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND " + senders + " AND " + column +
                  " IS NULL AND seq > ?"),
        useRef(conversationId), use(upTo), into(count), now;
    return count;
}

} // namespace switchboard::core::store
