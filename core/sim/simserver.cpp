// SPDX-License-Identifier: GPL-3.0-or-later
#include "simserver.h"

#include "simreplaysource.h"

#include "common/clock.h"
#include "common/logging.h"
#include "market/krx.h"
#include "simconditions.h"
#include "simexchange.h"
#include "simfaults.h"
#include "simhttpserver.h"
#include "simlivesource.h"
#include "simmarket.h"
#include "simnaver.h"
#include "simpaperfeed.h"
#include "simquota.h"
#include "simrealtimehub.h"
#include "simrestapi.h"
#include "simstatefile.h"
#include "simtokenstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QWebSocket>

#include <cmath>
#include <optional>

namespace {

QString phaseName(SimPhase phase)
{
    switch (phase) {
    case SimPhase::PreOpen:
        return QStringLiteral("pre_open");
    case SimPhase::Continuous:
        return QStringLiteral("continuous");
    case SimPhase::ClosingAuction:
        return QStringLiteral("closing_auction");
    case SimPhase::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

SimHttpResponse adminJson(int status, const QJsonObject &o)
{
    SimHttpResponse r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    r.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=UTF-8") },
        { QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") } };
    return r;
}

SimHttpResponse adminError(int status, const QString &message)
{
    return adminJson(status, QJsonObject { { QStringLiteral("error"), message } });
}

// The HTTP status of a test hook's error.
SimHttpResponse adminError(const Error &error)
{
    int status = 400;
    if (error.code == QLatin1String("sim.unknown_code"))
        status = 404;
    else if (error.code == QLatin1String("sim.not_continuous") || error.code == QLatin1String("sim.stopped"))
        status = 409;
    return adminError(status, error.message);
}

QJsonArray driftsJson(const SimMarket &market)
{
    QJsonArray out;
    for (const SimDrift &d : market.drifts()) {
        QJsonObject o { { QStringLiteral("code"), d.code },
            { QStringLiteral("percent_per_minute"), d.percentPerMinute } };
        if (d.untilMs > 0)
            o.insert(QStringLiteral("until"), Krx::toKst(d.untilMs).toString(Qt::ISODate));
        out.append(o);
    }
    return out;
}

// A JSON number field of an admin body; std::nullopt when missing or not a number.
std::optional<double> numberField(const QJsonObject &body, const char *name)
{
    const QJsonValue v = body.value(QLatin1String(name));
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

} // namespace

SimServer::SimServer(QObject *parent) : QObject(parent)
{
    connect(&m_stepTimer, &QTimer::timeout, this, &SimServer::step);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(STATE_SAVE_DELAY_MS);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        if (Status s = saveState(); !s)
            qCWarning(lcSim).noquote() << s.error().message;
    });
}

SimServer::~SimServer()
{
    stop();
}

Status SimServer::start(const SimConfig &config)
{
    if (isRunning())
        return Error { QStringLiteral("sim.running"), QStringLiteral("the simulator is already running") };
    m_config = config;
    m_clock = config.clock ? config.clock : &SystemClock::instance();
    m_config.clock = m_clock;
    Redaction::addSecret(m_config.effectiveAppKey());
    Redaction::addSecret(m_config.effectiveSecretKey());

    // A saved account first: a state file that does not fit refuses the start before anything runs.
    std::optional<SimSavedState> saved;
    // Paper: the market's stocks are numbered as the feed names them; the saved ones come first,
    // in the order the state file names them, and are added to the market once it exists.
    QStringList savedCodes;
    if (!m_config.stateFile.isEmpty() && QFileInfo::exists(m_config.stateFile)) {
        std::optional<Sim::StockCodeScope> codes;
        if (m_config.paper) {
            codes.emplace([&savedCodes](int i) { return savedCodes.value(i); },
                [&savedCodes](const QString &code) {
                    if (!savedCodes.contains(code))
                        savedCodes << code;
                    return int(savedCodes.indexOf(code));
                });
        }
        Result<SimSavedState> loaded = Sim::loadState(m_config.stateFile, m_config);
        if (!loaded) {
            qCCritical(lcSim).noquote() << loaded.error().message;
            return loaded.error();
        }
        saved = std::move(loaded.value());
        // The trading day goes on where it stopped, or later; virtual time never runs backwards.
        m_config.startTimeMs = std::max(SimMarket::startTimeFor(m_config),
            SimMarket::resumeTimeAfter(saved->virtualMs, m_config.followSessionHours));
    }

    if (m_config.paper) {
        if (!m_config.replayFile.isEmpty())
            return Error { QStringLiteral("sim.bad_config"), QStringLiteral("paper trading takes no replay") };
        if (Status s = startPaperFeed(saved ? std::optional<qint64>(saved->virtualMs) : std::nullopt); !s) {
            qCCritical(lcSim).noquote() << s.error().message;
            teardown();
            return s;
        }
    }
    if (!m_config.replayFile.isEmpty()) {
        if (saved || !m_config.stateFile.isEmpty())
            return Error { QStringLiteral("sim.bad_config"), QStringLiteral("a replay takes no state file") };
        auto source = SimReplaySource::load(m_config.replayFile, m_config.replayFrom, m_config.replayTo);
        if (!source) {
            qCCritical(lcSim).noquote() << source.error().message;
            return source.error();
        }
        m_source = std::move(source.value());
        m_config.followSessionHours = true;
        m_config.startTimeMs = m_source->startMs();
        m_replayHeld = true;
        m_holdSinceRealMs = 0;
        qCInfo(lcSim).noquote() << "replaying" << QDir::toNativeSeparators(m_config.replayFile) << "-"
                                << m_source->eventCount() << "events," << m_source->tradeCount() << "trades,"
                                << m_source->stocks().size() << "stocks"
                                << (m_source->tailDamaged() ? "(damaged tail: replayed up to the last intact block)"
                                                            : "");
    }
    m_market = std::make_unique<SimMarket>(m_config,
        m_source ? static_cast<SimPriceSource *>(m_source.get()) : static_cast<SimPriceSource *>(m_live.get()));
    for (int i = 0; i < int(savedCodes.size()); ++i) {
        // Until the feed names the real base price (its first trade, or the ka10001 asked for below),
        // a held stock stands at its average purchase price: never at a placeholder that would look
        // like a crash to a stop-loss.
        SimStockInfo info;
        info.code = savedCodes.at(i);
        info.refPrice = saved ? saved->exchange.account.holdings.value(i).avgPrice() : 0;
        m_market->ensureStock(info);
    }
    m_faults = std::make_unique<SimFaults>(m_config.seed);
    if (!m_config.faults.trimmed().isEmpty()) {
        if (Status s = m_faults->add(m_config.faults, m_market->nowMs()); !s) {
            teardown();
            return s;
        }
    }
    m_exchange = std::make_unique<SimExchange>(*m_market, m_config);
    if (saved) {
        m_exchange->restore(saved->exchange);
        const SimAccount &a = m_exchange->account();
        qCInfo(lcSim).noquote() << "simulator account restored from" << QDir::toNativeSeparators(m_config.stateFile)
                                << "- deposit" << a.deposit() << "D+2" << a.d2Deposit() << "holdings"
                                << a.holdings().size() << "orders kept" << m_exchange->orders().size();
    }
    if (Status s = saveState(); !s) {
        qCCritical(lcSim).noquote() << s.error().message;
        teardown();
        return s;
    }
    connect(m_exchange.get(), &SimExchange::orderEvent, this, [this](const SimOrderEvent &e) {
        if (e.kind != SimOrderEvent::Kind::Rejected) // a rejection changes nothing
            scheduleSave();
    });
    connect(m_market.get(), &SimMarket::dayStarted, this, &SimServer::scheduleSave); // settlements
    m_conditions = std::make_unique<SimConditions>(*m_market);
    m_tokens = std::make_unique<SimTokenStore>(*m_clock, m_config.tokenLifetimeMs);
    m_quota = std::make_unique<SimQuota>(*m_clock);
    m_rest = std::make_unique<SimRestApi>(m_config, *m_market, *m_exchange, *m_tokens, *m_quota, *m_faults);
    m_hub = std::make_unique<SimRealtimeHub>(m_config, *m_market, *m_exchange, *m_conditions, *m_tokens, *m_faults);
    if (m_feed) {
        m_hub->setPaperFeed(m_feed.get());
        // The feed forgot the app's condition searches: drop the app's sessions, so the app
        // reconnects and starts them again (as after any WebSocket drop, it also reconciles).
        connect(m_feed.get(), &SimPaperFeed::reconnected, m_hub.get(), [this] { m_hub->dropAll(); });
        m_rest->setForwarder(
            SimRestApi::Forwarder { [](const QString &apiId) { return SimPaperFeed::isForwardable(apiId); },
                [this](const QString &apiId, const SimTrRequest &request) { return forwardToFeed(apiId, request); } });
        // The held stocks' real base prices, before the app asks for anything.
        for (int i = 0; i < int(savedCodes.size()); ++i) {
            if (!saved || saved->exchange.account.holdings.value(i).qty <= 0)
                continue;
            const QString code = savedCodes.at(i);
            QPointer<SimServer> self(this);
            m_feed->forwardRest(QStringLiteral("ka10001"), QJsonObject { { QStringLiteral("stk_cd"), code } },
                QString(), [self](int, const QJsonObject &page, bool, const QString &) {
                    if (self)
                        self->noteStockInfo(page);
                });
        }
    }
    m_http = std::make_unique<SimHttpServer>();
    m_http->setWebSocketPath(QByteArray(Sim::WEBSOCKET_PATH));
    m_http->setHandler([this](const SimHttpRequest &request) { return handle(request); });
    connect(m_http.get(), &SimHttpServer::webSocketConnected, m_hub.get(),
        [this](QWebSocket *socket) { m_hub->addConnection(socket); });

    if (Status s = m_http->listen(m_config.port); !s) {
        teardown();
        return s;
    }
    m_lastRealMs = m_clock->nowMs();
    m_carryMs = 0;
    // A fast replay steps every millisecond (a batch of events each), anything else every stepIntervalMs.
    const bool fastReplay = m_source && m_config.speed == 0 && m_config.replayEventsPerStep > 0;
    m_stepTimer.start(fastReplay ? 1 : std::max(1, m_config.stepIntervalMs));
    afterTimeMoved();
    qCInfo(lcSim) << "simulator listening on" << restBaseUrl().toString() << "speed" << m_config.speed
                  << (m_config.followSessionHours ? "following KRX session hours" : "always open");
    return {};
}

void SimServer::stop()
{
    if (!m_http)
        return;
    m_stepTimer.stop();
    m_http->close();
    m_hub->closeAll();
    m_saveTimer.stop();
    if (Status s = saveState(); !s)
        qCCritical(lcSim).noquote() << s.error().message;
    teardown();
    qCInfo(lcSim) << "simulator stopped";
    emit stopped();
}

void SimServer::teardown()
{
    m_saveTimer.stop();
    if (m_feed) {
        m_feed->setSource(nullptr);
        m_feed->stop();
    }
    m_http.reset();
    m_hub.reset();
    m_rest.reset();
    m_quota.reset();
    m_tokens.reset();
    m_conditions.reset();
    m_exchange.reset();
    m_faults.reset();
    m_market.reset();
    m_source.reset();
    m_feed.reset();
    m_live.reset();
    m_feedPushPending = false;
}

Status SimServer::startPaperFeed(std::optional<qint64> savedMs)
{
    m_feed = std::make_unique<SimPaperFeed>(m_config.paperFeed, *m_clock);
    if (Status s = m_feed->start(); !s)
        return s;
    // The paper market's time is the feed's (never earlier than the saved account's).
    const qint64 start = std::max(m_feed->nowMs(), savedMs.value_or(0));
    m_config.startTimeMs = start;
    m_live = std::make_unique<SimLiveSource>(Krx::kstDate(start));
    m_live->setPushed([this] {
        if (m_feedPushPending)
            return;
        m_feedPushPending = true;
        QTimer::singleShot(0, this, &SimServer::onFeedPushed);
    });
    m_feed->setSource(m_live.get());
    qCInfo(lcSim).noquote() << "paper market starts at" << Krx::toKst(start).toString(Qt::ISODate) << "KST";
    return {};
}

void SimServer::onFeedPushed()
{
    m_feedPushPending = false;
    if (!m_market || !m_live || !m_feed)
        return;
    // Frames arrive stamped with the feed's time; play them (and what they fill) at once.
    m_market->advanceTo(std::max(m_feed->nowMs(), m_live->peekTimeMs(std::numeric_limits<int>::max())));
    afterTimeMoved();
}

void SimServer::noteStockInfo(const QJsonObject &ka10001)
{
    if (!m_market || ka10001.value(u"return_code").toInt() != 0)
        return;
    // The stock joins the paper market with its base price before it trades.
    SimStockInfo info;
    info.code = SimLiveSource::stockCode(ka10001.value(u"stk_cd").toString());
    info.name = ka10001.value(u"stk_nm").toString();
    qint64 base = std::llabs(ka10001.value(u"base_pric").toString().trimmed().toLongLong());
    if (base <= 0)
        base = std::llabs(ka10001.value(u"cur_prc").toString().trimmed().toLongLong())
            - ka10001.value(u"pred_pre").toString().trimmed().toLongLong();
    info.refPrice = base;
    if (!info.code.isEmpty() && base > 0)
        m_market->ensureStock(info);
}

SimHttpResponse SimServer::forwardToFeed(const QString &apiId, const SimTrRequest &request)
{
    SimHttpResponse response;
    response.mode = SimHttpResponse::Mode::Deferred;
    QPointer<SimServer> self(this);
    const QJsonObject body = request.body;
    const QString nextKey = request.cont ? request.nextKey : QString();
    response.deferred = [self, apiId, body, nextKey](SimHttpResponse::Completion complete) {
        if (!self || !self->m_feed)
            return;
        self->m_feed->forwardRest(apiId, body, nextKey,
            [self, apiId, complete](int status, const QJsonObject &page, bool more, const QString &key) {
                if (!self || !self->m_market)
                    return;
                if (apiId == QLatin1String("ka10001"))
                    self->noteStockInfo(page);
                SimHttpResponse r;
                r.status = status;
                r.body = QJsonDocument(page).toJson(QJsonDocument::Compact);
                r.headers
                    = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=UTF-8") },
                          { QByteArrayLiteral("api-id"), apiId.toLatin1() },
                          { QByteArrayLiteral("cont-yn"), more ? QByteArrayLiteral("Y") : QByteArrayLiteral("N") },
                          { QByteArrayLiteral("next-key"), key.toUtf8() },
                          { QByteArrayLiteral("x-sim-time"), QByteArray::number(self->m_market->nowMs()) },
                          { QByteArrayLiteral("x-sim-speed"), QByteArrayLiteral("1") } };
                complete(r);
            });
    };
    return response;
}

bool SimServer::replayFinished() const
{
    return m_source && m_source->atEnd();
}

void SimServer::scheduleSave()
{
    if (!m_config.stateFile.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
}

Status SimServer::saveState()
{
    if (m_config.stateFile.isEmpty() || !m_exchange)
        return {};
    std::optional<Sim::StockCodeScope> codes;
    if (m_live) {
        const SimMarket *market = m_market.get();
        codes.emplace([market](int i) { return i >= 0 && i < market->stockCount() ? market->info(i).code : QString(); },
            [market](const QString &code) { return market->indexOf(code); });
    }
    return Sim::saveState(m_config.stateFile, m_config, SimSavedState { m_market->nowMs(), m_exchange->state() });
}

bool SimServer::isRunning() const
{
    return m_http && m_http->isListening();
}

quint16 SimServer::port() const
{
    return m_http ? m_http->port() : 0;
}

QUrl SimServer::restBaseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

QUrl SimServer::webSocketUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(QString::fromLatin1(Sim::WEBSOCKET_PATH));
    return url;
}

void SimServer::step()
{
    if (!m_market)
        return;
    const qint64 now = m_clock->nowMs();
    // Catch up at most a few step intervals. At a speed beyond what the machine can generate, a
    // step would otherwise cover the time the previous (slow) step took, each step more market
    // time than the last, until the server no longer returns to its event loop: PING echoes go
    // unread, sessions are dropped and frames pile up. Capped, the market falls behind real time.
    const qint64 real = std::clamp<qint64>(now - m_lastRealMs, 0, 5LL * std::max(1, m_config.stepIntervalMs));
    m_lastRealMs = now;
    if (m_live) {
        // Paper: the market runs on the feed's clock.
        m_market->advanceTo(m_feed->nowMs());
        afterTimeMoved();
        return;
    }
    if (m_source && m_replayHeld) {
        if (m_config.replayWaitForClientMs >= 0) {
            if (m_hub->sessionCount() == 0) {
                afterTimeMoved();
                return;
            }
            if (m_holdSinceRealMs == 0)
                m_holdSinceRealMs = now;
            if (now - m_holdSinceRealMs < m_config.replayWaitForClientMs) {
                afterTimeMoved();
                return;
            }
        }
        m_replayHeld = false;
        qCInfo(lcSim) << "replay clock running";
        afterTimeMoved();
        return;
    }
    if (m_source && m_config.speed == 0) {
        if (m_config.replayEventsPerStep <= 0) {
            afterTimeMoved();
            return;
        }
        // Replay as fast as possible: a batch of recorded events per step.
        if (!m_source->atEnd())
            m_market->advanceTo(m_source->peekTimeMs(std::max(1, m_config.replayEventsPerStep) - 1));
    } else if (m_config.speed > 0 && real > 0) {
        const double virtualMs = double(real) * m_config.speed + m_carryMs;
        const qint64 whole = qint64(std::floor(virtualMs));
        m_carryMs = virtualMs - double(whole);
        if (whole > 0)
            m_market->advance(whole);
    }
    afterTimeMoved();
}

void SimServer::afterTimeMoved()
{
    m_virtualClock->set(m_market->nowMs());
    for (SimFaults::Kind kind : m_faults->dueMoments(m_market->nowMs())) {
        if (kind == SimFaults::Kind::TokenExpiry)
            m_tokens->expireAll();
        else if (kind == SimFaults::Kind::WsDrop)
            m_hub->dropAll();
    }
}

void SimServer::advanceClock(qint64 virtualMs)
{
    if (!m_market)
        return;
    m_market->advance(virtualMs);
    afterTimeMoved();
}

void SimServer::setSpeed(double speed)
{
    m_config.speed = std::max(0.0, speed);
    m_lastRealMs = m_clock ? m_clock->nowMs() : 0;
    m_carryMs = 0;
}

Status SimServer::addFaults(const QString &spec)
{
    if (!m_faults)
        return Error { QStringLiteral("sim.stopped"), QStringLiteral("the simulator is not running") };
    Status s = m_faults->add(spec, m_market->nowMs());
    if (s)
        afterTimeMoved();
    return s;
}

void SimServer::clearFaults()
{
    if (m_faults)
        m_faults->clear();
}

void SimServer::expireTokens()
{
    if (m_tokens)
        m_tokens->expireAll();
}

Result<SimShock> SimServer::shock(const QString &code, double percent)
{
    if (!m_market)
        return Error { QStringLiteral("sim.stopped"), QStringLiteral("the simulator is not running") };
    const int index = m_market->indexOf(code.trimmed());
    if (index < 0)
        return Error { QStringLiteral("sim.unknown_code"), QStringLiteral("no stock %1 in the simulator").arg(code) };
    return m_market->shock(index, percent);
}

Status SimServer::setDrift(const QString &code, double percentPerMinute, double minutes)
{
    if (!m_market)
        return Error { QStringLiteral("sim.stopped"), QStringLiteral("the simulator is not running") };
    const int index = m_market->indexOf(code.trimmed());
    if (index < 0)
        return Error { QStringLiteral("sim.unknown_code"), QStringLiteral("no stock %1 in the simulator").arg(code) };
    if (!std::isfinite(minutes) || minutes < 0 || minutes > 1e6) {
        return Error { QStringLiteral("sim.bad_number"),
            QStringLiteral("minutes must be a non-negative number (0 = until cleared), not %1").arg(minutes) };
    }
    const qint64 until
        = minutes > 0 ? m_market->nowMs() + std::max<qint64>(1, qint64(std::llround(minutes * 60'000.0))) : 0;
    return m_market->setDrift(index, percentPerMinute, until);
}

QJsonObject SimServer::state() const
{
    QJsonObject o;
    if (!m_market)
        return o;
    const SimAccount &a = m_exchange->account();
    o.insert(QStringLiteral("virtual_ms"), double(m_market->nowMs()));
    o.insert(QStringLiteral("virtual_time"), Krx::toKst(m_market->nowMs()).toString(Qt::ISODate));
    o.insert(QStringLiteral("trading_date"), m_market->currentDate().toString(Qt::ISODate));
    o.insert(QStringLiteral("phase"), phaseName(m_market->phase()));
    o.insert(QStringLiteral("accepts_orders"), m_market->acceptsOrders());
    o.insert(QStringLiteral("speed"), m_config.speed);
    o.insert(QStringLiteral("follow_session_hours"), m_config.followSessionHours);
    o.insert(QStringLiteral("seed"), QString::number(m_config.seed));
    o.insert(QStringLiteral("stocks"), m_market->stockCount());
    o.insert(QStringLiteral("ws_sessions"), m_hub->sessionCount());
    o.insert(QStringLiteral("ws_registrations"), m_hub->registrationCount());
    o.insert(QStringLiteral("ws_realtime_conditions"), m_hub->realtimeConditionCount());
    o.insert(QStringLiteral("valid_tokens"), m_tokens->validCount());
    o.insert(QStringLiteral("rest_requests"), double(m_rest->requestsServed()));
    QJsonObject byApi;
    for (auto it = m_rest->requestsByApi().cbegin(); it != m_rest->requestsByApi().cend(); ++it)
        byApi.insert(it.key(), double(it.value()));
    o.insert(QStringLiteral("rest_requests_by_api"), byApi);
    // HTTP 429 replies because a quota was used up (fault-injected ones are counted apart).
    o.insert(QStringLiteral("quota_rejections"),
        QJsonObject { { QStringLiteral("1700"), double(m_rest->quotaRejections1700()) },
            { QStringLiteral("1701"), double(m_rest->quotaRejections1701()) },
            { QStringLiteral("fault"), double(m_rest->faultRateLimited()) } });
    o.insert(QStringLiteral("orders"), int(m_exchange->orders().size()));
    o.insert(QStringLiteral("fills"), int(m_exchange->fills().size()));
    o.insert(QStringLiteral("account"),
        QJsonObject { { QStringLiteral("deposit"), double(a.deposit()) },
            { QStringLiteral("d2_deposit"), double(a.d2Deposit()) },
            { QStringLiteral("orderable"), double(a.orderable()) },
            { QStringLiteral("reserved"), double(a.reserved()) },
            { QStringLiteral("holdings"), int(a.holdings().size()) } });
    o.insert(QStringLiteral("faults"), m_faults->describe());
    o.insert(QStringLiteral("drifts"), driftsJson(*m_market));
    o.insert(QStringLiteral("state_file"), QDir::toNativeSeparators(m_config.stateFile));
    if (m_feed) {
        o.insert(QStringLiteral("paper"),
            QJsonObject { { QStringLiteral("feed_frames"), double(m_feed->framesReceived()) },
                { QStringLiteral("rest_forwarded"), double(m_feed->restForwarded()) },
                { QStringLiteral("feed_subscriptions"), int(m_feed->subscriptions().size()) } });
    }
    return o;
}

SimHttpResponse SimServer::handle(const SimHttpRequest &request)
{
    // Naver's news search and discussion board (demo fixtures) are served on their real paths.
    if (auto naver = SimNaver::handle(request, m_market ? m_market->nowMs() : QDateTime::currentMSecsSinceEpoch()))
        return *naver;
    SimHttpResponse response
        = request.path.startsWith("/_sim/") || request.path == "/_sim" ? handleAdmin(request) : m_rest->handle(request);
    // Every reply tells the client the market's time (after the request ran), so a client in
    // another process can follow it (AnnouncedMarketClock). Real Kiwoom never sends these.
    if (m_market && response.mode == SimHttpResponse::Mode::Reply) {
        response.headers.append({ QByteArrayLiteral("x-sim-time"), QByteArray::number(m_market->nowMs()) });
        response.headers.append({ QByteArrayLiteral("x-sim-speed"), QByteArray::number(m_config.speed, 'g', 12) });
    }
    return response;
}

SimHttpResponse SimServer::handleAdmin(const SimHttpRequest &request)
{
    if (!request.peer.isLoopback())
        return adminError(403, QStringLiteral("admin routes are only served to loopback peers"));
    const QByteArray path = request.path;
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    QJsonObject body;
    bool bodyIsObject = false;
    if (post && !request.body.trimmed().isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(request.body);
        if (doc.isObject()) {
            body = doc.object();
            bodyIsObject = true;
        }
    }
    if (path == "/_sim/state" && get)
        return adminJson(200, state());
    if (path == "/_sim/faults" && get)
        return adminJson(200, QJsonObject { { QStringLiteral("faults"), m_faults->describe() } });
    if (path == "/_sim/faults" && post) {
        QString spec;
        if (body.contains(QStringLiteral("spec"))) {
            spec = body.value(QStringLiteral("spec")).toString();
            if (body.value(QStringLiteral("replace")).toBool())
                m_faults->clear();
        } else {
            spec = QString::fromUtf8(request.body);
        }
        if (Status s = addFaults(spec); !s)
            return adminError(400, s.error().message);
        return adminJson(200, QJsonObject { { QStringLiteral("faults"), m_faults->describe() } });
    }
    if (path == "/_sim/faults/clear" && post) {
        clearFaults();
        return adminJson(200, QJsonObject { { QStringLiteral("faults"), QJsonArray() } });
    }
    if (path == "/_sim/clock/advance" && post) {
        const double ms = body.value(QStringLiteral("ms")).toDouble(-1);
        if (ms < 0)
            return adminError(400, QStringLiteral("body must be {\"ms\": <non-negative number>}"));
        advanceClock(qint64(ms));
        return adminJson(200, state());
    }
    if (path == "/_sim/clock/speed" && post) {
        const double speed = body.value(QStringLiteral("speed")).toDouble(-1);
        if (speed < 0)
            return adminError(400, QStringLiteral("body must be {\"speed\": <non-negative number>}"));
        setSpeed(speed);
        return adminJson(200, state());
    }
    if (path == "/_sim/tokens/expire" && post) {
        expireTokens();
        return adminJson(200, state());
    }
    if ((path == "/_sim/market/shock" || path == "/_sim/market/drift") && post) {
        if (!bodyIsObject)
            return adminError(400, QStringLiteral("body must be a JSON object"));
        const QJsonValue code = body.value(QStringLiteral("code"));
        if (!code.isString() || code.toString().trimmed().isEmpty())
            return adminError(400, QStringLiteral("body needs \"code\": the stock code as a string"));
        if (path == "/_sim/market/shock") {
            const std::optional<double> percent = numberField(body, "percent");
            if (!percent)
                return adminError(400, QStringLiteral("body needs \"percent\": a number, e.g. -5"));
            const Result<SimShock> shocked = shock(code.toString(), *percent);
            if (!shocked)
                return adminError(shocked.error());
            return adminJson(200,
                QJsonObject { { QStringLiteral("code"), shocked->code },
                    { QStringLiteral("previous_price"), double(shocked->previousPrice) },
                    { QStringLiteral("price"), double(shocked->price) },
                    { QStringLiteral("percent"), shocked->percentAsked },
                    { QStringLiteral("limited"), shocked->limited },
                    { QStringLiteral("volume"), double(shocked->volume) },
                    { QStringLiteral("time"), Krx::toKst(shocked->timeMs).toString(Qt::ISODate) } });
        }
        const std::optional<double> perMinute = numberField(body, "percent_per_minute");
        if (!perMinute)
            return adminError(400, QStringLiteral("body needs \"percent_per_minute\": a number (0 clears)"));
        double minutes = 0;
        if (body.contains(QStringLiteral("minutes"))) {
            const std::optional<double> m = numberField(body, "minutes");
            if (!m)
                return adminError(400, QStringLiteral("\"minutes\" must be a number (0 = until cleared)"));
            minutes = *m;
        }
        if (Status s = setDrift(code.toString(), *perMinute, minutes); !s)
            return adminError(s.error());
        return adminJson(200, QJsonObject { { QStringLiteral("drifts"), driftsJson(*m_market) } });
    }
    return adminError(404, QStringLiteral("unknown admin route"));
}
