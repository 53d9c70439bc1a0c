// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/simaccount.h"

#include "market/krx.h"

#include <QtTest>

class TestSimAccount final : public QObject
{
    Q_OBJECT

private slots:
    void feesAndTaxesRoundDown()
    {
        const SimAccount a(0, 0.015, 0.20);
        QCOMPARE(a.fee(701'000), qint64(105)); // 105.15
        QCOMPARE(a.fee(6'666), qint64(0)); // 0.9999
        QCOMPARE(a.fee(6'667), qint64(1)); // 1.00005
        QCOMPARE(a.tax(701'000), qint64(1402));
        QCOMPARE(a.tax(499), qint64(0));
        QCOMPARE(a.fee(1'000'000'000'000), qint64(150'000'000));
    }

    void settlementIsTwoTradingDays()
    {
        QCOMPARE(SimAccount::settlementDate(QDate(2025, 3, 10)), QDate(2025, 3, 12)); // Mon -> Wed
        QCOMPARE(SimAccount::settlementDate(QDate(2025, 3, 13)), QDate(2025, 3, 17)); // Thu -> Mon
        QCOMPARE(SimAccount::settlementDate(QDate(2025, 4, 30)), QDate(2025, 5, 7)); // over 5/1, 5/5, 5/6
    }

    void ledgerIdentityHoldsToTheWon()
    {
        SimAccount a(100'000'000, 0.015, 0.20);
        const QDate d1(2025, 3, 10);
        auto buy = [&](int stock, qint64 price, qint64 qty) { a.applyBuy(stock, price, qty, a.fee(price * qty), d1); };
        auto sell = [&](int stock, qint64 price, qint64 qty) {
            return a.applySell(stock, price, qty, a.fee(price * qty), a.tax(price * qty), d1);
        };
        buy(1, 70'100, 33);
        buy(1, 69'900, 17);
        buy(2, 1'947, 1'001);
        QCOMPARE(a.holding(1).qty, qint64(50));
        QCOMPARE(a.holding(1).purchaseAmount, qint64(70'100 * 33 + 69'900 * 17));
        QCOMPARE(a.holding(1).avgPrice(), qint64((70'100 * 33 + 69'900 * 17) / 50));
        const SimAccount::SellResult r = sell(1, 71'000, 21);
        QCOMPARE(a.holding(1).qty, qint64(29));
        QCOMPARE(
            a.holding(1).purchaseAmount, qint64(70'100 * 33 + 69'900 * 17) - (70'100 * 33 + 69'900 * 17) * 21 / 50);
        QVERIFY(r.realized > 0);
        sell(2, 1'900, 1'001); // sold out at a loss
        QVERIFY(!a.holdings().contains(2));
        // D+2 deposit + Σ holdings at cost (incl. buy commissions) = initial + realized.
        qint64 cost = 0;
        for (const SimAccount::Holding &h : a.holdings())
            cost += h.purchaseAmount + h.buyFees;
        const SimAccount::DayTotals day = a.day(d1);
        QCOMPARE(a.d2Deposit() + cost, qint64(100'000'000) + day.realized);
        QCOMPARE(a.d2Deposit(), 100'000'000 - day.bought + day.sold - day.fees - day.taxes);
        // Nothing settled yet; the deposit moves on the settlement date.
        QCOMPARE(a.deposit(), qint64(100'000'000));
        QCOMPARE(a.depositAfter(QDate(2025, 3, 11)), qint64(100'000'000));
        a.settle(QDate(2025, 3, 12));
        QCOMPARE(a.deposit(), a.d2Deposit());
    }

    void orderableExcludesReservations()
    {
        SimAccount a(1'000'000, 0.015, 0.20);
        a.setReserved(400'000);
        QCOMPARE(a.orderable(), qint64(600'000));
        QCOMPARE(a.withdrawable(), qint64(600'000));
        a.setReserved(2'000'000);
        QCOMPARE(a.orderable(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSimAccount)
#include "tst_simaccount.moc"
