#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>

#include <mutex>
#include <string>
#include <vector>

namespace switchboard::tests {

/// Collects what one POCO logger writes while it lives, then puts the logger back as it was.
class LogCapture {
public:
    struct Line {
        Poco::Message::Priority priority;
        std::string text;
    };

    explicit LogCapture(const std::string& loggerName)
        : _logger(Poco::Logger::get(loggerName)), _previousChannel(_logger.getChannel()),
          _previousLevel(_logger.getLevel()), _channel(new Collector) {
        _logger.setChannel(_channel);
        _logger.setLevel(Poco::Message::PRIO_INFORMATION);
    }
    ~LogCapture() {
        _logger.setChannel(_previousChannel);
        _logger.setLevel(_previousLevel);
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    std::vector<Line> lines() const {
        std::lock_guard lock(_channel->mutex);
        return _channel->lines;
    }

private:
    struct Collector : Poco::Channel {
        void log(const Poco::Message& message) override {
            std::lock_guard lock(mutex);
            lines.push_back({message.getPriority(), message.getText()});
        }
        mutable std::mutex mutex;
        std::vector<Line> lines;
    };

    Poco::Logger& _logger;
    Poco::AutoPtr<Poco::Channel> _previousChannel;
    int _previousLevel;
    Poco::AutoPtr<Collector> _channel;
};

} // namespace switchboard::tests
