#pragma once

#include <cstdint>

namespace switchboard::core::store {

/// The layout of SQLite's write-ahead log (https://www.sqlite.org/fileformat.html#the_write_ahead_log): a 32-byte
/// header, then frames of a 24-byte header and a page. Numbers in it are big-endian.
struct WalFormat {
    static constexpr std::int64_t LogHeaderBytes = 32;
    static constexpr std::int64_t FrameHeaderBytes = 24;

    static constexpr std::int64_t frameBytes(std::int64_t pageSize) { return FrameHeaderBytes + pageSize; }
    /// Where frame `index` (from 0) starts, which is also the log's length with `index` frames.
    static constexpr std::int64_t frameOffset(std::int64_t index, std::int64_t pageSize) {
        return LogHeaderBytes + index * frameBytes(pageSize);
    }
};

} // namespace switchboard::core::store
