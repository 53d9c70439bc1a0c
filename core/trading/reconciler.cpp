// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconciler.h"

#include "accountstate.h"
#include "brokerapi.h"
#include "positionkeeper.h"

#include "common/logging.h"
#include "common/clock.h"
#include "storage/database.h"
#include "storage/positionrepository.h"

#include <QDateTime>

#include <algorithm>

using namespace Storage;

Reconciler::Reconciler(Database &db, IBrokerApi &broker, OrderManager &orders, PositionKeeper &keeper,
    AccountState &account, QObject *parent)
    : QObject(parent), m_db(db), m_broker(broker), m_orders(orders), m_keeper(keeper), m_account(account)
{
    qRegisterMetaType<Reconciler::Report>();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Reconciler::runNow);
}

Reconciler::~Reconciler()
{
    stop();
}

void Reconciler::stop()
{
    m_stopped = true;
    m_retry.stop();
    delete m_context;
    m_context = nullptr;
    m_running = false;
}

void Reconciler::request(const QString &reason)
{
    if (m_stopped)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    if (m_retry.isActive() && m_failures > 0)
        return; // a retry is already scheduled
    m_reason = reason;
    runNow();
}

void Reconciler::runNow()
{
    if (m_stopped || m_running)
        return;
    m_running = true;
    m_again = false;
    m_current = Report {};
    m_view = OrderManager::BrokerView {};
    m_view.asOfMs = m_db.clock().nowMs();
    m_view.wireSequenceAtStart = m_orders.wireSequence();
    delete m_context;
    m_context = new QObject(this);
    qCInfo(lcTrading).noquote() << "reconciling with the broker:" << m_reason;
    emit started(m_reason);
    m_broker.openOrders(m_context, [this](const KiwoomResult<Kiwoom::OpenOrders> &r) { onOpenOrders(r); });
}

void Reconciler::onOpenOrders(const KiwoomResult<Kiwoom::OpenOrders> &r)
{
    if (!r) {
        fail(tr("open orders (ka10075): %1").arg(r.error().describe()));
        return;
    }
    m_view.open = r->orders;
    m_broker.fills(m_context, [this](const KiwoomResult<Kiwoom::Fills> &f) { onFills(f); });
}

void Reconciler::onFills(const KiwoomResult<Kiwoom::Fills> &r)
{
    if (!r) {
        fail(tr("fills (ka10076): %1").arg(r.error().describe()));
        return;
    }
    m_view.fills = r->fills;
    auto report = m_orders.applyBrokerView(m_view);
    if (!report) {
        fail(tr("settling orders: %1").arg(report.error().message));
        return;
    }
    m_current.orders = report.value();
    m_current.notes += report->notes;
    m_broker.holdings(m_context, [this](const KiwoomResult<Kiwoom::Holdings> &h) { onHoldings(h); });
}

void Reconciler::onHoldings(const KiwoomResult<Kiwoom::Holdings> &r)
{
    if (!r) {
        fail(tr("holdings (kt00018): %1").arg(r.error().describe()));
        return;
    }
    if (Status st = settlePositions(r.value(), m_current); !st) {
        fail(tr("settling positions: %1").arg(st.error().message));
        return;
    }
    m_broker.deposit(m_context, [this](const KiwoomResult<Kiwoom::Deposit> &d) { onDeposit(d); });
}

void Reconciler::onDeposit(const KiwoomResult<Kiwoom::Deposit> &r)
{
    if (!r) {
        fail(tr("deposit (kt00001): %1").arg(r.error().describe()));
        return;
    }
    m_account.setDeposit(r.value(), m_view.asOfMs);
    m_current.orderableCash = m_account.orderableCash();
    done();
}

