// SPDX-License-Identifier: GPL-3.0-or-later
// Paper trading (issue 12, `--mode paper`): TradingCore in paper mode takes its quotes from a
// "Kiwoom" feed — here a standalone simulator on loopback (SimHost on its own thread, always open,
// moving at 20× real time) given as --rest-url/--ws-url — and sends its orders to the in-process
// paper simulator, whose exchange matches them against the feed's trades. Checked:
//  * realtime quotes in the app are the feed's trades (every price the app's QuoteBook shows for
//    005930 is one the feed printed);
//  * a limit buy through the command layer at the feed's last price fills in the paper account at a
//    price the feed traded; the position reaches the app's database;
//  * the feed receives zero orders (its exchange has none, no kt10000–kt10003 request reached it),
//    while the paper simulator relayed market data to it;
//  * condition search is relayed: the app lists the feed's conditions and a realtime condition it
//    starts runs at the feed;
//  * a restart of the core keeps the paper position (paper-state.json next to <dataDir>/paper/).
#include "common/settings.h"
#include "kiwoom/conditionsearch.h"
#include "kiwoom/kiwoomsession.h"
#include "market/krx.h"
#include "services/quotebook.h"
#include "sim/simhost.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"
#include "storage/positionrepository.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"
#include "tradingcore.h"

#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString CODE = QStringLiteral("005930");

SimConfig feedConfig()
{
    SimConfig c;
    c.seed = 11;
    c.speed = 20;
    c.startTimeMs = Krx::fromKst(QDate(2025, 3, 10), QTime(10, 0));
    c.historyDays = 30;
    c.minuteHistoryDays = 1;
    c.queryQuotaPerSecond = 0;
    c.totalQueryQuotaPerSecond = 0;
    return c;
}

// Every price the feed has printed today for code (read on the feed's thread).
QSet<qint64> feedPrices(SimHost &feed, const QString &code)
{
    QSet<qint64> prices;
    feed.withServer([&](SimServer &server) {
        const int i = server.market()->indexOf(code);
        if (i < 0)
            return;
        for (const SimTick &t : server.market()->ticksToday(i))
            prices.insert(t.price);
    });
    return prices;
}

bool waitEngineReady(TradingCore &core, int timeoutMs)
{
    return QTest::qWaitFor(
               [&] {
                   return core.brokerState() == TradingCore::BrokerState::Failed
                       || (core.engine() && core.engine()->isReady());
               },
               timeoutMs)
        && core.engine() && core.engine()->isReady();
}

std::optional<Storage::PositionRecord> position(TradingCore &core)
{
    auto r = PositionRepository(*core.database()).findActiveByCode(CODE);
    return r ? *r : std::nullopt;
}

} // namespace

