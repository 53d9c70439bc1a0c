// SPDX-License-Identifier: GPL-3.0-or-later
// StrategyRegistry: the seven type names, creation by name with parameters, the schema it
// publishes, and errors for unknown types and bad parameters.
#include "strategy/strategyregistry.h"
#include "strategy/symbolrunner.h"

#include <QtTest>

#include <QJsonArray>

using namespace Strategies;
using namespace Qt::StringLiterals;

class TestStrategyRegistry final : public QObject
{
    Q_OBJECT

private slots:
    void sevenTypes()
    {
        QCOMPARE(StrategyRegistry::typeNames(),
            QStringList({ u"momentum"_s, u"disparity"_s, u"bollinger"_s, u"rsi"_s, u"chaikin"_s, u"reference_candle"_s,
                u"scalping"_s }));
        for (const StrategyRegistry::Info &i : StrategyRegistry::types()) {
            QVERIFY(!i.description.isEmpty());
            QVERIFY(!i.parameters.isEmpty());
            QCOMPARE(StrategyRegistry::info(i.type), &i);
        }
        QCOMPARE(StrategyRegistry::info(u"nope"), nullptr);
    }

    void createEachWithDefaults()
    {
        for (const StrategyRegistry::Info &i : StrategyRegistry::types()) {
            const Result<std::shared_ptr<const Strategy>> s = StrategyRegistry::create(i.type);
            QVERIFY2(s, qPrintable(i.type));
            QCOMPARE((*s)->type(), i.type);
            QCOMPARE((*s)->parameters(), i.defaults());
            QCOMPARE((*s)->acceptsQuotes(), i.quotes);
            QCOMPARE((*s)->acceptsQuotes(), i.type == u"scalping");
            QCOMPARE((*s)->exitRules().has_value(), i.type == u"scalping");
            QVERIFY((*s)->minimumBars() >= 1);
        }
    }

    void createWithParameters()
    {
        const auto s = StrategyRegistry::create(u"rsi", QJsonObject { { u"oversold"_s, 25 } });
        QVERIFY(s);
        QCOMPARE((*s)->parameters().value(u"oversold").toDouble(), 25.0);
        QCOMPARE((*s)->parameters().value(u"overbought").toDouble(), 70.0);
    }

    void errors()
    {
        const auto unknown = StrategyRegistry::create(u"macd");
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, u"strategy.unknown");
        QCOMPARE(unknown.error().message,
            u"unknown strategy \"macd\" (known: momentum, disparity, bollinger, rsi, chaikin, reference_candle, "
            "scalping)");
        const auto bad = StrategyRegistry::create(u"bollinger", QJsonObject { { u"width"_s, u"2"_s } });
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, u"strategy.params");
        QCOMPARE(bad.error().message, u"bollinger: parameter \"width\" must be a number, not a string");
    }

    void schemaJson()
    {
        const QJsonObject o = StrategyRegistry::info(u"rsi")->toJson();
        QCOMPARE(o.value(u"type").toString(), u"rsi");
        QCOMPARE(o.value(u"accepts_quotes").toBool(), false);
        const QJsonArray params = o.value(u"parameters").toArray();
        QCOMPARE(params.size(), 5);
        QCOMPARE(params.at(0).toObject().value(u"name").toString(), u"period");
        QCOMPARE(params.at(0).toObject().value(u"type").toString(), u"integer");
        QCOMPARE(params.at(0).toObject().value(u"default").toInteger(), 14);
        QCOMPARE(params.at(1).toObject().value(u"type").toString(), u"number");
    }

    void defaultIndicatorStrategiesShareOneSet()
    {
        QList<std::shared_ptr<const Strategy>> all;
        for (const QString &t : StrategyRegistry::typeNames())
            all.append(*StrategyRegistry::create(t));
        const SymbolRunner runner(u"005930"_s, all);
        QCOMPARE(runner.indicatorSetCount(), 1);
        for (qsizetype i = 0; i < 5; ++i) {
            QVERIFY(runner.indicators(i));
            QCOMPARE(runner.indicators(i), runner.indicators(0));
        }
        QCOMPARE(runner.indicators(5), nullptr); // reference_candle: own state
        QCOMPARE(runner.indicators(6), nullptr); // scalping: own state
    }
};

QTEST_GUILESS_MAIN(TestStrategyRegistry)
#include "tst_strategyregistry.moc"