Status Reconciler::settlePositions(const Kiwoom::Holdings &holdings, Report &report)
{
    PositionRepository positions(m_db);
    auto live = positions.listActive();
    if (!live)
        return live.error();
    QHash<QString, PositionRecord> byCode;
    for (const PositionRecord &p : live.value())
        byCode.insert(p.stockCode, p);
    // Stocks with an order of ours working: their holdings may be mid-change.
    QSet<QString> busy;
    for (const OrderRecord &o : m_orders.openOrders())
        busy.insert(o.stockCode);

    QSet<QString> held;
    for (const Kiwoom::Holding &h : holdings.holdings) {
        if (h.quantity <= 0)
            continue;
        ++report.holdings;
        held.insert(h.code);
        if (busy.contains(h.code))
            continue;
        const auto it = byCode.constFind(h.code);
        if (it == byCode.cend()) {
            // Bought outside the app (or a fill we never saw): adopt it, shown and, if the user
            // opted in, protected.
            PositionRecord p;
            p.stockCode = h.code;
            p.stockName = h.name;
            p.buyQuantity = h.quantity;
            p.buyAmount = h.purchaseAmount > 0 ? h.purchaseAmount : h.purchasePrice * h.quantity;
            p.buyPrice = h.purchasePrice > 0 ? h.purchasePrice : std::max<qint64>(1, p.buyAmount / h.quantity);
            p.buyFees = h.purchaseFee;
            p.origin = Origin::External;
            p.highestPrice = std::max(h.price, p.buyPrice);
            if (m_protectExternal) {
                const Protection protection = m_keeper.protectionFor(Origin::External, p.buyPrice, 0);
                p.stopLossRate = protection.stopLossRate;
                p.takeProfitRate = protection.takeProfitRate;
                p.stopLossPrice = protection.stopLossPrice;
                p.takeProfitPrice = protection.takeProfitPrice;
                p.trailingStopRate = protection.trailingStopRate;
            }
            auto opened = positions.open(p, actor());
            if (!opened)
                return opened.error();
            ++report.adopted;
            report.notes << tr("Adopted %1 %2: %3 shares at %4 held outside the app%5.")
                                .arg(h.code, h.name)
                                .arg(h.quantity)
                                .arg(p.buyPrice)
                                .arg(m_protectExternal ? tr(", protected by stop-loss") : QString());
            continue;
        }
        const PositionRecord &p = it.value();
        if (p.status != PositionStatus::Open || p.quantity == h.quantity)
            continue;
        auto adjusted = positions.adjustQuantity(p.id, h.quantity, actor());
        if (!adjusted)
            return adjusted.error();
        ++report.adjusted;
        report.notes << tr("%1: the broker holds %2 shares, the app had %3; set to the broker's.")
                            .arg(h.code)
                            .arg(h.quantity)
                            .arg(p.quantity);
    }
    for (const PositionRecord &p : live.value()) {
        if (held.contains(p.stockCode) || busy.contains(p.stockCode) || p.status != PositionStatus::Open)
            continue;
        auto closed = positions.close(p.id, PositionStatus::Open, actor());
        if (!closed)
            return closed.error();
        ++report.closed;
        report.notes
            << tr("%1: no longer held at the broker (sold outside the app); position closed.").arg(p.stockCode);
    }
    return {};
}

void Reconciler::fail(const QString &message)
{
    m_running = false;
    m_lastError = message;
    ++m_failures;
    const int delay = std::min(60000, 2000 * (1 << std::min(m_failures - 1, 5)));
    qCWarning(lcTrading).noquote() << "reconciliation failed:" << message << "- retrying in" << delay << "ms";
    emit failed(message);
    if (!m_stopped)
        m_retry.start(delay);
}

void Reconciler::done()
{
    m_running = false;
    m_failures = 0;
    m_lastError.clear();
    m_current.finishedMs = m_db.clock().nowMs();
    m_last = m_current;
    const bool first = !m_reconciled;
    m_reconciled = true;
    m_keeper.publish();
    for (const QString &note : std::as_const(m_last.notes))
        qCWarning(lcTrading).noquote() << "reconcile:" << note;
    emit finished(m_last, first);
    if (m_again && !m_stopped) {
        m_reason = QStringLiteral("requested during the last run");
        QTimer::singleShot(0, this, &Reconciler::runNow);
    }
}
