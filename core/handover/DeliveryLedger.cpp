#include "core/handover/DeliveryLedger.h"

#include "core/common/ApiError.h"
#include "core/handover/AttemptOutcome.h"
#include "core/handover/HandoverStateMachine.h"

#include <algorithm>

namespace switchboard::core::handover {

namespace {

using Outcome = sdk::DeliveryResult::Outcome;

std::optional<std::string> orNull(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::optional<std::int64_t> orNull(const std::optional<int>& value) {
    return value ? std::optional<std::int64_t>(*value) : std::nullopt;
}

} // namespace

DeliveryLedger::DeliveryLedger(store::Database& database, const common::Clock& clock)
    : _database(database), _clock(clock),
      _bookings(MaxBookingBatch, [this](const auto& batch) { bookTogether(batch); }) {}

std::string DeliveryLedger::excerpt(const std::string& text) {
    if (text.size() <= MaxExcerptBytes) return text;
    std::size_t end = MaxExcerptBytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the sequence that would be cut.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::optional<DeliveryLedger::Booked> DeliveryLedger::book(const Attempt& attempt) {
    std::optional<Booked> booked;
    store::GroupCommitQueue::Job job{[&](store::Sql& sql) {
                                         // Reset first: a batch that failed may have booked it before.
                                         booked.reset();
                                         booked = bookIn(sql, attempt);
                                     },
                                     nullptr, false};
    _bookings.submit(job);
    if (job.error) std::rethrow_exception(job.error);
    return booked;
}

void DeliveryLedger::bookTogether(const std::vector<store::GroupCommitQueue::Job*>& batch) {
    try {
        _database.write([&](store::Sql& sql) {
            for (auto* job : batch) job->body(sql);
        });
        return;
    } catch (...) {
        if (batch.size() == 1) {
            batch.front()->error = std::current_exception();
            return;
        }
    }
    // One attempt that cannot be booked must not keep the others from it.
    for (auto* job : batch) {
        try {
            _database.write(job->body);
        } catch (...) {
            job->error = std::current_exception();
        }
    }
}

std::optional<DeliveryLedger::Booked> DeliveryLedger::bookIn(store::Sql& sql, const Attempt& attempt) {
    const auto& result = attempt.result;
    const auto statusCode = orNull(result.statusCode);
    const auto responseExcerpt = orNull(excerpt(result.responseExcerpt));

    // The delivery after this attempt; true when it has given up for good.
    const auto applyToDelivery = [&](OutboxDelivery& delivery, std::int64_t now) {
        delivery.attempts += 1;
        delivery.leaseOwner.reset();
        delivery.leaseUntil.reset();
        delivery.responseCode = statusCode;
        delivery.responseExcerpt = responseExcerpt;
        delivery.updatedAt = now;
        const bool givenUp = result.outcome == Outcome::Failed ||
                             (result.outcome == Outcome::Retry && delivery.attempts >= delivery.maxAttempts);
        if (result.outcome == Outcome::Delivered) {
            HandoverStateMachine::moveTo(delivery, DeliveryStatus::Delivered, now);
            delivery.providerId = orNull(result.providerId);
        } else {
            delivery.lastError = orNull(result.detail);
            if (givenUp) {
                HandoverStateMachine::moveTo(delivery, DeliveryStatus::Failed, now);
            } else {
                delivery.dueAt = now + attempt.retryDelayMs;
            }
        }
        return givenUp;
    };
    // The request after one of its deliveries had this attempt; `allFailed`: every one of them has given up.
    const auto applyToRequest = [&](HandoverRequest& request, const OutboxDelivery& delivery, bool givenUp,
                                    bool allFailed, std::int64_t now) {
        request.attempts += 1;
        request.responseCode = statusCode;
        request.responseExcerpt = responseExcerpt;
        request.updatedAt = now;
        if (result.outcome == Outcome::Delivered) {
            if (request.status == HandoverStatus::Pending) {
                HandoverStateMachine::moveTo(request, HandoverStatus::Notified, now);
            }
            if (result.completed && request.isOpen()) {
                HandoverStateMachine::moveTo(request, HandoverStatus::Completed, now);
            }
        } else {
            request.lastError = delivery.lastError;
            if (givenUp && request.isOpen() && allFailed) {
                HandoverStateMachine::moveTo(request, HandoverStatus::Failed, now);
            }
        }
    };

    // The attempt after which the delivery gave up is `failed`, whatever the channel asked for.
    const auto record = [&](const OutboxDelivery& delivery) {
        const auto outcome = delivery.status == DeliveryStatus::Failed ? Outcome::Failed : result.outcome;
        return DeliveryAttempt{delivery.id, delivery.attempts, attempt.startedAtMs, attempt.durationMs,
                               std::string(AttemptOutcomeNames.name(outcome)), statusCode,
                               result.outcome == Outcome::Delivered ? std::nullopt : orNull(result.detail),
                               responseExcerpt};
    };

    const auto now = _clock.nowMs();
    std::optional<OutboxDelivery> delivery;
    std::optional<HandoverRequest> request;
    HandoverStatus statusBefore = HandoverStatus::Pending;
    bool givenUp = false;
    bool recorded = false;
    const auto& claimed = attempt.claimed;
    const auto& claimedRequest = attempt.claimedRequest;
    if (claimed && claimed->id == attempt.deliveryId && claimed->status == DeliveryStatus::Pending) {
        auto next = *claimed;
        givenUp = applyToDelivery(next, now);
        // Giving up needs the request's other deliveries, read below.
        if (claimedRequest && !givenUp) {
            auto nextRequest = *claimedRequest;
            applyToRequest(nextRequest, next, false, false, now);
            auto written = _repository.saveBooking(sql, next, claimed->attempts, record(next), nextRequest,
                                                   claimedRequest->status);
            if (written.deliverySaved) {
                delivery = std::move(next);
                recorded = true;
                request = std::move(written.request);
                statusBefore = claimedRequest->status;
            }
        } else if (_repository.saveDeliveryIfAttempts(sql, next, claimed->attempts)) {
            delivery = std::move(next);
        }
    }
    if (!delivery) {
        // Not claimed by the caller, or booked since (another worker's, after this one's lease ran out).
        delivery = _repository.findDelivery(sql, attempt.deliveryId);
        if (!delivery || delivery->status != DeliveryStatus::Pending) return std::nullopt;
        givenUp = applyToDelivery(*delivery, now);
        _repository.saveDelivery(sql, *delivery);
    }
    if (!recorded) _repository.insertAttempt(sql, record(*delivery));
    if (!request && delivery->requestId) {
        request = _repository.findRequest(sql, *delivery->requestId);
        if (!request) return std::nullopt;
        statusBefore = request->status;
        bool allFailed = false;
        if (givenUp && request->isOpen()) {
            const auto siblings = _repository.deliveriesOf(sql, request->id);
            allFailed = std::all_of(siblings.begin(), siblings.end(),
                                    [](const OutboxDelivery& d) { return d.status == DeliveryStatus::Failed; });
        }
        applyToRequest(*request, *delivery, givenUp, allFailed, now);
        _repository.saveRequest(sql, *request);
    }
    if (!result.threadReference.empty()) {
        _threads.save(sql, delivery->conversationId, delivery->channel, result.threadReference, now);
    }
    return Booked{*delivery, request, request && request->status != statusBefore};
}

HandoverRequest DeliveryLedger::retry(const std::string& requestId, std::int64_t extraAttempts) {
    HandoverRequest request;
    _database.write([&](store::Sql& sql) {
        auto found = _repository.findRequest(sql, requestId);
        if (!found) throw common::ApiError::notFound("handover request");
        if (found->status != HandoverStatus::Failed)
            throw common::ApiError::conflict("not_failed", "only a failed request can be retried; this one is " +
                                                               toString(found->status));
        if (_repository.findOpenRequest(sql, found->conversationId))
            throw common::ApiError::conflict("request_open", "the conversation has another open handover request");
        const auto now = _clock.nowMs();
        for (auto& delivery : _repository.deliveriesOf(sql, requestId)) {
            if (delivery.status != DeliveryStatus::Failed) continue;
            HandoverStateMachine::moveTo(delivery, DeliveryStatus::Pending, now);
            delivery.maxAttempts = delivery.attempts + extraAttempts;
            delivery.dueAt = delivery.updatedAt = now;
            _repository.saveDelivery(sql, delivery);
        }
        HandoverStateMachine::moveTo(*found, HandoverStatus::Pending, now);
        found->updatedAt = now;
        _repository.saveRequest(sql, *found);
        request = *found;
    });
    return request;
}

} // namespace switchboard::core::handover
