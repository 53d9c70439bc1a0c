// SPDX-License-Identifier: GPL-3.0-or-later
// Strategy parameters: defaults, strict JSON types (no coercion), integer and range checks with
// messages naming the strategy, parameter and range, unknown keys, cross-parameter rules, and the
// typed Params structs round-tripping through JSON.
#include "strategy/bollingerstrategy.h"
#include "strategy/chaikinstrategy.h"
#include "strategy/disparitystrategy.h"
#include "strategy/momentumstrategy.h"
#include "strategy/parameters.h"
#include "strategy/referencecandlestrategy.h"
#include "strategy/rsistrategy.h"
#include "strategy/scalpingstrategy.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Strategies;
using namespace Qt::StringLiterals;

namespace {

const QList<ParamSpec> SPECS = {
    { u"period"_s, ParamType::Int, 14, 2, 1000, u"p"_s },
    { u"level"_s, ParamType::Double, 30.5, 0, 100, u"l"_s },
};

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// Every strategy: the spec defaults are the Params defaults, defaults validate, the JSON round
// trip is lossless, and validate() uses the same checks as fromJson().
template<typename S> void checkStrategy(const QJsonObject &changed)
{
    const typename S::Params defaults;
    QVERIFY(defaults.validate());
    const QJsonObject dj = defaults.toJson();
    QCOMPARE(dj.size(), S::parameterSpecs().size());
    for (const ParamSpec &spec : S::parameterSpecs()) {
        QVERIFY2(dj.contains(spec.name), qPrintable(spec.name));
        QCOMPARE(dj.value(spec.name).toDouble(), spec.defaultValue);
        QVERIFY(spec.min <= spec.defaultValue && spec.defaultValue <= spec.max);
        QVERIFY(!spec.description.isEmpty());
    }
    const Result<typename S::Params> fromEmpty = S::Params::fromJson({});
    QVERIFY(fromEmpty);
    QCOMPARE(fromEmpty->toJson(), dj);

    const Result<typename S::Params> p = S::Params::fromJson(changed);
    QVERIFY2(p, p ? "" : qPrintable(p.error().message));
    const QJsonObject back = p->toJson();
    for (auto it = changed.begin(); it != changed.end(); ++it)
        QCOMPARE(back.value(it.key()).toDouble(), it.value().toDouble());
    QCOMPARE(S::Params::fromJson(back)->toJson(), back);

    const Result<std::shared_ptr<const Strategy>> created = S::create(changed);
    QVERIFY(created);
    QCOMPARE((*created)->parameters(), back);
    QCOMPARE((*created)->type(), S::typeName());

    // Out of range through the typed struct: validate() refuses it with the same message.
    const ParamSpec &first = S::parameterSpecs().front();
    QJsonObject bad;
    bad.insert(first.name, first.max + 1);
    const Result<typename S::Params> viaJson = S::Params::fromJson(bad);
    QVERIFY(!viaJson);
    QVERIFY2(viaJson.error().message.startsWith(S::typeName() + u": parameter \""_s + first.name),
        qPrintable(viaJson.error().message));
}

} // namespace

class TestStrategyParameters final : public QObject
{
    Q_OBJECT

private slots:
    void defaultsFillMissingKeys()
    {
        const Result<Parameters> p = Parameters::parse(u"x"_s, SPECS, {});
        QVERIFY(p);
        QCOMPARE(p->integer("period"_L1), 14);
        QCOMPARE(p->number("level"_L1), 30.5);
        QCOMPARE(p->toJson(), json(R"({"period": 14, "level": 30.5})"));
        // Int parameters go out as JSON integers.
        QCOMPARE(
            QJsonDocument(p->toJson()).toJson(QJsonDocument::Compact), QByteArray(R"({"level":30.5,"period":14})"));

        const Result<Parameters> q = Parameters::parse(u"x"_s, SPECS, json(R"({"level": 12})"));
        QVERIFY(q);
        QCOMPARE(q->number("level"_L1), 12.0);
        QCOMPARE(q->integer("period"_L1), 14);
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << R"({"perod": 14})"
                                     << R"(x: unknown parameter "perod" (parameters: period, level))";
        QTest::newRow("string number") << R"({"period": "20"})"
                                       << R"(x: parameter "period" must be a number, not a string)";
        QTest::newRow("bool") << R"({"level": true})"
                              << R"(x: parameter "level" must be a number, not a boolean)";
        QTest::newRow("null") << R"({"level": null})"
                              << R"(x: parameter "level" must be a number, not null)";
        QTest::newRow("array") << R"({"level": [1]})"
                               << R"(x: parameter "level" must be a number, not an array)";
        QTest::newRow("object") << R"({"level": {}})"
                                << R"(x: parameter "level" must be a number, not an object)";
        QTest::newRow("fraction") << R"({"period": 14.5})"
                                  << R"(x: parameter "period" must be an integer (got 14.5))";
        QTest::newRow("below min") << R"({"period": 1})"
                                   << R"(x: parameter "period" must be between 2 and 1000 (got 1))";
        QTest::newRow("above max") << R"({"period": 1001})"
                                   << R"(x: parameter "period" must be between 2 and 1000 (got 1001))";
        QTest::newRow("double below") << R"({"level": -0.001})"
                                      << R"(x: parameter "level" must be between 0 and 100 (got -0.001))";
        QTest::newRow("double above") << R"({"level": 100.5})"
                                      << R"(x: parameter "level" must be between 0 and 100 (got 100.5))";
        QTest::newRow("huge") << R"({"period": 1e300})"
                              << R"(x: parameter "period" must be between 2 and 1000 (got 1e+300))";
    }

