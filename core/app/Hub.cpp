#include "core/app/Hub.h"
#include "core/app/BuiltinPluginFolder.h"
#include "core/app/ChannelSetup.h"
#include "core/app/FileLimit.h"
#include "core/app/SchemaUpgrade.h"

#include "core/auth/AgentService.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/common/ApiError.h"
#include "core/common/Clock.h"
#include "core/common/PeriodicTask.h"
#include "core/common/SecureRandom.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/CannedResponseService.h"
#include "core/conversation/AgentConversationJson.h"
#include "core/conversation/ConversationEvents.h"
#include "core/conversation/ConversationService.h"
#include "core/conversation/InboundMessagePoster.h"
#include "core/conversation/MessageStatusAnnouncer.h"
#include "core/conversation/VisitorChannels.h"
#include "core/conversation/MessageService.h"
#include "core/conversation/StatsService.h"
#include "core/conversation/WidgetSessionService.h"
#include "core/events/LocalEventBus.h"
#include "core/handover/ContactOptOuts.h"
#include "core/handover/HandoverConfigEditor.h"
#include "core/handover/HandoverCompletion.h"
#include "core/handover/HandoverEvents.h"
#include "core/handover/HandoverQueries.h"
#include "core/handover/HandoverService.h"
#include "core/handover/OutboxWorker.h"
#include "core/handover/ProviderStatusUpdater.h"
#include "core/handover/RetrySchedule.h"
#include "core/handover/MethodTester.h"
#include "core/http/AgentRoutes.h"
#include "core/http/AuthGuard.h"
#include "core/http/AuthRoutes.h"
#include "core/http/CannedResponseRoutes.h"
#include "core/http/ChannelCallbackRoutes.h"
#include "core/http/ConversationRoutes.h"
#include "core/http/HandoverRoutes.h"
#include "core/http/WebhookTestRoute.h"
#include "core/http/HealthRoutes.h"
#include "core/http/HttpPipeline.h"
#include "core/http/PluginRoutes.h"
#include "core/http/PresenceRoutes.h"
#include "core/limits/RateLimiter.h"
#include "core/http/ClientAddress.h"
#include "core/http/HttpDispatcher.h"
#include "core/http/Router.h"
#include "core/http/StaticFileRoutes.h"
#include "core/http/StatsRoutes.h"
#include "core/http/VisitorAuth.h"
#include "core/http/WidgetGate.h"
#include "core/http/WidgetListRoutes.h"
#include "core/http/WidgetRoutes.h"
#include "core/notify/AgentNotifier.h"
#include "core/plugin_host/HubHostServices.h"
#include "core/plugin_host/InboundRefusals.h"
#include "core/plugin_host/MethodDefaults.h"
#include "core/plugin_host/MethodSettingsCheck.h"
#include "core/plugin_host/PluginError.h"
#include "core/plugin_host/PluginHost.h"
#include "core/presence/AgentPresence.h"
#include "core/presence/PresenceWriter.h"
#include "core/presence/ViewingRegistry.h"
#include "core/presence/VisitorPresence.h"
#include "core/realtime/ListeningSocket.h"
#include "core/realtime/RealtimeServer.h"
#include "core/store/AgentRepository.h"
#include "core/store/Database.h"
#include "sdk/src/CurlHttpClient.h"

#include <Poco/Environment.h>
#include <Poco/Logger.h>

#include <chrono>
#include <iostream>
#include <random>
#include <thread>

