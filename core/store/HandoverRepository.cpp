#include "core/store/HandoverRepository.h"

#include "core/store/Row.h"
#include "core/store/SqlLiterals.h"

#include <Poco/Data/RecordSet.h>

#include <stdexcept>

namespace switchboard::core::store {

using handover::DeliveryAttempt;
using handover::HandoverRequest;
using handover::OutboxDelivery;

namespace {

const std::string RequestColumns =
    "id, conversation_id, widget_id, method, channel, status, visitor_name, visitor_email, visitor_phone, "
    "visitor_message, attempts, last_error, response_code, response_excerpt, created_at, notified_at, completed_at, "
    "failed_at, updated_at";

/// The request in the row's columns from `at` on, in RequestColumns' order.
HandoverRequest requestAt(const Row& row, std::size_t at) {
    HandoverRequest r;
    r.id = row.text(at++);
    r.conversationId = row.text(at++);
    r.widgetId = row.text(at++);
    r.method = row.text(at++);
    r.channel = row.text(at++);
    r.status = handover::HandoverStatusNames.stored(row.text(at++), "handover request status");
    r.visitorName = row.optText(at++);
    r.visitorEmail = row.optText(at++);
    r.visitorPhone = row.optText(at++);
    r.visitorMessage = row.optText(at++);
    r.attempts = row.int64(at++);
    r.lastError = row.optText(at++);
    r.responseCode = row.optInt64(at++);
    r.responseExcerpt = row.optText(at++);
    r.createdAt = row.int64(at++);
    r.notifiedAt = row.optInt64(at++);
    r.completedAt = row.optInt64(at++);
    r.failedAt = row.optInt64(at++);
    r.updatedAt = row.int64(at++);
    return r;
}

HandoverRequest requestFromRow(const Row& row) { return requestAt(row, 0); }

/// What the outbox writes of a delivery.
const std::string DeliveryColumns =
    "id, request_id, channel, destination, status, attempts, max_attempts, due_at, lease_owner, lease_until, "
    "last_error, response_code, response_excerpt, provider_id, created_at, delivered_at, failed_at, updated_at, kind, "
    "conversation_id, message_id, address";

/// What is read of a delivery: also what its provider's status callbacks wrote, which only saveProviderStatus writes.
const std::string DeliveryReadColumns =
    DeliveryColumns + ", provider_status, provider_status_at, provider_error_code, provider_error_text";

constexpr std::size_t DeliveryColumnCount = 26;

std::optional<sdk::ProviderStatus> providerStatusOf(const std::optional<std::string>& name) {
    if (!name) return std::nullopt;
    if (const auto status = sdk::parseProviderStatus(*name)) return status;
    throw std::runtime_error("unknown provider status '" + *name + "' in the database");
}

sdk::DeliveryKind kindOf(const std::string& name) {
    if (const auto kind = sdk::deliveryKindFromString(name)) return *kind;
    throw std::runtime_error("unknown delivery kind '" + name + "' in the database");
}

std::optional<std::string> providerStatusName(const std::optional<sdk::ProviderStatus>& status) {
    if (!status) return std::nullopt;
    return std::string(sdk::toString(*status));
}

/// The delivery in the row's columns from `at` on, in DeliveryReadColumns' order.
OutboxDelivery deliveryAt(const Row& row, std::size_t at) {
    OutboxDelivery d;
    d.id = row.text(at++);
    d.requestId = row.optText(at++);
    d.channel = row.text(at++);
    d.destination = row.text(at++);
    d.status = handover::DeliveryStatusNames.stored(row.text(at++), "delivery status");
    d.attempts = row.int64(at++);
    d.maxAttempts = row.int64(at++);
    d.dueAt = row.int64(at++);
    d.leaseOwner = row.optText(at++);
    d.leaseUntil = row.optInt64(at++);
    d.lastError = row.optText(at++);
    d.responseCode = row.optInt64(at++);
    d.responseExcerpt = row.optText(at++);
    d.providerId = row.optText(at++);
    d.createdAt = row.int64(at++);
    d.deliveredAt = row.optInt64(at++);
    d.failedAt = row.optInt64(at++);
    d.updatedAt = row.int64(at++);
    d.kind = kindOf(row.text(at++));
    d.conversationId = row.text(at++);
    d.messageId = row.optText(at++);
    d.address = row.optText(at++);
    d.providerStatus = providerStatusOf(row.optText(at++));
    d.providerStatusAt = row.optInt64(at++);
    d.providerErrorCode = row.optText(at++);
    d.providerErrorText = row.optText(at++);
    return d;
}

OutboxDelivery deliveryFromRow(const Row& row) { return deliveryAt(row, 0); }

/// `columns` (a comma-separated list) with every name qualified by `table`.
std::string qualified(const std::string& columns, const std::string& table) {
    std::string out = table + "." + columns;
    for (std::size_t comma = out.find(", "); comma != std::string::npos; comma = out.find(", ", comma + 2))
        out.insert(comma + 2, table + ".");
    return out;
}

/// A delivery and its request (none for kinds other than a handover request's), from the columns
/// DeliveryReadColumns then RequestColumns.
ClaimedDelivery claimedFromRow(const Row& row) {
    ClaimedDelivery claimed{deliveryAt(row, 0), std::nullopt};
    if (!row.isNull(DeliveryColumnCount)) claimed.request = requestAt(row, DeliveryColumnCount);
    return claimed;
}

const std::string ClaimedColumns = qualified(DeliveryReadColumns, "d") + ", " + qualified(RequestColumns, "r");

/// `condition` in a form no index can serve, for statements that look a delivery up by id. PostgreSQL would
/// otherwise weigh the (status, due_at) index against the primary key, and its generic plan, trusting statistics
/// that saw few pending rows, may pick the former and scan the whole backlog for one row.
std::string byIdOnly(const std::string& condition) { return "CASE WHEN " + condition + " THEN true ELSE false END"; }

/// A delivery that is pending, and a request that is open, as SQL constants.
const std::string PendingDelivery = sqlLiterals(handover::DeliveryStatusNames, {handover::DeliveryStatus::Pending});
const std::string OpenRequest =
    sqlLiterals(handover::HandoverStatusNames, {handover::HandoverStatus::Pending, handover::HandoverStatus::Notified});

/// Due, pending and not leased (or its lease ran out) at the two `?`, both the current time.
const std::string ClaimableNow =
    "status = " + PendingDelivery + " AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)";

/// Texts joined with a separator no id or destination contains, framed by it, for one `?` to stand for a set.
std::string joined(const std::vector<std::string>& texts, char separator) {
    if (texts.empty()) return {};
    std::string out(1, separator);
    for (const auto& text : texts) out.append(text).push_back(separator);
    return out;
}

template <class T, class FromRow>
std::vector<T> all(const QueryResult& result, FromRow fromRow) {
    std::vector<T> out;
    out.reserve(result.rows.size());
    for (std::size_t i = 0; i < result.rows.size(); ++i) out.push_back(fromRow(Row(result, i)));
    return out;
}

template <class T, class FromRow>
std::optional<T> first(const QueryResult& result, FromRow fromRow) {
    if (result.rows.empty()) return std::nullopt;
    return fromRow(Row(result, 0));
}

} // namespace

void HandoverRepository::insertRequest(Sql& sql, const HandoverRequest& r) {
    sql.run("INSERT INTO handover_requests (" + RequestColumns +
                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {r.id, r.conversationId, r.widgetId, r.method, r.channel, handover::toString(r.status),
             param(r.visitorName), param(r.visitorEmail), param(r.visitorPhone), param(r.visitorMessage), r.attempts,
             param(r.lastError), param(r.responseCode), param(r.responseExcerpt), r.createdAt, param(r.notifiedAt),
             param(r.completedAt), param(r.failedAt), r.updatedAt});
}

void HandoverRepository::saveRequest(Sql& sql, const HandoverRequest& r) {
    sql.run("UPDATE handover_requests SET status = ?, attempts = ?, last_error = ?, response_code = ?, "
            "response_excerpt = ?, notified_at = ?, completed_at = ?, failed_at = ?, updated_at = ? WHERE id = ?",
            {handover::toString(r.status), r.attempts, param(r.lastError), param(r.responseCode),
             param(r.responseExcerpt), param(r.notifiedAt), param(r.completedAt), param(r.failedAt), r.updatedAt,
             r.id});
}

std::optional<HandoverRequest> HandoverRepository::saveRequestIfStatus(Sql& sql, const HandoverRequest& r,
                                                                       handover::HandoverStatus expectedStatus) {
    static const std::string text =
        "UPDATE handover_requests SET status = ?, attempts = attempts + 1, last_error = ?, response_code = ?, "
        "response_excerpt = ?, notified_at = ?, completed_at = ?, failed_at = ?, updated_at = ? WHERE id = ? "
        "AND status = ? RETURNING " +
        RequestColumns;
    return first<HandoverRequest>(
        sql.run(text, {handover::toString(r.status), param(r.lastError), param(r.responseCode),
                       param(r.responseExcerpt), param(r.notifiedAt), param(r.completedAt), param(r.failedAt),
                       r.updatedAt, r.id, handover::toString(expectedStatus)}),
        requestFromRow);
}

BookingWrite HandoverRepository::saveBooking(Sql& sql, const OutboxDelivery& d, std::int64_t expectedAttempts,
                                             const DeliveryAttempt& a, const HandoverRequest& r,
                                             handover::HandoverStatus expectedRequestStatus) {
    if (sql.dialect() != Dialect::PostgreSQL) {
        if (!saveDeliveryIfAttempts(sql, d, expectedAttempts)) return {};
        insertAttempt(sql, a);
        return {true, saveRequestIfStatus(sql, r, expectedRequestStatus)};
    }
    // The three statements as one, each step on the rows the one before returned; the final SELECT always gives one
    // row: whether the delivery was saved, and the request if it was.
    static const std::string text =
        "WITH d AS (UPDATE deliveries SET status = ?, attempts = ?, max_attempts = ?, due_at = ?, lease_owner = ?, "
        "lease_until = ?, last_error = ?, response_code = ?, response_excerpt = ?, provider_id = ?, delivered_at = ?, "
        "failed_at = ?, updated_at = ? WHERE id = ? AND " +
        byIdOnly("status = " + PendingDelivery + " AND attempts = ?") +
        " RETURNING id, request_id), "
        "a AS (INSERT INTO delivery_attempts (delivery_id, attempt, started_at, duration_ms, outcome, status_code, "
        "error, response_excerpt) SELECT d.id, CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), "
        "CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT) FROM d), "
        "r AS (UPDATE handover_requests SET status = ?, attempts = attempts + 1, last_error = ?, response_code = ?, "
        "response_excerpt = ?, notified_at = ?, completed_at = ?, failed_at = ?, updated_at = ? "
        "WHERE id = (SELECT request_id FROM d) AND status = ? RETURNING " +
        RequestColumns + ") SELECT (SELECT COUNT(*) FROM d), r.* FROM (SELECT 1) AS one LEFT JOIN r ON true";
    const auto result = sql.run(
        text, {handover::toString(d.status), d.attempts, d.maxAttempts, d.dueAt, param(d.leaseOwner),
               param(d.leaseUntil),
               param(d.lastError), param(d.responseCode), param(d.responseExcerpt), param(d.providerId),
               param(d.deliveredAt), param(d.failedAt), d.updatedAt, d.id, expectedAttempts,
               a.attempt, a.startedAt, a.durationMs, a.outcome, param(a.statusCode), param(a.error),
               param(a.responseExcerpt),
               handover::toString(r.status), param(r.lastError), param(r.responseCode), param(r.responseExcerpt),
               param(r.notifiedAt), param(r.completedAt), param(r.failedAt), r.updatedAt,
               handover::toString(expectedRequestStatus)});
    const Row row(result, 0);
    BookingWrite written;
    written.deliverySaved = row.int64(0) == 1;
    if (!row.isNull(1)) written.request = requestAt(row, 1);
    return written;
}

std::optional<HandoverRequest> HandoverRepository::findRequest(Sql& sql, const std::string& id) {
    return first<HandoverRequest>(sql.run("SELECT " + RequestColumns + " FROM handover_requests WHERE id = ?", {id}),
                                  requestFromRow);
}

std::optional<HandoverRequest> HandoverRepository::findOpenRequest(Sql& sql, const std::string& conversationId) {
    return first<HandoverRequest>(
        sql.run("SELECT " + RequestColumns +
                    " FROM handover_requests WHERE conversation_id = ? AND status IN (" + OpenRequest + ")",
                {conversationId}),
        requestFromRow);
}

std::vector<HandoverRequest> HandoverRepository::listRequests(Sql& sql, const HandoverRequestFilter& filter) {
    // Built per call: the filters present decide the statement, so it is not kept prepared.
    std::string where = " WHERE 1 = 1";
    if (!filter.widgetIds.empty()) {
        where += " AND widget_id IN (";
        for (std::size_t i = 0; i < filter.widgetIds.size(); ++i) where += i ? ", ?" : "?";
        where += ")";
    }
    if (filter.status) where += " AND status = ?";
    if (filter.conversationId) where += " AND conversation_id = ?";
    if (filter.createdSince) where += " AND created_at >= ?";
    if (filter.before) where += " AND (created_at < ? OR (created_at = ? AND id < ?))";
    const std::string text = "SELECT " + RequestColumns + " FROM handover_requests" + where +
                             " ORDER BY created_at DESC, id DESC LIMIT " + std::to_string(filter.limit);
    auto select = sql.statement(text);
    using Poco::Data::Keywords::useRef;
    for (const auto& id : filter.widgetIds) select, useRef(id);
    const std::string status = filter.status ? handover::toString(*filter.status) : std::string();
    if (filter.status) select, useRef(status);
    if (filter.conversationId) select, useRef(*filter.conversationId);
    if (filter.createdSince) select, useRef(*filter.createdSince);
    if (filter.before) select, useRef(filter.before->first), useRef(filter.before->first), useRef(filter.before->second);
    select.execute();
    Poco::Data::RecordSet records(select);
    std::vector<HandoverRequest> out;
    for (std::size_t i = 0; i < records.rowCount(); ++i) out.push_back(requestFromRow(Row(records, i)));
    return out;
}

void HandoverRepository::insertDelivery(Sql& sql, const OutboxDelivery& d) {
    sql.run("INSERT INTO deliveries (" + DeliveryColumns +
                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {d.id, param(d.requestId), d.channel, d.destination, handover::toString(d.status), d.attempts,
             d.maxAttempts, d.dueAt, param(d.leaseOwner), param(d.leaseUntil), param(d.lastError),
             param(d.responseCode), param(d.responseExcerpt), param(d.providerId), d.createdAt, param(d.deliveredAt),
             param(d.failedAt), d.updatedAt, std::string(sdk::toString(d.kind)), d.conversationId,
             param(d.messageId), param(d.address)});
}

void HandoverRepository::saveDelivery(Sql& sql, const OutboxDelivery& d) {
    sql.run("UPDATE deliveries SET status = ?, attempts = ?, max_attempts = ?, due_at = ?, lease_owner = ?, "
            "lease_until = ?, last_error = ?, response_code = ?, response_excerpt = ?, provider_id = ?, "
            "delivered_at = ?, failed_at = ?, updated_at = ? WHERE id = ?",
            {handover::toString(d.status), d.attempts, d.maxAttempts, d.dueAt, param(d.leaseOwner),
             param(d.leaseUntil), param(d.lastError), param(d.responseCode), param(d.responseExcerpt),
             param(d.providerId), param(d.deliveredAt), param(d.failedAt), d.updatedAt, d.id});
}

bool HandoverRepository::saveDeliveryIfAttempts(Sql& sql, const OutboxDelivery& d, std::int64_t expectedAttempts) {
    return sql
               .run("UPDATE deliveries SET status = ?, attempts = ?, max_attempts = ?, due_at = ?, lease_owner = ?, "
                    "lease_until = ?, last_error = ?, response_code = ?, response_excerpt = ?, provider_id = ?, "
                    "delivered_at = ?, failed_at = ?, updated_at = ? WHERE id = ? AND " +
                        byIdOnly("status = " + PendingDelivery + " AND attempts = ?"),
                    {handover::toString(d.status), d.attempts, d.maxAttempts, d.dueAt, param(d.leaseOwner),
                     param(d.leaseUntil), param(d.lastError), param(d.responseCode), param(d.responseExcerpt),
                     param(d.providerId), param(d.deliveredAt), param(d.failedAt), d.updatedAt, d.id,
                     expectedAttempts})
               .changed == 1;
}

std::optional<OutboxDelivery> HandoverRepository::findDelivery(Sql& sql, const std::string& id) {
    return first<OutboxDelivery>(sql.run("SELECT " + DeliveryReadColumns + " FROM deliveries WHERE id = ?", {id}),
                                 deliveryFromRow);
}

std::optional<OutboxDelivery> HandoverRepository::findDeliveryByProviderId(Sql& sql, const std::string& channel,
                                                                           const std::string& providerId) {
    return first<OutboxDelivery>(
        sql.run("SELECT " + DeliveryReadColumns +
                    " FROM deliveries WHERE channel = ? AND provider_id = ? ORDER BY created_at DESC LIMIT 1",
                {channel, providerId}),
        deliveryFromRow);
}

bool HandoverRepository::saveProviderStatus(Sql& sql, const OutboxDelivery& d,
                                            const std::optional<sdk::ProviderStatus>& expected) {
    const auto status = providerStatusName(d.providerStatus);
    // An empty text stands for "none reported yet", so that one statement compares on both dialects.
    const auto before = providerStatusName(expected).value_or("");
    return sql
               .run("UPDATE deliveries SET provider_status = ?, provider_status_at = ?, provider_error_code = ?, "
                    "provider_error_text = ? WHERE id = ? AND COALESCE(provider_status, '') = ?",
                    {param(status), param(d.providerStatusAt), param(d.providerErrorCode), param(d.providerErrorText),
                     d.id, before})
               .changed == 1;
}

std::vector<OutboxDelivery> HandoverRepository::deliveriesOf(Sql& sql, const std::string& requestId) {
    return all<OutboxDelivery>(
        sql.run("SELECT " + DeliveryReadColumns + " FROM deliveries WHERE request_id = ? ORDER BY created_at, id",
                {requestId}),
        deliveryFromRow);
}

std::vector<OutboxDelivery> HandoverRepository::messageDeliveries(Sql& sql, const std::string& conversationId,
                                                                 std::int64_t fromSeq, std::int64_t toSeq) {
    static const std::string text = "SELECT " + qualified(DeliveryReadColumns, "d") +
                                    " FROM deliveries AS d JOIN messages AS m ON m.id = d.message_id "
                                    "WHERE d.conversation_id = ? AND m.seq BETWEEN ? AND ? ORDER BY d.created_at, d.id";
    return all<OutboxDelivery>(sql.run(text, {conversationId, fromSeq, toSeq}), deliveryFromRow);
}

std::vector<DueDelivery> HandoverRepository::dueDeliveries(Sql& sql, std::int64_t nowMs, std::size_t limit,
                                                           const std::vector<std::string>& busyDestinations) {
    // One text for any set of busy destinations, so that the statement stays prepared: they come as one
    // "|a|b|" parameter. Only by due_at, the (status, due_at) index's order: a tie-break would sort every due row.
    static const std::string due = "SELECT id, destination FROM deliveries WHERE " + ClaimableNow + " AND ";
    static const std::string postgres = due + "strpos(?, '|' || destination || '|') = 0 ORDER BY due_at LIMIT ?";
    static const std::string sqlite = due + "instr(?, '|' || destination || '|') = 0 ORDER BY due_at LIMIT ?";
    const auto& text = sql.dialect() == Dialect::PostgreSQL ? postgres : sqlite;
    const auto busy = joined(busyDestinations, '|');
    const auto result = sql.run(text, {nowMs, nowMs, busy, static_cast<std::int64_t>(limit)});
    std::vector<DueDelivery> out;
    out.reserve(result.rows.size());
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        const Row row(result, i);
        out.push_back({row.text(0), row.text(1)});
    }
    return out;
}

