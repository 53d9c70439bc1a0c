// SPDX-License-Identifier: GPL-3.0-or-later
#include "tradingcore.h"

#include "common/markettimer.h"

#include "common/activitylog.h"
#include "control/controlserver.h"
#include "kiwoom/restclient.h"
#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"
#include "common/filesecretstore.h"
#include "common/secretstore.h"
#include "kiwoom/kiwoomsession.h"
#include "news/newsservice.h"
#include "recorder/marketrecorder.h"
#include "recorder/recordercontrol.h"
#include "services/quotebook.h"
#include "trading/demoshowcase.h"
#include "trading/eventfeed.h"
#include "trading/tradingengine.h"
#include "sim/simconfig.h"
#include "sim/simhost.h"
#include "storage/database.h"
#include "storage/watchlistrepository.h"

#include <QDir>
#include <QFileInfo>
#include <QEventLoop>
#include <QFile>
#include <QHashSeed>
#include <QHostAddress>
#include <QJsonObject>
#include <QMetaEnum>
#include <QLockFile>
#include <QUrl>
#include <QPointer>

TradingCore::TradingCore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(m_options.clock ? m_options.clock : &SystemClock::instance())
    , m_marketClock(*m_clock)
    , m_feed(std::make_unique<EventFeed>())
{
}

TradingCore::~TradingCore()
{
    stop();
}

QString TradingCore::databaseDir() const
{
    // One database per broker mode: demo fills must never be reconciled against a live account.
    return QDir(m_options.dataDir).filePath(m_mode);
}

