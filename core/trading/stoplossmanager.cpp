// SPDX-License-Identifier: GPL-3.0-or-later
#include "stoplossmanager.h"

#include "marketapi.h"
#include "ordersubmitter.h"
#include "positionkeeper.h"

#include "common/clock.h"
#include "common/logging.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Storage;

namespace {

qint64 realNowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString won(qint64 v)
{
    return QLocale::c().toString(v);
}

} // namespace

StopLossManager::StopLossManager(Database &db, IOrderSubmitter &orders, PositionKeeper &keeper, IMarketApi &market,
    const IClock &marketClock, QObject *parent)
    : QObject(parent), m_db(db), m_orders(orders), m_keeper(keeper), m_market(market), m_clock(marketClock)
{
    m_sweep.setInterval(m_config.sweepIntervalMs);
    connect(&m_sweep, &MarketTimer::timeout, this, &StopLossManager::runOnce);
    connect(&m_keeper, &PositionKeeper::positionChanged, this, &StopLossManager::onPositionChanged);
    connect(&m_keeper, &PositionKeeper::sellSettled, this, &StopLossManager::onSellSettled);
}

StopLossManager::~StopLossManager() = default;

void StopLossManager::setConfig(const Config &config)
{
    m_config = config;
    m_sweep.setInterval(std::max(1000, m_config.sweepIntervalMs));
}

Origin StopLossManager::originFor(SellReason reason)
{
    switch (reason) {
    case SellReason::StopLoss:
        return Origin::StopLoss;
    case SellReason::TakeProfit:
        return Origin::TakeProfit;
    case SellReason::TrailingStop:
        return Origin::TrailingStop;
    case SellReason::Strategy:
        return Origin::Strategy;
    case SellReason::Manual:
        return Origin::Manual;
    case SellReason::Risk:
        return Origin::Risk;
    }
    return Origin::Manual;
}

namespace {
constexpr qint64 RATE_SCALE = 100'000'000; // 100 % in units of 1e-6 %
qint64 rateUnits(double ratePercent)
{
    return std::clamp<qint64>(std::llround(ratePercent * 1e6), 0, RATE_SCALE);
}
} // namespace

qint64 StopLossManager::priceBelow(qint64 price, double ratePercent)
{
    // floor(price × (100 − rate) / 100); price ≥ 0, so integer division rounds down.
    return price * (RATE_SCALE - rateUnits(ratePercent)) / RATE_SCALE;
}

qint64 StopLossManager::priceAbove(qint64 price, double ratePercent)
{
    const qint64 n = price * (RATE_SCALE + std::llround(std::max(0.0, ratePercent) * 1e6));
    return (n + RATE_SCALE - 1) / RATE_SCALE;
}

Result<int> StopLossManager::load()
{
    settleHalfDoneExits();
    auto live = PositionRepository(m_db).listActive();
    if (!live)
        return live.error();
    const QStringList before = armedCodes();
    QHash<QString, Armed> previous = std::exchange(m_armed, {});
    for (const PositionRecord &p : live.value()) {
        arm(p);
        // Keep what only memory knows (the peak since the last mark, the cool-down).
        if (auto it = previous.constFind(p.stockCode); it != previous.cend() && m_armed.contains(p.stockCode)) {
            Armed &a = m_armed[p.stockCode];
            a.highest = std::max(a.highest, it->highest);
            a.lastPrice = it->lastPrice;
            a.lastTickMs = it->lastTickMs;
            a.cooldownUntilMs = it->cooldownUntilMs;
        }
    }
    QStringList after = armedCodes();
    if (after != before)
        emit armedCodesChanged(after);
    return int(m_armed.size());
}

