#include "core/conversation/ConversationService.h"

#include "core/common/ApiError.h"
#include "core/common/Validation.h"
#include "core/conversation/ConversationStateMachine.h"

#include <algorithm>
#include <regex>
#include <set>

namespace switchboard::core::conversation {

using common::ApiError;

namespace {

const std::set<std::string> Priorities{"low", "normal", "high", "urgent"};

bool isUuid(const std::string& text) {
    static const std::regex pattern("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    return std::regex_match(text, pattern);
}

std::string encodeCursor(const Conversation& c) { return std::to_string(c.activityAt) + "_" + c.id; }

std::pair<std::int64_t, std::string> decodeCursor(const std::string& cursor) {
    const auto separator = cursor.find('_');
    try {
        if (separator != std::string::npos && separator > 0 && separator + 1 < cursor.size())
            return {std::stoll(cursor.substr(0, separator)), cursor.substr(separator + 1)};
    } catch (const std::exception&) {
        // fall through to the error below
    }
    throw ApiError::badRequest("invalid_field", "cursor is not one this server issued", "cursor");
}

} // namespace

ConversationService::ConversationService(store::Database& database, const common::Clock& clock,
                                         ConversationEvents& events, AgentLookup findAgent,
                                         ConversationTakenReaction& taken, const VisitorChannels& channels)
    : _database(database), _clock(clock), _events(events), _taken(taken), _channels(channels),
      _findAgent(std::move(findAgent)) {}

ConversationView ConversationService::get(const auth::Caller& caller, const std::string& id) {
    auto view = _database.read([&](store::Sql& sql) { return _conversations.findView(sql, id); });
    if (!view || !caller.canSee(view->conversation.widgetId)) throw ApiError::notFound("conversation");
    return *view;
}

ConversationPage ConversationService::list(const auth::Caller& caller, const ConversationListQuery& query) {
    store::ConversationFilter filter;
    filter.visibleWidgets = caller.visibleWidgets();
    for (const auto& name : query.statuses) {
        const auto status = ConversationStatusNames.parse(name);
        if (!status) throw ApiError::badRequest("invalid_field", "unknown status '" + name + "'", "status");
        filter.statuses.push_back(*status);
    }
    if (query.priority && !Priorities.count(*query.priority))
        throw ApiError::badRequest("invalid_field", "unknown priority '" + *query.priority + "'", "priority");
    filter.priority = query.priority;
    if (query.assigned) {
        if (*query.assigned != "me" && *query.assigned != "unassigned" && !isUuid(*query.assigned))
            throw ApiError::badRequest("invalid_field", "assigned must be me, unassigned or an agent id", "assigned");
        if (*query.assigned == "unassigned") filter.unassignedOnly = true;
        else filter.assignedAgentId = *query.assigned == "me" ? caller.agent.id : *query.assigned;
    }
    filter.tag = query.tag;
    if (query.search && !common::trim(*query.search).empty()) filter.search = common::trim(*query.search);
    filter.widgetId = query.widgetId;
    if (query.cursor) filter.after = decodeCursor(*query.cursor);
    filter.limit = std::clamp<std::size_t>(query.limit, 1, MaxPageSize) + 1; // one more tells if a page follows

    ConversationPage page;
    page.conversations = _database.read([&](store::Sql& sql) { return _conversations.list(sql, filter); });
    if (page.conversations.size() == filter.limit) {
        page.conversations.pop_back();
        page.nextCursor = encodeCursor(page.conversations.back().conversation);
    }
    return page;
}

template <class Change>
ConversationView ConversationService::modify(const auth::Caller& caller, const std::string& id, Change&& change) {
    const auto now = _clock.nowMs();
    return _database.write([&](store::Sql& sql) {
        auto conversation = _conversations.findForUpdate(sql, id);
        if (!conversation || !caller.canSee(conversation->widgetId)) throw ApiError::notFound("conversation");
        change(sql, *conversation);
        conversation->updatedAt = now;
        _conversations.save(sql, *conversation);
        return *_conversations.findView(sql, id);
    });
}

auth::Agent ConversationService::requireAssignableAgent(store::Sql& sql, const Conversation& conversation,
                                                        const std::string& agentId) {
    auto agent = _findAgent(sql, agentId);
    if (!agent || !agent->active || !agent->serves(conversation.widgetId))
        throw ApiError::invalid("invalid_agent", "that agent does not exist or does not serve this widget",
                                "agent_id");
    return *agent;
}

ConversationView ConversationService::assign(const auth::Caller& caller, const std::string& id,
                                             const std::string& agentId) {
    std::function<void()> afterCommit;
    auto view = modify(caller, id, [&](store::Sql& sql, Conversation& c) {
        requireAssignableAgent(sql, c, agentId);
        c.assignedAgentId = agentId;
        ConversationStateMachine::agentJoined(c);
        afterCommit = _taken.taken(sql, id);
    });
    _events.conversationAssigned(view);
    _events.conversationUpdated(view);
    if (afterCommit) afterCommit();
    return view;
}

ConversationView ConversationService::transfer(const auth::Caller& caller, const std::string& id,
                                               const std::string& agentId) {
    std::string from;
    auto view = modify(caller, id, [&](store::Sql& sql, Conversation& c) {
        if (!c.assignedAgentId)
            throw ApiError::conflict("conflict", "the conversation is not assigned; assign it instead");
        if (*c.assignedAgentId == agentId)
            throw ApiError::invalid("invalid_agent", "the conversation is already assigned to that agent", "agent_id");
        requireAssignableAgent(sql, c, agentId);
        from = *c.assignedAgentId;
        c.assignedAgentId = agentId;
    });
    _events.conversationTransferred(view, from);
    _events.conversationUpdated(view);
    return view;
}

ConversationView ConversationService::resolve(const auth::Caller& caller, const std::string& id) {
    bool changed = false;
    auto view = modify(caller, id, [&](store::Sql&, Conversation& c) {
        if (!c.isOpen()) return;
        changed = true;
        ConversationStateMachine::moveTo(c, ConversationStatus::Resolved);
        c.resolvedAt = _clock.nowMs();
    });
    if (changed) {
        _events.conversationResolved(view);
        _events.conversationUpdated(view);
    }
    return view;
}

ConversationView ConversationService::reopen(const auth::Caller& caller, const std::string& id) {
    bool changed = false;
    auto view = modify(caller, id, [&](store::Sql&, Conversation& c) {
        if (c.isOpen()) return;
        changed = true;
        ConversationStateMachine::reopen(c);
        c.resolvedAt.reset();
        c.activityAt = _clock.nowMs();
    });
    if (changed) _events.conversationUpdated(view);
    return view;
}

ConversationView ConversationService::update(const auth::Caller& caller, const std::string& id,
                                             const ConversationChanges& changes) {
    if (changes.priority && !Priorities.count(*changes.priority))
        throw ApiError::badRequest("invalid_field", "priority must be low, normal, high or urgent", "priority");
    std::optional<std::vector<std::string>> tags;
    if (changes.tags) {
        std::set<std::string> unique;
        for (const auto& raw : *changes.tags) {
            auto tag = common::trim(raw);
            if (tag.empty() || common::utf8Length(tag).value_or(SIZE_MAX) > MaxTagLength)
                throw ApiError::invalid("validation_failed", "each tag must be 1 to 50 characters", "tags");
            unique.insert(tag);
        }
        if (unique.size() > MaxTags)
            throw ApiError::invalid("validation_failed", "at most 20 tags per conversation", "tags");
        tags.emplace(unique.begin(), unique.end());
    }
    if (changes.subject && common::utf8Length(*changes.subject).value_or(SIZE_MAX) > 200)
        throw ApiError::invalid("validation_failed", "subject must be at most 200 characters", "subject");

    auto view = modify(caller, id, [&](store::Sql& sql, Conversation& c) {
        if (changes.priority) c.priority = *changes.priority;
        if (changes.subject) c.subject = changes.subject->empty() ? std::nullopt : changes.subject;
        if (tags) _conversations.replaceTags(sql, c.id, *tags);
        if (changes.visitorChannel) reachVisitorBy(sql, c, *changes.visitorChannel);
    });
    _events.conversationUpdated(view);
    return view;
}

void ConversationService::reachVisitorBy(store::Sql& sql, Conversation& c, const std::optional<std::string>& channel) {
    if (!channel) {
        c.visitorChannel.reset();
        c.visitorAddress.reset();
        return;
    }
    if (channel == c.visitorChannel) return;
    const auto view = _conversations.findView(sql, c.id);
    const auto reach = _channels.reach(*channel, view->visitor.email, view->visitor.phone);
    if (!reach)
        throw ApiError::invalid("visitor_unreachable",
                                "\"" + *channel +
                                    "\" is no channel that reaches visitors, or the visitor gave no address for it",
                                "visitor_channel");
    c.visitorChannel = reach->channel;
    c.visitorAddress = reach->address;
}

ReadReceipt ConversationService::markRead(const auth::Caller& caller, const std::string& id,
                                          std::optional<std::int64_t> upToSeq) {
    const auto now = _clock.nowMs();
    ReadReceipt receipt;
    modify(caller, id, [&](store::Sql& sql, Conversation& c) {
        receipt.readUpToSeq = std::clamp<std::int64_t>(upToSeq.value_or(c.lastSeq), 0, c.lastSeq);
        _messages.markRead(sql, c.id, store::MessageRepository::Reader::Agent, receipt.readUpToSeq, now);
        c.unreadByAgent =
            _messages.countUnreadAfter(sql, c.id, store::MessageRepository::Reader::Agent, receipt.readUpToSeq);
        receipt.unreadCount = c.unreadByAgent;
    });
    return receipt;
}

Conversation ConversationService::rate(const std::string& visitorId, const std::string& id, std::int64_t rating,
                                       const std::optional<std::string>& feedback) {
    if (rating < 1 || rating > 5) throw ApiError::invalid("invalid_rating", "rating must be a whole number from 1 to 5", "rating");
    if (feedback && common::utf8Length(*feedback).value_or(SIZE_MAX) > 2000)
        throw ApiError::invalid("validation_failed", "feedback must be at most 2000 characters", "feedback");
    const auto now = _clock.nowMs();
    auto view = _database.write([&](store::Sql& sql) {
        auto conversation = _conversations.findForUpdate(sql, id);
        if (!conversation || conversation->visitorId != visitorId) throw ApiError::notFound("conversation");
        conversation->rating = rating;
        conversation->feedback = feedback;
        conversation->updatedAt = now;
        _conversations.save(sql, *conversation);
        return *_conversations.findView(sql, id);
    });
    _events.conversationUpdated(view);
    return view.conversation;
}

} // namespace switchboard::core::conversation
