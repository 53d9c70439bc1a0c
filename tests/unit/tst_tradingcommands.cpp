// SPDX-License-Identifier: GPL-3.0-or-later
// TradingCommands, the one command layer, over a whole TradingEngine. The engine builds its broker
// adapter over a KiwoomSession, so it runs here against the in-process simulator on loopback
// (ClientSimFixture, paused market on a trading day) with a real SQLite file in a temp dir.
// Checked: every verb — start/stop a service, manual buy and sell, cancel, enable/disable a
// condition and a strategy, trading settings (bad values: a clear error and nothing changed), the
// kill switch modes and resume — leaves its audit_log row with the actor that said it (ui, api,
// cli), refused verbs included; a manual buy passes the same risk guard as any buy.

#include "clientsimfixture.h"

#include "common/activitylog.h"
#include "common/settings.h"
#include "market/krx.h"
#include "services/quotebook.h"
#include "services/servicecontroller.h"
#include "sim/simserver.h"
#include "storage/auditlog.h"
#include "storage/autotradesettingsrepository.h"
#include "storage/conditionrepository.h"
#include "storage/database.h"
#include "storage/decisionrepository.h"
#include "storage/orderrepository.h"
#include "storage/positionrepository.h"
#include "storage/signalrepository.h"
#include "storage/strategyrepository.h"
#include "trading/killswitch.h"
#include "trading/ordermanager.h"
#include "trading/stoplossmanager.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Storage;
using Trading::KillSwitchMode;

class TestTradingCommands final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ClientSimFixture> m_rig;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ActivityLog> m_activity;
    std::unique_ptr<QuoteBook> m_quotes;
    std::unique_ptr<TradingEngine> m_engine;
    QString m_code; // a stock of the simulator priced 10,000–100,000

    TradingCommands &commands() { return m_engine->commands(); }

    // The audit_log rows of a command verb, oldest first.
    QList<AuditRecord> audited(const QString &verb)
    {
        auto rows = AuditLog(*m_db).forEntity(QStringLiteral("command"), std::nullopt, 1000);
        Q_ASSERT(rows);
        QList<AuditRecord> out;
        for (const AuditRecord &r : rows.value()) {
            if (r.action == verb)
                out.prepend(r);
        }
        std::sort(out.begin(), out.end(), [](const AuditRecord &a, const AuditRecord &b) { return a.id < b.id; });
        return out;
    }

    // The verb left exactly one more row, by `actor`, with the error code (refused) or none.
    void expectAudit(
        const QString &verb, const QString &actor, int before, const QString &errorCode = QString(), int line = 0)
    {
        const QList<AuditRecord> rows = audited(verb);
        QVERIFY2(rows.size() == before + 1,
            qPrintable(QStringLiteral("%1: %2 audit rows, expected %3 (line %4)")
                           .arg(verb)
                           .arg(rows.size())
                           .arg(before + 1)
                           .arg(line)));
        const AuditRecord &r = rows.last();
        QCOMPARE(r.actor, actor);
        QCOMPARE(r.entity, QStringLiteral("command"));
        const QString code = r.after.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
        QCOMPARE(code, errorCode);
    }

    qint64 price(const QString &code) const { return m_rig->quote(code).price; }