void StopLossManager::arm(const PositionRecord &p)
{
    if (p.status == PositionStatus::Closed || p.quantity <= 0) {
        m_armed.remove(p.stockCode);
        return;
    }
    Armed a;
    if (auto it = m_armed.constFind(p.stockCode); it != m_armed.cend() && it->positionId == p.id)
        a = *it; // keep the live fields
    a.positionId = p.id;
    a.code = p.stockCode;
    a.name = p.stockName;
    a.quantity = p.quantity;
    a.buyPrice = p.buyPrice;
    a.stopPrice = p.stopLossPrice;
    a.takePrice = p.takeProfitPrice;
    // A rate without its price (set by rate only): the threshold follows from the buy price.
    if (!a.stopPrice && p.stopLossRate && *p.stopLossRate > 0 && p.buyPrice > 0)
        a.stopPrice = priceBelow(p.buyPrice, *p.stopLossRate);
    if (!a.takePrice && p.takeProfitRate && *p.takeProfitRate > 0 && p.buyPrice > 0)
        a.takePrice = priceAbove(p.buyPrice, *p.takeProfitRate);
    a.trailingRate = p.trailingStopRate;
    a.deadlineMs = p.exitDeadlineMs;
    a.highest = std::max({ a.highest, p.highestPrice.value_or(0), p.buyPrice });
    if (a.lastPrice == 0 && p.currentPrice)
        a.lastPrice = *p.currentPrice;
    a.selling = p.status == PositionStatus::Selling;
    a.origin = p.origin;
    m_armed.insert(p.stockCode, a);
}

void StopLossManager::disarm(const QString &code)
{
    m_armed.remove(code);
}

void StopLossManager::onPositionChanged(const PositionRecord &p)
{
    const bool had = m_armed.contains(p.stockCode);
    arm(p);
    if (had != m_armed.contains(p.stockCode))
        emit armedCodesChanged(armedCodes());
    if (p.status == PositionStatus::Open) {
        if (auto it = m_armed.find(p.stockCode); it != m_armed.end() && it->lastPrice > 0)
            check(*it, it->lastPrice, m_clock.nowMs());
    }
}

std::optional<StopLossManager::Armed> StopLossManager::armed(const QString &code) const
{
    const auto it = m_armed.constFind(code);
    if (it == m_armed.cend())
        return std::nullopt;
    return *it;
}

void StopLossManager::onTick(const Quote &quote)
{
    const auto it = m_armed.find(quote.code);
    if (it == m_armed.end() || quote.price <= 0)
        return;
    Armed &a = *it;
    a.lastPrice = quote.price;
    a.lastTickMs = quote.timeMs > 0 ? quote.timeMs : m_clock.nowMs();
    check(a, quote.price, m_clock.nowMs());
}

bool StopLossManager::check(Armed &a, qint64 price, qint64 nowMs)
{
    a.highest = std::max(a.highest, price);
    if (a.selling || a.quantity <= 0)
        return false;
    if (a.cooldownUntilMs > 0 && realNowMs() < a.cooldownUntilMs)
        return false;
    if (a.stopPrice && *a.stopPrice > 0 && price <= *a.stopPrice) {
        return trigger(a, SellReason::StopLoss, price,
            tr("price %1 at or below the stop-loss %2 (bought at %3)")
                .arg(won(price), won(*a.stopPrice), won(a.buyPrice)));
    }
    if (a.takePrice && *a.takePrice > 0 && price >= *a.takePrice) {
        return trigger(a, SellReason::TakeProfit, price,
            tr("price %1 at or above the take-profit %2 (bought at %3)")
                .arg(won(price), won(*a.takePrice), won(a.buyPrice)));
    }
    if (a.trailingRate && *a.trailingRate > 0) {
        const qint64 trail = priceBelow(a.highest, *a.trailingRate);
        if (price <= trail) {
            return trigger(a, SellReason::TrailingStop, price,
                tr("price %1 fell %2% below the highest %3 (trailing stop %4)")
                    .arg(won(price))
                    .arg(*a.trailingRate, 0, 'f', 2)
                    .arg(won(a.highest), won(trail)));
        }
    }
    if (a.deadlineMs && *a.deadlineMs > 0 && nowMs >= *a.deadlineMs) {
        return trigger(a, SellReason::Risk, price, tr("maximum holding time reached (price %1)").arg(won(price)));
    }
    return false;
}

