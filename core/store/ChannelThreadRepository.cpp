#include "core/store/ChannelThreadRepository.h"

#include "core/store/Row.h"
#include "core/store/TextSet.h"

namespace switchboard::core::store {

std::optional<std::string> ChannelThreadRepository::find(Sql& sql, const std::string& conversationId,
                                                         const std::string& channel) {
    const auto result = sql.run("SELECT reference FROM channel_threads WHERE conversation_id = ? AND channel = ?",
                                {conversationId, channel});
    if (result.rows.empty()) return std::nullopt;
    return Row(result, 0).text(0);
}

std::map<std::pair<std::string, std::string>, std::string>
ChannelThreadRepository::findAll(Sql& sql, const std::vector<std::string>& conversationIds) {
    std::map<std::pair<std::string, std::string>, std::string> references;
    if (conversationIds.empty()) return references;
    const auto ids = TextSet::bind(conversationIds);
    const auto result = sql.run("SELECT conversation_id, channel, reference FROM channel_threads WHERE conversation_id IN " +
                                    TextSet::values(sql.dialect()),
                                {ids});
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        const Row row(result, i);
        references[{row.text(0), row.text(1)}] = row.text(2);
    }
    return references;
}

void ChannelThreadRepository::save(Sql& sql, const std::string& conversationId, const std::string& channel,
                                   const std::string& reference, std::int64_t nowMs) {
    sql.run("INSERT INTO channel_threads (conversation_id, channel, reference, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (conversation_id, channel) DO UPDATE SET reference = excluded.reference, "
            "updated_at = excluded.updated_at",
            {conversationId, channel, reference, nowMs});
}

} // namespace switchboard::core::store
