// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaybacktest.h"

#include "common/logging.h"
#include "common/markettimer.h"
#include "common/settings.h"
#include "kiwoom/conditionsearch.h"
#include "kiwoom/kiwoomsession.h"
#include "kiwoom/realtimeclient.h"
#include "kiwoom/restclient.h"
#include "market/krx.h"
#include "sim/simconfig.h"
#include "sim/simhost.h"
#include "sim/simreplaysource.h"
#include "storage/orderrepository.h"
#include "storage/recordjson.h"
#include "trading/tradingengine.h"
#include "tradingcore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

// --- LockstepDriver

LockstepDriver::LockstepDriver(TradingCore &core, int settleTimeoutMs)
    : m_core(core), m_settleTimeoutMs(settleTimeoutMs)
{
}

qint64 LockstepDriver::nowMs() const
{
    return m_core.marketClock().nowMs();
}

bool LockstepDriver::idle()
{
    SimHost *sim = m_core.simulator();
    if (!sim)
        return true;
    const SimHost::LockstepState st = sim->lockstepState();
    m_replayFinished = st.replayFinished;
    KiwoomSession *session = m_core.session();
    if (!session)
        return true;
    return session->rest().inFlightCount() == 0 && !session->conditions().requestInFlight()
        && session->realtime().pendingAcks() == 0 && session->realtime().stats().realEntries >= st.realtimeEntriesSent;
}

LockstepDriver::Pass LockstepDriver::pass()
{
    QCoreApplication::processEvents(QEventLoop::AllEvents);
    if (!idle()) {
        m_idlePasses = 0;
        // Something is on the wire (loopback): give the sockets a moment instead of spinning.
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 1);
        return Pass::Busy;
    }
    // Work queued for the next loop pass (zero timers, queued signals, a reply's callbacks) runs
    // before the core counts as idle: IDLE_PASSES passes in a row with nothing on the wire.
    if (++m_idlePasses < IDLE_PASSES)
        return Pass::Busy;
    m_idlePasses = 0;
    KiwoomSession *session = m_core.session();
    if (!session || (session->rest().pendingCount() == 0 && session->conditions().queuedRequests() == 0))
        return Pass::Quiet;
    // The next request starts only now, with everything the engine queued before it in view.
    if (!session->grantLockstep()) {
        // Not grantable yet (no usable token, a backoff after a refusal): wait a moment.
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 1);
    }
    return Pass::Busy;
}

Status LockstepDriver::settle()
{
    QElapsedTimer timer;
    timer.start();
    m_idlePasses = 0;
    while (timer.elapsed() < m_settleTimeoutMs) {
        if (pass() == Pass::Quiet)
            return {};
    }
    KiwoomSession *session = m_core.session();
    return Error { u"replay.stuck"_s,
        u"the engine did not settle within %1 s (REST calls pending: %2, REG acks: %3, condition requests: %4)"_s
            .arg(m_settleTimeoutMs / 1000)
            .arg(session ? session->rest().pendingCount() : -1)
            .arg(session ? session->realtime().pendingAcks() : -1)
            .arg(session ? session->conditions().queuedRequests() : -1) };
}

Status LockstepDriver::waitReady(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    m_idlePasses = 0;
    while (timer.elapsed() < timeoutMs) {
        if (pass() == Pass::Quiet)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 1);
        if (m_core.brokerState() == TradingCore::BrokerState::Failed)
            return Error { u"replay.not_ready"_s, u"the broker did not start: %1"_s.arg(m_core.brokerDetail()) };
        TradingEngine *engine = m_core.engine();
        if (engine && engine->state() == TradingEngine::State::Ready)
            return settle();
    }
    TradingEngine *engine = m_core.engine();
    return Error { u"replay.not_ready"_s,
        engine ? u"the engine did not finish reconciling"_s
               : u"the broker session did not come up (%1)"_s.arg(m_core.brokerDetail()) };
}

Status LockstepDriver::step(qint64 stepMs)
{
    return stepTo(nowMs() + stepMs);
}

Status LockstepDriver::stepTo(qint64 targetMs)
{
    SimHost *sim = m_core.simulator();
    if (!sim)
        return Error { u"replay.not_ready"_s, u"no simulator to step"_s };
    if (const qint64 delta = targetMs - nowMs(); delta > 0)
        sim->advanceClock(delta);
    ++m_steps;
    if (Status s = settle(); !s)
        return s;
    if (MarketPulse *pulse = m_core.pulse()) {
        pulse->advanced();
        return settle();
    }
    return {};
}

// --- ReplayReport

