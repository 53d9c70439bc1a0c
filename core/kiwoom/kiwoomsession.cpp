// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoomsession.h"

#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"

#include <QDateTime>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcSession, "kt.kiwoom.session", QtInfoMsg)

KiwoomSession::KiwoomSession(const Config &config, const IClock &clock, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_retryTimer(this)
    , m_wsReadyTimer(this)
    , m_drainTimer(this)
    , m_stopTimer(this)
{
    m_config.credentials.registerSecrets();
    if (m_config.useAnnouncedMarketClock)
        m_announcedClock = std::make_unique<AnnouncedMarketClock>(m_config.marketClock ? *m_config.marketClock : clock);
    const IClock *market = m_announcedClock ? m_announcedClock.get() : m_config.marketClock;
    // Every part is a child of the session, so moving the session to the core's thread moves them all.
    m_network = std::make_unique<QNetworkAccessManager>(this);
    m_tokens = std::make_unique<TokenManager>(*m_network, m_config.endpoints, m_config.credentials, clock, this);
    m_tokens->setConfig(m_config.token);
    m_limiter = std::make_unique<RateLimiter>(m_config.rate, RateLimiter::MonotonicClock(), this);
    m_rest = std::make_unique<RestClient>(*m_network, m_config.endpoints.restBase, *m_tokens, *m_limiter, clock, this);
    m_rest->setConfig(m_config.rest);
    m_rest->setMarketClock(market);
    m_realtime = std::make_unique<RealtimeClient>(*m_tokens, m_config.endpoints.wsUrl, clock, this);
    m_realtime->setConfig(m_config.realtime);
    m_realtime->setMarketClock(market);
    m_conditions = std::make_unique<ConditionSearch>(*m_realtime, this);
    m_conditions->setConfig(m_config.conditions);

    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Authenticating)
            m_tokens->ensureToken();
    });
    m_wsReadyTimer.setSingleShot(true);
    connect(&m_wsReadyTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Connecting) {
            qCWarning(lcSession) << "websocket not logged in after" << m_config.wsReadyTimeoutMs
                                 << "ms; continuing with REST only while it reconnects";
            markReady(true);
        }
    });
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &KiwoomSession::finishDrain);
    connect(m_rest.get(), &RestClient::ordersInFlightChanged, this, [this](int count) {
        if (m_draining && count == 0)
            finishDrain();
    });
    if (m_announcedClock) {
        connect(m_rest.get(), &RestClient::serverTimeAnnounced, this, [this](qint64 virtualMs, double speed) {
            const bool first = !m_announcedClock->isSet();
            m_announcedClock->announce(virtualMs, speed);
            if (first)
                qCInfo(lcSession).noquote() << "market clock follows the server:"
                                            << QDateTime::fromMSecsSinceEpoch(virtualMs, Qt::UTC)
                                                   .toOffsetFromUtc(9 * 3600)
                                                   .toString(Qt::ISODate)
                                            << "at speed" << speed;
        });
    }
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcSession) << "token revoke did not finish in time; stopping anyway";
        finishStop();
    });

    connect(m_tokens.get(), &TokenManager::tokenIssued, this, &KiwoomSession::onTokenIssued);
    connect(m_tokens.get(), &TokenManager::tokenFailed, this, &KiwoomSession::onTokenFailed);
    connect(m_realtime.get(), &RealtimeClient::loggedIn, this, &KiwoomSession::onLoggedIn);
    connect(m_realtime.get(), &RealtimeClient::connectionLost, this,
        [this](const QString &reason) { m_wsLossReason = reason; });
    connect(m_realtime.get(), &RealtimeClient::stateChanged, this, [this](RealtimeClient::State s) {
        if (s != RealtimeClient::State::LoggedIn && m_state == State::Ready)
            setState(State::Degraded,
                m_wsLossReason.isEmpty()
                    ? QStringLiteral("websocket reconnecting; REST still available")
                    : QStringLiteral("websocket reconnecting after %1; REST still available").arg(m_wsLossReason));
        if (s == RealtimeClient::State::Stopped && m_state == State::Degraded && m_readyEmitted)
            qCWarning(lcSession) << "websocket stopped for good; realtime data unavailable until restart";
    });
}

Result<KiwoomSession::Config> KiwoomSession::configFor(const Settings &settings, const QString &modeOverride,
    const QString &restOverride, const QString &wsOverride, const Credentials &credentials)
{
    Config c;
    c.mode = modeOverride.isEmpty() ? settings.mode() : modeOverride;
    const auto endpoints
        = KiwoomEndpoints::resolve(c.mode, restOverride.isEmpty() ? settings.restUrlOverride() : restOverride,
            wsOverride.isEmpty() ? settings.wsUrlOverride() : wsOverride);
    if (!endpoints)
        return endpoints.error();
    c.endpoints = *endpoints;
    c.credentials = credentials;
    if (!credentials.isComplete()) {
        return Error { QStringLiteral("kiwoom.credentials"),
            QStringLiteral("%1 mode needs an app key and a secret key (Settings or KIWOOM_APPKEY / KIWOOM_SECRETKEY)")
                .arg(c.mode) };
    }
    c.rate.queriesPerSecond = settings.queriesPerSecond();
    c.rate.ordersPerSecond = settings.ordersPerSecond();
    return c;
}

void KiwoomSession::setLockstepGate(std::function<bool()> gate)
{
    auto granted = [this, gate = std::move(gate)] { return m_lockstepGrant && (!gate || gate()); };
    m_rest->setExtraGate(granted);
    m_conditions->setSendGate(std::move(granted));
}