Status TradingCore::start()
{
    if (m_running)
        return {};
    if (m_options.lockstep)
        QHashSeed::setDeterministicGlobalSeed();
    m_settings = std::make_unique<Settings>(m_options.configFile);
    m_activity = std::make_unique<ActivityLog>();
    m_feed->attachActivity(m_activity.get());
    m_mode = m_options.mode.isEmpty() ? m_settings->mode() : m_options.mode;

    // Money history is private: the database directory and file are readable by the owner only.
    QDir().mkpath(databaseDir());
    QFile::setPermissions(databaseDir(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // One instance per data directory and mode: two would act on the same account and the same
    // database, and every automatic order would go out twice. A lock left by a crashed instance
    // (its process gone) is taken over.
    auto lock = std::make_unique<QLockFile>(QDir(databaseDir()).filePath(QStringLiteral("kiwoom-trader.lock")));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        lock->getLockInfo(&pid, &host, &app);
        const QString message = lock->error() == QLockFile::LockFailedError
            ? tr("Another Kiwoom Trader (process %1) is already running on %2; a second one would place "
                 "every order twice, so this one does not start.")
                  .arg(pid)
                  .arg(QDir::toNativeSeparators(databaseDir()))
            : tr("Cannot lock %1, so nothing will trade.").arg(QDir::toNativeSeparators(databaseDir()));
        return Error { QStringLiteral("app.already_running"), message }; // the caller logs and shows it
    }
    m_lock = std::move(lock);

    // The database's times (created_at, trading_date, detected_date) are the market's: the trading
    // date of an order must be the day it traded on, also in demo mode's virtual time.
    auto db = Database::open(databaseDir(), m_marketClock);
    if (!db) {
        m_lock.reset();
        qCCritical(lcStorage).noquote() << "cannot open the database:" << db.error().message;
        m_activity->add(ActivityLog::Level::Error, QStringLiteral("storage"),
            tr("The database could not be opened, so nothing will trade: %1").arg(db.error().message));
        return Error { db.error().code,
            tr("The database could not be opened, so nothing will trade: %1").arg(db.error().message) };
    }
    m_database = std::move(db).value();
    QFile::setPermissions(m_database->filePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    m_running = true;
    m_news = std::make_unique<NewsService>(*m_clock, *m_settings);
    m_news->setDatabase(m_database.get());
    m_news->setDefaultCodes(defaultWatchCodes());
    qCInfo(lcApp).noquote() << "trading core started in" << m_mode << "mode";
    m_activity->add(ActivityLog::Level::Info, QStringLiteral("app"), tr("Started in %1 mode.").arg(m_mode));
    emit started();
    startControlServer();
    startBroker();
    return {};
}

QString TradingCore::controlKeyFile() const
{
    return QDir(m_options.dataDir).filePath(QStringLiteral("control-api-keys.json"));
}

void TradingCore::startControlServer()
{
    if (!m_settings->controlApiEnabled()) {
        qCInfo(lcApp) << "control API disabled (control/enabled)";
        return;
    }
    ControlServer::Deps deps;
    deps.settings = m_settings.get();
    deps.database = m_database.get();
    deps.activity = m_activity.get();
    deps.clock = m_clock;
    deps.marketClock = &m_marketClock;
    deps.engine = [this] { return m_engine.get(); };
    deps.news = [this] { return m_news.get(); };
    deps.events = m_feed.get();
    deps.rest = [this]() -> RestClient * { return m_session ? &m_session->rest() : nullptr; };
    deps.recorder = [this] { return m_recorder.get(); };
    deps.recordingsDir = recordingsDir();
    deps.health = [this] {
        const QMetaEnum states = QMetaEnum::fromType<BrokerState>();
        return QJsonObject { { QStringLiteral("mode"), m_mode },
            { QStringLiteral("broker"),
                QJsonObject { { QStringLiteral("state"), QString::fromLatin1(states.valueToKey(int(m_brokerState))) },
                    { QStringLiteral("detail"), m_brokerDetail } } } };
    };
    ControlServer::Options options;
    options.port = m_options.controlPort >= 0 ? m_options.controlPort : m_settings->controlApiPort();
    options.keyFile = controlKeyFile();
    // The /events WebSocket's port: the setting, else next to a fixed API port, else any free one
    // (GET /health and GET /events name the URL).
    options.eventsPort = m_settings->value(QStringLiteral("control/eventsPort")).toInt();
    if (options.eventsPort == 0 && options.port > 0 && options.port < 65535)
        options.eventsPort = options.port + 1;
    const QString address = m_settings->value(QStringLiteral("control/bindAddress")).toString().trimmed();
    options.address = QHostAddress(address == u"localhost" ? QStringLiteral("127.0.0.1") : address);
    // A non-loopback address is only ever taken from the setting, which says so explicitly.
    options.allowNonLoopback = true;
    auto control = std::make_unique<ControlServer>(deps);
    auto port = options.address.isNull()
        ? Result<quint16>(Error { QStringLiteral("control.address"), tr("\"%1\" is not an IP address.").arg(address) })
        : control->start(options);
    if (!port) {
        qCCritical(lcApp).noquote() << "control API not started:" << port.error().message;
        m_activity->add(ActivityLog::Level::Error, QStringLiteral("api"),
            tr("The control API did not start: %1").arg(port.error().message));
        return;
    }
    m_control = std::move(control);
    qCInfo(lcApp).noquote() << QStringLiteral("control API listening on %1; events on %4; keys in %2 (%3)")
                                   .arg(m_control->baseUrl(), QDir::toNativeSeparators(controlKeyFile()),
                                       m_control->keysGenerated() ? QStringLiteral("generated now")
                                                                  : QStringLiteral("written at first run"),
                                       m_control->eventsUrl().isEmpty() ? QStringLiteral("(off)")
                                                                        : m_control->eventsUrl());
    m_activity->add(ActivityLog::Level::Info, QStringLiteral("api"),
        tr("Control API at %1 (keys: %2).").arg(m_control->baseUrl(), QDir::toNativeSeparators(controlKeyFile())));
}

const IClock &TradingCore::marketClock() const
{
    return m_marketClock;
}

bool TradingCore::usesAnnouncedClock(const QString &restUrl) const
{
    if (m_sim || m_options.marketClock == u"system")
        return false;
    if (m_options.marketClock == u"sim")
        return true;
    // Automatic: a loopback host is a simulator (or a replay), which announces its market time;
    // Kiwoom's hosts never do, and the KST wall clock is theirs.
    const QUrl url(restUrl);
    const QHostAddress address(url.host());
    return url.host().compare(u"localhost", Qt::CaseInsensitive) == 0 || (!address.isNull() && address.isLoopback());
}

double TradingCore::marketSpeed() const
{
    if (m_sim && m_mode == u"paper")
        return 1.0; // the paper market runs on the feed's clock
    if (m_sim)
        return std::max(1.0, m_settings->simSpeed());
    if (m_session && m_session->announcedClock() && m_session->announcedClock()->isSet())
        return std::max(1.0, m_session->announcedClock()->speed());
    return 1.0;
}

QStringList TradingCore::defaultWatchCodes()
{
    // Large, liquid KOSPI names across several tick bands.
    return { QStringLiteral("005930"), QStringLiteral("000660"), QStringLiteral("035420"), QStringLiteral("005380"),
        QStringLiteral("051910") };
}

void TradingCore::setBrokerState(BrokerState state, const QString &detail)
{
    if (state == m_brokerState && detail == m_brokerDetail)
        return;
    m_brokerState = state;
    m_brokerDetail = detail;
    emit brokerStateChanged(state, detail);
    m_feed->publish(QStringLiteral("broker"),
        QJsonObject {
            { QStringLiteral("state"), QString::fromLatin1(QMetaEnum::fromType<BrokerState>().valueToKey(int(state))) },
            { QStringLiteral("detail"), detail } },
        { QStringLiteral("broker") });
}

SecretStore *TradingCore::makeSecretStore()
{
    // The keychain (when the app passes one) first, then the owner-only file that
    // `kiwoom-trader credentials set` writes where no keychain service runs.
    SecretStore *primary = m_options.secretStoreFactory ? m_options.secretStoreFactory(nullptr) : nullptr;
    return new FallbackSecretStore(primary, new FileSecretStore(credentialsFile()), this);
}

QString TradingCore::credentialsFile() const
{
    return FileSecretStore::pathIn(QFileInfo(m_settings->fileName()).absolutePath());
}

Credentials TradingCore::demoCredentials()
{
    return { QString::fromLatin1(Sim::DEMO_APP_KEY), QString::fromLatin1(Sim::DEMO_SECRET_KEY) };
}

void TradingCore::configureNews()
{
    if (!m_news)
        return;
    // Demo: the simulator serves fixture news and board pages on Naver's paths (in-process, or the
    // Kiwoom-compatible server demo mode was pointed at when it is a loopback simulator).
    QUrl demoBase;
    if (m_mode == u"demo") {
        if (m_sim)
            demoBase = m_sim->restBaseUrl();
        else if (const QUrl rest(m_options.restUrl);
                 rest.host().compare(u"localhost", Qt::CaseInsensitive) == 0 || QHostAddress(rest.host()).isLoopback())
            demoBase = rest.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    } else if (!m_secrets) {
        m_secrets = makeSecretStore();
    }
    m_news->configure(m_mode, demoBase, m_mode == u"demo" ? nullptr : m_secrets);
}

void TradingCore::startBroker()
{
    setBrokerState(BrokerState::Starting, tr("Connecting"));
    if (m_mode != u"demo" || (!m_options.restUrl.isEmpty() && !m_options.wsUrl.isEmpty()))
        configureNews();
    if (m_mode == u"demo" && (m_options.restUrl.isEmpty() || m_options.wsUrl.isEmpty())) {
        // Demo mode: the built-in simulator on a loopback port, reached through the same client
        // code as the real API.
        SimConfig config;
        config.port = quint16(m_options.simPort);
        config.seed = m_settings->simSeed();
        config.speed = m_settings->simSpeed();
        config.intradayVolatility = m_settings->simIntradayVolatility();
        config.followSessionHours = m_settings->simFollowSessionHours();
        config.universeSize = m_settings->simUniverseSize();
        config.tickIntensity = m_settings->simTickIntensity();
        config.maxRealtimeItems = m_settings->simMaxRealtimeItems();
        config.feeRatePercent = m_settings->feeRate();
        config.sellTaxRatePercent = m_settings->sellTaxRate();
        // The simulated account lives next to the demo database and survives restarts with it:
        // otherwise a fresh simulator would face the database's positions and order numbers.
        // The simulator writes it owner-only; a damaged or mismatched file stops the demo broker
        // (nothing is overwritten).
        config.stateFile = QDir(databaseDir()).filePath(QStringLiteral("sim-state.json"));
        if (!m_options.replayFile.isEmpty()) {
            config.replayFile = m_options.replayFile;
            config.replayFrom = m_options.replayFrom;
            config.replayTo = m_options.replayTo;
            config.stateFile.clear();
        }
        if (m_options.lockstep) {
            config.speed = 0;
            config.replayEventsPerStep = 0;
            config.replayWaitForClientMs = -1;
            config.queryQuotaPerSecond = 0;
            config.orderQuotaPerSecond = 0;
            config.totalQueryQuotaPerSecond = 0;
            config.totalOrderQuotaPerSecond = 0;
        }
        m_sim = std::make_unique<SimHost>();
        auto endpoints = m_sim->start(config);
        if (!endpoints) {
            m_sim.reset();
            configureNews();
            qCCritical(lcSim).noquote() << "the built-in simulator did not start:" << endpoints.error().message;
            m_activity->add(ActivityLog::Level::Error, QStringLiteral("broker"),
                tr("The demo simulator did not start: %1").arg(endpoints.error().message));
            setBrokerState(BrokerState::Failed, endpoints.error().message);
            return;
        }
        configureNews();
        if (m_options.lockstep && !m_options.replayFile.isEmpty()) {
            // A replay market waits a millisecond before the recording's first instant; a lockstep
            // run starts at that instant, as the run that made the recording did (its session
            // open, its conditions' first results) and as the driver's step grid assumes.
            m_sim->advanceClock(1);
        }
        qCInfo(lcSim).noquote() << "demo simulator listening: REST" << endpoints->restBaseUrl.toString() << "WebSocket"
                                << endpoints->webSocketUrl.toString();
        startSession(demoCredentials(), endpoints->restBaseUrl.toString(), endpoints->webSocketUrl.toString());
        return;
    }
    if (m_mode == u"demo") {
        // Demo against an external Kiwoom-compatible server (kiwoom-sim, a replayer): the demo keys
        // only. KIWOOM_APPKEY/SECRETKEY hold mock or live keys, which must never reach a host the
        // user pointed demo mode at.
        startSession(demoCredentials(), m_options.restUrl, m_options.wsUrl);
        return;
    }
    QPointer<TradingCore> self(this);
    if (!m_secrets)
        m_secrets = makeSecretStore();
    // Paper: the credentials are the quote feed's (Settings paper/feed: mock or live); they go to
    // the paper simulator's feed connection only, never to the app's own session.
    const bool paper = m_mode == u"paper";
    const QString credentialMode = paper ? m_settings->paperFeed() : m_mode;
    CredentialsLookup::resolve(m_secrets, credentialMode, [self, paper, credentialMode](Result<Credentials> r) {
        if (!self || !self->m_running)
            return;
        if (!r) {
            qCCritical(lcApp).noquote() << r.error().message;
            self->m_activity->add(ActivityLog::Level::Error, QStringLiteral("broker"), r.error().message);
            self->setBrokerState(BrokerState::Failed, r.error().message);
            return;
        }
        if (paper)
            self->startPaperBroker(*r, credentialMode);
        else
            self->startSession({ r->appKey, r->secretKey }, self->m_options.restUrl, self->m_options.wsUrl);
    });
}

void TradingCore::startPaperBroker(const Credentials &feedCredentials, const QString &feedMode)
{
    const QString feedRest = m_options.restUrl.isEmpty() ? m_settings->restUrlOverride() : m_options.restUrl;
    const QString feedWs = m_options.wsUrl.isEmpty() ? m_settings->wsUrlOverride() : m_options.wsUrl;
    if (Status st = checkTransportSecurity(feedRest, feedWs); !st) {
        qCCritical(lcApp).noquote() << st.error().message;
        m_activity->add(ActivityLog::Level::Error, QStringLiteral("broker"), st.error().message);
        setBrokerState(BrokerState::Failed, st.error().message);
        return;
    }
    // A simulator feed (loopback) announces its market time and keeps its market always open;
    // Kiwoom's hosts run on KST wall time and the real session hours.
    const bool simulatorFeed = usesAnnouncedClock(feedRest);
    SimConfig config;
    config.paper = true;
    config.paperFeed.mode = feedMode;
    config.paperFeed.restUrl = feedRest;
    config.paperFeed.wsUrl = feedWs;
    config.paperFeed.appKey = feedCredentials.appKey;
    config.paperFeed.secretKey = feedCredentials.secretKey;
    config.paperFeed.announcedClock = simulatorFeed;
    config.paperFeed.queriesPerSecond = m_settings->queriesPerSecond();
    config.port = quint16(m_options.simPort);
    config.followSessionHours = !simulatorFeed;
    config.initialCash = m_settings->paperInitialCash();
    config.feeRatePercent = m_settings->feeRate();
    config.sellTaxRatePercent = m_settings->sellTaxRate();
    // The app's rate limiter and the feed connection's own limiter keep Kiwoom's quotas.
    config.queryQuotaPerSecond = 0;
    config.totalQueryQuotaPerSecond = 0;
    config.orderQuotaPerSecond = 0;
    config.totalOrderQuotaPerSecond = 0;
    // The paper account survives restarts next to the paper database.
    config.stateFile = QDir(databaseDir()).filePath(QStringLiteral("paper-state.json"));
    m_sim = std::make_unique<SimHost>();
    auto endpoints = m_sim->start(config);
    if (!endpoints) {
        m_sim.reset();
        qCCritical(lcSim).noquote() << "the paper broker did not start:" << endpoints.error().message;
        m_activity->add(ActivityLog::Level::Error, QStringLiteral("broker"),
            tr("Paper trading did not start: %1").arg(endpoints.error().message));
        setBrokerState(BrokerState::Failed, endpoints.error().message);
        return;
    }
    qCInfo(lcSim).noquote() << "paper broker listening: REST" << endpoints->restBaseUrl.toString()
                            << "- quotes from the" << feedMode << "feed; orders stay local";
    m_activity->add(ActivityLog::Level::Info, QStringLiteral("broker"),
        tr("Paper trading: quotes from Kiwoom (%1), orders filled by a local simulated account.").arg(feedMode));
    startSession(demoCredentials(), endpoints->restBaseUrl.toString(), endpoints->webSocketUrl.toString());
}

Status TradingCore::checkTransportSecurity(const QString &restUrl, const QString &wsUrl)
{
    for (const QString &text : { restUrl, wsUrl }) {
        if (text.isEmpty())
            continue;
        const QUrl url(text);
        const QString scheme = url.scheme().toLower();
        if (scheme == u"https" || scheme == u"wss")
            continue;
        const QHostAddress address(url.host());
        const bool loopback
            = url.host().compare(u"localhost", Qt::CaseInsensitive) == 0 || (!address.isNull() && address.isLoopback());
        if (!loopback) {
            return Error { QStringLiteral("broker.insecure_url"),
                tr("Refusing to send Kiwoom credentials unencrypted to %1: use https:// and wss://, "
                   "or a loopback address.")
                    .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)) };
        }
    }
    return {};
}

