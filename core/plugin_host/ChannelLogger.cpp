#include "core/plugin_host/ChannelLogger.h"

namespace switchboard::core::plugin_host {

ChannelLogger::ChannelLogger(const std::string& instanceName) : _logger(Poco::Logger::get("channel." + instanceName)) {}

void ChannelLogger::info(const std::string& message) { _logger.information(message); }

void ChannelLogger::warning(const std::string& message) { _logger.warning(message); }

void ChannelLogger::error(const std::string& message) { _logger.error(message); }

} // namespace switchboard::core::plugin_host