namespace switchboard::core::app {

/// Everything the hub owns, in construction order (members are destroyed in reverse).
struct Hub::Parts {
    explicit Parts(const config::HubConfig& config, std::vector<config::WidgetConfig> widgetConfigs)
        : database(store::DatabaseUrl::parse(config.database.url), static_cast<std::size_t>(config.database.poolSize),
                   config.database.poolWaitMs),
          widgets(std::move(widgetConfigs)),
          limiter(clock),
          events(bus, [this](const conversation::ConversationView& view) { return agentConversationJson(view); }),
          handoverEvents(bus),
          handoverCompletion(clock, handoverEvents),
          messageStatuses(database, events),
          messages(database, widgets, clock, limiter, events, handoverCompletion, config.server.maxMessageChars,
                   [this] { outbox.wake(); }),
          sessions(database, widgets, clock, limiter, events, messages),
          conversations(database, clock, events,
                        [this](store::Sql& sql, const std::string& id) { return agentRepository.findById(sql, id); },
                        handoverCompletion, visitorChannels),
          hasher(auth::PasswordHasher::Strength::Interactive),
          authService(database, hasher, clock, limiter, config.auth, bus),
          agentService(database, hasher, clock, [this](const std::string& id) { return widgets.find(id) != nullptr; },
                       bus),
          cannedResponses(database, clock, [this](const std::string& id) { return widgets.find(id) != nullptr; },
                          config.server.maxMessageChars),
          stats(database, clock, [this](const std::string& id) { return widgets.find(id) != nullptr; }),
          presenceWriter(database),
          visitorPresence(clock, bus, config.presence,
                          [this](const std::string& id, std::int64_t atMs) {
                              presenceWriter.recordLastSeen(id, atMs);
                          }),
          agentConversationJson(visitorPresence, visitorChannels),
          agentPresence(
              clock, bus, config.presence,
              [this] {
                  std::vector<std::string> ids;
                  for (const auto& widget : widgets.all()) ids.push_back(widget->id);
                  return ids;
              },
              [this](const std::string& id, const std::string& status) {
                  presenceWriter.recordAgentStatus(id, status);
              }),
          viewing(clock, bus, config.presence),
          presenceSweep("presence sweep", std::chrono::seconds(1),
                        [this] {
                            visitorPresence.sweep();
                            agentPresence.sweep();
                            viewing.sweep();
                        }),
          guard(authService),
          gate(widgets, limiter, config.rateLimits.requestsPerIpPerMinute, router),
          health(database, ready),
          widgetRoutes(widgets, sessions, messages, conversations, clock, config.server.maxMessageChars,
                       config.presence.heartbeatS, [this](const std::string& widgetId) { return agentPresence.availableFor(widgetId) > 0; }),
          conversationRoutes(guard, conversations, messages, agentConversationJson, viewing),
          authRoutes(guard, authService, config.auth),
          agentRoutes(guard, agentService),
          widgetList(guard, widgets),
          cannedRoutes(guard, cannedResponses),
          statsRoutes(guard, stats),
          presenceRoutes(guard, conversations, agentService, visitorPresence, agentPresence, viewing),
          staticFiles(config.server.webRoot),
          httpClient(sdk::OutboundPolicy{config.outbound.allowedHosts, config.outbound.connectTimeoutMs,
                                         config.outbound.totalTimeoutMs, config.outbound.maxResponseBytes}),
          notifier(bus, agentPresence, clock),
          providerStatuses(database, clock, handoverEvents, messageStatuses),
          optOuts(database, clock),
          inbound(database, widgets, clock, events, messages, visitorChannels),
          inboundRefusals(clock),
          plugins(
              [this](const config::ChannelInstanceConfig& instance) {
                  return std::make_unique<plugin_host::HubHostServices>(
                      httpClient, clock, instance.name,
                      plugin_host::HubHostServices::Functions{
                          [this](const std::string& name, const sdk::InboundMessage& message) {
                              return inboundRefusals.counted(name, inbound.post(name, message));
                          },
                          [this](const sdk::AgentNotification& notification) { return notifier.notify(notification); },
                          [this](const std::string& name, const std::string& providerId, sdk::ProviderStatus status,
                                 const std::string& errorCode, const std::string& errorText) {
                              return providerStatuses.update(name, providerId, status, errorCode, errorText);
                          },
                          [this](const std::string& name, const std::string& address, bool optedOut) {
                              optOuts.record(name, address, optedOut);
                          }});
              },
              plugin_host::PluginHost::Settings{.configFile = config.sourceFile}),
          retrySchedule(config.delivery.backoffS, uniformRandom),
          outbox(database, widgets, clock, retrySchedule,
                 [this, limit = std::chrono::seconds(config.delivery.attemptTimeoutS)](const std::string& channel,
                                                                                      const sdk::Delivery& delivery) {
                     return plugins.deliver(channel, delivery, limit);
                 },
                 [this](const handover::DeliveryLedger::Booked& booked) {
                     if (booked.requestChanged) handoverEvents.updated(*booked.request);
                     messageStatuses.changed(booked.delivery);
                 },
                 outboxSettings(config)),
          handover(database, widgets, clock, limiter, events, handoverEvents, visitorChannels,
                   [this] { outbox.wake(); }),
          handoverQueries(database, clock, [this](const std::string& id) { return widgets.find(id) != nullptr; }),
          visitorAuth(sessions, widgets),
          handoverConfig(
              widgets, config,
              [this](config::WidgetConfig& widget) {
                  plugin_host::MethodDefaults::complete(plugins, widget);
                  return plugin_host::MethodSettingsCheck::problems(plugins, widget);
              },
              [this](const std::string& url) { httpClient.check(url); },
              handover::MethodSettingTypes([this](const std::string& channel) {
                  const auto* instance = plugins.find(channel);
                  return instance ? instance->description().methodSettings : std::vector<sdk::SettingDescription>{};
              })),
          methodTester(widgets,
                       [this, limit = std::chrono::seconds(config.delivery.attemptTimeoutS)](
                           const std::string& channel, const sdk::Settings& settings) {
                           return plugins.test(channel, settings, limit);
                       }),
          handoverRoutes(guard, visitorAuth, handover, handoverQueries, handoverConfig, methodTester),
          webhookTestRoute(guard, methodTester, firstInstanceOf(config, "webhook")),
          pluginRoutes(guard, plugins, inboundRefusals),
          channelCallbacks(plugins, config.server.publicUrl),
          pipeline(
              router,
              [this](http::HttpRequest& req, http::HttpResponse& res) {
                  if (!ready.load() && req.path != "/healthz")
                      throw common::ApiError(503, "unavailable", "the hub is starting; try again shortly");
                  return gate.filter(req, res);
              },
              [this](const http::HttpRequest& req, http::HttpResponse& res) { gate.allowOrigin(req, res); }),
          clientAddresses(config.server.trustedProxies),
          dispatcher(pipeline, clientAddresses, pollingSessions, config.server, clock, ready),
          realtime({sessions, authService, messages, conversations, widgets, visitorPresence, agentPresence, viewing,
                    limiter, config.rateLimits},
                   clock, config.realtime, config.server, pollingSessions,
                   [this](const std::string& peer) { return clientAddresses.trusted(peer); }) {
        health.registerRoutes(router);
        widgetRoutes.registerRoutes(router);
        conversationRoutes.registerRoutes(router);
        authRoutes.registerRoutes(router);
        agentRoutes.registerRoutes(router);
        widgetList.registerRoutes(router);
        cannedRoutes.registerRoutes(router);
        statsRoutes.registerRoutes(router);
        presenceRoutes.registerRoutes(router);
        handoverRoutes.registerRoutes(router);
        webhookTestRoute.registerRoutes(router);
        pluginRoutes.registerRoutes(router);
        channelCallbacks.registerRoutes(router);
        staticFiles.registerRoutes(router);
        bus.subscribe([this](const events::Event& event) { realtime.publish(event); });
        loadChannels(config);
    }

