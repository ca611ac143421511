#include "core/store/PreparedStatements.h"

#include "core/store/PostgresPreparedStatements.h"
#include "core/store/SqlitePreparedStatements.h"

#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/SQLite/Utility.h>

namespace switchboard::core::store {

PreparedStatements::~PreparedStatements() = default;

std::unique_ptr<PreparedStatements> PreparedStatements::forSession(Poco::Data::Session& session, Dialect dialect) {
    if (dialect == Dialect::SQLite) {
        return std::make_unique<SqlitePreparedStatements>(Poco::Data::SQLite::Utility::dbHandle(session));
    }
    auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl());
    if (!impl) throw std::logic_error("not a PostgreSQL session");
    return std::make_unique<PostgresPreparedStatements>(static_cast<PGconn*>(impl->handle()));
}

} // namespace switchboard::core::store
