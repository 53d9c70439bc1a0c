// SPDX-License-Identifier: GPL-3.0-or-later
#include "backtestcli.h"

#include "candlecsv.h"

#include "backtest/backtester.h"
#include "strategy/strategyregistry.h"
#include "replaybacktest.h"

#include <QLoggingCategory>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace BacktestCli {

namespace {

constexpr const char *TOOL = "kiwoom-trader backtest";

void printUsage(QTextStream &s, const Backtest::Config &d)
{
    s << "Usage: kiwoom-trader backtest --strategy TYPE --csv IN.csv [options]\n"
         "       kiwoom-trader backtest --replay FILE.ktrec [--settings INI] [--from HHMM] [--to HHMM]\n"
         "                              [--data-dir DIR] [--json]\n"
         "       kiwoom-trader backtest --list [--json]\n"
         "\n"
         "Runs a strategy over the candles of IN.csv, long only, one position at a time, and prints\n"
         "the trades and a summary (trades, win rate, total return, max drawdown, fees and taxes).\n"
         "\n"
         "A signal on a candle is traded at the next candle's open: buys snapped up, sells snapped\n"
         "down to the KRX tick; reference-candle buys are limit orders at their target price.\n"
         "Stop-loss and take-profit are checked within each candle (stop-loss first when both are\n"
         "hit; at the open when it gapped past them). An open position is closed at the last close.\n"
         "Scalping uses its own take_profit_pct / stop_loss_pct / max_holding_sec parameters.\n"
         "\n"
         "With --replay, the whole trading engine (condition monitoring, reference candles,\n"
         "strategies, stop-loss / take-profit, risk guard) trades a recorded market day (a file of\n"
         "<data-dir>/recordings, written while record/enabled is on) against the simulator's\n"
         "exchange, in lockstep with the recording's time: the same recording and settings give the\n"
         "same orders, fills and P&L every time. --settings starts from a copy of that INI (the\n"
         "trading/*, risk/* and services/* keys apply); the run's database goes to a temporary\n"
         "directory unless --data-dir names one. It prints the orders, the closed trades and the\n"
         "statistics (or one JSON document with --json).\n"
         "\n"
         "Options:\n"
         "  --strategy TYPE     "
      << Strategies::StrategyRegistry::typeNames().join(u" | "_s)
      << "\n"
         "  --csv FILE          candles: header time,open,high,low,close,volume (any order),\n"
         "                      time ISO-8601 with an offset, strictly increasing\n"
         "  --params JSON       strategy parameters as a JSON object, e.g. '{\"oversold\": 25}';\n"
         "                      missing keys take their defaults (see --list); numbers only\n"
         "  --cash KRW          starting cash, an integer (default "
      << d.initialCash
      << ")\n"
         "  --fee PCT           commission per side in percent (default "
      << d.feePct
      << ")\n"
         "  --tax PCT           sell tax in percent (default "
      << d.sellTaxPct
      << ")\n"
         "  --stop-loss PCT     sell when the price falls this many percent below the buy price\n"
         "                      (default "
      << d.stopLossPct
      << "; 0 = off; not with scalping)\n"
         "  --take-profit PCT   sell when it rises this many percent above (default "
      << d.takeProfitPct
      << "; 0 = off;\n"
         "                      not with scalping)\n"
         "  --json              print one JSON document instead of the tables\n"
         "  --signals           with --json: include every signal the strategy emitted\n"
         "  --list              list the strategies and their parameters\n"
         "  --replay FILE       run the trading engine over a market recording (see above)\n"
         "  --settings INI      with --replay: the settings to start from (copied, never changed)\n"
         "  --from HHMM         with --replay: start at this KST time of the recorded day\n"
         "  --to HHMM           with --replay: stop at this KST time\n"
         "  --data-dir DIR      with --replay: keep the run's database and logs in DIR\n"
         "  --verbose           with --replay: let the engine's log through to stderr\n"
         "  -h, --help          show this help\n"
         "\n"
         "Exit status: 0 done, 2 bad arguments or bad input.\n";
}

int fail(QTextStream &err, const QString &message)
{
    err << TOOL << ": " << message << "\n";
    err.flush();
    return 2;
}

int usageError(QTextStream &err, const QString &message)
{
    err << TOOL << ": " << message << "\n"
        << "Try 'kiwoom-trader backtest --help'.\n";
    err.flush();
    return 2;
}

QString percent(double v)
{
    return QString::number(v, 'f', 2);
}

QString rate(double v)
{
    return QString::number(v, 'g', 10);
}

void printList(QTextStream &out, bool json)
{
    if (json) {
        QJsonArray types;
        for (const Strategies::StrategyRegistry::Info &i : Strategies::StrategyRegistry::types())
            types.append(i.toJson());
        out << QJsonDocument(QJsonObject { { u"strategies"_s, types } }).toJson(QJsonDocument::Indented);
        return;
    }
    for (const Strategies::StrategyRegistry::Info &i : Strategies::StrategyRegistry::types()) {
        out << i.type << "\n  " << i.description << "\n";
        for (const Strategies::ParamSpec &p : i.parameters) {
            const bool integer = p.type == Strategies::ParamType::Int;
            const auto num
                = [integer](double v) { return integer ? QString::number(qint64(v)) : QString::number(v, 'g', 12); };
            out << "    " << p.name.leftJustified(20) << " " << (integer ? "integer" : "number ") << "  default "
                << num(p.defaultValue).leftJustified(6) << " [" << num(p.min) << ", " << num(p.max) << "]  "
                << p.description << "\n";
        }
        out << "\n";
    }
}

struct Options
{
    QString strategy;
    QString csv;
    QString params;
    QString cash;
    QString fee;
    QString tax;
    QString stopLoss;
    QString takeProfit;
    bool json = false;
    bool withSignals = false;
    bool list = false;
    QString replay;
    QString settings;
    QString from;
    QString to;
    QString dataDir;
    bool verbose = false;
};

// --replay: the engine over a recording (ReplayBacktest).
int runReplay(const Options &o, QTextStream &out, QTextStream &err)
{
    for (const auto &[name, set] : { std::pair { u"--strategy"_s, !o.strategy.isNull() },
             std::pair { u"--csv"_s, !o.csv.isNull() }, std::pair { u"--params"_s, !o.params.isNull() },
             std::pair { u"--cash"_s, !o.cash.isNull() }, std::pair { u"--fee"_s, !o.fee.isNull() },
             std::pair { u"--tax"_s, !o.tax.isNull() }, std::pair { u"--stop-loss"_s, !o.stopLoss.isNull() },
             std::pair { u"--take-profit"_s, !o.takeProfit.isNull() }, std::pair { u"--signals"_s, o.withSignals },
             std::pair { u"--list"_s, o.list } }) {
        if (set)
            return usageError(
                err, u"%1 does not apply to --replay (the engine's settings come from --settings)"_s.arg(name));
    }
    const auto hhmm = [](const QString &text) -> std::optional<int> {
        static const QRegularExpression re(u"^([01][0-9]|2[0-3])[0-5][0-9]$"_s);
        if (!re.match(text).hasMatch())
            return std::nullopt;
        return text.toInt();
    };
    ReplayBacktest::Options r;
    r.recording = o.replay;
    r.settingsFile = o.settings;
    r.dataDir = o.dataDir;
    if (!o.from.isNull()) {
        const auto v = hhmm(o.from);
        if (!v)
            return usageError(err, u"--from must be HHMM (KST), e.g. 0930 (got \"%1\")"_s.arg(o.from));
        r.from = *v;
    }
    if (!o.to.isNull()) {
        const auto v = hhmm(o.to);
        if (!v)
            return usageError(err, u"--to must be HHMM (KST), e.g. 1200 (got \"%1\")"_s.arg(o.to));
        r.to = *v;
    }
    if (!o.verbose)
        QLoggingCategory::setFilterRules(u"*.debug=false\n*.info=false\n*.warning=false"_s);
    auto report = ReplayBacktest::run(r);
    if (!report) {
        err << TOOL << ": " << report.error().message << " (" << report.error().code << ")\n";
        err.flush();
        const QString code = report.error().code;
        return code.startsWith(u"recording.") || code.startsWith(u"settings.") || code == u"replay.bad_time"
                || code == u"replay.empty"
            ? 2
            : 1;
    }
    if (o.json)
        out << QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented);
    else
        report->print(out);
    out.flush();
    return 0;
}