    /// Loads the plugins, configures the channel instances and completes the widgets' handover methods from their
    /// channels' descriptions; any problem (with them, or with a widget's handover method settings) stops the hub
    /// from starting, all of them reported at once.
    void loadChannels(const config::HubConfig& config) {
        auto problems = ChannelSetup::run(plugins, config, widgets, BuiltinPluginFolder::ofThisProcess());
        if (!problems.empty()) throw plugin_host::PluginError(std::move(problems));
        for (const auto& instance : plugins.instances()) {
            const auto& description = instance.description();
            visitorChannels.add(instance.name(),
                                description.displayName.empty() ? instance.plugin() : description.displayName,
                                description.visitorReach);
        }
    }

    /// The first channel instance that runs on `plugin`, or "" when none does.
    static std::string firstInstanceOf(const config::HubConfig& config, const std::string& plugin) {
        for (const auto& instance : config.channels)
            if (instance.plugin == plugin) return instance.name;
        return "";
    }

    static double uniformRandom() {
        thread_local std::mt19937_64 engine{std::random_device{}()};
        return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
    }

    static handover::OutboxWorker::Settings outboxSettings(const config::HubConfig& config) {
        handover::OutboxWorker::Settings settings;
        // Stable across restarts of this node, so that it takes back its own leases at once.
        settings.owner = Poco::Environment::nodeName() + ":" + std::to_string(config.server.port);
        settings.concurrency = static_cast<std::size_t>(config.delivery.concurrency);
        settings.perDestination = static_cast<std::size_t>(config.delivery.perDestination);
        settings.leaseMs = static_cast<std::int64_t>(config.delivery.leaseS) * 1000;
        return settings;
    }

