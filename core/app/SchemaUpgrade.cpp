#include "core/app/SchemaUpgrade.h"

#include "core/store/MigrationRunner.h"

#include <Poco/Logger.h>

namespace switchboard::core::app {

void SchemaUpgrade::apply(store::Database& database, std::int64_t nowMs) {
    auto migrations = store::MigrationRunner::fromFiles(store::embeddedMigrationFiles(), database.dialect());
    store::MigrationRunner runner(database, std::move(migrations));
    const auto applied = runner.run(nowMs);
    auto& logger = Poco::Logger::get("store");
    for (const auto& name : applied) logger.information("applied migration %s", name);
    if (applied.empty()) logger.information("database schema is current (%s)", database.url().redacted);
}

} // namespace switchboard::core::app