QString TradingCore::recordingsDir() const
{
    return QDir(m_options.dataDir).filePath(QStringLiteral("recordings"));
}

RecorderControl TradingCore::recorderControl()
{
    RecorderControl::Deps deps;
    deps.settings = m_settings.get();
    deps.database = m_database.get();
    deps.activity = m_activity.get();
    deps.events = m_feed.get();
    deps.recorder = [this] { return m_recorder.get(); };
    deps.directory = recordingsDir();
    return RecorderControl(deps);
}

QJsonObject TradingCore::recorderStatus()
{
    return recorderControl().status();
}

Result<QJsonObject> TradingCore::setRecordEnabled(bool enabled, const QString &actor)
{
    return recorderControl().setEnabled(enabled, actor);
}

void TradingCore::applyRecordSetting()
{
    if (!m_session)
        return;
    const bool wanted = m_settings->recordEnabled();
    if (m_recorder && (!wanted || m_recorder->config().maxBytes != m_settings->recordMaxBytes())) {
        m_session->realtime().setWireTap(nullptr);
        m_session->rest().setWireTap(nullptr);
        m_recorder->stop();
        m_recorder.reset();
        qCInfo(lcApp) << "market recorder stopped";
        m_feed->touch({ QStringLiteral("recorder") });
    }
    if (!wanted || m_recorder)
        return;
    MarketRecorder::Config config;
    config.directory = recordingsDir();
    config.maxBytes = m_settings->recordMaxBytes();
    auto recorder = std::make_unique<MarketRecorder>(config);
    if (const Status s = recorder->start(); !s) {
        qCWarning(lcApp).noquote() << "market recorder:" << s.error().message;
        m_activity->add(ActivityLog::Level::Error, QStringLiteral("recorder"), s.error().message);
        return;
    }
    m_recorder = std::move(recorder);
    m_session->realtime().setWireTap(m_recorder.get());
    m_session->rest().setWireTap(m_recorder.get());
    qCInfo(lcApp).noquote() << "market recorder on:" << config.directory;
    m_feed->touch({ QStringLiteral("recorder") });
}

