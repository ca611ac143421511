#include "core/handover/OutboxWorker.h"
#include "core/handover/ContactOptOuts.h"
#include "core/store/ChannelThreadRepository.h"
#include "core/store/MessageRepository.h"
#include "tests/core/handover/HandoverFixture.h"
#include "tests/support/LogCapture.h"

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace switchboard::core;
using switchboard::tests::HandoverFixture;
using switchboard::tests::LogCapture;
namespace sdk = switchboard::sdk;
using Result = sdk::DeliveryResult;

namespace {

/// Holds channel calls until opened.
class Gate {
public:
    void wait() {
        std::unique_lock lock(_mutex);
        _changed.wait(lock, [this] { return _open; });
    }
    void open() {
        std::lock_guard lock(_mutex);
        _open = true;
        _changed.notify_all();
    }

private:
    std::mutex _mutex;
    std::condition_variable _changed;
    bool _open = false;
};

class OutboxWorkerTest : public HandoverFixture {
protected:
    OutboxWorkerTest() : schedule({10, 60}, [] { return 0.5; }) {}

    handover::OutboxWorker::Settings settings(const std::string& owner = "node-a") {
        handover::OutboxWorker::Settings s;
        s.owner = owner;
        s.concurrency = 4;
        s.perDestination = 2;
        s.leaseMs = 30'000;
        return s;
    }

    std::unique_ptr<handover::OutboxWorker> worker(handover::OutboxWorker::Deliver deliver,
                                                   handover::OutboxWorker::Settings s) {
        return std::make_unique<handover::OutboxWorker>(*database, widgets, clock, schedule, std::move(deliver),
                                                        [this](const handover::DeliveryLedger::Booked& booked) {
                                                            std::lock_guard lock(_bookedMutex);
                                                            booked_.push_back(booked);
                                                            _bookedChanged.notify_all();
                                                        },
                                                        std::move(s));
    }

    std::string requestFor(const std::string& suffix, const std::string& method) {
        auto seeded = seed(conversation::ConversationStatus::Bot, suffix);
        seeded.visitor.phone = "+447700900123";
        return service.request(seeded.visitor, ask(seeded, method)).request.id;
    }

    /// Grace's message "Your order ships today" in the conversation, queued for the sms instance to `address` as
    /// MessageService queues an agent's reply to a visitor reached there.
    conversation::Message queueAgentMessage(const std::string& conversationId, const std::string& suffix,
                                            const std::string& address) {
        conversation::Message message;
        message.id = "message-" + suffix;
        message.conversationId = conversationId;
        message.seq = 1;
        message.senderType = "agent";
        message.senderName = "Grace";
        message.text = "Your order ships today";
        message.createdAt = clock.nowMs();
        handover::OutboxDelivery queued;
        queued.id = "delivery-" + suffix;
        queued.kind = sdk::DeliveryKind::AgentMessage;
        queued.conversationId = conversationId;
        queued.messageId = message.id;
        queued.address = address;
        queued.channel = queued.destination = "sms";
        queued.dueAt = queued.createdAt = queued.updatedAt = clock.nowMs();
        database->write([&](store::Sql& sql) {
            store::MessageRepository().insert(sql, message);
            repository.insertDelivery(sql, queued);
        });
        return message;
    }

    bool awaitBooked(std::size_t count) {
        std::unique_lock lock(_bookedMutex);
        return _bookedChanged.wait_for(lock, std::chrono::seconds(10), [&] { return booked_.size() >= count; });
    }

