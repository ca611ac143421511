#pragma once

#include "core/conversation/Message.h"
#include "core/store/Row.h"
#include "core/store/Sql.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::store {

class MessageRepository {
public:
    /// Who reads: agents read the visitor's messages, the visitor reads everyone else's.
    enum class Reader { Agent, Visitor };

    /// Inserts unless the conversation already holds a message with the same client_msg_id; the unique
    /// constraint decides, so concurrent retries cannot both get in. Returns false when it was a duplicate.
    bool insert(Sql& sql, const conversation::Message& message);
    std::optional<conversation::Message> find(Sql& sql, const std::string& id);
    std::optional<conversation::Message> findByClientMsgId(Sql& sql, const std::string& conversationId,
                                                           const std::string& clientMsgId);
    /// Up to `limit` messages with seq > afterSeq, ascending.
    std::vector<conversation::Message> listAfter(Sql& sql, const std::string& conversationId, std::int64_t afterSeq,
                                                 std::size_t limit);
    /// Up to `limit` messages with seq < beforeSeq, returned ascending.
    std::vector<conversation::Message> listBefore(Sql& sql, const std::string& conversationId,
                                                  std::int64_t beforeSeq, std::size_t limit);
    /// The latest `limit` messages of each of `conversationIds`, ascending, by conversation (none for one without).
    std::map<std::string, std::vector<conversation::Message>> latestOf(Sql& sql,
                                                                       const std::vector<std::string>& conversationIds,
                                                                       std::size_t limit);
    /// Stamps the messages `reader` has not read yet, up to `upToSeq`, as read now.
    void markRead(Sql& sql, const std::string& conversationId, Reader reader, std::int64_t upToSeq, std::int64_t nowMs);
    /// Messages `reader` has still not read after `upToSeq`.
    std::int64_t countUnreadAfter(Sql& sql, const std::string& conversationId, Reader reader, std::int64_t upToSeq);

private:
    std::vector<conversation::Message> query(Sql& sql, const std::string& where, const std::string& order,
                                             const std::string& conversationId, std::int64_t seq, std::size_t limit);
};

} // namespace switchboard::core::store
