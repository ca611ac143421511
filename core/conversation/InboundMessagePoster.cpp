#include "core/conversation/InboundMessagePoster.h"

#include "core/common/ApiError.h"
#include "core/common/ContactIdentity.h"
#include "core/common/Digest.h"
#include "core/common/SecureRandom.h"
#include "core/common/Validation.h"

namespace switchboard::core::conversation {

using common::ApiError;
using sdk::InboundOutcome;

namespace {

std::optional<std::string> given(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

} // namespace

InboundMessagePoster::InboundMessagePoster(store::Database& database, const config::WidgetRegistry& widgets,
                                           const common::Clock& clock, ConversationEvents& events,
                                           MessageService& messages, const VisitorChannels& channels)
    : _database(database), _widgets(widgets), _clock(clock), _events(events), _messages(messages),
      _channels(channels) {}

InboundMessagePoster::ContactDetails InboundMessagePoster::contactOf(const sdk::InboundMessage& inbound) {
    ContactDetails contact{given(inbound.from.phone), given(common::normalizeEmail(inbound.from.email))};
    const auto address = common::ContactIdentity::key(inbound.address);
    if (!address.empty()) {
        auto& slot = address.find('@') == std::string::npos ? contact.phone : contact.email;
        if (!slot) slot = address;
    }
    return contact;
}

sdk::InboundOutcome InboundMessagePoster::post(const std::string& channel, const sdk::InboundMessage& inbound) {
    const auto reach = _channels.reachAt(channel, inbound.address);
    const auto widget = _widgets.find(inbound.widgetId);
    if (!widget) return InboundOutcome::refused("there is no widget '" + inbound.widgetId + "'");
    try {
        _messages.validateText(inbound.text, std::nullopt);
    } catch (const ApiError& e) {
        return InboundOutcome::refused(e.what());
    }
    if (!inbound.conversationId.empty()) {
        if (auto outcome = postInto(inbound.conversationId, inbound, reach, false)) return *outcome;
    }
    const auto contact = contactOf(inbound);
    if (!contact.phone && !contact.email && inbound.conversationId.empty())
        return InboundOutcome::refused("the message names neither a conversation nor the contact's address");

    std::unique_lock opening(_opening);
    if (const auto found = findOpen(inbound, contact)) {
        opening.unlock();
        if (auto outcome = postInto(*found, inbound, reach, false)) return *outcome;
        opening.lock();
    }
    if (widget->inbound.unmatched == config::UnmatchedInbound::Refuse)
        return InboundOutcome::refused("no open conversation of widget '" + widget->id + "' matches " +
                                       (inbound.address.empty() ? std::string("the contact") : inbound.address) +
                                       ", and the widget refuses unmatched messages (inbound.unmatched: refuse)");
    const auto conversationId = open(inbound, contact);
    if (auto outcome = postInto(conversationId, inbound, reach, true)) return *outcome;
    return InboundOutcome::refused("the conversation opened for it closed at once");
}

std::optional<sdk::InboundOutcome> InboundMessagePoster::postInto(const std::string& conversationId,
                                                                  const sdk::InboundMessage& inbound,
                                                                  const std::optional<VisitorChannels::Reach>& reach,
                                                                  bool opened) {
    try {
        const auto posted = _messages.postInboundMessage(conversationId, inbound, reach);
        if (!posted.created) return InboundOutcome::duplicate(conversationId);
        return InboundOutcome::stored(conversationId, opened);
    } catch (const ApiError& e) {
        if (e.status() == 404 || e.code() == "conversation_closed") return std::nullopt;
        return InboundOutcome::refused(e.what());
    }
}

std::optional<std::string> InboundMessagePoster::findOpen(const sdk::InboundMessage& inbound,
                                                          const ContactDetails& contact) {
    if (!contact.phone && !contact.email) return std::nullopt;
    return _database.read([&](store::Sql& sql) {
        return _conversations.findOpenIdByContact(sql, inbound.widgetId, contact.phone, contact.email);
    });
}

std::string InboundMessagePoster::open(const sdk::InboundMessage& inbound, const ContactDetails& contact) {
    const auto now = _clock.nowMs();
    Visitor visitor;
    visitor.id = common::SecureRandom::uuid4();
    visitor.widgetId = inbound.widgetId;
    visitor.name = given(inbound.from.name);
    visitor.phone = contact.phone;
    visitor.email = contact.email;
    visitor.firstSeenAt = visitor.lastSeenAt = now;
    Conversation conversation;
    conversation.id = common::SecureRandom::uuid4();
    conversation.widgetId = inbound.widgetId;
    conversation.visitorId = visitor.id;
    conversation.status = ConversationStatus::Pending;
    conversation.activityAt = conversation.createdAt = conversation.updatedAt = now;
    _database.write([&](store::Sql& sql) {
        // Nobody holds this visitor's widget token: they write through the channel.
        _visitors.insert(sql, visitor, common::Digest::sha256Hex(common::SecureRandom::token()));
        _conversations.insert(sql, conversation);
    });
    const auto view =
        _database.read([&](store::Sql& sql) { return _conversations.findView(sql, conversation.id); });
    if (view) _events.conversationNew(*view);
    return conversation.id;
}

} // namespace switchboard::core::conversation
