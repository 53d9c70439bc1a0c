// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's large universe (SimConfig::universeSize): thousands of distinct, well-formed
// stocks after the 61 hand-written ones, every one listed by ka10099 and quoted by ka10001 over
// real loopback HTTP, with the same prices for the same seed; minute bars of the history days
// (simulated again on demand) match the daily bars; the tick intensity scales the live trades.
#include "common/clock.h"
#include "market/krx.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "sim/simuniverse.h"
#include "simtestclient.h"
#include "simtestconfig.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

namespace {

const qint64 REAL_START = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));

struct Rig
{
    ManualClock clock { REAL_START };
    SimServer server;
    std::unique_ptr<SimTestClient> client;

    bool start(SimConfig c)
    {
        c.clock = &clock;
        if (!server.start(c))
            return false;
        client = std::make_unique<SimTestClient>(server.restBaseUrl());
        return client->issueToken(SimTest::appKey(), SimTest::secretKey()).returnCode() == 0;
    }
};

SimConfig large(int size, quint64 seed = 42)
{
    SimConfig c = SimTest::config(seed);
    c.universeSize = size;
    c.queryQuotaPerSecond = 0;
    c.orderQuotaPerSecond = 0;
    c.totalQueryQuotaPerSecond = 0;
    c.totalOrderQuotaPerSecond = 0;
    c.listPageSize = 500;
    return c;
}

qint64 absValue(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('+')) || t.startsWith(QLatin1Char('-')))
        t = t.mid(1);
    return t.toLongLong();
}

} // namespace

class TestSimUniverse : public QObject
{
    Q_OBJECT

private slots:
    void syntheticStocksAreDistinctAndPlausible()
    {
        const QList<SimStockInfo> &base = Sim::universe();
        QCOMPARE(base.size(), Sim::BASE_UNIVERSE_SIZE);
        const QList<SimStockInfo> &u = Sim::universe(2500);
        QCOMPARE(u.size(), 2500);
        // A larger universe only appends: the hand-written 61 first, then the same synthetic ones.
        const QList<SimStockInfo> &smaller = Sim::universe(2000);
        for (int i = 0; i < smaller.size(); ++i) {
            QCOMPARE(smaller.at(i).code, u.at(i).code);
            QCOMPARE(smaller.at(i).name, u.at(i).name);
            QCOMPARE(smaller.at(i).refPrice, u.at(i).refPrice);
        }
        for (int i = 0; i < base.size(); ++i)
            QCOMPARE(u.at(i).code, base.at(i).code);
        QCOMPARE(Sim::universe(1).size(), Sim::BASE_UNIVERSE_SIZE); // clamped

        const QRegularExpression sixDigits(QStringLiteral("^\\d{6}$"));
        const QRegularExpression yyyymmdd(QStringLiteral("^(19|20)\\d{6}$"));
        QSet<QString> codes;
        QSet<QString> names;
        int kospi = 0;
        QMap<qint64, int> byTick; // tick size -> stocks
        for (int i = 0; i < u.size(); ++i) {
            const SimStockInfo &s = u.at(i);
            QVERIFY2(sixDigits.match(s.code).hasMatch(), qPrintable(s.code));
            QVERIFY2(!codes.contains(s.code), qPrintable(s.code));
            QVERIFY2(!names.contains(s.name), qPrintable(s.name));
            codes.insert(s.code);
            names.insert(s.name);
            QVERIFY(!s.sector.isEmpty());
            QVERIFY2(yyyymmdd.match(s.regDay).hasMatch(), qPrintable(s.regDay));
            QVERIFY(s.market == 0 || s.market == 10);
            kospi += s.market == 0 ? 1 : 0;
            QVERIFY(s.refPrice >= 50);
            QCOMPARE(Krx::snapNearest(s.refPrice), s.refPrice); // on the tick ladder
            QVERIFY(s.listedShares > 0 && s.avgVolume > 0 && s.avgVolume < s.listedShares);
            QVERIFY(s.dailyVolPercent >= 1.0 && s.dailyVolPercent <= 5.0);
            ++byTick[Krx::tickSize(s.refPrice)];
            if (i >= Sim::BASE_UNIVERSE_SIZE) {
                // Synthetic codes never meet the real-looking ones (all below 400000).
                QVERIFY2(s.code.toInt() >= 400000, qPrintable(s.code));
                // Korean names: at least one Hangul syllable.
                QVERIFY2(std::any_of(s.name.cbegin(), s.name.cend(),
                             [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; }),
                    qPrintable(s.name));
            }
        }
        QVERIFY2(kospi > 800 && kospi < 1250, qPrintable(QString::number(kospi)));
        // Every band of the tick ladder (1, 5, 10, 50, 100, 500, 1,000 won) holds a fair share.
        QCOMPARE(byTick.size(), 7);
        for (auto it = byTick.cbegin(); it != byTick.cend(); ++it)
            QVERIFY2(it.value() >= 25, qPrintable(QStringLiteral("tick %1: %2").arg(it.key()).arg(it.value())));
    }

