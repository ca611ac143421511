#include "core/store/ContactOptOutRepository.h"

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

bool ContactOptOutRepository::containsEither(Sql& sql, const std::string& channel, const std::string& first,
                                             const std::string& second) {
    return !sql.run("SELECT 1 FROM contact_opt_outs WHERE channel = ? AND address IN (?, ?) LIMIT 1",
                    {channel, first, second})
                .rows.empty();
}

} // namespace switchboard::core::store
