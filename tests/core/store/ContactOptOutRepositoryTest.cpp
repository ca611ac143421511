#include "core/store/ContactOptOutRepository.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::TestDatabase;

namespace {

TEST(ContactOptOutRepositoryTest, AnOptOutIsKeptPerChannelInstanceUntilRemoved) {
    TestDatabase database;
    store::ContactOptOutRepository repository;
    const auto contains = [&](const std::string& channel, const std::string& address) {
        return database->read(
            [&](store::Sql& sql) { return !repository.optedOut(sql, {channel}, {address}).empty(); });
    };
    database->write([&](store::Sql& sql) {
        repository.add(sql, "whatsapp", "+447700900123", 1000);
        repository.add(sql, "whatsapp", "+447700900123", 2000); // again: no error, still one
    });
    EXPECT_TRUE(contains("whatsapp", "+447700900123"));
    EXPECT_FALSE(contains("sms", "+447700900123"));
    EXPECT_FALSE(contains("whatsapp", "+15550000000"));

    database->write([&](store::Sql& sql) { repository.add(sql, "email", "ada@example.com", 3000); });
    const auto found = database->read([&](store::Sql& sql) {
        return repository.optedOut(sql, {"whatsapp", "email", "sms"},
                                   {"ada@example.com", "+447700900123", "grace@example.com"});
    });
    using Pair = std::pair<std::string, std::string>;
    EXPECT_EQ(found, (std::set<Pair>{{"email", "ada@example.com"}, {"whatsapp", "+447700900123"}}));
    EXPECT_TRUE(database->read([&](store::Sql& sql) { return repository.optedOut(sql, {}, {"ada@example.com"}); })
                    .empty());

    database->write([&](store::Sql& sql) { repository.remove(sql, "whatsapp", "+447700900123"); });
    EXPECT_FALSE(contains("whatsapp", "+447700900123"));
}

} // namespace
