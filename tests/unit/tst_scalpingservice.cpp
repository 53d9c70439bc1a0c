// SPDX-License-Identifier: GPL-3.0-or-later
// ScalpingService: one observation per run per stock, from the quote book when its tick is fresh,
// else from watchQuotes (ka10095) the same run; a momentum + volume surge becomes a buy signal of
// source "scalping:<id>"; its own stock list overrides the watchlist; a failing quote call is
// logged and the next run works.
#include "common/clock.h"
#include "common/settings.h"
#include "fakemarketapi.h"
#include "fakesignalsink.h"
#include "market/krx.h"
#include "services/scalpingservice.h"
#include "storage/database.h"
#include "storage/strategyrepository.h"
#include "storage/watchlistrepository.h"
#include "storagefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

KiwoomError injected(KiwoomError::Kind kind = KiwoomError::Kind::Transport)
{
    return KiwoomError::make(kind, u"fake"_s, u"injected failure"_s);
}

const QString TICKED = u"005930"_s; // has live ticks in the book
const QString QUIET = u"000660"_s; // no subscription: fetched every run

qint64 kst(int h, int m, int s = 0)
{
    return Krx::fromKst(QDate(2025, 3, 10), QTime(h, m, s));
}

Quote quote(const QString &code, qint64 t, qint64 price, qint64 cumVolume)
{
    Quote q;
    q.code = code;
    q.timeMs = t;
    q.price = price;
    q.cumVolume = cumVolume;
    q.bestBid = price - 10;
    q.bestAsk = price;
    return q;
}

Kiwoom::WatchQuote watchQuote(const QString &code, qint64 t, qint64 price, qint64 volume)
{
    Kiwoom::WatchQuote w;
    w.code = code;
    w.name = u"SK하이닉스"_s;
    w.timeMs = t;
    w.price = price;
    w.volume = volume;
    w.bestBid = price - 10;
    w.bestAsk = price;
    return w;
}

} // namespace

class TestScalpingService final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { kst(10, 0) };
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeMarketApi> m_market;
    std::unique_ptr<FakeSignalSink> m_sink;
    std::unique_ptr<ScalpingService> m_scalping;
    QHash<QString, Quote> m_book;
    qint64 m_strategy = 0;

    QList<QVariant> run()
    {
        QSignalSpy finished(m_scalping.get(), &ScalpingService::runFinished);
        m_scalping->runOnce();
        if (finished.isEmpty() && !finished.wait(5000))
            return {};
        return finished.takeFirst();
    }

