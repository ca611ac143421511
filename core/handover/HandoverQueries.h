#pragma once

#include "core/auth/Caller.h"
#include "core/common/Clock.h"
#include "core/handover/HandoverAnalytics.h"
#include "core/handover/HandoverRequest.h"
#include "core/handover/OutboxDelivery.h"
#include "core/store/Database.h"
#include "core/store/HandoverRepository.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace switchboard::core::handover {

struct HandoverListQuery {
    std::optional<std::string> widgetId;
    std::optional<std::string> status;
    std::optional<std::string> conversationId;
    std::optional<std::string> cursor;
    std::size_t limit = 50;
};

struct HandoverPage {
    std::vector<HandoverRequest> requests;
    std::optional<std::string> nextCursor;
};

struct HandoverDetail {
    HandoverRequest request;
    std::vector<std::pair<OutboxDelivery, std::vector<DeliveryAttempt>>> deliveries;
};

/// What agents may read of handover requests: only those of the widgets they serve (admins: all).
class HandoverQueries {
public:
    static constexpr std::size_t MaxPageSize = 100;
    static constexpr int MaxAnalyticsDays = 366;

    HandoverQueries(store::Database& database, const common::Clock& clock);

    HandoverPage list(const auth::Caller& caller, const HandoverListQuery& query);
    /// 404 for a request of a widget the caller does not serve.
    HandoverDetail detail(const auth::Caller& caller, const std::string& id);
    /// Requests created in the last `days` days, of one widget or of all the caller serves.
    HandoverReport analytics(const auth::Caller& caller, const std::optional<std::string>& widgetId, int days);

private:
    /// The widgets a query covers: the one asked for (404 unless served), else all the caller serves.
    static std::vector<std::string> widgetsFor(const auth::Caller& caller, const std::optional<std::string>& widgetId);

    store::Database& _database;
    const common::Clock& _clock;
    store::HandoverRepository _repository;
};

} // namespace switchboard::core::handover
