#pragma once

#include "core/store/DatabaseUrl.h"
#include "core/store/QueryResult.h"

#include <Poco/Data/Session.h>

#include <memory>
#include <span>
#include <string_view>

namespace switchboard::core::store {

/// Statements prepared once per connection and kept for reuse.
///
/// POCO 1.11 parses and plans every `Statement` anew, which on the message path cost more than running it; the
/// statements a request runs every time go through this cache instead. One instance belongs to one pooled
/// connection and is used by one thread at a time, like the connection itself.
class PreparedStatements {
public:
    virtual ~PreparedStatements();

    /// Runs `sql`, written with `?` placeholders, with `params`.
    virtual QueryResult run(std::string_view sql, std::span<const QueryParam> params) = 0;

    /// The cache for `session`'s connection, in its dialect.
    static std::unique_ptr<PreparedStatements> forSession(Poco::Data::Session& session, Dialect dialect);
};

} // namespace switchboard::core::store
