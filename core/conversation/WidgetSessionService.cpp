#include "core/conversation/WidgetSessionService.h"

#include "core/common/ApiError.h"
#include "core/common/Digest.h"
#include "core/common/SecureRandom.h"
#include "core/common/Validation.h"

#include <switchboard/sdk/ContactAddress.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace switchboard::core::conversation {

using common::ApiError;

namespace {

/// The value the visitor gave for a pre-chat field, trimmed; nullopt when absent or blank.
std::optional<std::string> fieldValue(const WidgetStart& request, const std::string& name) {
    std::optional<std::string> raw;
    if (name == "name") raw = request.name;
    else if (name == "email") raw = request.email;
    else if (name == "phone") raw = request.phone;
    else
        for (const auto& [key, value] : request.custom)
            if (key == name) raw = value;
    if (!raw) return std::nullopt;
    auto trimmed = common::trim(*raw);
    if (trimmed.empty()) return std::nullopt;
    return trimmed;
}

/// Whether a returning visitor already gave a required field, so the widget need not ask again.
bool knownHas(const Visitor& visitor, const std::string& field) {
    if (field == "name") return visitor.name.has_value();
    if (field == "email") return visitor.email.has_value();
    if (field == "phone") return visitor.phone.has_value();
    try {
        Poco::JSON::Parser parser;
        auto custom = parser.parse(visitor.customFieldsJson).extract<Poco::JSON::Object::Ptr>();
        return custom->has(field);
    } catch (const Poco::Exception&) {
        return false;
    }
}

std::optional<std::string> trimmedOrNull(const std::optional<std::string>& value) {
    if (!value) return std::nullopt;
    auto trimmed = common::trim(*value);
    if (trimmed.empty()) return std::nullopt;
    return trimmed;
}

} // namespace

WidgetSessionService::WidgetSessionService(store::Database& database, const config::WidgetRegistry& widgets,
                                           const common::Clock& clock, limits::RateLimiter& limiter,
                                           ConversationEvents& events, MessageService& messages)
    : _database(database),
      _widgets(widgets),
      _clock(clock),
      _limiter(limiter),
      _events(events),
      _messages(messages) {}

std::optional<Visitor> WidgetSessionService::authenticate(const std::string& visitorToken) {
    const auto hash = common::Digest::sha256Hex(visitorToken);
    return _database.read([&](store::Sql& sql) { return _visitorRepository.findByTokenHash(sql, hash); });
}

Visitor WidgetSessionService::requireVisitor(const std::optional<std::string>& visitorToken) {
    if (!visitorToken) throw ApiError::unauthorized("a visitor token is required");
    auto visitor = authenticate(*visitorToken);
    if (!visitor) throw ApiError::unauthorized("the visitor token is not valid");
    return *visitor;
}

std::string WidgetSessionService::conversationFor(const Visitor& visitor,
                                                  const std::optional<std::string>& conversationId) {
    auto conversation = _database.read([&](store::Sql& sql) {
        return conversationId ? _conversationRepository.find(sql, *conversationId)
                              : _conversationRepository.findOpenForVisitor(sql, visitor.id);
    });
    if (!conversation || conversation->visitorId != visitor.id) throw ApiError::notFound("conversation");
    return conversation->id;
}

void WidgetSessionService::validate(const config::WidgetConfig& widget, const WidgetStart& request,
                                    const std::optional<Visitor>& known) const {
    if (widget.prechat.enabled) {
        for (const auto& field : widget.prechat.fields) {
            const auto value = fieldValue(request, field.name);
            if (!value) {
                if (field.required && !(known && knownHas(*known, field.name)))
                    throw ApiError::invalid("validation_failed", field.label + " is required", field.name);
                continue;
            }
            if (common::utf8Length(*value).value_or(SIZE_MAX) > field.maxLength)
                throw ApiError::invalid("validation_failed",
                                        field.label + " is longer than " + std::to_string(field.maxLength) +
                                            " characters",
                                        field.name);
        }
    }
    if (auto email = trimmedOrNull(request.email); email && !sdk::isValidEmail(*email))
        throw ApiError::invalid("invalid_email", "email is not a valid email address", "email");
    if (auto phone = trimmedOrNull(request.phone); phone && !sdk::isValidE164(*phone))
        throw ApiError::invalid("invalid_phone", "phone must be in international E.164 form, e.g. +447700900123",
                                "phone");
    if (request.custom.size() > MaxCustomFields)
        throw ApiError::invalid("validation_failed", "at most " + std::to_string(MaxCustomFields) + " custom fields",
                                "custom");
    for (const auto& [key, value] : request.custom)
        if (key.size() > 64 || value.size() > MaxFieldLength)
            throw ApiError::invalid("validation_failed", "custom field '" + key.substr(0, 64) + "' is too long",
                                    "custom");
    for (const auto* value : {&request.currentUrl, &request.referrer})
        if (*value && value->value().size() > MaxFieldLength)
            throw ApiError::invalid("validation_failed", "page URLs are limited to 2000 characters",
                                    value == &request.currentUrl ? "current_url" : "referrer");
}