private slots:
    void init()
    {
        m_clock.setNowMs(kst(10, 0));
        m_book.clear();
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"kt.ini"_s));
        QVERIFY(m_settings->setValue(u"services/scalpingCodes"_s, QString()).ok());
        m_db = StorageTest::openMemory(m_clock);
        QVERIFY(m_db);
        m_market = std::make_unique<FakeMarketApi>();
        m_sink = std::make_unique<FakeSignalSink>(&m_clock);
        m_scalping = std::make_unique<ScalpingService>(
            *m_market, *m_db, *m_sink, *m_settings, m_clock, [this](const QString &code) -> std::optional<Quote> {
                if (!m_book.contains(code))
                    return std::nullopt;
                return m_book.value(code);
            });
        WatchlistRepository watchlist(*m_db);
        QVERIFY(
            watchlist.add(TICKED, u"삼성전자"_s, Storage::WatchlistSource::Manual, std::nullopt, {}, u"test"_s).ok());
        QVERIFY(
            watchlist.add(QUIET, u"SK하이닉스"_s, Storage::WatchlistSource::Manual, std::nullopt, {}, u"test"_s).ok());
        m_strategy = StrategyRepository(*m_db)
                         .create(u"스캘핑"_s, u"scalping"_s,
                             QJsonObject { { u"momentum_lookback"_s, 2 }, { u"min_momentum_pct"_s, 0.5 },
                                 { u"volume_window"_s, 3 }, { u"volume_multiplier"_s, 2.0 } },
                             true, u"test"_s)
                         .value()
                         .id;
        // An indicator strategy is not scalping's business.
        QVERIFY(StrategyRepository(*m_db).create(u"RSI"_s, u"rsi"_s, {}, true, u"test"_s).ok());
    }
    void cleanup()
    {
        m_scalping.reset();
        m_sink.reset();
        m_market.reset();
        m_db.reset();
        m_settings.reset();
    }

    void aSurgeInTheBookBecomesABuySignal()
    {
        qint64 volume = 10'000;
        for (int i = 0; i < 5; ++i) {
            m_clock.setNowMs(kst(10, 0) + i * 30'000);
            volume += 1'000;
            m_book.insert(TICKED, quote(TICKED, m_clock.nowMs() - 2'000, 10'000, volume));
            m_market->setWatchQuote(watchQuote(QUIET, m_clock.nowMs(), 20'000, 50'000 + i));
            const QList<QVariant> args = run();
            QCOMPARE(args.size(), 5);
            QCOMPARE(args.at(0).toInt(), 2); // observed
            QCOMPARE(args.at(1).toInt(), 1); // from the book
            QCOMPARE(args.at(2).toInt(), 1); // fetched
            QCOMPARE(args.at(4).toInt(), 0);
        }
        QCOMPARE(m_sink->requests.size(), 0);
        // The book has it fresh: watchQuotes only ever asked for the quiet stock.
        for (const auto &r : m_market->requests(u"watchQuotes"_s))
            QCOMPARE(r.key, QUIET);
        QCOMPARE(m_market->calls(u"watchQuotes"_s), 5);

        // +1 % over two observations on five times the usual volume, spread one tick.
        m_clock.setNowMs(kst(10, 2, 30));
        m_book.insert(TICKED, quote(TICKED, m_clock.nowMs() - 1'000, 10'100, volume + 5'000));
        const QList<QVariant> args = run();
        QCOMPARE(args.at(3).toInt(), 1);
        QCOMPARE(m_sink->requests.size(), 1);
        const Trading::SignalRequest &r = m_sink->requests.first();
        QCOMPARE(r.kind, Storage::SignalKind::Strategy);
        QCOMPARE(r.source, u"scalping:%1"_s.arg(m_strategy));
        QCOMPARE(r.strategyId, std::optional<qint64>(m_strategy));
        QCOMPARE(r.side, Side::Buy);
        QCOMPARE(r.signalType, u"BUY"_s);
        QCOMPARE(r.code, TICKED);
        QCOMPARE(r.name, u"삼성전자"_s);
        QCOMPARE(r.signal.strategyType, u"scalping"_s);
        QCOMPARE(r.actor, ScalpingService::ACTOR);
        QCOMPARE(m_scalping->runnerCount(), 2);
    }

    void aStaleBookQuoteIsFetchedInstead()
    {
        m_book.insert(TICKED, quote(TICKED, kst(9, 50), 10'000, 1'000)); // ten minutes old
        m_market->setWatchQuote(watchQuote(TICKED, kst(10, 0), 10'050, 2'000));
        m_market->setWatchQuote(watchQuote(QUIET, kst(10, 0), 20'000, 2'000));
        const QList<QVariant> args = run();
        QCOMPARE(args.at(1).toInt(), 0);
        QCOMPARE(args.at(2).toInt(), 2);
        QCOMPARE(m_market->requests(u"watchQuotes"_s).constLast().key, TICKED + u'|' + QUIET);
    }

    void itsOwnListOverridesTheWatchlist()
    {
        QVERIFY(m_settings->setValue(u"services/scalpingCodes"_s, u"035720, 005930"_s).ok());
        QCOMPARE(m_scalping->activeCodes().value(), (QStringList { u"035720"_s, TICKED }));
        m_book.insert(TICKED, quote(TICKED, kst(10, 0), 10'000, 1'000));
        const QList<QVariant> args = run();
        QCOMPARE(args.at(0).toInt(), 1); // 035720 has no quote anywhere
        QCOMPARE(m_market->requests(u"watchQuotes"_s).constLast().key, u"035720"_s);
    }

    void aFailingQuoteCallIsLoggedAndTheNextRunWorks()
    {
        m_market->setWatchQuote(watchQuote(QUIET, kst(10, 0), 20'000, 2'000));
        m_book.insert(TICKED, quote(TICKED, kst(10, 0), 10'000, 1'000));
        m_market->failNext(u"watchQuotes"_s, injected());
        QList<QVariant> args = run();
        QCOMPARE(args.at(0).toInt(), 1); // the book's stock still observed
        QCOMPARE(args.at(4).toInt(), 1);
        QVERIFY(!m_scalping->lastRun()->ok);
        args = run();
        QCOMPARE(args.at(0).toInt(), 2);
        QCOMPARE(args.at(4).toInt(), 0);
        QVERIFY(m_scalping->lastRun()->ok);
    }

    void withoutAnEnabledScalpingStrategyNothingIsAsked()
    {
        QVERIFY(StrategyRepository(*m_db).setEnabled(m_strategy, false, u"test"_s).ok());
        const QList<QVariant> args = run();
        QCOMPARE(args.at(0).toInt(), 0);
        QCOMPARE(m_market->calls(u"watchQuotes"_s), 0);
        QCOMPARE(m_scalping->period(), std::chrono::milliseconds(30'000));
        QCOMPARE(m_scalping->name(), u"scalping"_s);
    }
};

QTEST_GUILESS_MAIN(TestScalpingService)
#include "tst_scalpingservice.moc"