void ReplayReport::compute(const QList<QPair<Storage::OrderRecord, QList<Storage::ExecutionRecord>>> &ordersWithFills)
{
    orders.clear();
    fills.clear();
    trades.clear();
    for (const auto &[o, xs] : ordersWithFills) {
        orders << o;
        for (const Storage::ExecutionRecord &x : xs)
            fills << Fill { o.id, o.stockCode, o.stockName, o.side, x.executedAtMs, x.price, x.quantity, x.fee, x.tax };
    }
    std::stable_sort(fills.begin(), fills.end(), [](const Fill &a, const Fill &b) {
        return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.orderId < b.orderId;
    });
    QHash<qint64, QString> origins;
    for (const Storage::OrderRecord &o : std::as_const(orders))
        origins.insert(o.id, Storage::enumText(o.origin));

    struct Holding
    {
        qint64 qty = 0;
        qint64 cost = 0; // shares × price
        qint64 buyFees = 0; // not yet charged to a trade
    };
    QHash<QString, Holding> holdings;
    QHash<qint64, int> tradeOfOrder; // sell order id → index in trades
    realizedPnl = fees = tax = 0;
    for (const Fill &f : std::as_const(fills)) {
        fees += f.fee;
        tax += f.tax;
        Holding &h = holdings[f.code];
        if (f.side == Side::Buy) {
            h.qty += f.quantity;
            h.cost += f.price * f.quantity;
            h.buyFees += f.fee;
            continue;
        }
        const qint64 q = std::min(f.quantity, h.qty);
        if (q <= 0)
            continue; // a sell of shares the run did not buy (none in a fresh replay account)
        const qint64 basis = h.cost * q / h.qty;
        const qint64 buyFees = h.buyFees * q / h.qty;
        h.cost -= basis;
        h.buyFees -= buyFees;
        h.qty -= q;
        const qint64 pnl = f.price * q - basis - f.fee - f.tax - buyFees;
        auto it = tradeOfOrder.find(f.orderId);
        if (it == tradeOfOrder.end()) {
            Trade t;
            t.code = f.code;
            t.name = f.name;
            t.origin = origins.value(f.orderId);
            trades << t;
            it = tradeOfOrder.insert(f.orderId, int(trades.size()) - 1);
        }
        Trade &t = trades[*it];
        const qint64 entryCost = t.entryPrice * t.quantity + basis;
        const qint64 exitValue = t.exitPrice * t.quantity + f.price * q;
        t.quantity += q;
        t.entryPrice = entryCost / t.quantity;
        t.exitPrice = exitValue / t.quantity;
        t.exitTimeMs = f.timeMs;
        t.pnl += pnl;
        t.fees += f.fee + buyFees;
        t.tax += f.tax;
        t.pnlPercent = entryCost > 0 ? 100.0 * double(t.pnl) / double(entryCost) : 0;
        realizedPnl += pnl;
    }
    openQuantity = 0;
    for (const Holding &h : std::as_const(holdings))
        openQuantity += h.qty;
    wins = int(std::count_if(trades.cbegin(), trades.cend(), [](const Trade &t) { return t.pnl > 0; }));
    winRatePercent = trades.isEmpty() ? 0 : 100.0 * wins / double(trades.size());
    returnPercent = initialCash > 0 ? 100.0 * double(realizedPnl) / double(initialCash) : 0;
    // Realized equity after each closed trade, in exit order.
    QList<Trade> byExit = trades;
    std::stable_sort(
        byExit.begin(), byExit.end(), [](const Trade &a, const Trade &b) { return a.exitTimeMs < b.exitTimeMs; });
    double equity = double(initialCash);
    double peak = equity;
    maxDrawdownPercent = 0;
    for (const Trade &t : std::as_const(byExit)) {
        equity += double(t.pnl);
        peak = std::max(peak, equity);
        if (peak > 0)
            maxDrawdownPercent = std::max(maxDrawdownPercent, 100.0 * (peak - equity) / peak);
    }
}