    void everyStockIsListedAndQuoted()
    {
        QElapsedTimer t;
        t.start();
        Rig rig;
        QVERIFY(rig.start(large(2500)));
        qInfo() << "simulator with 2,500 stocks (60 history days) started in" << t.elapsed() << "ms";
        QCOMPARE(rig.server.market()->stockCount(), 2500);

        QSet<QString> listed;
        int pages = 0;
        for (const QString &market : { QStringLiteral("0"), QStringLiteral("10") }) {
            int p = 0;
            const QList<QJsonObject> rows = rig.client->allPages(
                QStringLiteral("ka10099"), { { QStringLiteral("mrkt_tp"), market } }, QStringLiteral("list"), &p);
            pages += p;
            for (const QJsonObject &row : rows) {
                QCOMPARE(row.value(QStringLiteral("marketCode")).toString(), market);
                listed.insert(row.value(QStringLiteral("code")).toString());
            }
        }
        QCOMPARE(listed.size(), 2500);
        QVERIFY(pages >= 5);
        QSet<QString> universe;
        for (const SimStockInfo &s : Sim::universe(2500))
            universe.insert(s.code);
        QCOMPARE(listed, universe);

        t.restart();
        for (const SimStockInfo &s : Sim::universe(2500)) {
            const auto r = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), s.code } });
            QVERIFY2(r.returnCode() == 0, qPrintable(s.code + QLatin1Char(' ') + r.returnMsg()));
            QCOMPARE(r.json.value(QStringLiteral("stk_cd")).toString(), s.code);
            QCOMPARE(r.json.value(QStringLiteral("stk_nm")).toString(), s.name);
            QVERIFY2(absValue(r.json.value(QStringLiteral("cur_prc")).toString()) > 0, qPrintable(s.code));
        }
        qInfo() << "2,500 ka10001 replies in" << t.elapsed() << "ms";
    }

    void sameSeedSamePrices()
    {
        auto prices = [](quint64 seed) {
            Rig rig;
            [&] { QVERIFY(rig.start(large(2100, seed))); }();
            rig.server.advanceClock(30 * 60'000);
            QStringList out;
            const QList<SimStockInfo> &u = Sim::universe(2100);
            for (int i = 0; i < u.size(); i += 97) {
                const auto r
                    = rig.client->tr(QStringLiteral("ka10001"), { { QStringLiteral("stk_cd"), u.at(i).code } });
                out << u.at(i).code + QLatin1Char('=') + r.json.value(QStringLiteral("cur_prc")).toString();
            }
            return out;
        };
        const QStringList a = prices(7);
        QCOMPARE(a.size(), 22);
        QCOMPARE(prices(7), a);
        QVERIFY(prices(8) != a);
    }

    void historyMinuteBarsMatchTheDailyBars()
    {
        // The history days' minute bars are simulated again when asked: they must be the bars of
        // the day the daily bar was made from, and the same on every ask.
        SimConfig c = large(300);
        c.minuteHistoryDays = 3;
        SimMarket market(c);
        const QList<QDate> dates = market.minuteDates();
        QVERIFY(dates.size() >= 4); // 3 history days + today
        for (int i : { 0, 60, 61, 299 }) {
            const QVector<SimDayBar> daily = market.dailyBars(i);
            for (int k = 0; k < 3; ++k) {
                const QDate date = dates.at(k);
                const QVector<Candle> bars = market.minuteBars(i, date);
                QVERIFY(!bars.isEmpty());
                QCOMPARE(market.minuteBars(i, date), bars);
                const auto day
                    = std::find_if(daily.cbegin(), daily.cend(), [&](const SimDayBar &b) { return b.date == date; });
                QVERIFY(day != daily.cend());
                qint64 high = 0;
                qint64 low = std::numeric_limits<qint64>::max();
                qint64 volume = 0;
                for (const Candle &bar : bars) {
                    high = std::max(high, bar.high);
                    low = std::min(low, bar.low);
                    volume += bar.volume;
                }
                QCOMPARE(bars.first().open, day->candle.open);
                QCOMPARE(bars.last().close, day->candle.close);
                QCOMPARE(high, day->candle.high);
                QCOMPARE(low, day->candle.low);
                QCOMPARE(volume, day->candle.volume);
            }
        }
    }

    void tickIntensityScalesTheLiveTrades()
    {
        auto ticksInAnHour = [](double intensity) {
            SimConfig c = large(60);
            c.tickIntensity = intensity;
            SimMarket market(c);
            qint64 ticks = 0;
            qint64 volume = 0;
            QObject::connect(&market, &SimMarket::traded, [&](int, const SimTick &t) {
                ++ticks;
                volume += t.volume;
            });
            market.advance(60 * 60'000);
            return std::pair { ticks, volume };
        };
        const auto [ticks1, volume1] = ticksInAnHour(1.0);
        const auto [ticks4, volume4] = ticksInAnHour(4.0);
        QVERIFY(ticks1 > 1000);
        QVERIFY2(
            ticks4 > 3 * ticks1 && ticks4 < 5 * ticks1, qPrintable(QStringLiteral("%1 %2").arg(ticks1).arg(ticks4)));
        // The same volume, spread over more and smaller trades.
        QVERIFY2(volume4 > volume1 * 7 / 10 && volume4 < volume1 * 13 / 10,
            qPrintable(QStringLiteral("%1 %2").arg(volume1).arg(volume4)));
    }
};

QTEST_GUILESS_MAIN(TestSimUniverse)
#include "tst_simuniverse.moc"
