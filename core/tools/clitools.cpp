// SPDX-License-Identifier: GPL-3.0-or-later
#include "clitools.h"

#include "backtestcli.h"
#include "indicatorscli.h"

namespace CliTools {

const QList<Tool> &tools()
{
    // Each tool adds its entry here.
    static const QList<Tool> list = {
        Tool { QStringLiteral("indicators"),
            QStringLiteral("compute the standard indicator set of a candle CSV (--csv IN.csv --out OUT.csv)"),
            &IndicatorsCli::run },
        Tool { QStringLiteral("backtest"),
            QStringLiteral("run a strategy over a candle CSV: trades and summary (--strategy TYPE --csv IN.csv)"),
            &BacktestCli::run },
    };
    return list;
}

bool isTool(const QString &name)
{
    for (const Tool &t : tools()) {
        if (t.name == name)
            return true;
    }
    return false;
}

int run(const QString &name, const QStringList &args, QTextStream &out, QTextStream &err)
{
    for (const Tool &t : tools()) {
        if (t.name == name)
            return t.run(args, out, err);
    }
    err << "kiwoom-trader: unknown tool \"" << name << "\"\n";
    return 2;
}

} // namespace CliTools