void TradingCore::startSession(const Credentials &credentials, const QString &restUrl, const QString &wsUrl)
{
    if (Status st = checkTransportSecurity(restUrl.isEmpty() ? m_settings->restUrlOverride() : restUrl,
            wsUrl.isEmpty() ? m_settings->wsUrlOverride() : wsUrl);
        !st) {
        qCCritical(lcApp).noquote() << st.error().message;
        m_activity->add(ActivityLog::Level::Error, QStringLiteral("broker"), st.error().message);
        setBrokerState(BrokerState::Failed, st.error().message);
        return;
    }
    auto config = KiwoomSession::configFor(*m_settings, m_mode, restUrl, wsUrl, credentials);
    if (!config) {
        qCCritical(lcApp).noquote() << "broker configuration:" << config.error().message;
        m_activity->add(ActivityLog::Level::Error, QStringLiteral("broker"), config.error().message);
        setBrokerState(BrokerState::Failed, config.error().message);
        return;
    }
    // Demo: the simulated market runs on its own virtual day; time-only fields (HHmmss) in replies
    // and realtime frames belong to that day, while tokens still expire by real time.
    config.value().marketClock = m_sim ? &m_sim->virtualClock() : nullptr;
    config.value().useAnnouncedMarketClock = usesAnnouncedClock(config.value().endpoints.restBase.toString());
    if (m_options.lockstep && m_sim)
        config.value().rate.serial = true;
    m_session = std::make_unique<KiwoomSession>(*config, *m_clock);
    if (m_options.lockstep && m_sim) {
        // One request at a time, started by the driver once the engine is idle
        // (KiwoomSession::grantLockstep), and only once every frame the simulator pushed has been
        // read: what the engine sees, and in which order, is then the same in every run.
        m_session->setLockstepGate([this] {
            KiwoomSession &s = *m_session;
            if (s.rest().inFlightCount() > 0 || s.conditions().requestInFlight() || s.realtime().pendingAcks() > 0)
                return false;
            return s.realtime().stats().realEntries >= m_sim->lockstepState().realtimeEntriesSent;
        });
    }
    // From here on the market's time is the session's: the simulator's virtual clock in demo mode,
    // a standalone simulator's announced time (--market-clock sim), or the system clock.
    m_marketClock.setTarget(m_session->marketClock());
    m_quoteBook = std::make_unique<QuoteBook>(m_session->realtime(), *m_clock);
    applyRecordSetting();
    connect(m_settings.get(), &Settings::changed, m_session.get(), [this](const QString &key) {
        if (key.startsWith(u"record/"))
            applyRecordSetting();
    });
    m_feed->attachQuotes(m_quoteBook.get());
    connect(m_session.get(), &KiwoomSession::ready, this, &TradingCore::onSessionReady);
    connect(
        m_session.get(), &KiwoomSession::stateChanged, this, [this](KiwoomSession::State state, const QString &detail) {
            switch (state) {
            case KiwoomSession::State::Ready:
                setBrokerState(BrokerState::Ready, detail);
                break;
            case KiwoomSession::State::Degraded:
                setBrokerState(BrokerState::Degraded, detail);
                break;
            case KiwoomSession::State::Failed:
                setBrokerState(BrokerState::Failed, detail);
                break;
            case KiwoomSession::State::Stopped:
                setBrokerState(BrokerState::Offline, detail);
                break;
            case KiwoomSession::State::Authenticating:
            case KiwoomSession::State::Connecting:
            case KiwoomSession::State::Stopping:
                setBrokerState(BrokerState::Starting, detail);
                break;
            }
        });
    connect(m_session.get(), &KiwoomSession::failed, this, [this](const KiwoomError &error) {
        m_activity->add(ActivityLog::Level::Error, QStringLiteral("broker"),
            tr("Could not connect to the broker: %1").arg(error.describe()));
    });
    m_session->start();
}

