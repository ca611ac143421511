#pragma once

#include <string>
#include <vector>

namespace switchboard::core::store {

struct EmbeddedMigrationFile {
    std::string path; // relative to migrations/, e.g. "sqlite/0001_initial_schema.sql"
    std::string sql;
};

/// Every file under migrations/, compiled into the binary at build time.
const std::vector<EmbeddedMigrationFile>& embeddedMigrationFiles();

} // namespace switchboard::core::store
