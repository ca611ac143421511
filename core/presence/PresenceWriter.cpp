#include "core/presence/PresenceWriter.h"

#include <Poco/Logger.h>

namespace switchboard::core::presence {

namespace {

template <class Map>
void moveSome(Map& from, Map& to, std::size_t& room) {
    while (room > 0 && !from.empty()) {
        to.insert(from.extract(from.begin()));
        --room;
    }
}

} // namespace

PresenceWriter::PresenceWriter(store::Database& database) : _database(database), _worker([this] { run(); }) {}

PresenceWriter::~PresenceWriter() {
    {
        std::lock_guard lock(_mutex);
        _stopping = true;
    }
    _wake.notify_one();
    _worker.join();
}

void PresenceWriter::recordLastSeen(const std::string& visitorId, std::int64_t atMs) {
    {
        std::lock_guard lock(_mutex);
        auto [queued, added] = _queued.lastSeen.try_emplace(visitorId, atMs);
        if (!added && queued->second < atMs) queued->second = atMs;
    }
    _wake.notify_one();
}

void PresenceWriter::recordAgentStatus(const std::string& agentId, const std::string& status) {
    {
        std::lock_guard lock(_mutex);
        _queued.statuses[agentId] = status;
    }
    _wake.notify_one();
}

void PresenceWriter::run() {
    std::unique_lock lock(_mutex);
    for (;;) {
        _wake.wait(lock, [this] { return _stopping || !_queued.lastSeen.empty() || !_queued.statuses.empty(); });
        if (_queued.lastSeen.empty() && _queued.statuses.empty()) return;
        const auto batch = take();
        lock.unlock();
        write(batch);
        lock.lock();
    }
}

PresenceWriter::Batch PresenceWriter::take() {
    Batch batch;
    std::size_t room = MaxBatch;
    moveSome(_queued.statuses, batch.statuses, room);
    moveSome(_queued.lastSeen, batch.lastSeen, room);
    return batch;
}

void PresenceWriter::write(const Batch& batch) {
    try {
        _database.write([&](store::Sql& sql) {
            for (const auto& [agentId, status] : batch.statuses) _agents.updateStatus(sql, agentId, status);
            for (const auto& [visitorId, atMs] : batch.lastSeen) _visitors.updateLastSeen(sql, visitorId, atMs);
        });
    } catch (const std::exception& error) {
        // Presence is also held in memory and written again on the next change; losing one write only leaves a
        // stale value in the database.
        Poco::Logger::get("presence").error("could not store %z presence changes: %s",
                                            batch.statuses.size() + batch.lastSeen.size(), std::string(error.what()));
    }
}

} // namespace switchboard::core::presence
