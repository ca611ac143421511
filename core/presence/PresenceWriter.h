#pragma once

#include "core/store/AgentRepository.h"
#include "core/store/Database.h"
#include "core/store/VisitorRepository.h"

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace switchboard::core::presence {

/// Writes presence to the database on a thread of its own, so that the real-time loops that report it never wait
/// for the database: when visitors were last seen (`visitors.last_seen_at`) and the status agents chose
/// (`agents.status`). Values queued for the same row are merged, the latest winning, and written in batches of
/// one transaction each. Whatever is still queued is written before destruction returns.
class PresenceWriter {
public:
    explicit PresenceWriter(store::Database& database);
    ~PresenceWriter();
    PresenceWriter(const PresenceWriter&) = delete;
    PresenceWriter& operator=(const PresenceWriter&) = delete;

    /// A last-seen time never moves the stored one back.
    void recordLastSeen(const std::string& visitorId, std::int64_t atMs);
    void recordAgentStatus(const std::string& agentId, const std::string& status);

private:
    /// Bounds one transaction, so that other writers are not held up behind a long backlog.
    static constexpr std::size_t MaxBatch = 256;

    struct Batch {
        std::map<std::string, std::int64_t> lastSeen;
        std::map<std::string, std::string> statuses;
    };

    void run();
    /// Moves up to MaxBatch queued values out of the queue; the caller holds the lock.
    Batch take();
    void write(const Batch& batch);

    store::Database& _database;
    store::VisitorRepository _visitors;
    store::AgentRepository _agents;

    std::mutex _mutex;
    std::condition_variable _wake;
    Batch _queued;
    bool _stopping = false;
    std::thread _worker; // last: starts once everything above exists
};

} // namespace switchboard::core::presence