void WidgetSessionService::applyDetails(Visitor& visitor, const WidgetStart& request) const {
    if (auto name = trimmedOrNull(request.name)) visitor.name = name;
    if (auto email = trimmedOrNull(request.email)) visitor.email = common::normalizeEmail(*email);
    if (auto phone = trimmedOrNull(request.phone)) visitor.phone = phone;
    if (request.currentUrl) visitor.currentUrl = request.currentUrl;
    if (request.referrer) visitor.referrer = request.referrer;
    if (!request.userAgent.empty()) visitor.userAgent = request.userAgent.substr(0, 512);
    visitor.ip = request.clientIp;
    if (!request.custom.empty()) {
        Poco::JSON::Object custom;
        for (const auto& [key, value] : request.custom) custom.set(key, value);
        std::ostringstream out;
        custom.stringify(out);
        visitor.customFieldsJson = out.str();
    }
    visitor.lastSeenAt = _clock.nowMs();
}

WidgetSession WidgetSessionService::start(const WidgetStart& request) {
    auto widget = _widgets.find(request.widgetId);
    if (!widget) throw ApiError::notFound("widget");
    std::optional<Visitor> known;
    if (request.visitorToken) {
        known = authenticate(*request.visitorToken);
        if (known && known->widgetId != widget->id) known.reset(); // a token of another widget starts afresh
    }
    validate(*widget, request, known);
    if (trimmedOrNull(request.message)) _messages.validateText(*request.message, std::nullopt);

    const auto now = _clock.nowMs();
    WidgetSession session;
    session.visitorToken = known ? *request.visitorToken : common::SecureRandom::token();
    const auto tokenHash = common::Digest::sha256Hex(session.visitorToken);

    struct Started {
        std::string conversationId;
        bool created;
    };
    auto started = _database.write([&](store::Sql& sql) -> Started {
        Visitor visitor;
        if (known) {
            visitor = *known;
            applyDetails(visitor, request);
            _visitorRepository.update(sql, visitor);
            if (auto open = _conversationRepository.findOpenForVisitor(sql, visitor.id)) return {open->id, false};
        } else {
            visitor.id = common::SecureRandom::uuid4();
            visitor.widgetId = widget->id;
            visitor.firstSeenAt = now;
            applyDetails(visitor, request);
            _visitorRepository.insert(sql, visitor, tokenHash);
        }
        const auto decision =
            _limiter.hit("conversations:" + widget->id + ":" + request.clientIp,
                         widget->rateLimits.conversationsPerIpPerHour, 3600);
        if (!decision.allowed)
            throw common::RateLimited(decision.retryAfterS, "too many new conversations from this address");
        Conversation conversation;
        conversation.id = common::SecureRandom::uuid4();
        conversation.widgetId = widget->id;
        conversation.visitorId = visitor.id;
        // No widget has a bot yet: a new conversation waits for an agent.
        conversation.status = ConversationStatus::Pending;
        conversation.activityAt = conversation.createdAt = conversation.updatedAt = now;
        _conversationRepository.insert(sql, conversation);
        return {conversation.id, true};
    });
    session.resumed = !started.created;

    if (started.created) {
        if (trimmedOrNull(request.message)) {
            auto visitor = requireVisitor(session.visitorToken);
            _messages.postVisitorMessage(visitor, started.conversationId, *request.message, std::nullopt);
        }
    }
    session.view = *_database.read(
        [&](store::Sql& sql) { return _conversationRepository.findView(sql, started.conversationId); });
    session.messages = _messages.visitorMessagesAfter(session.view.visitor, started.conversationId, 0,
                                                      MessageService::MaxPageSize)
                           .messages;
    if (started.created) _events.conversationNew(session.view);
    return session;
}

} // namespace switchboard::core::conversation
