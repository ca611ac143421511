#include "core/store/HandoverRepository.h"

#include "core/store/Row.h"

#include <Poco/Data/RecordSet.h>

namespace switchboard::core::store {

using handover::DeliveryAttempt;
using handover::HandoverRequest;
using handover::OutboxDelivery;

namespace {

const std::string RequestColumns =
    "id, conversation_id, widget_id, method, channel, status, visitor_name, visitor_email, visitor_phone, "
    "visitor_message, attempts, last_error, response_code, response_excerpt, created_at, notified_at, completed_at, "
    "failed_at, updated_at";

HandoverRequest requestFromRow(const Row& row) {
    HandoverRequest r;
    r.id = row.text(0);
    r.conversationId = row.text(1);
    r.widgetId = row.text(2);
    r.method = row.text(3);
    r.channel = row.text(4);
    r.status = row.text(5);
    r.visitorName = row.optText(6);
    r.visitorEmail = row.optText(7);
    r.visitorPhone = row.optText(8);
    r.visitorMessage = row.optText(9);
    r.attempts = row.int64(10);
    r.lastError = row.optText(11);
    r.responseCode = row.optInt64(12);
    r.responseExcerpt = row.optText(13);
    r.createdAt = row.int64(14);
    r.notifiedAt = row.optInt64(15);
    r.completedAt = row.optInt64(16);
    r.failedAt = row.optInt64(17);
    r.updatedAt = row.int64(18);
    return r;
}

const std::string DeliveryColumns =
    "id, request_id, channel, destination, status, attempts, max_attempts, due_at, lease_owner, lease_until, "
    "last_error, response_code, response_excerpt, provider_id, created_at, delivered_at, failed_at, updated_at";

OutboxDelivery deliveryFromRow(const Row& row) {
    OutboxDelivery d;
    d.id = row.text(0);
    d.requestId = row.text(1);
    d.channel = row.text(2);
    d.destination = row.text(3);
    d.status = row.text(4);
    d.attempts = row.int64(5);
    d.maxAttempts = row.int64(6);
    d.dueAt = row.int64(7);
    d.leaseOwner = row.optText(8);
    d.leaseUntil = row.optInt64(9);
    d.lastError = row.optText(10);
    d.responseCode = row.optInt64(11);
    d.responseExcerpt = row.optText(12);
    d.providerId = row.optText(13);
    d.createdAt = row.int64(14);
    d.deliveredAt = row.optInt64(15);
    d.failedAt = row.optInt64(16);
    d.updatedAt = row.int64(17);
    return d;
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
            {r.id, r.conversationId, r.widgetId, r.method, r.channel, r.status, param(r.visitorName),
             param(r.visitorEmail), param(r.visitorPhone), param(r.visitorMessage), r.attempts, param(r.lastError),
             param(r.responseCode), param(r.responseExcerpt), r.createdAt, param(r.notifiedAt), param(r.completedAt),
             param(r.failedAt), r.updatedAt});
}

void HandoverRepository::saveRequest(Sql& sql, const HandoverRequest& r) {
    sql.run("UPDATE handover_requests SET status = ?, attempts = ?, last_error = ?, response_code = ?, "
            "response_excerpt = ?, notified_at = ?, completed_at = ?, failed_at = ?, updated_at = ? WHERE id = ?",
            {r.status, r.attempts, param(r.lastError), param(r.responseCode), param(r.responseExcerpt),
             param(r.notifiedAt), param(r.completedAt), param(r.failedAt), r.updatedAt, r.id});
}

std::optional<HandoverRequest> HandoverRepository::findRequest(Sql& sql, const std::string& id) {
    return first<HandoverRequest>(sql.run("SELECT " + RequestColumns + " FROM handover_requests WHERE id = ?", {id}),
                                  requestFromRow);
}

std::optional<HandoverRequest> HandoverRepository::findOpenRequest(Sql& sql, const std::string& conversationId) {
    return first<HandoverRequest>(
        sql.run("SELECT " + RequestColumns +
                    " FROM handover_requests WHERE conversation_id = ? AND status IN ('pending', 'notified')",
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
    if (filter.status) select, useRef(*filter.status);
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
                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {d.id, d.requestId, d.channel, d.destination, d.status, d.attempts, d.maxAttempts, d.dueAt,
             param(d.leaseOwner), param(d.leaseUntil), param(d.lastError), param(d.responseCode),
             param(d.responseExcerpt), param(d.providerId), d.createdAt, param(d.deliveredAt), param(d.failedAt),
             d.updatedAt});
}

void HandoverRepository::saveDelivery(Sql& sql, const OutboxDelivery& d) {
    sql.run("UPDATE deliveries SET status = ?, attempts = ?, max_attempts = ?, due_at = ?, lease_owner = ?, "
            "lease_until = ?, last_error = ?, response_code = ?, response_excerpt = ?, provider_id = ?, "
            "delivered_at = ?, failed_at = ?, updated_at = ? WHERE id = ?",
            {d.status, d.attempts, d.maxAttempts, d.dueAt, param(d.leaseOwner), param(d.leaseUntil),
             param(d.lastError), param(d.responseCode), param(d.responseExcerpt), param(d.providerId),
             param(d.deliveredAt), param(d.failedAt), d.updatedAt, d.id});
}

std::optional<OutboxDelivery> HandoverRepository::findDelivery(Sql& sql, const std::string& id) {
    return first<OutboxDelivery>(sql.run("SELECT " + DeliveryColumns + " FROM deliveries WHERE id = ?", {id}),
                                 deliveryFromRow);
}

std::vector<OutboxDelivery> HandoverRepository::deliveriesOf(Sql& sql, const std::string& requestId) {
    return all<OutboxDelivery>(
        sql.run("SELECT " + DeliveryColumns + " FROM deliveries WHERE request_id = ? ORDER BY created_at, id",
                {requestId}),
        deliveryFromRow);
}

std::vector<DueDelivery> HandoverRepository::dueDeliveries(Sql& sql, std::int64_t nowMs, std::size_t limit,
                                                           const std::vector<std::string>& busyDestinations) {
    std::string text = "SELECT id, destination FROM deliveries WHERE status = 'pending' AND due_at <= ? "
                       "AND (lease_until IS NULL OR lease_until <= ?)";
    if (!busyDestinations.empty()) {
        text += " AND destination NOT IN (";
        for (std::size_t i = 0; i < busyDestinations.size(); ++i) text += i ? ", ?" : "?";
        text += ")";
    }
    text += " ORDER BY due_at, id LIMIT " + std::to_string(limit);
    auto select = sql.statement(text);
    using Poco::Data::Keywords::useRef;
    select, useRef(nowMs), useRef(nowMs);
    for (const auto& destination : busyDestinations) select, useRef(destination);
    select.execute();
    Poco::Data::RecordSet records(select);
    std::vector<DueDelivery> out;
    for (std::size_t i = 0; i < records.rowCount(); ++i) {
        const Row row(records, i);
        out.push_back({row.text(0), row.text(1)});
    }
    return out;
}

bool HandoverRepository::claim(Sql& sql, const std::string& deliveryId, const std::string& owner,
                               std::int64_t leaseUntil, std::int64_t nowMs) {
    return sql
               .run("UPDATE deliveries SET lease_owner = ?, lease_until = ? WHERE id = ? AND status = 'pending' "
                    "AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)",
                    {owner, leaseUntil, deliveryId, nowMs, nowMs})
               .changed == 1;
}

std::size_t HandoverRepository::releaseLeases(Sql& sql, const std::string& owner) {
    return sql
        .run("UPDATE deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = 'pending'",
             {owner})
        .changed;
}

std::optional<std::int64_t> HandoverRepository::nextDueAt(Sql& sql) {
    const auto result = sql.run("SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until > due_at "
                                "THEN lease_until ELSE due_at END) FROM deliveries WHERE status = 'pending'");
    if (result.rows.empty()) return std::nullopt;
    return Row(result, 0).optInt64(0);
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
