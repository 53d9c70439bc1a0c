// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountstate.h"

#include "ordermanager.h"

#include "common/clock.h"
#include "common/logging.h"
#include "market/krx.h"
#include "storage/database.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"

#include <QTime>

#include <cmath>

using namespace Storage;

AccountState::AccountState(Database &db, const OrderManager &orders, const IClock &marketClock, QObject *parent)
    : QObject(parent), m_db(db), m_orders(orders), m_clock(marketClock)
{
}

AccountState::~AccountState() = default;

void AccountState::setDeposit(const Kiwoom::Deposit &deposit, qint64 asOfMs)
{
    m_deposit = deposit;
    m_asOfMs = asOfMs;
    m_hasDeposit = true;
    emit changed();
}

qint64 AccountState::orderableCash() const
{
    if (!m_hasDeposit)
        return 0;
    qint64 committed = 0;
    auto todays = OrderRepository(m_db).listForDate(Krx::tradingDateString(m_clock.nowMs()));
    if (todays) {
        for (const OrderRecord &o : todays.value()) {
            if (o.action != OrderAction::Place || o.side != Side::Buy || o.createdAtMs < m_asOfMs)
                continue;
            qint64 amount = o.filledAmount;
            if (isOpen(o.state))
                amount += std::max<qint64>(o.valuationPrice, o.price) * o.remainingQuantity();
            committed += amount + qint64(std::ceil(double(amount) * m_feeRate / 100.0));
        }
    } else {
        qCWarning(lcTrading).noquote() << "orderable cash: cannot read today's orders:" << todays.error().message;
        return 0; // unknown: the safe answer
    }
    return std::max<qint64>(0, m_deposit.orderable - committed);
}

void AccountState::setPrice(const QString &code, qint64 price)
{
    if (price > 0)
        m_prices.insert(code, price);
}

std::optional<qint64> AccountState::price(const QString &code) const
{
    const auto it = m_prices.constFind(code);
    if (it == m_prices.cend())
        return std::nullopt;
    return *it;
}

qint64 AccountState::realizedToday() const
{
    const QDate day = Krx::kstDate(m_clock.nowMs());
    const qint64 from = Krx::fromKst(day, QTime(0, 0));
    auto realized = PositionRepository(m_db).realizedBetween(from, from + 24LL * 3600 * 1000);
    return realized ? realized.value() : 0;
}

qint64 AccountState::unrealized() const
{
    auto live = PositionRepository(m_db).listActive();
    if (!live)
        return 0;
    qint64 total = 0;
    for (const PositionRecord &p : live.value()) {
        const qint64 price = m_prices.value(p.stockCode, p.currentPrice.value_or(p.buyPrice));
        total += (price - p.buyPrice) * p.quantity;
    }
    return total;
}

QJsonObject AccountState::summary() const
{
    qint64 evaluation = 0;
    int count = 0;
    if (auto live = PositionRepository(m_db).listActive()) {
        for (const PositionRecord &p : live.value()) {
            evaluation += m_prices.value(p.stockCode, p.currentPrice.value_or(p.buyPrice)) * p.quantity;
            ++count;
        }
    }
    return QJsonObject {
        { QStringLiteral("deposit"), m_deposit.deposit },
        { QStringLiteral("orderable"), orderableCash() },
        { QStringLiteral("d2_deposit"), m_deposit.d2Deposit },
        { QStringLiteral("realized_today"), realizedToday() },
        { QStringLiteral("unrealized"), unrealized() },
        { QStringLiteral("positions"), count },
        { QStringLiteral("evaluation"), evaluation },
        { QStringLiteral("as_of"), m_asOfMs },
        { QStringLiteral("known"), m_hasDeposit },
    };
}
