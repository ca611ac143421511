#include "core/store/WalPreallocator.h"
#include "tests/support/ScratchPath.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <sys/stat.h>

namespace switchboard::core::store {
namespace {

constexpr std::int64_t MiB = 1 << 20;

/// A scratch file standing in for a write-ahead log, removed afterwards.
class WalPreallocatorTest : public ::testing::Test {
protected:

    void append(std::int64_t bytes) {
        std::ofstream(path, std::ios::binary | std::ios::app) << std::string(static_cast<std::size_t>(bytes), 'w');
    }
    struct Space {
        std::int64_t size, reserved;
    };
    Space space() const {
        struct stat status {};
        EXPECT_EQ(::stat(path.c_str(), &status), 0);
        return {status.st_size, static_cast<std::int64_t>(status.st_blocks) * 512};
    }

    const tests::ScratchPath scratch{"log-wal"};
    const std::filesystem::path& path = scratch.path();
};

TEST_F(WalPreallocatorTest, AGrowingLogGetsSpaceReservedAheadOfItsEndAndItsSizeIsUntouched) {
    WalPreallocator preallocator(path, 1024 * MiB);
    append(64 * 1024);
    EXPECT_EQ(preallocator.reserve(), 0) << "the first look has no growth to go by";

    append(512 * 1024);
    const auto newlyReserved = preallocator.reserve();
    ASSERT_TRUE(preallocator.supported()) << "the test's file system must support fallocate";
    const auto [size, reserved] = space();
    EXPECT_EQ(size, 576 * 1024) << "SQLite must see the log's own size";
    // Twenty looks' growth (10 MiB) past the end, rounded up to whole MiB.
    EXPECT_GE(reserved, 11 * MiB);
    EXPECT_GE(newlyReserved, 10 * MiB);
}

TEST_F(WalPreallocatorTest, NothingIsReservedWhileWhatIsReservedLastsOrTheLogIsIdle) {
    WalPreallocator preallocator(path, 1024 * MiB);
    append(4096);
    preallocator.reserve();
    append(1 * MiB);
    ASSERT_GT(preallocator.reserve(), 0);
    const auto before = space().reserved;

    append(64 * 1024); // ten looks of this growth fit in the ~20 MiB reserved
    EXPECT_EQ(preallocator.reserve(), 0);
    EXPECT_EQ(preallocator.reserve(), 0) << "no growth, no reservation";
    EXPECT_EQ(space().reserved, before);
}

TEST_F(WalPreallocatorTest, ReservesAgainWhenTheGrowthOutpacesWhatIsReserved) {
    WalPreallocator preallocator(path, 1024 * MiB);
    append(4096);
    preallocator.reserve();
    append(256 * 1024);
    ASSERT_GT(preallocator.reserve(), 0);

    append(2 * MiB); // ten looks of this growth need 20 MiB; what is reserved covers two
    EXPECT_GT(preallocator.reserve(), 0);
    EXPECT_GE(space().reserved, space().size + 40 * MiB);
}

TEST_F(WalPreallocatorTest, NothingIsReservedPastTheLargestTheLogGets) {
    WalPreallocator preallocator(path, 3 * MiB);
    append(4096);
    preallocator.reserve();
    append(1 * MiB);
    preallocator.reserve();
    const auto [size, reserved] = space();
    EXPECT_GT(reserved, size);
    // A few blocks of slack: the file system may round the last extent.
    EXPECT_LE(reserved, 3 * MiB + 64 * 1024);

    append(1 * MiB);
    preallocator.reserve();
    EXPECT_LE(space().reserved, 3 * MiB + 64 * 1024);
}

TEST_F(WalPreallocatorTest, AMissingOrRecreatedLogIsNotMistakenForGrowth) {
    WalPreallocator preallocator(path, 1024 * MiB);
    EXPECT_EQ(preallocator.reserve(), 0) << "no log yet";
    append(8 * MiB);
    preallocator.reserve();
    std::filesystem::remove(path);
    EXPECT_EQ(preallocator.reserve(), 0);

    append(8 * MiB); // the log created again: its whole size is not one look's growth
    EXPECT_EQ(preallocator.reserve(), 0);
    EXPECT_LT(space().reserved, 9 * MiB);
}

} // namespace
} // namespace switchboard::core::store