std::optional<double> parsePercent(const QString &text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    Options o;
    const std::pair<QString, QString *> valued[] = {
        { u"--strategy"_s, &o.strategy },
        { u"--csv"_s, &o.csv },
        { u"--params"_s, &o.params },
        { u"--cash"_s, &o.cash },
        { u"--fee"_s, &o.fee },
        { u"--tax"_s, &o.tax },
        { u"--stop-loss"_s, &o.stopLoss },
        { u"--take-profit"_s, &o.takeProfit },
        { u"--replay"_s, &o.replay },
        { u"--settings"_s, &o.settings },
        { u"--from"_s, &o.from },
        { u"--to"_s, &o.to },
        { u"--data-dir"_s, &o.dataDir },
    };
    const std::pair<QString, bool *> flags[] = {
        { u"--json"_s, &o.json },
        { u"--signals"_s, &o.withSignals },
        { u"--list"_s, &o.list },
        { u"--verbose"_s, &o.verbose },
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"-h" || a == u"--help") {
            printUsage(out, Backtest::Config {});
            out.flush();
            return 0;
        }
        bool matched = false;
        for (const auto &[name, flag] : flags) {
            if (a == name) {
                if (*flag)
                    return usageError(err, u"%1 given twice"_s.arg(name));
                *flag = true;
                matched = true;
            }
        }
        if (matched)
            continue;
        for (const auto &[name, dest] : valued) {
            QString value;
            if (a == name) {
                if (i + 1 >= args.size())
                    return usageError(err, u"%1 needs a value"_s.arg(name));
                value = args[++i];
            } else if (a.startsWith(name + u'=')) {
                value = a.mid(name.size() + 1);
            } else {
                continue;
            }
            if (!dest->isNull())
                return usageError(err, u"%1 given twice"_s.arg(name));
            if (value.isEmpty())
                return usageError(err, u"%1 needs a value"_s.arg(name));
            *dest = value;
            matched = true;
            break;
        }
        if (!matched)
            return usageError(err, u"unknown argument \"%1\""_s.arg(a));
    }

    if (o.list) {
        printList(out, o.json);
        out.flush();
        return 0;
    }
    if (!o.replay.isNull())
        return runReplay(o, out, err);
    for (const auto &[name, value] : { std::pair { u"--settings"_s, &o.settings }, std::pair { u"--from"_s, &o.from },
             std::pair { u"--to"_s, &o.to }, std::pair { u"--data-dir"_s, &o.dataDir } }) {
        if (!value->isNull())
            return usageError(err, u"%1 needs --replay"_s.arg(name));
    }
    if (o.strategy.isEmpty())
        return usageError(err, u"missing --strategy TYPE"_s);
    if (o.csv.isEmpty())
        return usageError(err, u"missing --csv IN.csv"_s);
    if (o.withSignals && !o.json)
        return usageError(err, u"--signals needs --json"_s);

    QJsonObject params;
    if (!o.params.isNull()) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(o.params.toUtf8(), &pe);
        if (pe.error != QJsonParseError::NoError)
            return fail(err, u"--params is not valid JSON: %1 at offset %2"_s.arg(pe.errorString()).arg(pe.offset));
        if (!doc.isObject())
            return fail(err, u"--params must be a JSON object, e.g. '{\"period\": 14}'"_s);
        params = doc.object();
    }
    const Result<std::shared_ptr<const Strategies::Strategy>> strategy
        = Strategies::StrategyRegistry::create(o.strategy, params);
    if (!strategy)
        return fail(err, strategy.error().message);

    Backtest::Config config;
    if (!o.cash.isNull()) {
        bool ok = false;
        const qint64 cash = o.cash.toLongLong(&ok);
        if (!ok || cash < 1 || o.cash.startsWith(u'+'))
            return fail(err, u"--cash must be a positive whole number of KRW (got \"%1\")"_s.arg(o.cash));
        config.initialCash = cash;
    }
    const std::pair<const QString *, double *> rates[] = {
        { &o.fee, &config.feePct },
        { &o.tax, &config.sellTaxPct },
        { &o.stopLoss, &config.stopLossPct },
        { &o.takeProfit, &config.takeProfitPct },
    };
    const char *rateNames[] = { "--fee", "--tax", "--stop-loss", "--take-profit" };
    for (size_t i = 0; i < std::size(rates); ++i) {
        if (rates[i].first->isNull())
            continue;
        const std::optional<double> v = parsePercent(*rates[i].first);
        if (!v) {
            return fail(err,
                u"%1 must be a number of percent (got \"%2\")"_s.arg(QLatin1StringView(rateNames[i]), *rates[i].first));
        }
        *rates[i].second = *v;
    }
    if ((*strategy)->exitRules() && (!o.stopLoss.isNull() || !o.takeProfit.isNull())) {
        return fail(err,
            u"--stop-loss and --take-profit do not apply to %1: it has its own exits (set stop_loss_pct / "
            "take_profit_pct in --params)"_s.arg(o.strategy));
    }
    if (const Status s = config.validate(); !s)
        return fail(err, s.error().message);
    config.recordSignals = o.withSignals;

    const Result<CandleCsv::Table> parsed = CandleCsv::readFile(o.csv);
    if (!parsed)
        return fail(err, QDir::toNativeSeparators(o.csv) + u": "_s + parsed.error().message);
    const CandleCsv::Table &table = parsed.value();
    if (table.size() == 0)
        return fail(err, QDir::toNativeSeparators(o.csv) + u": no candles"_s);

    const Backtest::Backtester backtester(*strategy, config);
    const Result<Backtest::Report> result = backtester.run(table.bars);
    if (!result) {
        // "bar N: ..." → name the file line instead.
        QString message = result.error().message;
        static const QRegularExpression barPrefix(u"^bar (\\d+): "_s);
        const QRegularExpressionMatch m = barPrefix.match(message);
        if (m.hasMatch()) {
            const qsizetype index = m.captured(1).toLongLong();
            if (index >= 0 && index < table.size())
                message = u"line %1: "_s.arg(table.lineNumbers[size_t(index)]) + message.mid(m.capturedLength());
        }
        return fail(err, QDir::toNativeSeparators(o.csv) + u": "_s + message);
    }
    const Backtest::Report &report = result.value();

    if (o.json) {
        out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
        out.flush();
        return 0;
    }

    const Backtest::Summary &s = report.summary;
    const Strategies::ExitRules exits = backtester.exitRules();
    out << "Backtest: " << report.strategyType << " over " << table.size() << " candles, "
        << QString::fromUtf8(table.timeText(0)) << " .. " << QString::fromUtf8(table.timeText(table.size() - 1)) << "\n"
        << "Parameters: " << QJsonDocument(report.parameters).toJson(QJsonDocument::Compact) << "\n"
        << "Cash " << config.initialCash << " KRW, fee " << rate(config.feePct) << "%, sell tax "
        << rate(config.sellTaxPct) << "%, ";
    if ((*strategy)->exitRules()) {
        out << "exits of the strategy: stop-loss " << rate(exits.stopLossPct) << "%, take-profit "
            << rate(exits.takeProfitPct) << "%, max holding " << exits.maxHoldingMs / 1000 << " s\n";
    } else {
        out << "stop-loss " << (exits.stopLossPct > 0 ? rate(exits.stopLossPct) + u"%"_s : u"off"_s) << ", take-profit "
            << (exits.takeProfitPct > 0 ? rate(exits.takeProfitPct) + u"%"_s : u"off"_s) << "\n";
    }
    out << "\n";

    if (report.trades.isEmpty()) {
        out << "No trades.\n";
    } else {
        out << QStringLiteral("%1  %2 %3 %4  %5 %6  %7 %8 %9\n")
                   .arg(u"#"_s, 4)
                   .arg(u"entry time"_s, -25)
                   .arg(u"buy"_s, 10)
                   .arg(u"qty"_s, 9)
                   .arg(u"exit time"_s, -25)
                   .arg(u"sell"_s, 10)
                   .arg(u"exit reason"_s, -12)
                   .arg(u"profit KRW"_s, 12)
                   .arg(u"return %"_s, 9);
        for (qsizetype i = 0; i < report.trades.size(); ++i) {
            const Backtest::Trade &t = report.trades[i];
            out << QStringLiteral("%1  %2 %3 %4  %5 %6  %7 %8 %9\n")
                       .arg(i + 1, 4)
                       .arg(QString::fromUtf8(table.timeText(t.entryIndex)), -25)
                       .arg(t.entryPrice, 10)
                       .arg(t.quantity, 9)
                       .arg(QString::fromUtf8(table.timeText(t.exitIndex)), -25)
                       .arg(t.exitPrice, 10)
                       .arg(Backtest::exitReasonText(t.exitReason), -12)
                       .arg(t.profit, 12)
                       .arg(percent(t.returnPct), 9);
        }
    }
    out << "\nSummary\n"
        << "  trades          " << s.trades << " (" << s.wins << " won, " << s.losses << " lost, win rate "
        << percent(s.winRatePct) << "%)" << (s.closedAtEnd ? ", the last one closed at the final candle" : "") << "\n"
        << "  total return    " << percent(s.totalReturnPct) << "% (net profit " << s.netProfit << " KRW, final equity "
        << s.finalEquity << " KRW)\n"
        << "  max drawdown    " << percent(s.maxDrawdownPct) << "%\n"
        << "  fees paid       " << s.feesPaid << " KRW\n"
        << "  taxes paid      " << s.taxesPaid << " KRW\n"
        << "  buy and hold    " << percent(s.buyAndHoldReturnPct) << "% (first open to last close, before costs)\n"
        << "  signals         " << s.buySignals << " buy, " << s.sellSignals << " sell";
    if (s.unaffordableBuys > 0 || s.unfilledLimitBuys > 0) {
        out << "; " << s.unaffordableBuys << " buys unaffordable, " << s.unfilledLimitBuys
            << " target-price buys not filled";
    }
    out << "\n";
    out.flush();
    return 0;
}

} // namespace BacktestCli