    void rejected()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        const Result<Parameters> p = Parameters::parse(u"x"_s, SPECS, json(input.toUtf8().constData()));
        QVERIFY(!p);
        QCOMPARE(p.error().code, u"strategy.params");
        QCOMPARE(p.error().message, message);
    }

    void boundsAreInclusive()
    {
        QVERIFY(Parameters::parse(u"x"_s, SPECS, json(R"({"period": 2, "level": 0})")));
        QVERIFY(Parameters::parse(u"x"_s, SPECS, json(R"({"period": 1000, "level": 100})")));
        QVERIFY(Parameters::parse(u"x"_s, SPECS, json(R"({"period": 20.0})"))); // integral number
    }

    void specToJson()
    {
        const QJsonObject o = SPECS[0].toJson();
        QCOMPARE(o.value(u"name").toString(), u"period");
        QCOMPARE(o.value(u"type").toString(), u"integer");
        QCOMPARE(o.value(u"default").toInteger(), 14);
        QCOMPARE(o.value(u"min").toInteger(), 2);
        QCOMPARE(o.value(u"max").toInteger(), 1000);
        QCOMPARE(o.value(u"description").toString(), u"p");
        QCOMPARE(SPECS[1].toJson().value(u"type").toString(), u"number");
        QCOMPARE(SPECS[1].toJson().value(u"default").toDouble(), 30.5);
    }

    void crossParameterRules_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("disparity") << "disparity"
                                   << R"({"buy_below": 105, "sell_above": 105})"
                                   << R"(disparity: parameter "buy_below" (105) must be below "sell_above" (105))";
        QTest::newRow("rsi") << "rsi"
                             << R"({"oversold": 70})"
                             << R"(rsi: parameter "oversold" (70) must be below "overbought" (70))";
        QTest::newRow("chaikin") << "chaikin"
                                 << R"({"fast": 10})"
                                 << R"(chaikin: parameter "fast" (10) must be below "slow" (10))";
    }

    void crossParameterRules()
    {
        QFETCH(QString, type);
        QFETCH(QString, input);
        QFETCH(QString, message);
        const QJsonObject in = json(input.toUtf8().constData());
        Result<std::shared_ptr<const Strategy>> r = Error {};
        if (type == u"disparity")
            r = DisparityStrategy::create(in);
        else if (type == u"rsi")
            r = RsiStrategy::create(in);
        else
            r = ChaikinStrategy::create(in);
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"strategy.params");
        QCOMPARE(r.error().message, message);
    }

    void everyStrategy()
    {
        checkStrategy<MomentumStrategy>(json(R"({"momentum_period": 5, "sma_period": 30, "min_momentum": 2.5})"));
        checkStrategy<DisparityStrategy>(json(R"({"period": 10, "buy_below": 97, "sell_above": 103.5})"));
        checkStrategy<BollingerStrategy>(json(R"({"period": 10, "width": 2.5})"));
        checkStrategy<RsiStrategy>(json(
            R"({"period": 9, "oversold": 25, "overbought": 75, "volume_multiplier": 2, "volume_wma_period": 10})"));
        checkStrategy<ChaikinStrategy>(json(R"({"fast": 2, "slow": 8, "level": -100})"));
        checkStrategy<ReferenceCandleStrategy>(json(
            R"({"lookback_days": 10, "min_rise_pct": 7, "volume_multiplier": 2, "volume_avg_days": 5, "target_body_ratio": 0.25})"));
        checkStrategy<ScalpingStrategy>(json(
            R"({"momentum_lookback": 3, "min_momentum_pct": 0.3, "volume_window": 6, "volume_multiplier": 3, "max_spread_ticks": 1, "take_profit_pct": 2, "stop_loss_pct": 1, "max_holding_sec": 120})"));
    }

    void typedParamsValidate()
    {
        RsiStrategy::Params p;
        p.period = 1;
        const Status s = p.validate();
        QVERIFY(!s);
        QCOMPARE(s.error().message, u"rsi: parameter \"period\" must be between 2 and 1000 (got 1)");
        p = {};
        p.oversold = 80;
        QVERIFY(!p.validate());
        ScalpingStrategy::Params sp;
        sp.maxHoldingSec = 0;
        QVERIFY(!sp.validate());
    }
};

QTEST_GUILESS_MAIN(TestStrategyParameters)
#include "tst_strategyparameters.moc"
