// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginedayrig.h"

#include "common/activitylog.h"
#include "common/settings.h"
#include "market/krx.h"
#include "services/quotebook.h"
#include "sim/simserver.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/signalrepository.h"
#include "trading/ordermanager.h"
#include "trading/reconciler.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Storage;

EngineDayRig::Options::Options() : settings(EngineDayRig::defaultSettings())
{
    // Quotas well above what a day of manual trading needs, the same on both sides (a well-paced
    // client never meets 1700 unless a fault says so).
    fixture.queriesPerSecond = 100;
    fixture.ordersPerSecond = 100;
    fixture.sim.faults.clear();
}

QMap<QString, QVariant> EngineDayRig::defaultSettings()
{
    return {
        { QStringLiteral("trading/autoTradeEnabled"), false },
        { QStringLiteral("trading/maxInvestAmount"), 1'000'000 },
        { QStringLiteral("trading/stopLossRate"), 99.0 },
        { QStringLiteral("trading/takeProfitRate"), 1000.0 },
        { QStringLiteral("trading/trailingStopRate"), 0.0 },
        { QStringLiteral("trading/buyOrderType"), QStringLiteral("limit") },
        { QStringLiteral("trading/cancelUnfilledBuyAfterSec"), 0 },
        { QStringLiteral("services/autostart"), QString() },
        { QStringLiteral("services/buyRetryDelaySec"), 1 },
        { QStringLiteral("services/buyMaxRetries"), 3 },
        { QStringLiteral("services/buySweepIntervalSec"), 1 },
        { QStringLiteral("services/stopLossIntervalSec"), 1 },
        { QStringLiteral("risk/maxOrderAmount"), 20'000'000 },
        { QStringLiteral("risk/maxDailyBuyAmount"), 1'000'000'000'000LL },
        { QStringLiteral("risk/maxOpenPositions"), 1000 },
        { QStringLiteral("risk/dailyLossLimit"), 0 },
        { QStringLiteral("risk/entryCutoffMinutes"), 0 },
        { QStringLiteral("risk/continuousOnly"), true },
        { QStringLiteral("maintenance/backupEnabled"), false },
        { QStringLiteral("control/enabled"), false },
    };
}

EngineDayRig::EngineDayRig(QObject *parent) : QObject(parent) { }

EngineDayRig::~EngineDayRig()
{
    stop();
}

TradingCommands &EngineDayRig::commands()
{
    return m_engine->commands();
}

QString EngineDayRig::dbFile() const
{
    return m_db ? m_db->filePath() : QString();
}

QString EngineDayRig::tradingDate() const
{
    return Krx::tradingDateString(const_cast<EngineDayRig *>(this)->m_fixture.virtualNowMs());
}

bool EngineDayRig::start(const Options &options)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString ini = QDir(m_dir.path()).filePath(QStringLiteral("kiwoom-trader.ini"));
    {
        QSettings s(ini, QSettings::IniFormat);
        for (auto it = options.settings.constBegin(); it != options.settings.constEnd(); ++it)
            s.setValue(it.key(), it.value());
        s.sync();
    }
    if (!m_fixture.start(options.fixture)) {
        m_error = QStringLiteral("simulator/session: ") + m_fixture.error();
        return false;
    }
    connect(m_fixture.server().exchange(), &SimExchange::orderEvent, this,
        [this](const SimOrderEvent &e) { m_simEvents << e; });

    m_settings = std::make_unique<Settings>(ini);
    m_activity = std::make_unique<ActivityLog>();
    auto db = Database::open(QDir(m_dir.path()).filePath(QStringLiteral("demo")), m_fixture.clientClock());
    if (!db) {
        m_error = QStringLiteral("database: ") + db.error().message;
        return false;
    }
    m_db = std::move(db).value();
    m_quotes = std::make_unique<QuoteBook>(m_fixture.realtime(), m_fixture.clientClock());

    TradingEngine::Deps deps;
    deps.database = m_db.get();
    deps.settings = m_settings.get();
    deps.activity = m_activity.get();
    deps.session = &m_fixture.session();
    deps.quotes = m_quotes.get();
    deps.marketClock = &m_fixture.clientClock();
    deps.mode = QStringLiteral("demo");
    deps.marketSpeed = 1.0;
    m_engine = std::make_unique<TradingEngine>(deps);
    m_engine->start();
    if (!waitUntil([this] { return m_engine->isReady(); }, 20000)) {
        m_error = QStringLiteral("engine not ready within 20 s: ") + m_engine->reconciler().lastError();
        return false;
    }
    return true;
}

