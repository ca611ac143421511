#include "core/store/TextSet.h"
#include "core/store/Row.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

TEST(TextSetTest, OneParameterStandsForEveryTextWhateverItHolds) {
    TestDatabase database;
    const std::vector<std::string> texts = {"plain", "with \"quotes\", commas and \\ back", "ünïcödé", "line\nbreak", ""};
    const auto read = database->read([&](store::Sql& sql) {
        const auto set = store::TextSet::bind(texts);
        const auto result = sql.run("SELECT value FROM " + store::TextSet::values(sql.dialect()) + " AS k", {set});
        std::vector<std::string> out;
        for (std::size_t i = 0; i < result.rows.size(); ++i) out.push_back(store::Row(result, i).text(0));
        return out;
    });
    EXPECT_EQ(read, texts);
}

TEST(TextSetTest, AStatementSelectsTheRowsOfTheSetOnly) {
    TestDatabase database;
    const auto count = [&](const std::vector<std::string>& texts) {
        return database->read([&](store::Sql& sql) {
            const auto set = store::TextSet::bind(texts);
            return sql.run("SELECT 1 FROM (SELECT 'a' AS name UNION ALL SELECT 'b' UNION ALL SELECT 'c') AS t "
                           "WHERE name IN " + store::TextSet::values(sql.dialect()),
                           {set})
                .rows.size();
        });
    };
    EXPECT_EQ(count({"a", "c", "x"}), 2u);
    EXPECT_EQ(count({}), 0u);
}

} // namespace
