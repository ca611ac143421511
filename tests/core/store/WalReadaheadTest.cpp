#include "core/store/WalReadahead.h"
#include "tests/support/ScratchPath.h"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace switchboard::core::store {
namespace {

constexpr std::int64_t PageSize = 4096;
constexpr std::int64_t FrameBytes = 24 + PageSize;
constexpr std::int64_t Frames = 400;

void putBigEndian(std::string& bytes, std::size_t at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>(value >> (24 - 8 * i));
}

/// A write-ahead log in SQLite's format, written by hand: `Frames` frames, the first `current` of them carrying the
/// header's salts (the generation being written), the rest the salts of the generation before.
class WalReadaheadTest : public ::testing::Test {
protected:

    void writeLog(std::int64_t current) {
        std::string log(static_cast<std::size_t>(32 + Frames * FrameBytes), 'p');
        putBigEndian(log, 0, 0x377f0682);
        putBigEndian(log, 4, 3007000);
        putBigEndian(log, 8, PageSize);
        putBigEndian(log, 16, 7); // salt-1 of this generation
        putBigEndian(log, 20, 0x5a5a5a5a);
        for (std::int64_t frame = 0; frame < Frames; ++frame) {
            const auto at = static_cast<std::size_t>(32 + frame * FrameBytes);
            putBigEndian(log, at, static_cast<std::uint32_t>(frame + 1));
            putBigEndian(log, at + 8, frame < current ? 7 : 6);
            putBigEndian(log, at + 12, frame < current ? 0x5a5a5a5a : 0x12345678);
        }
        std::ofstream(path, std::ios::binary | std::ios::trunc) << log;
    }

    /// Drops the log's pages from memory; false where the file system keeps them there anyway (tmpfs).
    bool evict() const {
        const int fd = ::open(path.c_str(), O_RDONLY);
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
        return residentPages(0, 32 + Frames * FrameBytes) == 0;
    }

    /// How many of the file's pages in [from, to) are in memory.
    std::int64_t residentPages(std::int64_t from, std::int64_t to) const {
        const int fd = ::open(path.c_str(), O_RDONLY);
        const auto size = static_cast<std::size_t>(32 + Frames * FrameBytes);
        void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
        ::close(fd);
        const auto page = static_cast<std::int64_t>(::sysconf(_SC_PAGESIZE));
        std::vector<unsigned char> resident((size + static_cast<std::size_t>(page) - 1) / static_cast<std::size_t>(page));
        ::mincore(map, size, resident.data());
        ::munmap(map, size);
        std::int64_t count = 0;
        for (auto i = from / page; i < (to + page - 1) / page; ++i) count += resident[static_cast<std::size_t>(i)] & 1;
        return count;
    }

    const tests::ScratchPath scratch{"readahead-wal"};
    const std::filesystem::path& path = scratch.path();
};

TEST_F(WalReadaheadTest, TheWritersPlaceIsTheEndOfTheFramesCarryingTheHeadersSalts) {
    WalReadahead readahead(path);
    EXPECT_EQ(readahead.look(), std::nullopt) << "no log yet";
    for (const std::int64_t current : {0L, 1L, 137L, Frames - 1, Frames}) {
        writeLog(current);
        EXPECT_EQ(readahead.look(), 32 + current * FrameBytes) << current << " frames of the current generation";
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << std::string(4096, 'x');
    EXPECT_EQ(readahead.look(), std::nullopt) << "a file that does not start as a log";
}

TEST_F(WalReadaheadTest, TheStretchAheadOfTheWriterIsReadBackIntoMemory) {
    WalReadahead readahead(path);
    writeLog(100);
    ASSERT_EQ(readahead.look(), 32 + 100 * FrameBytes);
    writeLog(110); // ten frames written since: twenty looks of that is 200 frames ahead
    const bool evicted = evict();
    const auto position = readahead.look();
    ASSERT_EQ(position, 32 + 110 * FrameBytes);
    if (!evicted) return; // the file system keeps every page in memory: there is nothing to read back
    const auto page = static_cast<std::int64_t>(::sysconf(_SC_PAGESIZE));
    const auto from = (*position + page - 1) / page * page;
    const auto to = *position + 200 * FrameBytes;
    const auto wanted = (to - from) / page;
    // The reads are the kernel's, in the background: wait for them (bounded), then check none was skipped.
    for (int i = 0; i < 200 && residentPages(from, to) < wanted; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_GE(residentPages(from, to), wanted);
    EXPECT_LT(residentPages(to + page, 32 + Frames * FrameBytes), (32 + Frames * FrameBytes - to) / page / 2)
        << "and not the whole rest of the log";
}

} // namespace
} // namespace switchboard::core::store
