#include "core/handover/ProviderStatusUpdater.h"

#include "core/handover/DeliveryLedger.h"

#include <optional>

namespace switchboard::core::handover {

namespace {

std::optional<std::string> orNull(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

} // namespace

ProviderStatusUpdater::ProviderStatusUpdater(store::Database& database, const common::Clock& clock,
                                             HandoverEvents& events,
                                             conversation::MessageStatusAnnouncer& messageStatuses)
    : _database(database), _clock(clock), _events(events), _messageStatuses(messageStatuses) {}

sdk::StatusUpdate ProviderStatusUpdater::update(const std::string& channel, const std::string& providerId,
                                                sdk::ProviderStatus status, const std::string& errorCode,
                                                const std::string& errorText) {
    if (providerId.empty()) return sdk::StatusUpdate::Unknown;
    struct Change {
        sdk::StatusUpdate answer = sdk::StatusUpdate::Unknown;
        std::optional<OutboxDelivery> delivery;
        std::optional<HandoverRequest> request;
    };
    const auto change = _database.write([&](store::Sql& sql) -> Change {
        // Two callbacks at once: the one whose write finds the status it read wins; the other reads again.
        for (;;) {
            auto delivery = _repository.findDeliveryByProviderId(sql, channel, providerId);
            if (!delivery) return {};
            if (!sdk::movesForward(delivery->providerStatus, status))
                return {sdk::StatusUpdate::Stale, std::nullopt, std::nullopt};
            const auto before = delivery->providerStatus;
            delivery->providerStatus = status;
            delivery->providerStatusAt = _clock.nowMs();
            delivery->providerErrorCode = orNull(errorCode.substr(0, MaxErrorCodeBytes));
            delivery->providerErrorText = orNull(DeliveryLedger::excerpt(errorText));
            if (_repository.saveProviderStatus(sql, *delivery, before)) {
                auto request = delivery->requestId ? _repository.findRequest(sql, *delivery->requestId) : std::nullopt;
                return {sdk::StatusUpdate::Applied, delivery, std::move(request)};
            }
        }
    });
    if (change.delivery) {
        if (change.request) _events.deliveryStatusChanged(*change.request, *change.delivery);
        _messageStatuses.changed(*change.delivery);
    }
    return change.answer;
}

} // namespace switchboard::core::handover
