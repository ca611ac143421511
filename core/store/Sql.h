#pragma once

#include "core/store/DatabaseUrl.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <string>
#include <string_view>

namespace switchboard::core::store {

/// One database session seen through its dialect. Repositories write every statement once, with `?`
/// placeholders, and run it through `statement()`: PostgreSQL's connector in POCO 1.11 only understands
/// `$1, $2, ...`, so the placeholders are numbered for it here.
class Sql {
public:
    Sql(Poco::Data::Session& session, Dialect dialect) : _session(session), _dialect(dialect) {}

    Dialect dialect() const { return _dialect; }
    Poco::Data::Session& session() { return _session; }

    /// A statement ready for `, use(...), into(...), now`.
    Poco::Data::Statement statement(std::string_view sql);

    /// Runs a statement with no parameters or results.
    void execute(std::string_view sql);

    /// `?` → `$n` for PostgreSQL (outside quoted literals); unchanged for SQLite.
    static std::string translate(std::string_view sql, Dialect dialect);

private:
    Poco::Data::Session& _session;
    Dialect _dialect;
};

} // namespace switchboard::core::store
