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
        return database->read([&](store::Sql& sql) { return repository.contains(sql, channel, address); });
    };
    database->write([&](store::Sql& sql) {
        repository.add(sql, "whatsapp", "+447700900123", 1000);
        repository.add(sql, "whatsapp", "+447700900123", 2000); // again: no error, still one
    });
    EXPECT_TRUE(contains("whatsapp", "+447700900123"));
    EXPECT_FALSE(contains("sms", "+447700900123"));
    EXPECT_FALSE(contains("whatsapp", "+15550000000"));

    database->write([&](store::Sql& sql) { repository.remove(sql, "whatsapp", "+447700900123"); });
    EXPECT_FALSE(contains("whatsapp", "+447700900123"));
}

} // namespace
