# Writes a C++ source holding every migrations/<dialect>/NNNN_name.sql file, so that the one binary carries
# its schema. Run as: cmake -DSOURCE_DIR=... -DOUTPUT=... -P EmbedMigrations.cmake
file(GLOB migration_files RELATIVE "${SOURCE_DIR}/migrations" "${SOURCE_DIR}/migrations/*/*.sql")
list(SORT migration_files)
set(body "")
foreach(relative IN LISTS migration_files)
  file(READ "${SOURCE_DIR}/migrations/${relative}" sql)
  string(FIND "${sql}" ")sbsql\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${relative} contains the raw-string delimiter )sbsql\"")
  endif()
  string(APPEND body "    {\"${relative}\", R\"sbsql(${sql})sbsql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from migrations/ by cmake/EmbedMigrations.cmake; do not edit.
#include \"core/store/EmbeddedMigrations.h\"

namespace switchboard::core::store {

const std::vector<EmbeddedMigrationFile>& embeddedMigrationFiles() {
    static const std::vector<EmbeddedMigrationFile> files = {
${body}    };
    return files;
}

} // namespace switchboard::core::store
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
