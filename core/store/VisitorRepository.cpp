#include "core/store/VisitorRepository.h"

#include <Poco/Data/RecordSet.h>

using namespace Poco::Data::Keywords;

namespace switchboard::core::store {

std::string VisitorRepository::columns(const std::string& a) {
    return a + ".id, " + a + ".widget_id, " + a + ".name, " + a + ".email, " + a + ".phone, " + a +
           ".custom_fields, " + a + ".current_url, " + a + ".referrer, " + a + ".user_agent, " + a + ".ip, " + a +
           ".first_seen_at, " + a + ".last_seen_at";
}

conversation::Visitor VisitorRepository::fromRow(const Row& row, std::size_t c) {
    conversation::Visitor v;
    v.id = row.text(c);
    v.widgetId = row.text(c + 1);
    v.name = row.optText(c + 2);
    v.email = row.optText(c + 3);
    v.phone = row.optText(c + 4);
    v.customFieldsJson = row.text(c + 5);
    v.currentUrl = row.optText(c + 6);
    v.referrer = row.optText(c + 7);
    v.userAgent = row.optText(c + 8);
    v.ip = row.optText(c + 9);
    v.firstSeenAt = row.int64(c + 10);
    v.lastSeenAt = row.int64(c + 11);
    return v;
}

void VisitorRepository::insert(Sql& sql, const conversation::Visitor& v, const std::string& tokenHash) {
    auto name = toNullable(v.name), email = toNullable(v.email), phone = toNullable(v.phone);
    auto url = toNullable(v.currentUrl), referrer = toNullable(v.referrer), agent = toNullable(v.userAgent),
         ip = toNullable(v.ip);
    Poco::Int64 first = v.firstSeenAt, last = v.lastSeenAt;
    sql.statement("INSERT INTO visitors (id, widget_id, token_hash, name, email, phone, custom_fields, current_url, "
                  "referrer, user_agent, ip, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        useRef(v.id), useRef(v.widgetId), useRef(tokenHash), use(name), use(email), use(phone),
        useRef(v.customFieldsJson), use(url), use(referrer), use(agent), use(ip), use(first), use(last), now;
}

std::optional<conversation::Visitor> VisitorRepository::findByTokenHash(Sql& sql, const std::string& tokenHash) {
    // Every visitor request authenticates: kept prepared.
    static const std::string select = "SELECT " + columns("v") + " FROM visitors v WHERE v.token_hash = ?";
    const auto result = sql.run(select, {tokenHash});
    if (result.rows.empty()) return std::nullopt;
    return fromRow(Row(result, 0), 0);
}

void VisitorRepository::update(Sql& sql, const conversation::Visitor& v) {
    auto name = toNullable(v.name), email = toNullable(v.email), phone = toNullable(v.phone);
    auto url = toNullable(v.currentUrl), referrer = toNullable(v.referrer), agent = toNullable(v.userAgent),
         ip = toNullable(v.ip);
    Poco::Int64 last = v.lastSeenAt;
    sql.statement("UPDATE visitors SET name = ?, email = ?, phone = ?, custom_fields = ?, current_url = ?, "
                  "referrer = ?, user_agent = ?, ip = ?, last_seen_at = ? WHERE id = ?"),
        use(name), use(email), use(phone), useRef(v.customFieldsJson), use(url), use(referrer), use(agent), use(ip),
        use(last), useRef(v.id), now;
}

void VisitorRepository::updateLastSeen(Sql& sql, const std::string& visitorId, std::int64_t atMs) {
    sql.run("UPDATE visitors SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?", {atMs, visitorId, atMs});
}

} // namespace switchboard::core::store