bool StopLossManager::trigger(Armed &a, SellReason reason, qint64 price, const QString &detail)
{
    if (m_gate && !m_gate())
        return false; // not now (not reconciled, market closed): stays armed, checked again later
    auto sold = exitPosition(a.positionId, reason, detail, actor());
    if (!sold) {
        // Refused (risk, session) or not writable: try again after the cool-down.
        if (auto it = m_armed.find(a.code); it != m_armed.end())
            it->cooldownUntilMs = realNowMs() + m_config.exitCooldownMs;
        return false;
    }
    Q_UNUSED(price);
    return true;
}

Result<SellOrderRecord> StopLossManager::exitPosition(qint64 positionId, SellReason reason, const QString &detail,
    const QString &who, qint64 quantity, std::optional<qint64> limitPrice, std::optional<qint64> signalId)
{
    PositionRepository positions(m_db);
    auto found = positions.find(positionId);
    if (!found)
        return found.error();
    if (!*found)
        return Error { QStringLiteral("position.not_found"), tr("There is no position %1.").arg(positionId) };
    const PositionRecord p = found->value();
    if (p.status != PositionStatus::Open)
        return Error { QStringLiteral("position.not_open"),
            p.status == PositionStatus::Selling ? tr("%1 is already being sold.").arg(p.stockCode)
                                                : tr("%1 is no longer held.").arg(p.stockCode) };
    const qint64 qty = quantity > 0 ? std::min(quantity, p.quantity) : p.quantity;
    auto sell = positions.beginSell(p.id, qty, limitPrice, reason, detail, who);
    if (!sell)
        return sell.error();
    Trading::OrderIntent intent;
    intent.side = Side::Sell;
    intent.code = p.stockCode;
    intent.name = p.stockName;
    intent.quantity = qty;
    intent.type = limitPrice ? Trading::OrderType::Limit : Trading::OrderType::Market;
    intent.price = limitPrice.value_or(0);
    intent.origin = originFor(reason);
    intent.positionId = p.id;
    intent.sellOrderId = sell->id;
    intent.signalId = signalId;
    intent.actor = who;
    if (auto it = m_armed.find(p.stockCode); it != m_armed.end())
        it->selling = true;
    auto order = m_orders.submit(intent);
    if (!order) {
        auto failed = positions.failSell(sell->id, SellOrderStatus::Failed, order.error().message, who);
        if (!failed)
            qCCritical(lcTrading).noquote()
                << "exit of position" << p.id << "refused and not settled:" << failed.error().message;
        if (auto it = m_armed.find(p.stockCode); it != m_armed.end()) {
            it->selling = false;
            it->cooldownUntilMs = realNowMs() + m_config.exitCooldownMs;
        }
        qCInfo(lcTrading).noquote() << "exit of" << p.stockCode << "refused:" << order.error().message;
        emit exitRefused(p, reason, order.error().message);
        return order.error();
    }
    qCInfo(lcTrading).noquote() << "exit" << enumText(reason) << p.stockCode << qty << "shares:" << detail;
    const qint64 price = m_armed.contains(p.stockCode) ? m_armed.value(p.stockCode).lastPrice : 0;
    auto fresh = positions.findSellOrder(sell->id);
    emit exitSent(p, reason, price, detail, order->id);
    if (fresh && *fresh)
        return fresh->value();
    return sell.value();
}

