// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginesimrig.h"

#include "common/activitylog.h"
#include "common/settings.h"
#include "market/krx.h"
#include "services/quotebook.h"
#include "sim/simserver.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "trading/stoplossmanager.h"
#include "trading/tradingengine.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTest>

using namespace Storage;

EngineSimRig::EngineSimRig(QObject *parent) : QObject(parent) { }

EngineSimRig::~EngineSimRig()
{
    stop();
}

bool EngineSimRig::start()
{
    return start(Options {});
}

bool EngineSimRig::start(const Options &options)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    m_sim = std::make_unique<ClientSimFixture>();
    ClientSimFixture::Options so;
    so.sim = ClientSimFixture::defaultSimConfig(options.seed);
    if (!m_sim->start(so)) {
        m_error = m_sim->error();
        return false;
    }
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("kt.ini")));
    // Nothing on a real-time timer unless a test starts it; the simulator's fee and tax rates.
    (void)m_settings->setValue(QStringLiteral("services/autostart"), QString());
    (void)m_settings->setValue(QStringLiteral("trading/feeRate"), so.sim.feeRatePercent);
    (void)m_settings->setValue(QStringLiteral("trading/sellTaxRate"), so.sim.sellTaxRatePercent);
    if (options.configure)
        options.configure(*m_settings);
    m_activity = std::make_unique<ActivityLog>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("db")), m_sim->clientClock());
    if (!db) {
        m_error = db.error().message;
        return false;
    }
    m_db = std::move(db).value();
    m_quotes = std::make_unique<QuoteBook>(m_sim->realtime(), m_sim->clientClock());

    TradingEngine::Deps deps;
    deps.database = m_db.get();
    deps.settings = m_settings.get();
    deps.activity = m_activity.get();
    deps.session = &m_sim->session();
    deps.quotes = m_quotes.get();
    deps.marketClock = &m_sim->clientClock();
    deps.mode = QStringLiteral("demo");
    deps.marketSpeed = 1.0;
    m_engine = std::make_unique<TradingEngine>(deps);
    m_engine->setStartupRequests(options.startServices, options.enableConditions);
    m_engine->start();
    if (!waitFor([this] { return m_engine->isReady(); }, 20000)) {
        m_error = QStringLiteral("engine not ready within 20 s: %1")
                      .arg(QString::fromUtf8(QJsonDocument(m_engine->status()).toJson(QJsonDocument::Compact)));
        return false;
    }
    return true;
}

void EngineSimRig::stop()
{
    m_ledger.reset();
    if (m_engine) {
        m_engine->stop(2000);
        m_engine.reset();
    }
    m_quotes.reset();
    if (m_sim)
        m_sim->stop();
    if (m_db) {
        m_db->close();
        m_db.reset();
    }
    m_sim.reset();
    m_activity.reset();
    m_settings.reset();
    m_dir.reset();
}

bool EngineSimRig::waitFor(const std::function<bool()> &pred, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        if (!pred())
            QTest::qSleep(1);
    }
    return true;
}

void EngineSimRig::advance(qint64 ms, qint64 stepMs)
{
    while (ms > 0) {
        const qint64 step = std::min(ms, stepMs);
        m_sim->advance(step);
        ms -= step;
        // Let the loopback frames arrive and the engine act on them.
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    }
}

bool EngineSimRig::advanceUntil(const std::function<bool()> &pred, qint64 maxVirtualMs, qint64 stepMs)
{
    for (qint64 done = 0; done <= maxVirtualMs; done += stepMs) {
        if (waitFor(pred, 30))
            return true;
        advance(stepMs, stepMs);
    }
    return waitFor(pred, 500);
}

Result<SimShock> EngineSimRig::shock(const QString &code, double percent)
{
    auto r = m_sim->server().shock(code, percent);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    return r;
}

std::optional<PositionRecord> EngineSimRig::livePosition(const QString &code) const
{
    auto r = PositionRepository(*m_db).findActiveByCode(code);
    if (!r || !*r)
        return std::nullopt;
    return r->value();
}

std::optional<PositionRecord> EngineSimRig::position(qint64 id) const
{
    auto r = PositionRepository(*m_db).find(id);
    if (!r || !*r)
        return std::nullopt;
    return r->value();
}

QList<SellOrderRecord> EngineSimRig::sellOrders(qint64 positionId) const
{
    auto r = PositionRepository(*m_db).sellOrders(positionId);
    return r ? r.value() : QList<SellOrderRecord> {};
}

QList<OrderRecord> EngineSimRig::ordersFor(const QString &code) const
{
    QList<OrderRecord> out;
    const auto all = OrderRepository(*m_db).listForDate(Krx::tradingDateString(m_sim->virtualNowMs()));
    if (!all)
        return out;
    for (const OrderRecord &o : all.value()) {
        if (o.stockCode == code)
            out << o;
    }
    return out;
}

QList<ExecutionRecord> EngineSimRig::executionsFor(const QString &code) const
{
    QList<ExecutionRecord> out;
    OrderRepository orders(*m_db);
    for (const OrderRecord &o : ordersFor(code)) {
        if (auto x = orders.executions(o.id))
            out += x.value();
    }
    return out;
}

bool EngineSimRig::waitUntilWatched(const QString &code, qint64 maxVirtualMs)
{
    return advanceUntil(
        [this, code] {
            const auto a = m_engine->stops().armed(code);
            return a && a->lastTickMs > 0;
        },
        maxVirtualMs);
}

QDate EngineSimRig::tradingDate() const
{
    return QDate::fromString(Krx::tradingDateString(m_sim->virtualNowMs()), Qt::ISODate);
}

Result<Ledger::BrokerRecords> EngineSimRig::broker(const QStringList &realizedCodes)
{
    if (!m_ledger) {
        m_ledger = std::make_unique<BrokerLedger>(m_sim->server().restBaseUrl(), QString::fromLatin1(Sim::DEMO_APP_KEY),
            QString::fromLatin1(Sim::DEMO_SECRET_KEY));
    }
    return m_ledger->read(tradingDate(), realizedCodes);
}

QStringList EngineSimRig::compareWithBroker(const QStringList &realizedCodes)
{
    auto records = broker(realizedCodes);
    if (!records)
        return { QStringLiteral("broker not readable: ") + records.error().message };
    auto app = Ledger::readAppDatabase(m_db->filePath());
    if (!app)
        return { QStringLiteral("database not readable: ") + app.error().message };
    Ledger::CompareOptions options;
    options.compareMoney = true;
    options.initialCash = m_sim->server().config().initialCash;
    return Ledger::compare(records.value(), app.value(), options);
}
