// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientsimfixture.h"

#include "market/krx.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

ClientSimFixture::Options::Options()
    : sim(ClientSimFixture::defaultSimConfig()), client(ClientSimFixture::defaultClientConfig())
{
}

SimConfig ClientSimFixture::defaultSimConfig(quint64 seed)
{
    SimConfig c;
    c.seed = seed;
    c.speed = 0;
    c.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)); // a Monday, a trading day
    c.historyDays = 60;
    c.minuteHistoryDays = 2;
    c.pingIntervalMs = 10'000;
    c.pingTimeoutMs = 10'000;
    c.loginTimeoutMs = 30'000;
    c.clock = nullptr; // real time for tokens, quotas and PINGs
    return c;
}

KiwoomSession::Config ClientSimFixture::defaultClientConfig()
{
    KiwoomSession::Config c;
    c.mode = QStringLiteral("demo");
    c.credentials.appKey = QString::fromLatin1(Sim::DEMO_APP_KEY);
    c.credentials.secretKey = QString::fromLatin1(Sim::DEMO_SECRET_KEY);
    c.rest.timeoutMs = 8000;
    c.rest.maxRetries = 3;
    c.rest.retryBaseDelayMs = 50;
    c.realtime.loginTimeoutMs = 8000;
    c.realtime.backoffInitialMs = 100;
    c.realtime.backoffMaxMs = 1000;
    c.token.timeoutMs = 8000;
    c.token.failureBackoffInitialMs = 100;
    c.wsReadyTimeoutMs = 15000;
    c.startRetryInitialMs = 200;
    return c;
}

ClientSimFixture::ClientSimFixture(QObject *parent) : QObject(parent) { }

ClientSimFixture::~ClientSimFixture()
{
    m_session.reset(); // the client first: it still holds sockets to the server
    if (m_server)
        m_server->stop();
}

bool ClientSimFixture::start(const Options &options)
{
    m_options = options;
    SimConfig sim = options.sim;
    sim.queryQuotaPerSecond = options.queriesPerSecond;
    sim.orderQuotaPerSecond = options.ordersPerSecond;
    // The terms of use cap the total as well; keep it above any single api-id so a well-paced
    // client (per api-id and pool at the same quota) never meets 1701 either.
    sim.totalQueryQuotaPerSecond = options.queriesPerSecond > 0 ? options.queriesPerSecond * 2 : 0;
    sim.totalOrderQuotaPerSecond = options.ordersPerSecond > 0 ? options.ordersPerSecond * 2 : 0;
    if (options.shareClockWithSim) {
        m_clientClock.setNowMs(QDateTime::currentMSecsSinceEpoch());
        sim.clock = &m_clientClock;
    }
    m_server = std::make_unique<SimServer>();
    if (const Status s = m_server->start(sim); !s) {
        m_error = s.error().message;
        return false;
    }
    syncClientClock();

    KiwoomSession::Config client = options.client;
    client.endpoints.restBase = m_server->restBaseUrl();
    client.endpoints.wsUrl = options.wsUrlVia ? options.wsUrlVia(m_server->webSocketUrl()) : m_server->webSocketUrl();
    if (client.credentials.appKey.isEmpty()) {
        client.credentials.appKey = QString::fromLatin1(Sim::DEMO_APP_KEY);
        client.credentials.secretKey = QString::fromLatin1(Sim::DEMO_SECRET_KEY);
    }
    if (options.queriesPerSecond > 0)
        client.rate.queriesPerSecond = options.queriesPerSecond;
    if (options.ordersPerSecond > 0)
        client.rate.ordersPerSecond = options.ordersPerSecond;
    m_session = std::make_unique<KiwoomSession>(client, m_clientClock);
    if (!options.startSession)
        return true;

    QSignalSpy ready(m_session.get(), &KiwoomSession::ready);
    QSignalSpy failed(m_session.get(), &KiwoomSession::failed);
    m_session->start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 20000)) {
        m_error = QStringLiteral("session not ready within 20 s (state %1)")
                      .arg(KiwoomSession::stateName(m_session->state()));
        return false;
    }
    if (!failed.isEmpty()) {
        m_error = QStringLiteral("session failed: ") + m_session->lastError().describe();
        return false;
    }
    if (m_session->state() != KiwoomSession::State::Ready) {
        m_error = QStringLiteral("session came up %1").arg(KiwoomSession::stateName(m_session->state()));
        return false;
    }
    return true;
}

void ClientSimFixture::stop()
{
    if (m_session && m_session->state() != KiwoomSession::State::Stopped) {
        QSignalSpy stopped(m_session.get(), &KiwoomSession::stopped);
        m_session->stop();
        (void)QTest::qWaitFor([&] { return !stopped.isEmpty(); }, m_session->stopBoundMs() + 2000);
    }
    m_session.reset();
    if (m_server)
        m_server->stop();
}

void ClientSimFixture::advance(qint64 virtualMs)
{
    m_server->advanceClock(virtualMs);
    syncClientClock();
}

qint64 ClientSimFixture::virtualNowMs() const
{
    return m_server && m_server->market() ? m_server->market()->nowMs() : 0;
}

void ClientSimFixture::syncClientClock()
{
    if (!m_options.shareClockWithSim)
        m_clientClock.setNowMs(virtualNowMs());
}

int ClientSimFixture::stockCount() const
{
    return m_server->market()->stockCount();
}

QString ClientSimFixture::code(int index) const
{
    return m_server->market()->info(index).code;
}

int ClientSimFixture::indexOf(const QString &code) const
{
    return m_server->market()->indexOf(code);
}

SimQuote ClientSimFixture::quote(const QString &code) const
{
    return m_server->market()->quote(indexOf(code));
}

QString ClientSimFixture::stockPricedBetween(qint64 minPrice, qint64 maxPrice) const
{
    const SimMarket &market = *m_server->market();
    for (int i = 0; i < market.stockCount(); ++i) {
        const SimQuote q = market.quote(i);
        if (q.price >= minPrice && q.price <= maxPrice && market.info(i).avgVolume >= 100'000)
            return market.info(i).code;
    }
    return {};
}

QJsonObject ClientSimFixture::simState() const
{
    return m_server->state();
}

qint64 ClientSimFixture::simRequests() const
{
    return qint64(simState().value(QStringLiteral("rest_requests")).toDouble());
}

qint64 ClientSimFixture::simRequests(const QString &apiId) const
{
    return qint64(simState().value(QStringLiteral("rest_requests_by_api")).toObject().value(apiId).toDouble());
}

qint64 ClientSimFixture::simQuotaRejections() const
{
    const QJsonObject q = simState().value(QStringLiteral("quota_rejections")).toObject();
    return qint64(q.value(QStringLiteral("1700")).toDouble() + q.value(QStringLiteral("1701")).toDouble());
}

int ClientSimFixture::simRegistrations() const
{
    return simState().value(QStringLiteral("ws_registrations")).toInt();
}

int ClientSimFixture::simRealtimeConditions() const
{
    return simState().value(QStringLiteral("ws_realtime_conditions")).toInt();
}

bool ClientSimFixture::waitForSimRegistrations(int n, int timeoutMs)
{
    return QTest::qWaitFor([&] { return simRegistrations() == n; }, timeoutMs);
}