private slots:
    void initTestCase()
    {
        m_rig = std::make_unique<ClientSimFixture>();
        QVERIFY2(m_rig->start(), qPrintable(m_rig->error()));
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("kt.ini")));
        // Quiet services: only what a test starts runs.
        QVERIFY(m_settings->setValue(QStringLiteral("services/autostart"), QString()));
        auto db = Database::openFile(m_dir->filePath(QStringLiteral("kt.db")), m_rig->clientClock());
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(db).value();
        m_activity = std::make_unique<ActivityLog>();
        m_quotes = std::make_unique<QuoteBook>(m_rig->realtime(), m_rig->clientClock());
        TradingEngine::Deps deps;
        deps.database = m_db.get();
        deps.settings = m_settings.get();
        deps.activity = m_activity.get();
        deps.session = &m_rig->session();
        deps.quotes = m_quotes.get();
        deps.marketClock = &m_rig->clientClock();
        deps.mode = QStringLiteral("demo");
        m_engine = std::make_unique<TradingEngine>(deps);
        m_code = m_rig->stockPricedBetween(10000, 100000);
        QVERIFY(!m_code.isEmpty());
    }
    void cleanupTestCase()
    {
        if (m_engine)
            m_engine->stop(2000);
        m_engine.reset();
        m_quotes.reset();
        m_activity.reset();
        m_db.reset();
        m_settings.reset();
        m_rig.reset();
    }

    // Before the first reconciliation nothing may trade: the verbs say so (command.not_ready),
    // change nothing, and are audited all the same.
    void notReadyRefusesOrdersAndServices()
    {
        QCOMPARE(m_engine->state(), TradingEngine::State::Stopped);
        TradingCommands::BuyCommand buy;
        buy.code = m_code;
        buy.quantity = 1;
        auto r = commands().buy(buy, QStringLiteral("ui"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("command.not_ready"));
        expectAudit(
            QStringLiteral("order.buy"), QStringLiteral("ui"), 0, QStringLiteral("command.not_ready"), __LINE__);
        auto s = commands().startService(QStringLiteral("stoploss"), QStringLiteral("cli"));
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("command.not_ready"));
        expectAudit(
            QStringLiteral("service.start"), QStringLiteral("cli"), 0, QStringLiteral("command.not_ready"), __LINE__);
        QVERIFY(SignalRepository(*m_db).listPendingBuy(SignalFilter {})->isEmpty());

        m_engine->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_engine->isReady(), 20000);
        // The conditions are listed once ready.
        QTRY_VERIFY_WITH_TIMEOUT(!ConditionRepository(*m_db).list()->isEmpty(), 20000);
    }

    // The engine's protection: rates → prices to the won (7 % below 70,000 is 65,100; 10 % above
    // 100,000 is 110,000 — a double product was a won off).
    void protectionPricesAreExact()
    {
        auto r = commands().updateTradingSettings(
            QJsonObject { { QStringLiteral("stop_loss_rate"), 7.0 }, { QStringLiteral("take_profit_rate"), 10.0 } },
            QStringLiteral("ui"));
        QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().message));
        Protection p = m_engine->protectionFor(Origin::Condition, 70000, 0);
        QCOMPARE(p.stopLossPrice, std::optional<qint64>(65100));
        QCOMPARE(p.takeProfitPrice, std::optional<qint64>(77000));
        p = m_engine->protectionFor(Origin::Condition, 100000, 0);
        QCOMPARE(p.stopLossPrice, std::optional<qint64>(93000));
        QCOMPARE(p.takeProfitPrice, std::optional<qint64>(110000));
        QVERIFY(commands()
                    .updateTradingSettings(QJsonObject { { QStringLiteral("stop_loss_rate"), 3.0 },
                                               { QStringLiteral("take_profit_rate"), 5.0 } },
                        QStringLiteral("ui"))
                    .ok());
    }

    void serviceVerbsAreAudited()
    {
        const int starts = int(audited(QStringLiteral("service.start")).size());
        const int stops = int(audited(QStringLiteral("service.stop")).size());
        auto started = commands().startService(QStringLiteral("stoploss"), QStringLiteral("cli"));
        QVERIFY2(started.ok(), started ? "" : qPrintable(started.error().message));
        QVERIFY(m_engine->stops().isRunning());
        expectAudit(QStringLiteral("service.start"), QStringLiteral("cli"), starts, QString(), __LINE__);
        QVERIFY(started->contains(QStringLiteral("services")));

        auto stopped = commands().stopService(QStringLiteral("stoploss"), QStringLiteral("api"));
        QVERIFY(stopped);
        QVERIFY(!m_engine->stops().isRunning());
        expectAudit(QStringLiteral("service.stop"), QStringLiteral("api"), stops, QString(), __LINE__);

        auto unknown = commands().startService(QStringLiteral("no-such-service"), QStringLiteral("ui"));
        QVERIFY(!unknown);
        QVERIFY(!unknown.error().message.isEmpty());
        QCOMPARE(audited(QStringLiteral("service.start")).size(), starts + 2);
        QCOMPARE(audited(QStringLiteral("service.start")).last().actor, QStringLiteral("ui"));
    }

    void conditionAndStrategyVerbsAreAudited()
    {
        const auto conditions = ConditionRepository(*m_db).list().value();
        QVERIFY(!conditions.isEmpty());
        const ConditionRecord c = conditions.first();
        auto on = commands().setConditionEnabled(c.conditionName, true, QStringLiteral("ui"));
        QVERIFY2(on.ok(), on ? "" : qPrintable(on.error().message));
        QVERIFY(ConditionRepository(*m_db).list()->first().enabled);
        expectAudit(QStringLiteral("condition.enable"), QStringLiteral("ui"), 0, QString(), __LINE__);
        auto off = commands().setConditionEnabled(QString::number(c.id), false, QStringLiteral("api"));
        QVERIFY(off);
        QVERIFY(!ConditionRepository(*m_db).list()->first().enabled);
        expectAudit(QStringLiteral("condition.disable"), QStringLiteral("api"), 0, QString(), __LINE__);
        auto missing = commands().setConditionEnabled(QStringLiteral("no such condition"), true, QStringLiteral("cli"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QStringLiteral("command.not_found"));
        expectAudit(QStringLiteral("condition.enable"), QStringLiteral("cli"), 1, QStringLiteral("command.not_found"),
            __LINE__);

        auto strategy = commands().setStrategyEnabled(QStringLiteral("rsi"), true, QStringLiteral("api"));
        QVERIFY2(strategy.ok(), strategy ? "" : qPrintable(strategy.error().message));
        expectAudit(QStringLiteral("strategy.enable"), QStringLiteral("api"), 0, QString(), __LINE__);
        auto enabled = StrategyRepository(*m_db).listEnabled();
        QVERIFY(enabled && !enabled->isEmpty());
        auto disabled = commands().setStrategyEnabled(QStringLiteral("rsi"), false, QStringLiteral("ui"));
        QVERIFY(disabled);
        QVERIFY(StrategyRepository(*m_db).listEnabled()->isEmpty());
        expectAudit(QStringLiteral("strategy.disable"), QStringLiteral("ui"), 0, QString(), __LINE__);
    }

    // Bad values: a clear error naming the setting, and nothing changed — all or nothing.
    void badTradingSettingsChangeNothing_data()
    {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("negative stop-loss")
            << QJsonObject { { QStringLiteral("stop_loss_rate"), -1.0 } } << QStringLiteral("stop_loss_rate");
        QTest::newRow("text for a number")
            << QJsonObject { { QStringLiteral("max_invest_amount"), QStringLiteral("a lot") } }
            << QStringLiteral("max_invest_amount");
        QTest::newRow("fractional won") << QJsonObject { { QStringLiteral("max_invest_amount"), 1500.5 } }
                                        << QStringLiteral("max_invest_amount");
        QTest::newRow("one good, one bad") << QJsonObject { { QStringLiteral("max_invest_amount"), 2'000'000 },
            { QStringLiteral("take_profit_rate"), 5000.0 } }
                                           << QStringLiteral("take_profit_rate");
        QTest::newRow("unknown key") << QJsonObject { { QStringLiteral("max_invest_amount"), 2'000'000 },
            { QStringLiteral("leverage"), 10 } }
                                     << QStringLiteral("leverage");
        QTest::newRow("bad order type") << QJsonObject { { QStringLiteral("max_invest_amount"), 2'000'000 },
            { QStringLiteral("buy_order_type"), QStringLiteral("iceberg") } }
                                        << QString();
        QTest::newRow("bad trailing rate") << QJsonObject { { QStringLiteral("trailing_stop_rate"), 150.0 },
            { QStringLiteral("stop_loss_rate"), 4.0 } }
                                           << QString();
        QTest::newRow("auto trade not a bool")
            << QJsonObject { { QStringLiteral("auto_trade_enabled"), QStringLiteral("yes") } }
            << QStringLiteral("auto_trade_enabled");
    }
    void badTradingSettingsChangeNothing()
    {
        QFETCH(QJsonObject, changes);
        QFETCH(QString, mentions);
        const QJsonObject before = commands().tradingSettings();
        const auto rowBefore = AutoTradeSettingsRepository(*m_db).load();
        const Trading::TradingSettings engineBefore = m_engine->tradingSettings();
        const int rows = int(audited(QStringLiteral("settings.trading")).size());
        auto r = commands().updateTradingSettings(changes, QStringLiteral("api"));
        QVERIFY(!r);
        QVERIFY2(!r.error().code.isEmpty() && !r.error().message.isEmpty(), qPrintable(r.error().message));
        if (!mentions.isEmpty())
            QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
        QCOMPARE(commands().tradingSettings(), before);
        QCOMPARE(m_engine->tradingSettings(), engineBefore);
        const auto rowAfter = AutoTradeSettingsRepository(*m_db).load();
        QVERIFY(rowBefore && rowAfter);
        QCOMPARE(rowAfter->has_value(), rowBefore->has_value());
        if (rowAfter->has_value())
            QCOMPARE(rowAfter->value().maxInvestAmount, rowBefore->value().maxInvestAmount);
        expectAudit(QStringLiteral("settings.trading"), QStringLiteral("api"), rows, r.error().code, __LINE__);
    }

    void goodTradingSettingsApply()
    {
        const int rows = int(audited(QStringLiteral("settings.trading")).size());
        auto r = commands().updateTradingSettings(QJsonObject { { QStringLiteral("max_invest_amount"), 2'000'000 },
                                                      { QStringLiteral("trailing_stop_rate"), 2.5 },
                                                      { QStringLiteral("buy_order_type"), QStringLiteral("market") } },
            QStringLiteral("cli"));
        QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->value(QStringLiteral("max_invest_amount")).toInteger(), 2'000'000);
        QCOMPARE(m_engine->tradingSettings().maxInvestAmount, 2'000'000);
        QCOMPARE(m_engine->tradingSettings().trailingStopRate, 2.5);
        QCOMPARE(AutoTradeSettingsRepository(*m_db).load()->value().maxInvestAmount, 2'000'000);
        expectAudit(QStringLiteral("settings.trading"), QStringLiteral("cli"), rows, QString(), __LINE__);
        QVERIFY(commands()
                    .updateTradingSettings(QJsonObject { { QStringLiteral("trailing_stop_rate"), 0.0 },
                                               { QStringLiteral("buy_order_type"), QStringLiteral("limit") } },
                        QStringLiteral("cli"))
                    .ok());
    }

    // Kill switch: every mode audited with its actor; resumed only by a user, never a service.
    void killSwitchModesAndResume()
    {
        const QList<KillSwitchMode> modes { KillSwitchMode::NoNewEntries, KillSwitchMode::ReduceOnly,
            KillSwitchMode::CancelAll, KillSwitchMode::FlattenAll };
        int engaged = int(audited(QStringLiteral("kill_switch.engage")).size());
        int resumed = int(audited(QStringLiteral("kill_switch.resume")).size());
        for (const KillSwitchMode mode : modes) {
            auto r = commands().engageKillSwitch(mode, QStringLiteral("test"), QStringLiteral("api"));
            QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().message));
            QCOMPARE(m_engine->killSwitch().mode(), mode);
            QCOMPARE(r->value(QStringLiteral("mode")).toString(), Trading::killSwitchModeText(mode));
            expectAudit(QStringLiteral("kill_switch.engage"), QStringLiteral("api"), engaged++, QString(), __LINE__);

            auto bySevice = commands().resume(QStringLiteral("service.stop_loss"));
            QVERIFY(!bySevice);
            QCOMPARE(m_engine->killSwitch().mode(), mode);
            expectAudit(QStringLiteral("kill_switch.resume"), QStringLiteral("service.stop_loss"), resumed++,
                bySevice.error().code, __LINE__);

            auto byUser = commands().resume(QStringLiteral("ui"));
            QVERIFY2(byUser.ok(), byUser ? "" : qPrintable(byUser.error().message));
            QCOMPARE(m_engine->killSwitch().mode(), KillSwitchMode::Off);
            expectAudit(QStringLiteral("kill_switch.resume"), QStringLiteral("ui"), resumed++, QString(), __LINE__);
        }
    }

    // A manual buy with the kill switch on: no order.
    void manualBuyWithNoNewEntriesPlacesNothing()
    {
        QVERIFY(
            commands().engageKillSwitch(KillSwitchMode::NoNewEntries, QStringLiteral("test"), QStringLiteral("ui")));
        const qint64 ordersBefore = m_rig->simRequests(QStringLiteral("kt10000"));
        TradingCommands::BuyCommand buy;
        buy.code = m_code;
        buy.quantity = 1;
        auto r = commands().buy(buy, QStringLiteral("api"));
        QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().message)); // the signal is recorded
        const qint64 id = r->value(QStringLiteral("signal_id")).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(SignalRepository(*m_db).findPendingBuy(id)->value().status != SignalStatus::Pending
                && SignalRepository(*m_db).findPendingBuy(id)->value().status != SignalStatus::Processing,
            10000);
        QCOMPARE(SignalRepository(*m_db).findPendingBuy(id)->value().status, SignalStatus::Skipped);
        QCOMPARE(m_rig->simRequests(QStringLiteral("kt10000")), ordersBefore);
        QVERIFY(commands().resume(QStringLiteral("ui")));
    }

    // A manual buy passes the same risk guard as an automatic one: over the per-order limit it is
    // refused (ledger BLOCKED with the rule), and no order reaches the broker.
    void manualBuyPassesTheRiskGuard()
    {
        QVERIFY(m_settings->setValue(QStringLiteral("risk/maxOrderAmount"), 100000));
        const qint64 ordersBefore = m_rig->simRequests(QStringLiteral("kt10000"));
        TradingCommands::BuyCommand buy;
        buy.code = m_code;
        buy.quantity = 1000000 / price(m_code) + 1; // > 1,000,000 KRW
        buy.type = Trading::OrderType::Market;
        const int rows = int(audited(QStringLiteral("order.buy")).size());
        auto r = commands().buy(buy, QStringLiteral("api"));
        QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().message));
        expectAudit(QStringLiteral("order.buy"), QStringLiteral("api"), rows, QString(), __LINE__);
        const qint64 id = r->value(QStringLiteral("signal_id")).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(
            SignalRepository(*m_db).findPendingBuy(id)->value().status == SignalStatus::Skipped, 10000);
        DecisionFilter filter;
        filter.code = m_code;
        filter.signalId = id;
        auto decisions = DecisionRepository(*m_db).list(filter);
        QVERIFY(decisions);
        bool blocked = false;
        for (const DecisionRecord &d : decisions.value()) {
            if (d.decision == Decision::Blocked && d.rule == QStringLiteral("risk.max_order_amount"))
                blocked = true;
        }
        QVERIFY2(blocked, "no BLOCKED decision with risk.max_order_amount");
        QCOMPARE(m_rig->simRequests(QStringLiteral("kt10000")), ordersBefore);
        QVERIFY(m_settings->setValue(QStringLiteral("risk/maxOrderAmount"), 5000000));
    }

    // Within the limits, the manual buy is ordered; the order can be cancelled by its id (audited);
    // a bad buy is refused with a clear error before anything is recorded.
    void manualBuyCancelAndSell()
    {
        // Bad input first: nothing recorded.
        TradingCommands::BuyCommand bad;
        bad.code = QStringLiteral("12");
        bad.quantity = 1;
        auto refused = commands().buy(bad, QStringLiteral("cli"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("command.invalid"));
        bad.code = m_code;
        bad.quantity = 1;
        bad.price = price(m_code) + 1; // off the tick ladder
        refused = commands().buy(bad, QStringLiteral("cli"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("command.invalid"));

        // A limit buy far below the market: stays open at the broker.
        const qint64 p = price(m_code);
        qint64 low = p * 80 / 100;
        low -= low % Krx::tickSize(low);
        TradingCommands::BuyCommand buy;
        buy.code = m_code;
        buy.quantity = 1;
        buy.price = low;
        auto r = commands().buy(buy, QStringLiteral("ui"));
        QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().message));
        const qint64 signalId = r->value(QStringLiteral("signal_id")).toInteger();
        std::optional<OrderRecord> order;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto orders = OrderRepository(*m_db).listForSignal(Origin::Manual, signalId);
                if (!orders || orders->isEmpty() || orders->first().brokerOrderNo.isEmpty())
                    return false;
                order = orders->first();
                return true;
            }(),
            10000);
        QCOMPARE(order->side, Side::Buy);
        QCOMPARE(order->price, low);
        QCOMPARE(order->quantity, 1);

        const int cancels = int(audited(QStringLiteral("order.cancel")).size());
        auto cancelled = commands().cancelOrder(order->id, QStringLiteral("api"));
        QVERIFY2(cancelled.ok(), cancelled ? "" : qPrintable(cancelled.error().message));
        expectAudit(QStringLiteral("order.cancel"), QStringLiteral("api"), cancels, QString(), __LINE__);
        QTRY_COMPARE_WITH_TIMEOUT(OrderRepository(*m_db).find(order->id)->value().state, OrderState::Cancelled, 10000);

        // Cancelling it again, or an order that does not exist: refused, audited.
        auto again = commands().cancelOrder(987654, QStringLiteral("cli"));
        QVERIFY(!again);
        expectAudit(QStringLiteral("order.cancel"), QStringLiteral("cli"), cancels + 1, again.error().code, __LINE__);

        // A sell of a stock not held: a clear refusal, nothing sent.
        TradingCommands::SellCommand sell;
        sell.code = m_code;
        auto notHeld = commands().sell(sell, QStringLiteral("ui"));
        QVERIFY(!notHeld);
        QCOMPARE(notHeld.error().code, QStringLiteral("command.not_found"));
        expectAudit(
            QStringLiteral("order.sell"), QStringLiteral("ui"), 0, QStringLiteral("command.not_found"), __LINE__);
    }

    // A manual sell goes through the exit path: sell_orders with reason MANUAL, by the actor.
    void manualSellGoesThroughTheExitPath()
    {
        // A position as a fill would have made it (the exit path only needs a live position).
        PositionRecord p;
        p.stockCode = m_code;
        p.stockName = QStringLiteral("test");
        p.buyPrice = price(m_code);
        p.buyQuantity = 3;
        p.buyAmount = p.buyPrice * 3;
        p.origin = Origin::Manual;
        auto opened = PositionRepository(*m_db).open(p, QStringLiteral("test"));
        QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().message));
        TradingCommands::SellCommand sell;
        sell.code = m_code;
        sell.quantity = 5; // more than held
        auto tooMany = commands().sell(sell, QStringLiteral("api"));
        QVERIFY(!tooMany);
        QCOMPARE(tooMany.error().code, QStringLiteral("command.invalid"));
        QCOMPARE(PositionRepository(*m_db).find(opened->id)->value().status, PositionStatus::Open);

        sell.quantity = 0; // all
        auto sold = commands().sell(sell, QStringLiteral("api"));
        QVERIFY2(sold.ok(), sold ? "" : qPrintable(sold.error().message));
        expectAudit(QStringLiteral("order.sell"), QStringLiteral("api"), 2, QString(), __LINE__);
        const auto sells = PositionRepository(*m_db).sellOrders(opened->id);
        QVERIFY(sells && sells->size() == 1);
        QCOMPARE(sells->first().sellReason, SellReason::Manual);
        QCOMPARE(sells->first().sellQuantity, 3);
        QVERIFY(sells->first().orderId.has_value());
        const OrderRecord o = OrderRepository(*m_db).find(*sells->first().orderId)->value();
        QCOMPARE(o.side, Side::Sell);
        QCOMPARE(o.quantity, 3);
        // A second sell while it works: refused.
        auto twice = commands().sell(sell, QStringLiteral("ui"));
        QVERIFY(!twice);
    }
};

QTEST_GUILESS_MAIN(TestTradingCommands)
#include "tst_tradingcommands.moc"