class TestPaper final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SimHost m_feed;
    SimEndpoints m_feedUrls;

    TradingCore::Options options() const
    {
        TradingCore::Options o;
        o.dataDir = m_dir.path();
        o.configFile = m_dir.filePath(QStringLiteral("kt.ini"));
        o.mode = QStringLiteral("paper");
        o.restUrl = m_feedUrls.restBaseUrl.toString();
        o.wsUrl = m_feedUrls.webSocketUrl.toString();
        o.controlPort = 0;
        return o;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto urls = m_feed.start(feedConfig());
        QVERIFY2(urls, urls ? "" : qPrintable(urls.error().message));
        m_feedUrls = *urls;
        // The feed's credentials (a kiwoom-sim accepts its demo keys; Kiwoom would want mock keys).
        qputenv("KIWOOM_APPKEY", Sim::DEMO_APP_KEY);
        qputenv("KIWOOM_SECRETKEY", Sim::DEMO_SECRET_KEY);
        Settings settings(m_dir.filePath(QStringLiteral("kt.ini")));
        QVERIFY(settings.setValue(QStringLiteral("control/enabled"), false).ok());
        QVERIFY(settings.setValue(QStringLiteral("paper/initialCash"), 50'000'000).ok());
        settings.sync();
    }

    void cleanupTestCase()
    {
        m_feed.stop();
        qunsetenv("KIWOOM_APPKEY");
        qunsetenv("KIWOOM_SECRETKEY");
    }

    void paperOrdersFillLocallyAtTheFeedsPrices()
    {
        TradingCore core(options());
        QVERIFY(core.start().ok());
        QCOMPARE(core.databaseDir(), m_dir.filePath(QStringLiteral("paper")));
        QVERIFY2(waitEngineReady(core, 60'000), qPrintable(core.brokerDetail()));
        QVERIFY(core.simulator());
        QVERIFY(core.simulator()->state().contains(QStringLiteral("paper")));

        // Realtime quotes follow the feed: every price the app shows for 005930 is one the feed
        // printed (the registration goes app -> paper simulator -> feed).
        core.quoteBook()->watch(QStringLiteral("tst_paper"), { CODE });
        QTRY_VERIFY_WITH_TIMEOUT(core.quoteBook()->quote(CODE).has_value(), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(core.simulator()->state().value(QStringLiteral("stocks")).toInt() >= 1, 10'000);
        const qint64 shown = core.quoteBook()->quote(CODE)->price;
        QVERIFY2(feedPrices(m_feed, CODE).contains(shown), qPrintable(QString::number(shown)));

        // A limit buy at the feed's last price, through the command layer (as the UI and API do).
        TradingCommands::BuyCommand buy;
        buy.code = CODE;
        buy.quantity = 3;
        buy.type = Trading::OrderType::Limit;
        buy.price = shown;
        auto placed = core.engine()->commands().buy(buy, QStringLiteral("ui"));
        QVERIFY2(placed, placed ? "" : qPrintable(placed.error().message));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const auto p = position(core);
                         return p && p->quantity == 3;
                     },
                     60'000),
            "the paper buy did not fill");
        const auto held = position(core);
        QVERIFY(held);
        QVERIFY2(feedPrices(m_feed, CODE).contains(held->buyPrice), qPrintable(QString::number(held->buyPrice)));
        QVERIFY(held->buyPrice <= shown);

        // The paper account holds it; the feed never saw an order.
        const QJsonObject paper = core.simulator()->state();
        QCOMPARE(paper.value(QStringLiteral("account")).toObject().value(QStringLiteral("holdings")).toInt(), 1);
        QVERIFY(paper.value(QStringLiteral("orders")).toInt() >= 1);
        QVERIFY(paper.value(QStringLiteral("paper")).toObject().value(QStringLiteral("feed_frames")).toDouble() > 0);
        const QJsonObject feed = m_feed.state();
        QCOMPARE(feed.value(QStringLiteral("orders")).toInt(), 0);
        QCOMPARE(feed.value(QStringLiteral("fills")).toInt(), 0);
        QCOMPARE(feed.value(QStringLiteral("account")).toObject().value(QStringLiteral("holdings")).toInt(), 0);
        const QJsonObject byApi = feed.value(QStringLiteral("rest_requests_by_api")).toObject();
        for (const QString &id : byApi.keys())
            QVERIFY2(!id.startsWith(QStringLiteral("kt")), qPrintable(id)); // no order, no account TR
        QVERIFY(feed.value(QStringLiteral("ws_registrations")).toInt() >= 1); // relayed REG

        // Condition search is the feed's: the list the app got is the feed simulator's formulas,
        // and a realtime condition started through the paper simulator runs at the feed.
        QTRY_VERIFY_WITH_TIMEOUT(!core.session()->conditions().conditions().isEmpty(), 20'000);
        const QString seq = core.session()->conditions().conditions().first().seq;
        std::optional<KiwoomResult<QStringList>> started;
        QObject context;
        core.session()->conditions().startRealtime(
            seq, &context, [&](const KiwoomResult<QStringList> &r) { started = r; });
        QTRY_VERIFY_WITH_TIMEOUT(started.has_value(), 20'000);
        QVERIFY2(started->ok(), started->ok() ? "" : qPrintable(started->error().describe()));
        QTRY_VERIFY_WITH_TIMEOUT(m_feed.state().value(QStringLiteral("ws_realtime_conditions")).toInt() >= 1, 10'000);
        core.stop();
    }

    void paperPositionSurvivesARestart()
    {
        TradingCore core(options());
        QVERIFY(core.start().ok());
        QVERIFY2(waitEngineReady(core, 60'000), qPrintable(core.brokerDetail()));
        const QJsonObject paper = core.simulator()->state();
        QCOMPARE(paper.value(QStringLiteral("account")).toObject().value(QStringLiteral("holdings")).toInt(), 1);
        const auto held = position(core);
        QVERIFY(held);
        QCOMPARE(held->quantity, qint64(3));
        // Cash: the paper/initialCash setting (not the demo's 100,000,000); the buy settles at D+2.
        const QJsonObject account = paper.value(QStringLiteral("account")).toObject();
        QCOMPARE(account.value(QStringLiteral("deposit")).toDouble(), 50'000'000.0);
        QVERIFY(account.value(QStringLiteral("d2_deposit")).toDouble() < 50'000'000.0);
        QCOMPARE(m_feed.state().value(QStringLiteral("orders")).toInt(), 0);
        core.stop();
    }
};

QTEST_GUILESS_MAIN(TestPaper)
#include "tst_paper.moc"
