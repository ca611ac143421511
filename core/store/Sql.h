#pragma once

#include "core/store/DatabaseUrl.h"
#include "core/store/SessionPool.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace switchboard::core::store {

/// One database session seen through its dialect. Repositories write every statement once, with `?`
/// placeholders, and run it through `statement()`: PostgreSQL's connector in POCO 1.11 only understands
/// `$1, $2, ...`, so the placeholders are numbered for it here.
///
/// Statements on the hot paths (a visitor's message, its authentication) use `run()` instead, which keeps the
/// statement prepared on the connection: same SQL, no parse and plan per call.
class Sql {
public:
    Sql(SessionPool::Lease& lease, Dialect dialect) : _lease(lease), _session(lease.session()), _dialect(dialect) {}

    Dialect dialect() const { return _dialect; }
    Poco::Data::Session& session() { return _session; }

    /// Runs a statement prepared once per connection, with `?` placeholders bound to `params` in order.
    QueryResult run(std::string_view sql, std::initializer_list<QueryParam> params = {});

    /// A statement ready for `, use(...), into(...), now`.
    Poco::Data::Statement statement(std::string_view sql);

    /// Runs a statement with no parameters or results.
    void execute(std::string_view sql);

    /// `?` → `$n` for PostgreSQL (outside quoted literals); unchanged for SQLite.
    static std::string translate(std::string_view sql, Dialect dialect);

private:
    SessionPool::Lease& _lease;
    Poco::Data::Session& _session;
    Dialect _dialect;
};

} // namespace switchboard::core::store
