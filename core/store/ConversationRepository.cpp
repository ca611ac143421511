#include "core/store/ConversationRepository.h"

#include "core/store/SqlLiterals.h"
#include "core/store/VisitorRepository.h"

#include <Poco/Data/RecordSet.h>

#include <map>

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

namespace {

using conversation::ConversationStatus;

/// The statuses of a conversation that is not over.
const std::string OpenStatuses = sqlLiterals(conversation::ConversationStatusNames,
                                             {ConversationStatus::Bot, ConversationStatus::Pending,
                                              ConversationStatus::Active});

constexpr std::size_t ConversationColumnCount = 24; // as listed in conversationColumns()

std::string conversationColumns(const std::string& a) {
    std::string out;
    for (const char* column :
         {"id", "widget_id", "visitor_id", "status", "priority", "assigned_agent_id", "subject", "rating", "feedback",
          "handover_method", "last_seq", "unread_by_agent", "unread_by_visitor", "last_message_text",
          "last_message_sender", "first_message_at", "first_response_at", "last_message_at", "resolved_at",
          "activity_at", "created_at", "updated_at", "visitor_channel", "visitor_address"}) {
        if (!out.empty()) out += ", ";
        out += a + "." + column;
    }
    return out;
}

conversation::Conversation conversationFromRow(const Row& row) {
    conversation::Conversation c;
    c.id = row.text(0);
    c.widgetId = row.text(1);
    c.visitorId = row.text(2);
    c.status = conversation::ConversationStatusNames.stored(row.text(3), "conversation status");
    c.priority = row.text(4);
    c.assignedAgentId = row.optText(5);
    c.subject = row.optText(6);
    c.rating = row.optInt64(7);
    c.feedback = row.optText(8);
    c.handoverMethod = row.optText(9);
    c.lastSeq = row.int64(10);
    c.unreadByAgent = row.int64(11);
    c.unreadByVisitor = row.int64(12);
    c.lastMessageText = row.optText(13);
    c.lastMessageSender = row.optText(14);
    c.firstMessageAt = row.optInt64(15);
    c.firstResponseAt = row.optInt64(16);
    c.lastMessageAt = row.optInt64(17);
    c.resolvedAt = row.optInt64(18);
    c.activityAt = row.int64(19);
    c.createdAt = row.int64(20);
    c.updatedAt = row.int64(21);
    c.visitorChannel = row.optText(22);
    c.visitorAddress = row.optText(23);
    return c;
}

/// `%text%` for LIKE, with the wildcard characters in the user's text escaped.
std::string likePattern(const std::string& text) {
    std::string out = "%";
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return out + "%";
}

std::string placeholders(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += i ? ", ?" : "?";
    return out;
}

} // namespace

