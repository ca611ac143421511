#include "core/store/ContactOptOutRepository.h"

#include "core/store/Row.h"
#include "core/store/TextSet.h"

namespace switchboard::core::store {

void ContactOptOutRepository::add(Sql& sql, const std::string& channel, const std::string& address,
                                  std::int64_t atMs) {
    sql.run("INSERT INTO contact_opt_outs (channel, address, opted_out_at) VALUES (?, ?, ?) "
            "ON CONFLICT (channel, address) DO NOTHING",
            {channel, address, atMs});
}

void ContactOptOutRepository::remove(Sql& sql, const std::string& channel, const std::string& address) {
    sql.run("DELETE FROM contact_opt_outs WHERE channel = ? AND address = ?", {channel, address});
}

std::set<std::pair<std::string, std::string>> ContactOptOutRepository::optedOut(Sql& sql,
                                                                                const std::vector<std::string>& channels,
                                                                                const std::vector<std::string>& addresses) {
    std::set<std::pair<std::string, std::string>> found;
    if (channels.empty() || addresses.empty()) return found;
    const auto& set = TextSet::values(sql.dialect());
    const auto channelSet = TextSet::bind(channels);
    const auto addressSet = TextSet::bind(addresses);
    const auto result = sql.run("SELECT channel, address FROM contact_opt_outs WHERE channel IN " + set +
                                    " AND address IN " + set,
                                {channelSet, addressSet});
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        const Row row(result, i);
        found.emplace(row.text(0), row.text(1));
    }
    return found;
}

} // namespace switchboard::core::store
