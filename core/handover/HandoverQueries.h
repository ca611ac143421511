#pragma once

#include "core/auth/Caller.h"
#include "core/common/Clock.h"
#include "core/handover/HandoverAnalytics.h"
#include "core/handover/HandoverRequest.h"
#include "core/handover/OutboxDelivery.h"
#include "core/store/Database.h"
#include "core/store/HandoverRepository.h"

#include <functional>
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
    using WidgetExists = std::function<bool(const std::string& widgetId)>;

    HandoverQueries(store::Database& database, const common::Clock& clock, WidgetExists widgetExists);

    HandoverPage list(const auth::Caller& caller, const HandoverListQuery& query);
    /// 404 for a request of a widget the caller does not serve.
    HandoverDetail detail(const auth::Caller& caller, const std::string& id);
    /// Requests created in the last `days` days, of one widget or of all the caller serves.
    HandoverReport analytics(const auth::Caller& caller, const std::optional<std::string>& widgetId, int days);

private:
    /// The widgets a query covers: the one asked for (404 unless it exists and is served), else all the caller
    /// serves.
    std::vector<std::string> widgetsFor(const auth::Caller& caller, const std::optional<std::string>& widgetId) const;

    store::Database& _database;
    const common::Clock& _clock;
    WidgetExists _widgetExists;
    store::HandoverRepository _repository;
};

} // namespace switchboard::core::handover