void ConversationRepository::insert(Sql& sql, const conversation::Conversation& c) {
    Poco::Int64 activity = c.activityAt, created = c.createdAt, updated = c.updatedAt;
    const std::string status = conversation::toString(c.status);
    sql.statement("INSERT INTO conversations (id, widget_id, visitor_id, status, priority, activity_at, created_at, "
                  "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        useRef(c.id), useRef(c.widgetId), useRef(c.visitorId), useRef(status), useRef(c.priority), use(activity),
        use(created), use(updated), now;
}

void ConversationRepository::save(Sql& sql, const conversation::Conversation& c) {
    // Every message saves its conversation: kept prepared.
    sql.run("UPDATE conversations SET status = ?, priority = ?, assigned_agent_id = ?, subject = ?, rating = ?, "
            "feedback = ?, handover_method = ?, last_seq = ?, unread_by_agent = ?, unread_by_visitor = ?, "
            "last_message_text = ?, last_message_sender = ?, first_message_at = ?, first_response_at = ?, "
            "last_message_at = ?, resolved_at = ?, activity_at = ?, updated_at = ?, visitor_channel = ?, "
            "visitor_address = ? WHERE id = ?",
            {conversation::toString(c.status), c.priority, param(c.assignedAgentId), param(c.subject), param(c.rating),
             param(c.feedback), param(c.handoverMethod), c.lastSeq, c.unreadByAgent, c.unreadByVisitor,
             param(c.lastMessageText), param(c.lastMessageSender), param(c.firstMessageAt), param(c.firstResponseAt),
             param(c.lastMessageAt), param(c.resolvedAt), c.activityAt, c.updatedAt, param(c.visitorChannel),
             param(c.visitorAddress), c.id});
}

void ConversationRepository::saveMessageTotals(Sql& sql, const conversation::Conversation& c) {
    sql.run("UPDATE conversations SET last_seq = ?, unread_by_agent = ?, unread_by_visitor = ?, "
            "last_message_text = ?, last_message_sender = ?, first_message_at = ?, first_response_at = ?, "
            "last_message_at = ?, activity_at = ?, updated_at = ? WHERE id = ?",
            {c.lastSeq, c.unreadByAgent, c.unreadByVisitor, param(c.lastMessageText), param(c.lastMessageSender),
             param(c.firstMessageAt), param(c.firstResponseAt), param(c.lastMessageAt), c.activityAt, c.updatedAt,
             c.id});
}

std::optional<std::string> ConversationRepository::findOpenIdByContact(Sql& sql, const std::string& widgetId,
                                                                      const std::optional<std::string>& phone,
                                                                      const std::optional<std::string>& email) {
    const auto result = sql.run(
        "SELECT c.id FROM conversations c JOIN visitors v ON v.id = c.visitor_id "
        "WHERE c.widget_id = ? AND c.status IN (" + OpenStatuses + ") "
        "AND (v.phone = ? OR v.email = ? OR EXISTS (SELECT 1 FROM handover_requests h "
        "WHERE h.conversation_id = c.id AND (h.visitor_phone = ? OR h.visitor_email = ?))) "
        "ORDER BY c.activity_at DESC, c.id DESC LIMIT 1",
        {widgetId, param(phone), param(email), param(phone), param(email)});
    if (result.rows.empty()) return std::nullopt;
    return Row(result, 0).text(0);
}

void ConversationRepository::replaceTags(Sql& sql, const std::string& conversationId,
                                         const std::vector<std::string>& tags) {
    sql.statement("DELETE FROM conversation_tags WHERE conversation_id = ?"), useRef(conversationId), now;
    for (const auto& tag : tags)
        sql.statement("INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING"),
            useRef(conversationId), useRef(tag), now;
}

std::optional<conversation::ConversationView> ConversationRepository::findView(Sql& sql, const std::string& id) {
    auto statement = sql.statement("SELECT " + conversationColumns("c") + ", " + VisitorRepository::columns("v") +
                                   " FROM conversations c JOIN visitors v ON v.id = c.visitor_id WHERE c.id = ?");
    statement, useRef(id);
    auto views = selectViews(sql, statement);
    if (views.empty()) return std::nullopt;
    return views.front();
}

std::optional<conversation::Conversation> ConversationRepository::find(Sql& sql, const std::string& id) {
    return findOne(sql, id, false);
}

std::optional<conversation::Conversation> ConversationRepository::findForUpdate(Sql& sql, const std::string& id) {
    return findOne(sql, id, sql.dialect() == Dialect::PostgreSQL);
}

std::optional<conversation::Conversation> ConversationRepository::findOne(Sql& sql, const std::string& id, bool lock) {
    static const std::string select = "SELECT " + conversationColumns("c") + " FROM conversations c WHERE c.id = ?";
    static const std::string selectForUpdate = select + " FOR UPDATE";
    const auto result = sql.run(lock ? selectForUpdate : select, {id});
    if (result.rows.empty()) return std::nullopt;
    return conversationFromRow(Row(result, 0));
}

std::optional<conversation::Conversation> ConversationRepository::findOpenForVisitor(Sql& sql,
                                                                                     const std::string& visitorId) {
    auto statement = sql.statement("SELECT " + conversationColumns("c") +
                                   " FROM conversations c WHERE c.visitor_id = ? AND c.status IN (" + OpenStatuses +
                                   ") ORDER BY c.activity_at DESC LIMIT 1");
    statement, useRef(visitorId);
    statement.execute();
    Poco::Data::RecordSet records(statement);
    if (records.rowCount() == 0) return std::nullopt;
    return conversationFromRow(Row(records, 0));
}

std::vector<conversation::ConversationView> ConversationRepository::list(Sql& sql, const ConversationFilter& f) {
    std::string where = " WHERE 1 = 1";
    struct Arg {
        bool isInt;
        std::string text;
        Poco::Int64 number;
    };
    std::vector<Arg> args;
    auto addText = [&](const std::string& value) { args.push_back({false, value, 0}); };

    if (f.visibleWidgets) {
        if (f.visibleWidgets->empty()) return {};
        where += " AND c.widget_id IN (" + placeholders(f.visibleWidgets->size()) + ")";
        for (const auto& widget : *f.visibleWidgets) addText(widget);
    }
    if (f.widgetId) {
        where += " AND c.widget_id = ?";
        addText(*f.widgetId);
    }
    if (!f.statuses.empty()) {
        where += " AND c.status IN (" + placeholders(f.statuses.size()) + ")";
        for (const auto status : f.statuses) addText(conversation::toString(status));
    }
    if (f.unassignedOnly) {
        where += " AND c.assigned_agent_id IS NULL";
    } else if (f.assignedAgentId) {
        where += " AND c.assigned_agent_id = ?";
        addText(*f.assignedAgentId);
    }
    if (f.priority) {
        where += " AND c.priority = ?";
        addText(*f.priority);
    }
    if (f.tag) {
        where += " AND EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id AND t.tag = ?)";
        addText(*f.tag);
    }
    if (f.search) {
        const std::string pattern = likePattern(*f.search);
        where += " AND (LOWER(COALESCE(v.name, '')) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(v.email, '')) LIKE ? ESCAPE "
                 "'\\' OR COALESCE(v.phone, '') LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM messages m WHERE "
                 "m.conversation_id = c.id AND LOWER(m.text) LIKE ? ESCAPE '\\'))";
        for (int i = 0; i < 4; ++i) addText(pattern);
    }
    if (f.after) {
        where += " AND (c.activity_at < ? OR (c.activity_at = ? AND c.id < ?))";
        args.push_back({true, {}, f.after->first});
        args.push_back({true, {}, f.after->first});
        addText(f.after->second);
    }
    args.push_back({true, {}, static_cast<Poco::Int64>(f.limit)});

    auto statement = sql.statement("SELECT " + conversationColumns("c") + ", " + VisitorRepository::columns("v") +
                                   " FROM conversations c JOIN visitors v ON v.id = c.visitor_id" + where +
                                   " ORDER BY c.activity_at DESC, c.id DESC LIMIT ?");
    for (const auto& arg : args) {
        if (arg.isInt)
            statement, bind(arg.number);
        else
            statement, bind(arg.text);
    }
    return selectViews(sql, statement);
}

std::vector<conversation::ConversationView> ConversationRepository::selectViews(Sql& sql,
                                                                                Poco::Data::Statement& statement) {
    statement.execute();
    Poco::Data::RecordSet records(statement);
    std::vector<conversation::ConversationView> views;
    views.reserve(records.rowCount());
    for (std::size_t i = 0; i < records.rowCount(); ++i) {
        Row row(records, i);
        views.push_back({conversationFromRow(row), VisitorRepository::fromRow(row, ConversationColumnCount)});
    }
    loadTags(sql, views);
    return views;
}

void ConversationRepository::loadTags(Sql& sql, std::vector<conversation::ConversationView>& views) {
    if (views.empty()) return;
    std::map<std::string, conversation::Conversation*> byId;
    for (auto& view : views) byId[view.conversation.id] = &view.conversation;
    auto statement = sql.statement("SELECT conversation_id, tag FROM conversation_tags WHERE conversation_id IN (" +
                                   placeholders(views.size()) + ") ORDER BY tag");
    for (const auto& view : views) statement, bind(view.conversation.id);
    statement.execute();
    Poco::Data::RecordSet records(statement);
    for (std::size_t i = 0; i < records.rowCount(); ++i) {
        Row row(records, i);
        if (auto found = byId.find(row.text(0)); found != byId.end()) found->second->tags.push_back(row.text(1));
    }
}

} // namespace switchboard::core::store
