// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategyregistry.h"

#include "bollingerstrategy.h"
#include "chaikinstrategy.h"
#include "disparitystrategy.h"
#include "momentumstrategy.h"
#include "referencecandlestrategy.h"
#include "rsistrategy.h"
#include "scalpingstrategy.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Strategies {

namespace {

template<typename S> StrategyRegistry::Info infoOf(bool quotes)
{
    return StrategyRegistry::Info { S::typeName(), S::description(), S::parameterSpecs(), quotes, &S::create };
}

} // namespace

QJsonObject StrategyRegistry::Info::toJson() const
{
    QJsonArray params;
    for (const ParamSpec &p : parameters)
        params.append(p.toJson());
    return QJsonObject {
        { u"type"_s, type },
        { u"description"_s, description },
        { u"accepts_quotes"_s, quotes },
        { u"parameters"_s, params },
    };
}

QJsonObject StrategyRegistry::Info::defaults() const
{
    QJsonObject o;
    for (const ParamSpec &p : parameters) {
        if (p.type == ParamType::Int)
            o.insert(p.name, qint64(p.defaultValue));
        else
            o.insert(p.name, p.defaultValue);
    }
    return o;
}

const QList<StrategyRegistry::Info> &StrategyRegistry::types()
{
    static const QList<Info> list = {
        infoOf<MomentumStrategy>(false),
        infoOf<DisparityStrategy>(false),
        infoOf<BollingerStrategy>(false),
        infoOf<RsiStrategy>(false),
        infoOf<ChaikinStrategy>(false),
        infoOf<ReferenceCandleStrategy>(false),
        infoOf<ScalpingStrategy>(true),
    };
    return list;
}

QStringList StrategyRegistry::typeNames()
{
    QStringList names;
    for (const Info &i : types())
        names << i.type;
    return names;
}

const StrategyRegistry::Info *StrategyRegistry::info(QStringView type)
{
    for (const Info &i : types()) {
        if (i.type == type)
            return &i;
    }
    return nullptr;
}

Result<std::shared_ptr<const Strategy>> StrategyRegistry::create(QStringView type, const QJsonObject &params)
{
    const Info *i = info(type);
    if (!i) {
        return Error { u"strategy.unknown"_s,
            u"unknown strategy \"%1\" (known: %2)"_s.arg(type.toString(), typeNames().join(u", "_s)) };
    }
    return i->create(params);
}

} // namespace Strategies