bool HandoverRepository::claim(Sql& sql, const std::string& deliveryId, const std::string& owner,
                               std::int64_t leaseUntil, std::int64_t nowMs) {
    return sql
               .run("UPDATE deliveries SET lease_owner = ?, lease_until = ? WHERE id = ? AND " + byIdOnly(ClaimableNow),
                    {owner, leaseUntil, deliveryId, nowMs, nowMs})
               .changed == 1;
}

std::vector<ClaimedDelivery> HandoverRepository::claimAll(Sql& sql, const std::vector<std::string>& deliveryIds,
                                                          const std::string& owner, std::int64_t leaseUntil,
                                                          std::int64_t nowMs) {
    std::vector<ClaimedDelivery> claimed;
    if (deliveryIds.empty()) return claimed;
    if (sql.dialect() == Dialect::PostgreSQL) {
        // One round trip per delivery, returning what its attempt needs. By id one at a time rather than a set:
        // a generic plan for a set, made while the tables were small, would scan them whole.
        static const std::string text =
            "WITH d AS (UPDATE deliveries SET lease_owner = ?, lease_until = ? WHERE id = ? AND " +
            byIdOnly(ClaimableNow) + " RETURNING " + DeliveryReadColumns + ") SELECT " + ClaimedColumns +
            " FROM d LEFT JOIN handover_requests AS r ON r.id = d.request_id";
        for (const auto& id : deliveryIds) {
            const auto result = sql.run(text, {owner, leaseUntil, id, nowMs, nowMs});
            if (!result.rows.empty()) claimed.push_back(claimedFromRow(Row(result, 0)));
        }
        return claimed;
    }
    static const std::string select = "SELECT " + ClaimedColumns +
                                      " FROM deliveries AS d LEFT JOIN handover_requests AS r ON r.id = d.request_id "
                                      "WHERE d.id = ?";
    for (const auto& id : deliveryIds) {
        if (!claim(sql, id, owner, leaseUntil, nowMs)) continue;
        const auto result = sql.run(select, {id});
        if (!result.rows.empty()) claimed.push_back(claimedFromRow(Row(result, 0)));
    }
    return claimed;
}

