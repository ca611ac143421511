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
        return database->read([&](store::Sql& sql) { return repository.containsEither(sql, channel, address, ""); });
    };
    database->write([&](store::Sql& sql) {
        repository.add(sql, "whatsapp", "+447700900123", 1000);
        repository.add(sql, "whatsapp", "+447700900123", 2000); // again: no error, still one
    });
    EXPECT_TRUE(contains("whatsapp", "+447700900123"));
    EXPECT_FALSE(contains("sms", "+447700900123"));
    EXPECT_FALSE(contains("whatsapp", "+15550000000"));

    const auto either = [&](const std::string& first, const std::string& second) {
        return database->read(
            [&](store::Sql& sql) { return repository.containsEither(sql, "whatsapp", first, second); });
    };
    EXPECT_TRUE(either("ada@example.com", "+447700900123"));
    EXPECT_FALSE(either("ada@example.com", ""));

    database->write([&](store::Sql& sql) { repository.remove(sql, "whatsapp", "+447700900123"); });
    EXPECT_FALSE(contains("whatsapp", "+447700900123"));
}

} // namespace
