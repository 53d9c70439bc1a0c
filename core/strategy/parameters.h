// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include "common/result.h"

#include <QJsonObject>
#include <QList>

#include <vector>

namespace Strategies {

// A strategy's parameters, validated against its specs: every spec'd name has a value (the JSON's
// or the default), nothing else does. parse() is the one validation path for every strategy
// (JSON from the API, the database or --params, and the typed Params structs through their
// toJson()). Errors have code "strategy.params" and name the strategy, the parameter and the
// allowed range:
//   - a key that is not a parameter:  rsi: unknown parameter "perod" (parameters: period, ...)
//   - a value that is not a number:   rsi: parameter "period" must be a number, not a string
//     (no coercion: "14" is refused, so is true, null, an array or an object)
//   - an Int with a fractional part:  rsi: parameter "period" must be an integer (got 14.5)
//   - outside [min, max]:             rsi: parameter "period" must be between 2 and 1000 (got 1)
class Parameters
{
public:
    Parameters() = default;

    static Result<Parameters> parse(
        const QString &strategyType, const QList<ParamSpec> &specs, const QJsonObject &input);

    // The value of a spec'd parameter (Q_ASSERT on unknown names, 0 in release builds).
    double number(QLatin1StringView name) const;
    int integer(QLatin1StringView name) const;

    // Every parameter, defaults filled in; Int parameters as JSON integers.
    QJsonObject toJson() const;

    // An Error with code "strategy.params" for cross-parameter rules the specs cannot express.
    static Error error(const QString &strategyType, const QString &message);

private:
    QList<ParamSpec> m_specs;
    std::vector<double> m_values;
};

} // namespace Strategies