void StopLossManager::onExitRequested(const Trading::ExitRequest &request)
{
    const bool strategySignal = request.signalId && request.signalKind == SignalKind::Strategy;
    if (strategySignal) {
        // The sell signal is being acted on (compare-and-set: acted on once).
        auto claimed = SignalRepository(m_db).updateStatus(SignalKind::Strategy, *request.signalId,
            SignalStatus::Pending, SignalStatus::Processing, tr("selling %1").arg(request.code), actor());
        if (!claimed)
            return;
    }
    auto live = PositionRepository(m_db).findActiveByCode(request.code);
    if (!live || !*live || live->value().status != PositionStatus::Open) {
        qCInfo(lcTrading).noquote() << "exit request for" << request.code << "but nothing sellable is held";
        if (strategySignal)
            settleSignal(*request.signalId, SignalStatus::Skipped, tr("not held, or already being sold"));
        return;
    }
    auto sold = exitPosition(live->value().id, request.reason, request.detail,
        request.actor.isEmpty() ? actor() : request.actor, request.quantity, std::nullopt,
        strategySignal ? request.signalId : std::nullopt);
    if (strategySignal) {
        if (sold)
            settleSignal(*request.signalId, SignalStatus::Ordered, tr("sell order sent"));
        else
            settleSignal(*request.signalId, SignalStatus::Failed, sold.error().message);
    }
}

void StopLossManager::settleSignal(qint64 signalId, SignalStatus next, const QString &reason)
{
    SignalRepository repo(m_db);
    auto current = repo.find(SignalKind::Strategy, signalId);
    if (!current || !*current)
        return;
    const SignalStatus from = current->value().status();
    if (!canTransition(from, next))
        return;
    if (auto moved = repo.updateStatus(SignalKind::Strategy, signalId, from, next, reason, actor()); !moved)
        qCWarning(lcTrading).noquote() << "sell signal" << signalId << "not moved to" << enumText(next) << ":"
                                       << moved.error().message;
}

void StopLossManager::onSellSettled(const SellOrderRecord &sell, const PositionRecord &)
{
    if (sell.status != SellOrderStatus::Completed) {
        // Refused or ended unfilled (cancelled by the user, or by the broker): the position is
        // OPEN again (announced right after this) and tried again only after the cool-down, never
        // straight away — a cancelled exit is not re-sent on the very next tick.
        if (auto it = m_armed.find(sell.stockCode); it != m_armed.end() && it->positionId == sell.positionId)
            it->cooldownUntilMs = realNowMs() + m_config.exitCooldownMs;
    }
    if (!sell.orderId)
        return;
    auto order = OrderRepository(m_db).find(*sell.orderId);
    if (!order || !*order)
        return;
    const OrderRecord &o = order->value();
    if (o.side != Side::Sell || o.origin != Origin::Strategy || !o.originSignalId)
        return;
    if (sell.status == SellOrderStatus::Completed)
        settleSignal(*o.originSignalId, SignalStatus::Completed, tr("sold"));
    else
        settleSignal(*o.originSignalId,
            sell.status == SellOrderStatus::Cancelled ? SignalStatus::Cancelled : SignalStatus::Failed,
            sell.sellReasonDetail);
}

int StopLossManager::flattenAll(const QString &who)
{
    auto live = PositionRepository(m_db).listActive();
    if (!live)
        return 0;
    int sent = 0;
    for (const PositionRecord &p : live.value()) {
        if (p.status != PositionStatus::Open)
            continue;
        if (exitPosition(p.id, SellReason::Risk, tr("kill switch: flatten all"), who))
            ++sent;
    }
    return sent;
}

void StopLossManager::start()
{
    if (m_sweep.isActive())
        return;
    m_sweep.start(std::max(1000, m_config.sweepIntervalMs));
    runOnce();
}

void StopLossManager::stop()
{
    m_sweep.stop();
    delete m_sweepContext;
    m_sweepContext = nullptr;
}

void StopLossManager::settleHalfDoneExits()
{
    // A sell_orders row still PENDING has no order (the app stopped between the decision and the
    // order): the position goes back to OPEN and is checked again.
    PositionRepository positions(m_db);
    auto pending = positions.listSellOrders(SellOrderStatus::Pending);
    if (!pending)
        return;
    for (const SellOrderRecord &s : pending.value()) {
        if (s.orderId)
            continue;
        auto failed = positions.failSell(s.id, SellOrderStatus::Failed, tr("no order was sent"), actor());
        if (failed)
            qCInfo(lcTrading) << "exit" << s.id << "of position" << s.positionId << "had no order; position re-opened";
    }
}