namespace {

QString kst(qint64 ms)
{
    return Krx::toKst(ms).toString(u"HH:mm:ss"_s);
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

} // namespace

QJsonObject ReplayReport::toJson() const
{
    QJsonArray orderRows;
    for (const Storage::OrderRecord &o : orders)
        orderRows.append(Storage::toJson(o));
    QJsonArray fillRows;
    for (const Fill &f : fills) {
        fillRows.append(QJsonObject { { u"order_id"_s, double(f.orderId) }, { u"stock_code"_s, f.code },
            { u"stock_name"_s, f.name }, { u"side"_s, Storage::enumText(f.side) },
            { u"time"_s, Krx::toKst(f.timeMs).toString(Qt::ISODate) }, { u"price"_s, double(f.price) },
            { u"quantity"_s, double(f.quantity) }, { u"fee"_s, double(f.fee) }, { u"tax"_s, double(f.tax) } });
    }
    QJsonArray tradeRows;
    for (const Trade &t : trades) {
        tradeRows.append(QJsonObject { { u"stock_code"_s, t.code }, { u"stock_name"_s, t.name },
            { u"exit_time"_s, Krx::toKst(t.exitTimeMs).toString(Qt::ISODate) }, { u"quantity"_s, double(t.quantity) },
            { u"entry_price"_s, double(t.entryPrice) }, { u"exit_price"_s, double(t.exitPrice) },
            { u"pnl"_s, double(t.pnl) }, { u"pnl_percent"_s, round2(t.pnlPercent) }, { u"fees"_s, double(t.fees) },
            { u"tax"_s, double(t.tax) }, { u"origin"_s, t.origin } });
    }
    return QJsonObject {
        { u"recording"_s, recording },
        { u"date"_s, date.toString(Qt::ISODate) },
        { u"from"_s, Krx::toKst(fromMs).toString(Qt::ISODate) },
        { u"to"_s, Krx::toKst(toMs).toString(Qt::ISODate) },
        { u"steps"_s, steps },
        { u"real_ms"_s, double(realMs) },
        { u"realtime_entries"_s, double(realtimeEntries) },
        { u"orders"_s, orderRows },
        { u"fills"_s, fillRows },
        { u"trades"_s, tradeRows },
        { u"statistics"_s,
            QJsonObject { { u"initial_cash"_s, double(initialCash) }, { u"orders"_s, int(orders.size()) },
                { u"fills"_s, int(fills.size()) }, { u"trades"_s, int(trades.size()) }, { u"wins"_s, wins },
                { u"win_rate_percent"_s, round2(winRatePercent) }, { u"realized_pnl"_s, double(realizedPnl) },
                { u"return_percent"_s, round2(returnPercent) },
                { u"max_drawdown_percent"_s, round2(maxDrawdownPercent) }, { u"fees"_s, double(fees) },
                { u"tax"_s, double(tax) }, { u"open_quantity"_s, double(openQuantity) },
                { u"broker_deposit"_s, double(brokerCash) } } },
    };
}

void ReplayReport::print(QTextStream &out) const
{
    out << "Replay of " << recording << " (" << date.toString(Qt::ISODate) << ", " << kst(fromMs) << "–" << kst(toMs)
        << " KST): " << steps << " steps, " << realtimeEntries << " realtime entries, " << realMs << " ms\n\n";
    out << "Orders (" << orders.size() << ")\n";
    for (const Storage::OrderRecord &o : orders) {
        out << "  " << kst(o.createdAtMs) << "  " << o.stockCode << ' ' << o.stockName.leftJustified(12) << ' '
            << Storage::enumText(o.side).leftJustified(4) << ' ' << QString::number(o.quantity).rightJustified(6)
            << " @ " << (o.price > 0 ? QString::number(o.price) : u"market"_s).rightJustified(8) << "  "
            << Storage::enumText(o.state).leftJustified(10) << " filled " << o.filledQuantity;
        if (o.avgFillPrice > 0)
            out << " avg " << o.avgFillPrice;
        out << "  " << Storage::enumText(o.origin);
        if (!o.rejectReason.isEmpty())
            out << "  (" << o.rejectReason << ')';
        out << '\n';
    }
    out << "\nTrades (" << trades.size() << ")\n";
    for (const Trade &t : trades) {
        out << "  " << kst(t.exitTimeMs) << "  " << t.code << ' ' << t.name.leftJustified(12) << ' '
            << QString::number(t.quantity).rightJustified(6) << "  " << t.entryPrice << " -> " << t.exitPrice
            << "  P&L " << t.pnl << " (" << QString::number(t.pnlPercent, 'f', 2) << "%)  " << t.origin << '\n';
    }
    out << "\nStatistics\n"
        << "  initial cash      " << initialCash << '\n'
        << "  trades            " << trades.size() << " (" << wins << " won, "
        << QString::number(winRatePercent, 'f', 1) << "%)\n"
        << "  realized P&L      " << realizedPnl << " (" << QString::number(returnPercent, 'f', 2) << "%)\n"
        << "  max drawdown      " << QString::number(maxDrawdownPercent, 'f', 2) << "%\n"
        << "  fees / tax        " << fees << " / " << tax << '\n'
        << "  still held        " << openQuantity << " shares\n";
}

// --- ReplayBacktest

Result<ReplayReport> ReplayBacktest::run(const Options &options)
{
    // The recording's day and span (the simulator loads it again for itself; this copy goes first).
    QDate day;
    qint64 startMs = 0;
    qint64 lastMs = 0;
    {
        auto source = SimReplaySource::load(options.recording, options.from, options.to);
        if (!source)
            return source.error();
        day = source.value()->date();
        startMs = source.value()->startMs();
        lastMs = source.value()->lastTimeMs();
    }
    QTemporaryDir temp;
    QString dataDir = options.dataDir;
    if (dataDir.isEmpty()) {
        if (!temp.isValid())
            return Error { u"replay.io"_s, u"no temporary directory: %1"_s.arg(temp.errorString()) };
        dataDir = temp.path();
    }
    if (!QDir().mkpath(dataDir))
        return Error { u"replay.io"_s, u"cannot create %1"_s.arg(dataDir) };
    const QString settingsPath = QDir(dataDir).filePath(u"replay-settings.ini"_s);
    QFile::remove(settingsPath);
    if (!options.settingsFile.isEmpty()) {
        if (!QFileInfo::exists(options.settingsFile))
            return Error { u"settings.missing"_s, u"no settings file %1"_s.arg(options.settingsFile) };
        if (!QFile::copy(options.settingsFile, settingsPath))
            return Error { u"settings.io"_s, u"cannot copy %1"_s.arg(options.settingsFile) };
        QFile::setPermissions(settingsPath, QFile::ReadOwner | QFile::WriteOwner);
    }
    qint64 initialCash = 0;
    {
        Settings s(settingsPath);
        if (!s.problems().isEmpty())
            return Error { u"settings.invalid"_s, s.problems().join(u"; "_s) };
        // The run is a replay: no control API, no recording of the replay, the demo broker.
        for (const auto &[key, value] : std::initializer_list<std::pair<QString, QVariant>> {
                 { u"control/enabled"_s, false }, { u"record/enabled"_s, false }, { u"broker/mode"_s, u"demo"_s },
                 // Nothing leaves the machine: the request pacing only costs time (the market
                 // stands still while the engine settles, so it changes no decision).
                 { u"kiwoom/queriesPerSecond"_s, 100 }, { u"kiwoom/ordersPerSecond"_s, 100 } }) {
            if (Status st = s.setValue(key, value); !st)
                return st.error();
        }
        s.sync();
        initialCash = SimConfig().initialCash;
    }

    TradingCore::Options o;
    o.dataDir = dataDir;
    o.configFile = settingsPath;
    o.mode = u"demo"_s;
    o.replayFile = options.recording;
    o.replayFrom = options.from;
    o.replayTo = options.to;
    o.lockstep = true;
    o.controlPort = 0;
    o.enableConditions = { u"all"_s };
    o.startServices = { u"all"_s };
    TradingCore core(o);
    QElapsedTimer real;
    real.start();
    if (Status st = core.start(); !st)
        return st.error();
    LockstepDriver driver(core);
    Status status = driver.waitReady();
    // The steps fall on the recording's grid (its start + k × stepMs): a recording made by a
    // lockstep run is read at the very instants it was made.
    const qint64 fromMs = startMs;
    const qint64 span = std::max<qint64>(1, lastMs - fromMs);
    const qint64 stepMs = std::max<qint64>(1, options.stepMs);
    qint64 tail = -1;
    for (qint64 k = 1; status; ++k) {
        status = driver.stepTo(fromMs + k * stepMs);
        if (!status)
            break;
        const qint64 now = driver.nowMs();
        if (options.progress)
            options.progress(std::clamp(double(now - fromMs) / double(span), 0.0, 1.0));
        if (driver.replayFinished() || now >= lastMs) {
            if (tail < 0)
                tail = now;
            if (now - tail >= options.tailMs)
                break;
        }
    }
    ReplayReport report;
    report.recording = QFileInfo(options.recording).fileName();
    report.date = day;
    report.fromMs = fromMs;
    report.toMs = driver.nowMs();
    report.steps = driver.steps();
    report.initialCash = initialCash;
    if (KiwoomSession *session = core.session())
        report.realtimeEntries = session->realtime().stats().realEntries;
    if (SimHost *sim = core.simulator()) {
        const QJsonObject state = sim->state();
        report.brokerCash = qint64(state.value(u"account"_s).toObject().value(u"deposit"_s).toDouble(-1));
    }
    QList<QPair<Storage::OrderRecord, QList<Storage::ExecutionRecord>>> rows;
    if (status && core.database()) {
        OrderRepository repo(*core.database());
        auto list = repo.listForDate(report.date.toString(Qt::ISODate));
        if (!list) {
            status = list.error();
        } else {
            for (const Storage::OrderRecord &order : *list) {
                auto xs = repo.executions(order.id);
                if (!xs) {
                    status = xs.error();
                    break;
                }
                rows.append({ order, *xs });
            }
        }
    }
    core.stop();
    report.realMs = real.elapsed();
    if (!status)
        return status.error();
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return a.first.createdAtMs != b.first.createdAtMs ? a.first.createdAtMs < b.first.createdAtMs
                                                          : a.first.id < b.first.id;
    });
    report.compute(rows);
    return report;
}
