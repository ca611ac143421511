#pragma once

#include <cstdint>
#include <filesystem>

namespace switchboard::core::store {

/// Reserves disk blocks ahead of SQLite's write-ahead log while it grows, so that commits write into space the
/// file system has already allocated.
///
/// Why: on ext4 a write that extends a file must reserve new blocks under the file's allocation lock, and that lock
/// is also held while the checkpoint's fsync allocates the blocks of earlier writes, which may wait on reading the
/// disk's block bitmaps. Under a steady stream of messages the log grows by tens of MB/s, and commits then wait
/// 10–30 ms behind the checkpoint: the tail of the message latency. Blocks reserved beforehand
/// (`fallocate(FALLOC_FL_KEEP_SIZE)`, which leaves the file's size, and so SQLite's view of it, unchanged) need
/// neither. Once the log is started over, SQLite rewrites the file from its beginning in place and nothing more is
/// reserved.
///
/// Each `reserve()` looks at how much the log grew since the previous one and, when the space reserved past its end
/// would last fewer than `LowWaterLooks` more such looks, reserves enough for `AheadLooks`. An idle log reserves
/// nothing. Nothing is reserved past `maxBytes`, the largest the log gets before it is started over.
class WalPreallocator {
public:
    /// Reserve again when what is reserved covers fewer than this many looks' growth...
    static constexpr std::int64_t LowWaterLooks = 10;
    /// ...and then reserve this many looks' growth past the end of the log.
    static constexpr std::int64_t AheadLooks = 20;
    /// Reservations are rounded up to whole MiB so that small growth does not mean a system call per look.
    static constexpr std::int64_t Granule = 1 << 20;

    WalPreallocator(std::filesystem::path walPath, std::int64_t maxBytes);

    /// One look at the log; returns the bytes newly reserved (0 when none were needed or the log does not exist).
    std::int64_t reserve();

    /// False once the file system has refused to reserve blocks (it does not support it): later looks do nothing.
    bool supported() const { return _supported; }

private:
    const std::filesystem::path _walPath;
    const std::int64_t _maxBytes;
    /// The log's size at the previous look; -1 before the first and when the log was absent.
    std::int64_t _lastSize = -1;
    bool _supported = true;
    /// So that a full disk is reported once, not ten times a second.
    bool _failureReported = false;
};

} // namespace switchboard::core::store