void StopLossManager::runOnce()
{
    if (m_sweepContext) {
        ++m_skipped; // the last sweep's prices are still on the way
        return;
    }
    m_runStartedMs = m_clock.nowMs();
    const auto finished = [this](bool ok, int checked, int triggered, const QString &summary) {
        ServiceRun run;
        run.startedMs = m_runStartedMs;
        run.finishedMs = m_clock.nowMs();
        run.ok = ok;
        run.summary = summary;
        run.counts = QJsonObject { { QStringLiteral("checked"), checked }, { QStringLiteral("triggered"), triggered },
            { QStringLiteral("armed"), int(m_armed.size()) } };
        m_lastRun = run;
        emit sweepFinished(checked, triggered);
    };
    if (auto loaded = load(); !loaded) {
        qCWarning(lcTrading).noquote() << "stop-loss sweep: cannot load positions:" << loaded.error().message;
        finished(false, 0, 0, loaded.error().message);
        return;
    }
    const qint64 now = m_clock.nowMs();
    int checked = 0;
    int triggered = 0;
    QStringList stale;
    for (auto it = m_armed.begin(); it != m_armed.end(); ++it) {
        Armed &a = *it;
        if (a.lastPrice > 0 && now - a.lastTickMs < m_config.staleTickMs) {
            ++checked;
            if (check(a, a.lastPrice, now))
                ++triggered;
        } else if (!a.selling) {
            stale << a.code;
        }
    }
    writeMarks(false);
    if (stale.isEmpty()) {
        finished(true, checked, triggered, tr("%1 positions checked, %2 exits").arg(checked).arg(triggered));
        return;
    }
    // Positions without a live price: the seed's REST price check.
    delete m_sweepContext;
    m_sweepContext = new QObject(this);
    m_market.watchQuotes(stale, m_sweepContext,
        [this, checked, triggered, finished](const KiwoomResult<QList<Kiwoom::WatchQuote>> &r) mutable {
            m_sweepContext->deleteLater();
            m_sweepContext = nullptr;
            if (!r) {
                qCWarning(lcTrading).noquote() << "stop-loss sweep: prices failed:" << r.error().describe();
                finished(false, checked, triggered, r.error().describe());
                return;
            }
            const qint64 now = m_clock.nowMs();
            for (const Kiwoom::WatchQuote &q : r.value()) {
                auto it = m_armed.find(q.code);
                if (it == m_armed.end() || q.price <= 0)
                    continue;
                it->lastPrice = q.price;
                it->lastTickMs = now;
                ++checked;
                if (check(*it, q.price, now))
                    ++triggered;
            }
            writeMarks(false);
            finished(true, checked, triggered, tr("%1 positions checked, %2 exits").arg(checked).arg(triggered));
        });
}

void StopLossManager::writeMarks(bool force)
{
    PositionRepository positions(m_db);
    const qint64 now = realNowMs();
    for (Armed &a : m_armed) {
        if (a.lastPrice <= 0 || (!force && now - a.lastMarkWriteMs < m_config.markWriteMs))
            continue;
        // The peak first (highest_price only grows), then the current price.
        if (a.highest > a.lastPrice) {
            if (Status peak = positions.updateMark(a.positionId, a.highest); !peak)
                continue; // closed meanwhile, or the database is busy: next sweep
        }
        if (Status st = positions.updateMark(a.positionId, a.lastPrice); !st) {
            if (st.error().code != QLatin1String("storage.conflict"))
                qCWarning(lcTrading).noquote() << "mark of position" << a.positionId << st.error().message;
            continue;
        }
        a.lastMarkWriteMs = now;
    }
}