bool HandoverRepository::releaseLease(Sql& sql, const std::string& deliveryId, const std::string& owner) {
    return sql
               .run("UPDATE deliveries SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND " +
                        byIdOnly("lease_owner = ? AND status = " + PendingDelivery),
                    {deliveryId, owner})
               .changed == 1;
}

std::size_t HandoverRepository::releaseLeases(Sql& sql, const std::string& owner) {
    return sql
        .run("UPDATE deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = " +
                 PendingDelivery,
             {owner})
        .changed;
}

std::optional<std::int64_t> HandoverRepository::nextDueAfter(Sql& sql, std::int64_t nowMs) {
    // Walks the (status, due_at) index from `nowMs` and stops at the first row.
    static const std::string text =
        "SELECT due_at FROM deliveries WHERE status = " + PendingDelivery + " AND due_at > ? ORDER BY due_at LIMIT 1";
    const auto result = sql.run(text, {nowMs});
    if (result.rows.empty()) return std::nullopt;
    return Row(result, 0).int64(0);
}

void HandoverRepository::insertAttempt(Sql& sql, const DeliveryAttempt& a) {
    sql.run("INSERT INTO delivery_attempts (delivery_id, attempt, started_at, duration_ms, outcome, status_code, "
            "error, response_excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {a.deliveryId, a.attempt, a.startedAt, a.durationMs, a.outcome, param(a.statusCode), param(a.error),
             param(a.responseExcerpt)});
}

std::vector<DeliveryAttempt> HandoverRepository::attemptsOf(Sql& sql, const std::string& deliveryId) {
    const auto result = sql.run("SELECT delivery_id, attempt, started_at, duration_ms, outcome, status_code, error, "
                                "response_excerpt FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt, id",
                                {deliveryId});
    return all<DeliveryAttempt>(result, [](const Row& row) {
        return DeliveryAttempt{row.text(0),      row.int64(1),      row.int64(2),    row.int64(3),
                               row.text(4),      row.optInt64(5),   row.optText(6),  row.optText(7)};
    });
}

} // namespace switchboard::core::store
