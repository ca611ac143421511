#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

namespace switchboard::core::store {

/// Asks the kernel to read back, ahead of SQLite's writer, the part of the write-ahead log it is about to overwrite.
///
/// Why: once the log is started over (see Database::checkpoint), SQLite writes it again from its beginning, in frames
/// of a page plus a 24-byte header that never line up with the file system's pages. A write into part of a page that
/// is no longer in memory must first read that page from disk, and the commit waits for the read. Under memory
/// pressure, or where the host pages out memory left cold for a few seconds (as this project's virtual machines do),
/// the log written a few seconds earlier is gone by then: at 2,000 messages/s commits waited 10–20 ms each.
///
/// Each `look()` finds where the writer is, from the log's own format: frames of the current generation carry the
/// salts of the log's header, older frames other salts, so a binary search over frame headers finds the end of the
/// current generation. It then asks for the stretch ahead of it with POSIX_FADV_WILLNEED: `AheadLooks` looks of the
/// writer's progress. Pages still in memory cost nothing; a log that only grows is left to WalPreallocator.
class WalReadahead {
public:
    /// How far ahead of the writer to read, in looks of its progress.
    static constexpr std::int64_t AheadLooks = 20;

    explicit WalReadahead(std::filesystem::path walPath);

    /// One look; returns the writer's offset in the log (the end of its current generation's frames), or nullopt when
    /// there is no log or it does not read as one.
    std::optional<std::int64_t> look();

private:
    const std::filesystem::path _walPath;
    /// The writer's offset at the previous look; nullopt before the first and when there was no log.
    std::optional<std::int64_t> _lastPosition;
};

} // namespace switchboard::core::store
