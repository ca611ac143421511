#pragma once

#include <switchboard/sdk/HostServices.h>

#include <Poco/Logger.h>

#include <string>

namespace switchboard::core::plugin_host {

/// A channel instance's log lines, written to the POCO logger `channel.<instance>`.
class ChannelLogger final : public sdk::Logger {
public:
    explicit ChannelLogger(const std::string& instanceName);

    void info(const std::string& message) override;
    void warning(const std::string& message) override;
    void error(const std::string& message) override;

private:
    Poco::Logger& _logger;
};

} // namespace switchboard::core::plugin_host