void EngineDayRig::stop()
{
    if (m_engine) {
        m_engine->stop(5000);
        m_engine.reset();
    }
    m_quotes.reset();
    m_fixture.stop();
    if (m_db) {
        m_db->close();
        m_db.reset();
    }
}

bool EngineDayRig::waitUntil(const std::function<bool()> &pred, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!pred()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        // Short slices: the client needs several loop passes per request.
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void EngineDayRig::advance(qint64 virtualMs, qint64 stepMs)
{
    while (virtualMs > 0) {
        const qint64 step = std::min(virtualMs, stepMs);
        m_fixture.advance(step);
        virtualMs -= step;
        QCoreApplication::processEvents();
    }
    QCoreApplication::processEvents();
}

QList<SimOrder> EngineDayRig::simOrdersToday(bool placeOnly) const
{
    QList<SimOrder> out;
    const QDate today = QDate::fromString(tradingDate(), Qt::ISODate);
    for (const SimOrder &o : const_cast<EngineDayRig *>(this)->m_fixture.server().exchange()->orders()) {
        if (o.date == today && (!placeOnly || o.kind == SimOrderKind::New))
            out << o;
    }
    return out;
}

Result<QList<OrderRecord>> EngineDayRig::appOrdersToday() const
{
    return OrderRepository(*m_db).listForDate(tradingDate());
}

QString EngineDayRig::unsettled(bool allowPending) const
{
    if (!m_engine->isReady())
        return QStringLiteral("engine not ready");
    if (const int n = m_engine->orders().requestsInFlight(); n > 0)
        return QStringLiteral("%1 requests on the wire").arg(n);
    if (m_engine->reconciler().isRunning())
        return QStringLiteral("reconciliation running");
    SignalRepository signalRepo(*m_db);
    for (SignalStatus status : { SignalStatus::Pending, SignalStatus::Processing }) {
        if (allowPending && status == SignalStatus::Pending)
            continue;
        SignalFilter f;
        f.status = status;
        f.limit = 5;
        auto rows = signalRepo.listPendingBuy(f);
        if (!rows)
            return rows.error().message;
        if (!rows->isEmpty())
            return QStringLiteral("signal %1 (%2) is %3")
                .arg(rows->first().id)
                .arg(rows->first().stockCode, enumText(status));
    }
    auto app = appOrdersToday();
    if (!app)
        return app.error().message;
    QHash<int, OrderRecord> byNo;
    for (const OrderRecord &o : app.value()) {
        if (o.state == OrderState::New || o.state == OrderState::Sent || o.state == OrderState::Unknown)
            return QStringLiteral("order %1 (%2) is %3")
                .arg(o.id)
                .arg(o.stockCode, QVariant::fromValue(o.state).toString());
        if (!o.brokerOrderNo.isEmpty())
            byNo.insert(o.brokerOrderNo.toInt(), o);
    }
    for (const SimOrder &s : simOrdersToday(false)) {
        auto it = byNo.constFind(s.ordNo);
        if (it == byNo.constEnd())
            continue; // not ours (or a problem orderMappingProblems() reports)
        const OrderRecord &o = it.value();
        if (s.kind == SimOrderKind::New) {
            const bool simOpen = s.state == SimOrderState::Open;
            const bool appOpen = o.state == OrderState::Accepted || o.state == OrderState::Partial;
            if (o.filledQuantity != s.filledQty || simOpen != appOpen)
                return QStringLiteral("order %1 (broker %2): app %3 filled %4, broker filled %5 %6")
                    .arg(o.id)
                    .arg(s.ordNo)
                    .arg(QVariant::fromValue(o.state).toString())
                    .arg(o.filledQuantity)
                    .arg(s.filledQty)
                    .arg(simOpen ? QStringLiteral("open") : QStringLiteral("closed"));
        } else if (o.state == OrderState::Accepted || o.state == OrderState::Partial) {
            return QStringLiteral("cancel order %1 (broker %2) still open").arg(o.id).arg(s.ordNo);
        }
    }
    return {};
}

bool EngineDayRig::waitSettled(int timeoutMs, bool allowPending)
{
    return waitUntil([&] { return unsettled(allowPending).isEmpty(); }, timeoutMs);
}

bool EngineDayRig::reconcile(int timeoutMs)
{
    Reconciler &r = m_engine->reconciler();
    QSignalSpy finished(&r, &Reconciler::finished);
    const bool wasRunning = r.isRunning();
    if (!m_engine->commands().reconcileNow(QStringLiteral("ui")))
        return false;
    const int want = wasRunning ? 2 : 1;
    return waitUntil([&] { return finished.size() >= want && !r.isRunning(); }, timeoutMs);
}

QStringList EngineDayRig::simRejections() const
{
    QStringList out;
    for (const SimOrderEvent &e : m_simEvents) {
        if (e.kind != SimOrderEvent::Kind::Rejected)
            continue;
        out << QStringLiteral("%1 %2 %3@%4: %5")
                   .arg(e.order.side == SimSide::Buy ? QStringLiteral("buy") : QStringLiteral("sell"))
                   .arg(const_cast<EngineDayRig *>(this)->m_fixture.code(e.order.stock))
                   .arg(e.order.qty)
                   .arg(e.order.price)
                   .arg(e.reason);
    }
    return out;
}

QStringList EngineDayRig::orderMappingProblems(const QSet<int> &ignoreOrdNos) const
{
    QStringList out;
    auto app = appOrdersToday();
    if (!app)
        return { app.error().message };
    QHash<int, QList<OrderRecord>> byNo;
    for (const OrderRecord &o : app.value()) {
        if (!o.brokerOrderNo.isEmpty())
            byNo[o.brokerOrderNo.toInt()] << o;
    }
    OrderRepository orders(*m_db);
    auto *exchange = const_cast<EngineDayRig *>(this)->m_fixture.server().exchange();
    QHash<int, qint64> simFilled;
    for (const SimFill &f : exchange->fills())
        simFilled[f.ordNo] += f.qty;
    for (const SimOrder &s : simOrdersToday(false)) {
        if (ignoreOrdNos.contains(s.ordNo) || ignoreOrdNos.contains(s.origOrdNo))
            continue;
        const QList<OrderRecord> rows = byNo.value(s.ordNo);
        if (rows.isEmpty()) {
            out << QStringLiteral("broker order %1 (%2 %3 x%4) is in no orders row")
                       .arg(s.ordNo)
                       .arg(m_fixture.code(s.stock),
                           s.side == SimSide::Buy ? QStringLiteral("buy") : QStringLiteral("sell"))
                       .arg(s.qty);
            continue;
        }
        if (rows.size() > 1) {
            out << QStringLiteral("broker order %1 is carried by %2 orders rows").arg(s.ordNo).arg(rows.size());
            continue;
        }
        if (s.kind != SimOrderKind::New)
            continue;
        const OrderRecord &o = rows.first();
        if (o.filledQuantity != s.filledQty || simFilled.value(s.ordNo) != s.filledQty) {
            out << QStringLiteral("broker order %1: filled %2 at the broker (fills %3), %4 in orders row %5")
                       .arg(s.ordNo)
                       .arg(s.filledQty)
                       .arg(simFilled.value(s.ordNo))
                       .arg(o.filledQuantity)
                       .arg(o.id);
        }
        auto executions = orders.executions(o.id);
        if (!executions) {
            out << executions.error().message;
            continue;
        }
        qint64 recorded = 0;
        for (const ExecutionRecord &x : executions.value())
            recorded += x.quantity;
        if (recorded != s.filledQty)
            out << QStringLiteral("broker order %1: %2 shares filled, %3 in executions of order %4")
                       .arg(s.ordNo)
                       .arg(s.filledQty)
                       .arg(recorded)
                       .arg(o.id);
    }
    return out;
}

Result<Ledger::BrokerRecords> EngineDayRig::brokerRecords(const QStringList &codes) const
{
    auto *self = const_cast<EngineDayRig *>(this);
    BrokerLedger ledger(self->m_fixture.server().restBaseUrl(), QString::fromLatin1(Sim::DEMO_APP_KEY),
        QString::fromLatin1(Sim::DEMO_SECRET_KEY));
    return ledger.read(QDate::fromString(tradingDate(), Qt::ISODate), codes);
}

QStringList EngineDayRig::compareWithBroker(const QStringList &codes, const Ledger::CompareOptions &options) const
{
    auto broker = brokerRecords(codes);
    if (!broker)
        return { QStringLiteral("broker records: ") + broker.error().message };
    auto app = Ledger::readAppDatabase(dbFile());
    if (!app)
        return { QStringLiteral("app records: ") + app.error().message };
    return Ledger::compare(broker.value(), app.value(), options);
}
