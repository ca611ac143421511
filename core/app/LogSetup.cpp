#include "core/app/LogSetup.h"

#include "core/common/Time.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Formatter.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>

namespace switchboard::core::app {

namespace {

std::string levelName(Poco::Message::Priority priority) {
    switch (priority) {
    case Poco::Message::PRIO_FATAL: return "fatal";
    case Poco::Message::PRIO_CRITICAL: return "critical";
    case Poco::Message::PRIO_ERROR: return "error";
    case Poco::Message::PRIO_WARNING: return "warning";
    case Poco::Message::PRIO_NOTICE: return "notice";
    case Poco::Message::PRIO_INFORMATION: return "info";
    case Poco::Message::PRIO_DEBUG: return "debug";
    default: return "trace";
    }
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

class StructuredFormatter final : public Poco::Formatter {
public:
    explicit StructuredFormatter(bool json) : _json(json) {}

    void format(const Poco::Message& msg, std::string& text) override {
        const auto time = common::formatIso8601Ms(msg.getTime().epochMicroseconds() / 1000);
        if (_json) {
            text = "{\"time\":" + quoted(time) + ",\"level\":" + quoted(levelName(msg.getPriority())) +
                   ",\"logger\":" + quoted(msg.getSource()) + ",\"msg\":" + quoted(msg.getText()) + "}";
        } else {
            text = "time=" + time + " level=" + levelName(msg.getPriority()) + " logger=" + msg.getSource() +
                   " msg=" + quoted(msg.getText());
        }
    }

private:
    bool _json;
};

} // namespace

void configureLogging(const config::LogConfig& log) {
    Poco::AutoPtr<Poco::Channel> console(new Poco::ConsoleChannel);
    Poco::AutoPtr<Poco::Formatter> formatter(new StructuredFormatter(log.format == "json"));
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, console));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::setLevel("", Poco::Logger::parseLevel(log.level));
}

} // namespace switchboard::core::app