    std::atomic<bool> ready{false};
    common::SystemClock clock;
    store::Database database;
    config::WidgetRegistry widgets;
    limits::RateLimiter limiter;
    events::LocalEventBus bus;
    conversation::ConversationEvents events;
    /// Filled by loadChannels, before the hub serves.
    conversation::VisitorChannels visitorChannels;
    store::AgentRepository agentRepository;
    handover::HandoverEvents handoverEvents;
    handover::HandoverCompletion handoverCompletion;
    conversation::MessageStatusAnnouncer messageStatuses;
    conversation::MessageService messages;
    conversation::WidgetSessionService sessions;
    conversation::ConversationService conversations;
    auth::PasswordHasher hasher;
    auth::AuthService authService;
    auth::AgentService agentService;
    conversation::CannedResponseService cannedResponses;
    conversation::StatsService stats;
    presence::PresenceWriter presenceWriter; // before the presence it writes, so it outlives them and drains last
    presence::VisitorPresence visitorPresence;
    conversation::AgentConversationJson agentConversationJson;
    presence::AgentPresence agentPresence;
    presence::ViewingRegistry viewing;
    common::PeriodicTask presenceSweep; // after what it sweeps, so it stops first
    http::AuthGuard guard;
    http::WidgetGate gate;
    http::HealthRoutes health;
    http::WidgetRoutes widgetRoutes;
    http::ConversationRoutes conversationRoutes;
    http::AuthRoutes authRoutes;
    http::AgentRoutes agentRoutes;
    http::WidgetListRoutes widgetList;
    http::CannedResponseRoutes cannedRoutes;
    http::StatsRoutes statsRoutes;
    http::PresenceRoutes presenceRoutes;
    http::StaticFileRoutes staticFiles;
    sdk::CurlHttpClient httpClient;
    notify::AgentNotifier notifier;
    // What the plugins call back into, before them so that it outlives them.
    handover::ProviderStatusUpdater providerStatuses;
    handover::ContactOptOuts optOuts;
    conversation::InboundMessagePoster inbound;
    plugin_host::InboundRefusals inboundRefusals;
    plugin_host::PluginHost plugins;
    handover::RetrySchedule retrySchedule;
    handover::OutboxWorker outbox; // after the plugins it calls, so it stops first
    handover::HandoverService handover;
    handover::HandoverQueries handoverQueries;
    http::VisitorAuth visitorAuth;
    handover::HandoverConfigEditor handoverConfig;
    handover::MethodTester methodTester;
    http::HandoverRoutes handoverRoutes;
    http::WebhookTestRoute webhookTestRoute;
    http::PluginRoutes pluginRoutes;
    http::ChannelCallbackRoutes channelCallbacks;
    http::Router router;
    http::HttpPipeline pipeline;
    http::ClientAddress clientAddresses;
    realtime::PollingSessions pollingSessions;
    http::HttpDispatcher dispatcher;
    realtime::RealtimeServer realtime; // after the dispatcher its loops call into, so it is destroyed first
    std::unique_ptr<realtime::ListeningSocket> listener;
    std::thread preparer;
};

namespace {

/// Files the hub keeps open besides its clients: database, logs, plugins, epoll and event descriptors.
constexpr std::size_t ReservedFiles = 100;

/// Connections the kernel completes before a loop accepts them; a burst of new clients waits there, not refused.
constexpr int ListenBacklog = 1024;

/// Runs one step of the shutdown and logs how long it took, so that a log whose last line is a step names the
/// one after it as the step that did not finish.
template <typename Step>
void shutdownStep(const char* what, Step&& step) {
    const auto started = std::chrono::steady_clock::now();
    step();
    const auto tookMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    Poco::Logger::get("hub").information("shutdown: %s in %Ld ms", std::string(what), static_cast<Poco::Int64>(tookMs));
}

} // namespace

Hub::Hub(config::HubConfig config, std::vector<config::WidgetConfig> widgets)
    : _config(std::move(config)), _parts(std::make_unique<Parts>(_config, std::move(widgets))) {}

Hub::~Hub() {
    if (!_started) return;
    stop();
    shutdownStep("services and database closed", [this] { _parts.reset(); });
}

void Hub::migrate() { SchemaUpgrade::apply(_parts->database, _parts->clock.nowMs()); }

void Hub::prepareDatabase() {
    auto& logger = Poco::Logger::get("hub");
    while (!_stopping.load()) {
        try {
            migrate();
            const auto email = Poco::Environment::get("SWITCHBOARD_ADMIN_EMAIL", "");
            auto password = Poco::Environment::get("SWITCHBOARD_ADMIN_PASSWORD", "");
            if (!email.empty()) {
                const bool generated = password.empty();
                if (generated) password = common::SecureRandom::token(12);
                if (_parts->agentService.ensureFirstAdmin(email, password)) {
                    logger.notice("created the first admin agent %s", email);
                    // Shown once, on the console only: the operator has no other way to learn it.
                    if (generated) std::cout << "First admin: " << email << "  password: " << password << std::endl;
                }
            } else if (!_parts->agentService.hasActiveAdmin()) {
                logger.warning("there is no admin agent, so nobody can manage the team: create one with "
                               "`switchboard create-admin EMAIL --config FILE` (its password from "
                               "SWITCHBOARD_ADMIN_PASSWORD or standard input)");
            }
            _parts->ready.store(true);
            _parts->outbox.start();
            logger.information("ready");
            return;
        } catch (const std::exception& error) {
            logger.error("database not ready (%s); retrying in 2 s", std::string(error.what()));
        }
        for (int i = 0; i < 20 && !_stopping.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

void Hub::start() {
    raiseFileLimit(_config.server.maxConnections + ReservedFiles);
    // Refuses to start when the port is taken: sharing it would split the clients between two hubs.
    _parts->listener = std::make_unique<realtime::ListeningSocket>(
        _config.server.listen, static_cast<std::uint16_t>(_config.server.port), ListenBacklog);
    _parts->realtime.start(_parts->listener->fd(), _parts->dispatcher);
    Poco::Logger::get("hub").information("listening on %s:%d", _config.server.listen, port());
    _parts->preparer = std::thread([this] { prepareDatabase(); });
    _started = true;
}

void Hub::stop() {
    if (_stopping.exchange(true) || !_started) return;
    shutdownStep("database preparation joined", [this] {
        if (_parts->preparer.joinable()) _parts->preparer.join();
    });
    shutdownStep("HTTP requests finished", [this] { _parts->dispatcher.stop(); });
    shutdownStep("deliveries stopped", [this] { _parts->outbox.stop(); });
    shutdownStep("connections closed", [this] { _parts->realtime.stop(); });
}

bool Hub::ready() const { return _parts->ready.load(); }

int Hub::port() const { return _parts->listener ? _parts->listener->port() : _config.server.port; }

} // namespace switchboard::core::app
