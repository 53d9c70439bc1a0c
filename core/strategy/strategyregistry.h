// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy.h"
#include "types.h"

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace Strategies {

// The built-in strategy types by name — what /strategies/{type}/configure, the trading_strategies
// table (strategy_type) and `kiwoom-trader backtest --strategy` use: "momentum", "disparity",
// "bollinger", "rsi", "chaikin", "reference_candle", "scalping". A fixed table (no registration at
// run time, no global state); thread-safe.
class StrategyRegistry
{
public:
    using Factory = Result<std::shared_ptr<const Strategy>> (*)(const QJsonObject &params);

    struct Info
    {
        QString type;
        QString description;
        QList<ParamSpec> parameters;
        bool quotes = false; // also runs on quotes (Strategy::acceptsQuotes)
        Factory create = nullptr;

        // {"type", "description", "accepts_quotes", "parameters": [ParamSpec::toJson(), ...]}
        QJsonObject toJson() const;
        // Every parameter with its default: {"period": 14, ...}
        QJsonObject defaults() const;
    };

    // In the order above.
    static const QList<Info> &types();
    static QStringList typeNames();
    static const Info *info(QStringView type);

    // Creates a strategy of `type` with `params` (missing keys take their defaults). Errors:
    // "strategy.unknown" (naming the known types) and "strategy.params" (see Parameters).
    static Result<std::shared_ptr<const Strategy>> create(QStringView type, const QJsonObject &params = {});
};

} // namespace Strategies