QStringList TradingCore::watchCodes() const
{
    WatchlistRepository watchlist(*m_database);
    QStringList codes;
    if (auto active = watchlist.listActive()) {
        for (const auto &stock : *active)
            codes << stock.stockCode;
    }
    return codes.isEmpty() ? defaultWatchCodes() : codes;
}

void TradingCore::onSessionReady()
{
    m_activity->add(
        ActivityLog::Level::Info, QStringLiteral("broker"), tr("Connected to the broker (%1 mode).").arg(m_mode));
    m_quoteBook->watch(QStringLiteral("watchlist"), watchCodes());
    startEngine();
}

void TradingCore::startEngine()
{
    if (m_engine)
        return;
    TradingEngine::Deps deps;
    deps.database = m_database.get();
    deps.settings = m_settings.get();
    deps.activity = m_activity.get();
    deps.session = m_session.get();
    deps.quotes = m_quoteBook.get();
    deps.marketClock = &marketClock();
    deps.mode = m_mode;
    deps.marketSpeed = marketSpeed();
    if (m_options.lockstep && m_sim) {
        if (!m_pulse)
            m_pulse = std::make_unique<MarketPulse>(marketClock());
        deps.pulse = m_pulse.get();
        deps.marketSpeed = 1.0;
    }
    QStringList services = m_options.startServices;
    QStringList conditions = m_options.enableConditions;
    if (m_mode == u"demo") {
        // Seeded before the engine reads its trading settings, so the first run already trades.
        // The showcase: a fresh demo database starts trading on its own (mock and live never do).
        auto plan = DemoShowcase::seed(*m_database, defaultWatchCodes(), QStringLiteral("engine"));
        if (!plan) {
            m_activity->add(ActivityLog::Level::Warning, QStringLiteral("demo"),
                tr("The demo defaults could not be set up: %1").arg(plan.error().message));
        } else if (plan->seededNow) {
            m_activity->add(ActivityLog::Level::Info, QStringLiteral("demo"),
                tr("Demo account set up: automatic trading on, default strategies and conditions enabled."));
            conditions += plan->conditions;
        }
        if (!services.contains(QStringLiteral("all")))
            services << QStringLiteral("all");
    }
    m_engine = std::make_unique<TradingEngine>(deps);
    m_engine->setStartupRequests(services, conditions);
    m_feed->attachEngine(m_engine.get());
    emit engineCreated(m_engine.get());
    m_engine->start();
}

