#include "core/handover/DeliveryLedger.h"

#include "core/common/ApiError.h"

#include <algorithm>

namespace switchboard::core::handover {

namespace {

using Outcome = sdk::DeliveryResult::Outcome;

std::string outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Delivered:
        return "delivered";
    case Outcome::Retry:
        return "retry";
    case Outcome::Failed:
        return "failed";
    }
    return "failed";
}

std::optional<std::string> orNull(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::optional<std::int64_t> orNull(const std::optional<int>& value) {
    return value ? std::optional<std::int64_t>(*value) : std::nullopt;
}

} // namespace

DeliveryLedger::DeliveryLedger(store::Database& database, const common::Clock& clock)
    : _database(database), _clock(clock) {}

std::string DeliveryLedger::excerpt(const std::string& text) {
    if (text.size() <= MaxExcerptBytes) return text;
    std::size_t end = MaxExcerptBytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the sequence that would be cut.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::optional<DeliveryLedger::Booked> DeliveryLedger::book(const Attempt& attempt) {
    const auto& result = attempt.result;
    std::optional<Booked> booked;
    _database.write([&](store::Sql& sql) {
        auto delivery = _repository.findDelivery(sql, attempt.deliveryId);
        if (!delivery || delivery->status != "pending") return;
        const auto now = _clock.nowMs();
        delivery->attempts += 1;
        const auto statusCode = orNull(result.statusCode);
        const auto responseExcerpt = orNull(excerpt(result.responseExcerpt));
        _repository.insertAttempt(sql, {delivery->id, delivery->attempts, attempt.startedAtMs, attempt.durationMs,
                                        outcomeName(result.outcome), statusCode,
                                        result.outcome == Outcome::Delivered ? std::nullopt : orNull(result.detail),
                                        responseExcerpt});

        delivery->leaseOwner.reset();
        delivery->leaseUntil.reset();
        delivery->responseCode = statusCode;
        delivery->responseExcerpt = responseExcerpt;
        delivery->updatedAt = now;
        const bool givenUp = result.outcome == Outcome::Failed ||
                             (result.outcome == Outcome::Retry && delivery->attempts >= delivery->maxAttempts);
        if (result.outcome == Outcome::Delivered) {
            delivery->status = "delivered";
            delivery->deliveredAt = now;
            delivery->providerId = orNull(result.providerId);
        } else {
            delivery->lastError = orNull(result.detail);
            if (givenUp) {
                delivery->status = "failed";
                delivery->failedAt = now;
            } else {
                delivery->dueAt = now + attempt.retryDelayMs;
            }
        }
        _repository.saveDelivery(sql, *delivery);

        auto request = _repository.findRequest(sql, delivery->requestId);
        if (!request) return;
        const auto statusBefore = request->status;
        request->attempts += 1;
        request->responseCode = statusCode;
        request->responseExcerpt = responseExcerpt;
        request->updatedAt = now;
        if (result.outcome == Outcome::Delivered) {
            if (request->status == "pending") {
                request->status = "notified";
                request->notifiedAt = now;
            }
            if (result.completed && request->isOpen()) {
                request->status = "completed";
                request->completedAt = now;
            }
        } else {
            request->lastError = delivery->lastError;
            if (givenUp && request->isOpen()) {
                const auto siblings = _repository.deliveriesOf(sql, request->id);
                const bool allFailed = std::all_of(siblings.begin(), siblings.end(),
                                                   [](const OutboxDelivery& d) { return d.status == "failed"; });
                if (allFailed) {
                    request->status = "failed";
                    request->failedAt = now;
                }
            }
        }
        _repository.saveRequest(sql, *request);
        booked = Booked{*delivery, *request, request->status != statusBefore};
    });
    return booked;
}

HandoverRequest DeliveryLedger::retry(const std::string& requestId, std::int64_t extraAttempts) {
    HandoverRequest request;
    _database.write([&](store::Sql& sql) {
        auto found = _repository.findRequest(sql, requestId);
        if (!found) throw common::ApiError::notFound("handover request");
        if (found->status != "failed")
            throw common::ApiError::conflict("not_failed", "only a failed request can be retried; this one is " +
                                                               found->status);
        if (_repository.findOpenRequest(sql, found->conversationId))
            throw common::ApiError::conflict("request_open", "the conversation has another open handover request");
        const auto now = _clock.nowMs();
        for (auto& delivery : _repository.deliveriesOf(sql, requestId)) {
            if (delivery.status != "failed") continue;
            delivery.status = "pending";
            delivery.maxAttempts = delivery.attempts + extraAttempts;
            delivery.dueAt = delivery.updatedAt = now;
            delivery.failedAt.reset();
            _repository.saveDelivery(sql, delivery);
        }
        found->status = "pending";
        found->failedAt.reset();
        found->updatedAt = now;
        _repository.saveRequest(sql, *found);
        request = *found;
    });
    return request;
}

} // namespace switchboard::core::handover
