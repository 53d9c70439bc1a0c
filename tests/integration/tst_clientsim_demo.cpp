// SPDX-License-Identifier: GPL-3.0-or-later
// Demo-mode wiring: the simulator on its own thread (SimHost), the client on the wall clock
// (SystemClock, as the app runs it) and the simulator's virtual market time as the session's market
// clock. The always-open market's date is not today's, so HHmmss fields (realtime FID 20, ka10004
// bid_req_base_tm, ka10075 tm, ...) must be placed on a day by the market's clock, not the wall
// clock; without it they land on (or near) today.
#include "common/clock.h"
#include "kiwoom/kiwoomsession.h"
#include "market/krx.h"
#include "sim/simhost.h"

#include <QtTest>

#include <optional>

using namespace Kiwoom;

namespace {

SimConfig demoConfig()
{
    SimConfig c;
    c.seed = 7;
    c.speed = 0;
    c.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0)); // far from today
    c.historyDays = 30;
    c.minuteHistoryDays = 1;
    return c;
}

KiwoomSession::Config clientConfig(const SimEndpoints &endpoints, const IClock *marketClock)
{
    KiwoomSession::Config c;
    c.mode = QStringLiteral("demo");
    c.endpoints.restBase = endpoints.restBaseUrl;
    c.endpoints.wsUrl = endpoints.webSocketUrl;
    c.credentials.appKey = QString::fromLatin1(Sim::DEMO_APP_KEY);
    c.credentials.secretKey = QString::fromLatin1(Sim::DEMO_SECRET_KEY);
    c.marketClock = marketClock;
    return c;
}

} // namespace

class TestClientSimDemo final : public QObject
{
    Q_OBJECT

private:
    // Runs a session against a fresh simulator thread and returns the KST dates of a realtime tick
    // and of the ka10004 reply time.
    void datesSeen(bool useMarketClock, QDate *tickDate, QDate *bookDate)
    {
        SimHost host;
        const auto endpoints = host.start(demoConfig());
        QVERIFY2(endpoints, qPrintable(endpoints ? QString() : endpoints.error().message));
        QCOMPARE(Krx::kstDate(host.virtualClock().nowMs()), QDate(2025, 3, 10));
        KiwoomSession session(
            clientConfig(*endpoints, useMarketClock ? &host.virtualClock() : nullptr), SystemClock::instance());
        QSignalSpy ready(&session, &KiwoomSession::ready);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);

        const QString code = QStringLiteral("005930");
        QSignalSpy ticks(&session.realtime(), &RealtimeClient::tradeTickReceived);
        session.realtime().subscribe(QStringLiteral("1"), { code }, { QStringLiteral("0B") });
        QTRY_COMPARE_WITH_TIMEOUT(host.state().value(QStringLiteral("ws_registrations")).toInt(), 1, 10000);
        host.advanceClock(2 * 60 * 1000);
        QCOMPARE(Krx::kstDate(host.virtualClock().nowMs()), QDate(2025, 3, 10));
        QTRY_VERIFY_WITH_TIMEOUT(!ticks.isEmpty(), 10000);
        const auto tick = ticks.last().at(0).value<TradeTick>();
        *tickDate = Krx::kstDate(tick.timeMs);
        // Time of day is exact either way: only the day is at stake.
        QVERIFY(qAbs(Krx::toKst(tick.timeMs).time().secsTo(Krx::toKst(host.virtualClock().nowMs()).time())) <= 120);

        std::optional<KiwoomResult<OrderBook>> book;
        QObject ctx;
        session.rest().orderBook(code, &ctx, [&book](const KiwoomResult<OrderBook> &r) { book = r; });
        QTRY_VERIFY_WITH_TIMEOUT(book.has_value(), 10000);
        QVERIFY(book->ok());
        *bookDate = Krx::kstDate((*book)->timeMs);

        QSignalSpy stopped(&session, &KiwoomSession::stopped);
        session.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
        host.stop();
    }

private slots:
    void marketClockPlacesTimesOnTheSimulatedDay()
    {
        QDate tick;
        QDate book;
        datesSeen(true, &tick, &book);
        QCOMPARE(tick, QDate(2025, 3, 10));
        QCOMPARE(book, QDate(2025, 3, 10));
    }

    void wallClockAloneMisplacesThem()
    {
        // The pitfall the market clock exists for (the simulated day is long past).
        QDate tick;
        QDate book;
        datesSeen(false, &tick, &book);
        QVERIFY(tick != QDate(2025, 3, 10));
        QVERIFY(book != QDate(2025, 3, 10));
        QVERIFY(qAbs(tick.daysTo(Krx::kstDate(QDateTime::currentMSecsSinceEpoch()))) <= 1);
    }
};

QTEST_GUILESS_MAIN(TestClientSimDemo)
#include "tst_clientsim_demo.moc"
