// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

// Command-line tools run as `kiwoom-trader <tool> [args]` (indicators, backtest, ...). They live in
// the core so tests call them in-process with string streams. Exit codes: 0 ok, 2 bad input.
namespace CliTools {

using ToolFn = std::function<int(const QStringList &args, QTextStream &out, QTextStream &err)>;

struct Tool
{
    QString name;
    QString summary;
    ToolFn run;
};

const QList<Tool> &tools();
bool isTool(const QString &name);
int run(const QString &name, const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace CliTools
