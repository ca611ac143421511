#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace switchboard::core::store {

/// Copies SQLite's write-ahead log back into the database file on a thread of its own.
///
/// Left to SQLite, the commit that grows the log past its threshold runs the checkpoint, with its fsync,
/// inside that commit: one request in a thousand waits for it. The hub turns that off and checkpoints here,
/// in PASSIVE mode, which never blocks the writer or the readers.
class WalCheckpointer {
public:
    WalCheckpointer(std::function<void()> checkpoint, std::chrono::milliseconds interval);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

private:
    void loop();

    const std::function<void()> _checkpoint;
    const std::chrono::milliseconds _interval;
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
    std::thread _thread;
};

} // namespace switchboard::core::store