    handover::RetrySchedule schedule;
    std::mutex _bookedMutex;
    std::condition_variable _bookedChanged;
    std::vector<handover::DeliveryLedger::Booked> booked_;
};

TEST_F(OutboxWorkerTest, DeliversADueDeliveryWithEverythingTheChannelNeedsAndBooksIt) {
    const auto requestId = requestFor("1", "webhook");
    std::vector<std::pair<std::string, sdk::Delivery>> calls;
    auto outbox = worker(
        [&](const std::string& channel, const sdk::Delivery& delivery) {
            calls.emplace_back(channel, delivery);
            return Result::delivered();
        },
        settings());
    EXPECT_EQ(outbox->dispatchDue(), 1u);
    outbox->waitIdle();

    ASSERT_EQ(calls.size(), 1u);
    const auto& [channel, delivery] = calls[0];
    EXPECT_EQ(channel, "webhook");
    EXPECT_EQ(delivery.id, deliveriesOf(requestId).at(0).id);
    EXPECT_EQ(delivery.attempt, 1);
    EXPECT_EQ(delivery.kind, sdk::DeliveryKind::HandoverRequested);
    EXPECT_EQ(delivery.requestId, requestId);
    EXPECT_EQ(delivery.method, "webhook");
    EXPECT_EQ(delivery.widgetId, "demo");
    EXPECT_EQ(delivery.conversationId, "conversation-1");
    EXPECT_EQ(delivery.recipient.visitor.name, "Ada Lovelace");
    EXPECT_EQ(delivery.recipient.visitor.email, "ada@example.com");
    EXPECT_TRUE(delivery.recipient.agentAddresses.empty());
    EXPECT_TRUE(delivery.messages.empty()); // the visitor wrote nothing when asking
    ASSERT_EQ(delivery.history.size(), 1u); // what the visitor was told on asking
    EXPECT_EQ(delivery.history[0].senderType, sdk::SenderType::System);
    EXPECT_EQ(delivery.history[0].text, "Our team will email you.");
    EXPECT_EQ(delivery.threadReference, "");
    EXPECT_EQ(delivery.methodSettings.at("url"), "https://crm.example.com/hooks/chat");
    EXPECT_EQ(delivery.occurredAtMs, clock.nowMs());

    ASSERT_EQ(booked_.size(), 1u);
    EXPECT_EQ(booked_[0].request->status, handover::HandoverStatus::Notified);
    EXPECT_EQ(requestById(requestId).status, handover::HandoverStatus::Notified);
    EXPECT_EQ(outbox->dispatchDue(), 0u); // nothing left
}

TEST_F(OutboxWorkerTest, AHandoverCarriesTheConversationSoFarAndWhatTheVisitorWroteWhenAsking) {
    auto seeded = seed(conversation::ConversationStatus::Bot, "1");
    database->write([&](store::Sql& sql) {
        for (int i = 1; i <= 25; ++i) {
            conversation::Message message;
            message.id = "message-" + std::to_string(i);
            message.conversationId = seeded.conversationId;
            message.seq = i;
            message.senderType = i % 2 ? "visitor" : "bot";
            if (i % 2 == 0) message.senderName = "Helper";
            message.text = "text " + std::to_string(i);
            message.createdAt = clock.nowMs() + i;
            store::MessageRepository().insert(sql, message);
        }
        store::ConversationRepository conversations;
        auto conversation = conversations.findForUpdate(sql, seeded.conversationId);
        conversation->lastSeq = 25;
        conversations.saveMessageTotals(sql, *conversation);
    });
    auto asked = ask(seeded, "webhook");
    asked.visitorMessage = "Where is my order?";
    const auto requestId = service.request(seeded.visitor, asked).request.id;
    std::vector<sdk::Delivery> calls;
    auto outbox = worker(
        [&](const std::string&, const sdk::Delivery& delivery) {
            calls.push_back(delivery);
            return Result::delivered();
        },
        settings());
    outbox->dispatchDue();
    outbox->waitIdle();

    ASSERT_EQ(calls.size(), 1u);
    const auto& delivery = calls[0];
    ASSERT_EQ(delivery.messages.size(), 1u);
    EXPECT_EQ(delivery.messages[0].id, requestId);
    EXPECT_EQ(delivery.messages[0].senderType, sdk::SenderType::Visitor);
    EXPECT_EQ(delivery.messages[0].senderName, "Ada Lovelace");
    EXPECT_EQ(delivery.messages[0].text, "Where is my order?");
    // The last 20 of 26, oldest first: the 25 written, then the confirmation the visitor was told on asking.
    const auto& history = delivery.history;
    ASSERT_EQ(history.size(), sdk::historyLength(sdk::DeliveryKind::HandoverRequested));
    EXPECT_EQ(history.front().id, "message-7");
    const auto& lastWritten = history[history.size() - 2];
    EXPECT_EQ(lastWritten.id, "message-25");
    EXPECT_EQ(lastWritten.senderType, sdk::SenderType::Visitor);
    EXPECT_EQ(lastWritten.text, "text 25");
    EXPECT_EQ(lastWritten.sentAtMs, clock.nowMs() + 25);
    EXPECT_EQ(history.back().senderType, sdk::SenderType::System);
    EXPECT_EQ(history.back().text, "Our team will email you.");
    EXPECT_EQ(history[1].id, "message-8");
    EXPECT_EQ(history[1].senderType, sdk::SenderType::Bot);
    EXPECT_EQ(history[1].senderName, "Helper");
    EXPECT_TRUE(history[1].attachments.empty());
}

TEST_F(OutboxWorkerTest, TheChannelsThreadReferenceIsHandedBackAndTheNewOneKept) {
    const auto requestId = requestFor("1", "webhook");
    const auto conversationId = requestById(requestId).conversationId;
    database->write([&](store::Sql& sql) {
        store::ChannelThreadRepository().save(sql, conversationId, "webhook", "thread-0", clock.nowMs());
        store::ChannelThreadRepository().save(sql, conversationId, "portal", "elsewhere", clock.nowMs());
    });
    std::string handedBack;
    auto outbox = worker(
        [&](const std::string&, const sdk::Delivery& delivery) {
            handedBack = delivery.threadReference;
            auto result = Result::delivered();
            result.threadReference = "thread-1";
            return result;
        },
        settings());
    outbox->dispatchDue();
    outbox->waitIdle();

    EXPECT_EQ(handedBack, "thread-0");
    const auto kept = database->read(
        [&](store::Sql& sql) { return store::ChannelThreadRepository().find(sql, conversationId, "webhook"); });
    EXPECT_EQ(kept, "thread-1");
}

TEST_F(OutboxWorkerTest, ARetryWaitsForItsScheduleAndComesBackAsTheNextAttempt) {
    const auto requestId = requestFor("1", "webhook");
    std::vector<int> attempts;
    auto outbox = worker(
        [&](const std::string&, const sdk::Delivery& delivery) {
            attempts.push_back(delivery.attempt);
            return attempts.size() == 1 ? Result::retry("HTTP 500 from crm.example.com") : Result::delivered();
        },
        settings());
    outbox->dispatchDue();
    outbox->waitIdle();
    EXPECT_EQ(deliveriesOf(requestId).at(0).dueAt, clock.nowMs() + 10'000);

    clock.advanceMs(9'999);
    EXPECT_EQ(outbox->dispatchDue(), 0u);
    clock.advanceMs(1);
    EXPECT_EQ(outbox->dispatchDue(), 1u);
    outbox->waitIdle();
    EXPECT_EQ(attempts, (std::vector<int>{1, 2}));
    EXPECT_EQ(requestById(requestId).status, handover::HandoverStatus::Notified);
}

TEST_F(OutboxWorkerTest, ASlowDestinationGetsNoMoreThanItsShareAndOthersStillGo) {
    for (const auto* suffix : {"1", "2", "3"}) requestFor(suffix, "webhook");
    const auto smsRequest = requestFor("4", "sms");
    Gate slowReceiver;
    std::atomic<int> webhookCalls = 0;
    auto outbox = worker(
        [&](const std::string& channel, const sdk::Delivery&) {
            if (channel == "webhook") {
                ++webhookCalls;
                slowReceiver.wait();
            }
            return Result::delivered();
        },
        settings());
    EXPECT_EQ(outbox->dispatchDue(), 3u); // two to the slow receiver (its share), one sms
    ASSERT_TRUE(awaitBooked(1));
    EXPECT_EQ(booked_[0].request->id, smsRequest);
    EXPECT_EQ(outbox->dispatchDue(), 0u); // the third webhook waits for the receiver, not for capacity
    // Both webhook calls are held at the receiver; the sms attempt may still be on its thread, past its booking.
    EXPECT_GE(outbox->inFlight(), 2u);
    EXPECT_LE(outbox->inFlight(), 3u);

    slowReceiver.open();
    outbox->waitIdle();
    EXPECT_EQ(outbox->dispatchDue(), 1u);
    outbox->waitIdle();
    EXPECT_EQ(webhookCalls.load(), 3);
}

TEST_F(OutboxWorkerTest, ADestinationThatAnswersQuicklyGetsItsNextDeliveriesClaimedAhead) {
    for (const auto* suffix : {"1", "2", "3", "4"}) requestFor(suffix, "webhook");
    std::atomic<int> calls = 0;
    auto s = settings();
    s.perDestination = 1;
    auto outbox = worker(
        [&](const std::string&, const sdk::Delivery&) {
            ++calls;
            return Result::delivered();
        },
        s);
    EXPECT_EQ(outbox->dispatchDue(), 1u); // not heard from yet: no more than its free slot
    outbox->waitIdle();
    EXPECT_EQ(calls.load(), 1);

    EXPECT_EQ(outbox->dispatchDue(), 1u); // its one slot, and the rest claimed ahead...
    outbox->waitIdle();
    EXPECT_EQ(calls.load(), 4); // ...started one after the other as the slot came free, with no look in between
    EXPECT_EQ(outbox->claimedAhead(), 0u);
    EXPECT_EQ(outbox->dispatchDue(), 0u);
}

TEST_F(OutboxWorkerTest, ADeliveryClaimedAheadThatWaitedTooLongIsHandedBackUnattempted) {
    for (const auto* suffix : {"1", "2", "3"}) requestFor(suffix, "webhook");
    Gate slowAnswer;
    std::atomic<int> calls = 0;
    auto s = settings();
    s.perDestination = 1;
    auto outbox = worker(
        [&](const std::string&, const sdk::Delivery&) {
            if (++calls == 2) slowAnswer.wait();
            return Result::delivered();
        },
        s);
    outbox->dispatchDue();
    outbox->waitIdle(); // the destination answered quickly once
    EXPECT_EQ(outbox->dispatchDue(), 1u);
    EXPECT_EQ(outbox->claimedAhead(), 1u);

    clock.advanceMs(s.readyWaitMs + 1);
    slowAnswer.open();
    outbox->waitIdle();
    EXPECT_EQ(calls.load(), 2); // the third was not started on a claim that old
    EXPECT_EQ(outbox->claimedAhead(), 0u);
    // Handed back rather than left to its lease (30 s): the next look claims it again.
    EXPECT_EQ(outbox->dispatchDue(), 1u);
    outbox->waitIdle();
    EXPECT_EQ(calls.load(), 3);
}

TEST_F(OutboxWorkerTest, ALeasedDeliveryIsLeftAloneUntilTheLeaseRunsOutAndIsBookedOnce) {
    const auto requestId = requestFor("1", "webhook");
    Gate stuck;
    auto first = worker(
        [&](const std::string&, const sdk::Delivery&) {
            stuck.wait();
            return Result::delivered();
        },
        settings("node-a"));
    auto second = worker([](const std::string&, const sdk::Delivery&) { return Result::delivered(); }, settings("node-b"));
    EXPECT_EQ(first->dispatchDue(), 1u);
    EXPECT_EQ(second->dispatchDue(), 0u);

    clock.advanceMs(30'000); // node-a's lease has run out: as if it had died
    EXPECT_EQ(second->dispatchDue(), 1u);
    second->waitIdle();
    stuck.open();
    first->waitIdle();
    EXPECT_EQ(booked_.size(), 1u); // node-a's late answer finds the delivery already booked
    const auto attempts =
        database->read([&](store::Sql& sql) { return repository.attemptsOf(sql, deliveriesOf(requestId).at(0).id); });
    EXPECT_EQ(attempts.size(), 1u);
}

TEST_F(OutboxWorkerTest, StartingTakesBackTheLeasesThisNodeHeldAndDeliversThem) {
    const auto requestId = requestFor("1", "webhook");
    const auto deliveryId = deliveriesOf(requestId).at(0).id;
    database->write([&](store::Sql& sql) {
        ASSERT_TRUE(repository.claim(sql, deliveryId, "node-a", clock.nowMs() + 3'600'000, clock.nowMs()));
    });
    auto outbox = worker([](const std::string&, const sdk::Delivery&) { return Result::delivered(); }, settings("node-a"));
    outbox->start();
    ASSERT_TRUE(awaitBooked(1));
    outbox->stop();
    EXPECT_EQ(requestById(requestId).status, handover::HandoverStatus::Notified);
}

TEST_F(OutboxWorkerTest, AMethodRemovedFromTheWidgetFailsItsDeliveryWithoutCallingTheChannel) {
    const auto requestId = requestFor("1", "sms");
    auto widget = demoWidget();
    widget.handover.methods.pop_back(); // sms
    widgets.replace(widget);
    bool called = false;
    auto outbox = worker(
        [&](const std::string&, const sdk::Delivery&) {
            called = true;
            return Result::delivered();
        },
        settings());
    outbox->dispatchDue();
    outbox->waitIdle();
    EXPECT_FALSE(called);
    const auto delivery = deliveriesOf(requestId).at(0);
    EXPECT_EQ(delivery.status, handover::DeliveryStatus::Failed);
    EXPECT_EQ(delivery.lastError, "the widget no longer has the handover method \"sms\"");
    EXPECT_EQ(requestById(requestId).status, handover::HandoverStatus::Failed);
}

TEST_F(OutboxWorkerTest, ADeliveryToAContactWhoOptedOutOfTheChannelFailsWithoutCallingIt) {
    const auto requestId = requestFor("1", "sms");
    const auto channel = deliveriesOf(requestId).at(0).channel;
    handover::ContactOptOuts(*database, clock).record(channel, "sms:+447700900123", true);
    const auto other = requestFor("2", "webhook"); // another instance: still called
    std::vector<std::string> called;
    auto outbox = worker(
        [&](const std::string& instance, const sdk::Delivery&) {
            called.push_back(instance);
            return Result::delivered();
        },
        settings());
    outbox->dispatchDue();
    outbox->waitIdle();
    EXPECT_EQ(called, std::vector<std::string>{deliveriesOf(other).at(0).channel});
    const auto delivery = deliveriesOf(requestId).at(0);
    EXPECT_EQ(delivery.status, handover::DeliveryStatus::Failed);
    EXPECT_EQ(delivery.lastError, "the contact opted out of " + channel);
}

TEST_F(OutboxWorkerTest, EveryAttemptThatFailsIsLoggedWithItsRequestAndErrorAndTheLastOneAsFailed) {
    const auto requestId = requestFor("1", "webhook");
    const LogCapture log("outbox");
    auto outbox = worker(
        [](const std::string&, const sdk::Delivery&) { return Result::retry("the channel threw: boom"); }, settings());
    for (int attempt = 1; attempt <= 3; ++attempt) { // max_attempts 3
        EXPECT_EQ(outbox->dispatchDue(), 1u);
        outbox->waitIdle();
        clock.advanceMs(3'600'000);
    }

    const auto lines = log.lines();
    ASSERT_EQ(lines.size(), 3u);
    for (const auto& line : lines) {
        EXPECT_EQ(line.priority, Poco::Message::PRIO_WARNING);
        EXPECT_NE(line.text.find("request " + requestId), std::string::npos) << line.text;
        EXPECT_NE(line.text.find("the channel threw: boom"), std::string::npos) << line.text;
    }
    EXPECT_NE(lines[0].text.find("attempt 1 of 3: retry"), std::string::npos) << lines[0].text;
    EXPECT_NE(lines[2].text.find("attempt 3 of 3: failed"), std::string::npos) << lines[2].text;
    EXPECT_EQ(deliveriesOf(requestId).at(0).status, handover::DeliveryStatus::Failed);
}

TEST_F(OutboxWorkerTest, ADeliveredAttemptIsNotLoggedAsAProblem) {
    requestFor("1", "webhook");
    const LogCapture log("outbox");
    auto outbox = worker([](const std::string&, const sdk::Delivery&) { return Result::delivered(); }, settings());
    outbox->dispatchDue();
    outbox->waitIdle();
    for (const auto& line : log.lines()) EXPECT_GT(line.priority, Poco::Message::PRIO_WARNING) << line.text;
}

} // namespace

TEST_F(OutboxWorkerTest, AnAgentsMessageGoesToTheVisitorsAddressWithTheMessageAndNoRequest) {
    const auto seeded = seed(conversation::ConversationStatus::Active, "m");
    const auto message = queueAgentMessage(seeded.conversationId, "1", "whatsapp:+447700900123");

    std::vector<sdk::Delivery> calls;
    auto outbox = worker(
        [&](const std::string&, const sdk::Delivery& delivery) {
            calls.push_back(delivery);
            auto result = Result::delivered();
            result.providerId = "SM1";
            return result;
        },
        settings());
    EXPECT_EQ(outbox->dispatchDue(), 1u);
    ASSERT_TRUE(awaitBooked(1));
    outbox->waitIdle();

    ASSERT_EQ(calls.size(), 1u);
    const auto& delivery = calls[0];
    EXPECT_EQ(delivery.kind, sdk::DeliveryKind::AgentMessage);
    EXPECT_EQ(delivery.requestId, "");
    EXPECT_EQ(delivery.conversationId, seeded.conversationId);
    EXPECT_EQ(delivery.widgetId, "demo");
    EXPECT_EQ(delivery.recipient.address, "whatsapp:+447700900123");
    EXPECT_EQ(delivery.recipient.visitor.name, "Ada Lovelace");
    ASSERT_EQ(delivery.messages.size(), 1u);
    EXPECT_EQ(delivery.messages[0].id, message.id);
    EXPECT_EQ(delivery.messages[0].text, "Your order ships today");
    EXPECT_EQ(delivery.messages[0].senderType, sdk::SenderType::Agent);
    EXPECT_EQ(delivery.messages[0].senderName, "Grace");
    EXPECT_TRUE(delivery.history.empty());
    // The settings of the widget's method backed by the same channel instance.
    EXPECT_EQ(delivery.method, "sms");
    EXPECT_EQ(delivery.occurredAtMs, message.createdAt);

    ASSERT_EQ(booked_.size(), 1u);
    EXPECT_FALSE(booked_[0].request);
    EXPECT_FALSE(booked_[0].requestChanged);
    EXPECT_EQ(booked_[0].delivery.status, handover::DeliveryStatus::Delivered);
    EXPECT_EQ(booked_[0].delivery.providerId, "SM1");
    EXPECT_EQ(booked_[0].delivery.messageId, "message-1");
}

TEST_F(OutboxWorkerTest, AnAgentsMessageToAnAddressThatOptedOutFailsWithoutCallingTheChannel) {
    const auto seeded = seed(conversation::ConversationStatus::Active, "o");
    queueAgentMessage(seeded.conversationId, "2", "whatsapp:+447700900555");
    // The address it goes to opted out, not the visitor's other contact details.
    handover::ContactOptOuts(*database, clock).record("sms", "+447700900555", true);

    std::atomic<int> calls{0};
    auto outbox = worker(
        [&](const std::string&, const sdk::Delivery&) {
            ++calls;
            return Result::delivered();
        },
        settings());
    LogCapture logs("outbox");
    outbox->dispatchDue();
    ASSERT_TRUE(awaitBooked(1));
    outbox->waitIdle();
    EXPECT_EQ(calls.load(), 0);
    EXPECT_EQ(booked_[0].delivery.status, handover::DeliveryStatus::Failed);
    EXPECT_EQ(booked_[0].delivery.lastError, "the contact opted out of sms");
    const auto lines = logs.lines();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].text.find("agent_message of conversation " + seeded.conversationId), std::string::npos)
        << lines[0].text;
}