bool KiwoomSession::grantLockstep()
{
    m_lockstepGrant = true;
    // Synchronous: the limiter grants (serial: at most one) and the call goes out right here.
    m_limiter->pump();
    bool started = m_rest->inFlightCount() > 0;
    if (!started) {
        m_conditions->wake();
        started = m_conditions->requestInFlight();
    }
    m_lockstepGrant = false;
    return started;
}

KiwoomSession::~KiwoomSession()
{
    // Explicit order (users before what they use); unique_ptr deletion also unparents each child.
    m_conditions.reset();
    m_realtime.reset();
    m_rest.reset();
    m_limiter.reset();
    m_tokens.reset();
    m_network.reset();
}

QString KiwoomSession::stateName(State state)
{
    switch (state) {
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Authenticating:
        return QStringLiteral("authenticating");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Ready:
        return QStringLiteral("ready");
    case State::Degraded:
        return QStringLiteral("degraded");
    case State::Stopping:
        return QStringLiteral("stopping");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

void KiwoomSession::setState(State state, const QString &detail)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcSession).noquote() << "session"
                                << stateName(state) + (detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
    emit stateChanged(state, detail);
}

void KiwoomSession::start()
{
    if (m_state != State::Stopped && m_state != State::Failed)
        return;
    m_readyEmitted = false;
    m_startAttempts = 0;
    m_lastError = KiwoomError();
    setState(State::Authenticating,
        QStringLiteral("%1 mode, REST %2, WebSocket %3")
            .arg(m_config.mode.isEmpty() ? QStringLiteral("?") : m_config.mode,
                m_config.endpoints.restBase.toString(QUrl::RemoveUserInfo),
                m_config.endpoints.wsUrl.toString(QUrl::RemoveUserInfo)));
    if (m_tokens->hasUsableToken())
        QTimer::singleShot(0, this, &KiwoomSession::onTokenIssued);
    else
        m_tokens->ensureToken();
}

void KiwoomSession::onTokenIssued()
{
    if (m_state != State::Authenticating)
        return;
    m_retryTimer.stop();
    setState(State::Connecting, QStringLiteral("token ready; logging in to the websocket"));
    m_realtime->start();
    m_wsReadyTimer.start(m_config.wsReadyTimeoutMs);
}

void KiwoomSession::onTokenFailed(const KiwoomError &error)
{
    if (m_state != State::Authenticating)
        return;
    m_lastError = error;
    if (error.retryable()) {
        ++m_startAttempts;
        const int delay = std::min(60000, m_config.startRetryInitialMs << std::min(m_startAttempts - 1, 5));
        qCWarning(lcSession).noquote() << "could not get a token (" + error.describe() + "); retrying in" << delay
                                       << "ms";
        m_retryTimer.start(delay);
        return;
    }
    setState(State::Failed, error.describe());
    emit failed(error);
}

void KiwoomSession::onLoggedIn()
{
    m_wsLossReason.clear();
    if (m_state != State::Connecting && m_state != State::Degraded)
        return;
    const bool restored = m_readyEmitted; // the session had been ready without realtime
    markReady(false);
    if (restored) {
        qCInfo(lcSession) << "realtime restored; notices sent while it was down may be missing";
        emit realtimeRestored();
    }
}

const IClock &KiwoomSession::marketClock() const
{
    if (m_announcedClock)
        return *m_announcedClock;
    return m_config.marketClock ? *m_config.marketClock : m_clock;
}

void KiwoomSession::markReady(bool degraded)
{
    m_wsReadyTimer.stop();
    setState(degraded ? State::Degraded : State::Ready,
        degraded ? QStringLiteral("REST only, websocket reconnecting") : QStringLiteral("REST and websocket up"));
    if (!m_readyEmitted) {
        m_readyEmitted = true;
        emit ready();
    }
}

void KiwoomSession::stop()
{
    if (m_state == State::Stopped || m_state == State::Stopping)
        return;
    const int inFlight = m_rest->ordersInFlight();
    const bool drain = inFlight > 0 && m_config.orderDrainTimeoutMs > 0;
    setState(State::Stopping,
        drain ? QStringLiteral("waiting up to %1 ms for the replies to %2 order(s) in flight")
                    .arg(m_config.orderDrainTimeoutMs)
                    .arg(inFlight)
              : QStringLiteral("revoking the token"));
    m_retryTimer.stop();
    m_wsReadyTimer.stop();
    m_rest->cancelAll(); // queued requests; orders on the wire are left to finish
    m_conditions->cancelAll();
    if (drain) {
        // The token and the WebSocket stay up meanwhile: a fill notice may still come.
        m_draining = true;
        m_drainTimer.start(m_config.orderDrainTimeoutMs);
        return;
    }
    closeAndRevoke();
}

void KiwoomSession::finishDrain()
{
    if (!m_draining)
        return;
    m_draining = false;
    m_drainTimer.stop();
    if (const int left = m_rest->ordersInFlight(); left > 0) {
        qCCritical(lcSession) << left << "order(s) still without a reply after" << m_config.orderDrainTimeoutMs
                              << "ms; their outcome is unknown";
        m_rest->abandonOrdersInFlight(
            QStringLiteral("the session stopped (waited %1 ms for the reply)").arg(m_config.orderDrainTimeoutMs));
    } else {
        qCInfo(lcSession) << "every order in flight has its reply";
    }
    closeAndRevoke();
}

void KiwoomSession::closeAndRevoke()
{
    qCInfo(lcSession) << "closing the websocket and revoking the token";
    m_realtime->stop();
    m_stopTimer.start(m_config.stopTimeoutMs);
    m_tokens->revoke(this, [this](const KiwoomResult<bool> &) { finishStop(); });
}

void KiwoomSession::finishStop()
{
    if (m_state != State::Stopping)
        return;
    m_stopTimer.stop();
    setState(State::Stopped, QString());
    emit stopped();
}
