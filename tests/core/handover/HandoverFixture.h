#pragma once

#include "core/common/Clock.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationEvents.h"
#include "core/conversation/Visitor.h"
#include "core/conversation/VisitorChannels.h"
#include "core/events/LocalEventBus.h"
#include "core/handover/HandoverCompletion.h"
#include "core/handover/HandoverEvents.h"
#include "core/handover/HandoverService.h"
#include "core/limits/RateLimiter.h"
#include "core/store/ConversationRepository.h"
#include "core/store/HandoverRepository.h"
#include "core/store/VisitorRepository.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace switchboard::tests {

/// A migrated database, a widget "demo" with handover methods portal, webhook (url, requires name and email) and
/// sms (requires phone), and the services a handover needs; `published` collects event names. The sms instance
/// reaches visitors by phone (`visitorChannels`).
class HandoverFixture : public ::testing::Test {
protected:
    HandoverFixture()
        : widgets({demoWidget()}),
          limiter(clock),
          conversationEvents(bus),
          visitorChannels(smsReachesVisitors()),
          handoverEvents(bus),
          service(*database, widgets, clock, limiter, conversationEvents, handoverEvents, visitorChannels,
                  [this] { ++wakes; }),
          completion(clock, handoverEvents) {
        bus.subscribe([this](const core::events::Event& event) { published.push_back(event.name); });
    }

    static core::conversation::VisitorChannels smsReachesVisitors() {
        core::conversation::VisitorChannels channels;
        channels.add("sms", "SMS", sdk::VisitorReach::Phone);
        return channels;
    }

    static core::config::WidgetConfig demoWidget() {
        core::config::WidgetConfig widget;
        widget.id = "demo";
        widget.name = "Demo";
        widget.handover.enabled = true;
        widget.handover.defaultMethod = "portal";
        widget.handover.maxAttempts = 3;
        core::config::HandoverMethod portal;
        portal.name = "portal";
        portal.channel = "portal";
        portal.confirmation = "An agent will be with you shortly.";
        core::config::HandoverMethod webhook;
        webhook.name = "webhook";
        webhook.channel = "webhook";
        webhook.requiredFields = {"name", "email"};
        webhook.confirmation = "Our team will email you.";
        webhook.settings = {{"url", "https://crm.example.com/hooks/chat"}, {"secret", "0123456789abcdef0123"}};
        core::config::HandoverMethod sms;
        sms.name = "sms";
        sms.channel = "sms";
        sms.requiredFields = {"phone"};
        sms.confirmation = "Check your phone.";
        widget.handover.methods = {portal, webhook, sms};
        return widget;
    }

    /// A visitor of "demo" with an open conversation in `status`.
    struct Seeded {
        core::conversation::Visitor visitor;
        std::string conversationId;
    };
    Seeded seed(core::conversation::ConversationStatus status = core::conversation::ConversationStatus::Bot,
                const std::string& suffix = "1") {
        Seeded seeded;
        auto& visitor = seeded.visitor;
        visitor.id = "visitor-" + suffix;
        visitor.widgetId = "demo";
        visitor.name = "Ada Lovelace";
        visitor.email = "ada@example.com";
        visitor.firstSeenAt = visitor.lastSeenAt = clock.nowMs();
        core::conversation::Conversation conversation;
        conversation.id = "conversation-" + suffix;
        conversation.widgetId = "demo";
        conversation.visitorId = visitor.id;
        conversation.status = status;
        conversation.activityAt = conversation.createdAt = conversation.updatedAt = clock.nowMs();
        database->write([&](core::store::Sql& sql) {
            core::store::VisitorRepository().insert(sql, visitor, "token-" + suffix);
            core::store::ConversationRepository().insert(sql, conversation);
        });
        seeded.conversationId = conversation.id;
        return seeded;
    }

    core::handover::HandoverAsk ask(const Seeded& seeded, std::optional<std::string> method = std::nullopt) {
        core::handover::HandoverAsk ask;
        ask.conversationId = seeded.conversationId;
        ask.requestedMethod = std::move(method);
        return ask;
    }

    std::vector<core::handover::OutboxDelivery> deliveriesOf(const std::string& requestId) {
        return database->read([&](core::store::Sql& sql) { return repository.deliveriesOf(sql, requestId); });
    }

    /// An agent takes the conversation, as assignment does: in a transaction, then what it leaves for after it.
    void take(const std::string& conversationId) {
        const auto afterCommit =
            database->write([&](core::store::Sql& sql) { return completion.taken(sql, conversationId); });
        if (afterCommit) afterCommit();
    }

    core::handover::HandoverRequest requestById(const std::string& id) {
        return *database->read([&](core::store::Sql& sql) { return repository.findRequest(sql, id); });
    }

    TestDatabase database;
    core::common::ManualClock clock;
    core::config::WidgetRegistry widgets;
    core::limits::RateLimiter limiter;
    core::events::LocalEventBus bus;
    core::conversation::ConversationEvents conversationEvents;
    core::conversation::VisitorChannels visitorChannels;
    core::handover::HandoverEvents handoverEvents;
    int wakes = 0;
    core::handover::HandoverService service;
    core::handover::HandoverCompletion completion;
    core::store::HandoverRepository repository;
    std::vector<std::string> published;
};

} // namespace switchboard::tests
