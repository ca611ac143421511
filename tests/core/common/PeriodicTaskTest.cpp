#include "core/common/PeriodicTask.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>
#include <stdexcept>

using switchboard::core::common::PeriodicTask;
using namespace std::chrono_literals;

namespace {

/// Counts runs and lets the test wait for a number of them.
struct Runs {
    std::mutex mutex;
    std::condition_variable changed;
    int count = 0;

    void add() {
        std::lock_guard lock(mutex);
        ++count;
        changed.notify_all();
    }
    bool reach(int wanted) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 5s, [&] { return count >= wanted; });
    }
    int now() {
        std::lock_guard lock(mutex);
        return count;
    }
};

} // namespace

TEST(PeriodicTaskTest, RunsAgainAndAgainUntilDestroyed) {
    Runs runs;
    {
        PeriodicTask task("counting", 1ms, [&] { runs.add(); });
        ASSERT_TRUE(runs.reach(3));
    }
    const auto afterStop = runs.now();
    // Destruction joined the thread: nothing can run any more, so the count cannot change.
    EXPECT_EQ(runs.now(), afterStop);
}

TEST(PeriodicTaskTest, KeepsRunningAfterAnException) {
    Runs runs;
    PeriodicTask task("failing", 1ms, [&] {
        runs.add();
        throw std::runtime_error("boom");
    });
    EXPECT_TRUE(runs.reach(3));
}

TEST(PeriodicTaskTest, DestructionDoesNotWaitForTheNextInterval) {
    const auto started = std::chrono::steady_clock::now();
    { PeriodicTask task("slow", 1h, [] {}); }
    EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
}

TEST(PeriodicTaskTest, ABackgroundTaskRunsAtTheLowestPriorityAndLeavesTheCallersAlone) {
    const int callerNice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
    std::mutex mutex;
    std::optional<int> taskNice;
    Runs runs;
    PeriodicTask task(
        "housekeeping", 1ms,
        [&] {
            {
                std::lock_guard lock(mutex);
                taskNice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
            }
            runs.add();
        },
        PeriodicTask::Priority::Background);
    ASSERT_TRUE(runs.reach(1));
    std::lock_guard lock(mutex);
    EXPECT_EQ(taskNice, 19);
    EXPECT_EQ(::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid())), callerNice);
}