void TradingCore::stop()
{
    if (!m_running)
        return;
    m_running = false;
    // No request acts on the engine while it stops.
    m_control.reset();
    if (m_engine) {
        // No new order from here on; requests on the wire get up to 10 s for their replies, and
        // any still unanswered is recorded as UNKNOWN (reconciled at the next start).
        m_engine->stop(10000);
        m_feed->attachEngine(nullptr);
        m_engine.reset();
    }
    if (m_session) {
        // Waits for orders still on the wire, then revokes the token and closes the WebSocket;
        // bounded by the session's stop bound.
        QEventLoop loop;
        connect(m_session.get(), &KiwoomSession::stopped, &loop, &QEventLoop::quit);
        QTimer::singleShot(m_session->stopBoundMs() + 1000, &loop, &QEventLoop::quit);
        m_session->stop();
        if (m_session->state() != KiwoomSession::State::Stopped)
            loop.exec();
        m_feed->attachQuotes(nullptr);
        m_quoteBook.reset();
        // The session (and the simulator) own the clock the market time came from: hold its last
        // reading for what is written while closing.
        m_lastMarketTime.setNowMs(m_marketClock.nowMs());
        m_marketClock.setTarget(m_lastMarketTime);
        m_session->realtime().setWireTap(nullptr);
        m_session->rest().setWireTap(nullptr);
        m_session.reset();
    }
    if (m_recorder) {
        m_recorder->stop(); // writes what is queued
        m_recorder.reset();
    }
    m_news.reset(); // its callbacks and replies end here; the simulator it may point at stops next
    if (m_sim) {
        m_sim->stop();
        m_sim.reset();
        qCInfo(lcSim).noquote() << (m_mode == u"paper" ? "paper" : "demo") << "simulator stopped";
    }
    setBrokerState(BrokerState::Offline, QString());
    if (m_database) {
        m_database->close();
        m_database.reset();
        qCInfo(lcStorage) << "database closed";
    }
    m_lock.reset(); // unlocks
    qCInfo(lcApp) << "trading core stopped";
    emit stopped();
}
