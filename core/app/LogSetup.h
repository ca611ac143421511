#pragma once

#include "core/config/HubConfig.h"

namespace switchboard::core::app {

/// Sends every logger to stderr as one structured line per event: `text` is logfmt
/// (`time=... level=info logger=http msg="..."`), `json` one object per line. Secrets are never passed to
/// loggers in the first place; this only shapes the lines.
void configureLogging(const config::LogConfig& log);

} // namespace switchboard::core::app
