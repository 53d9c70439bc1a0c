// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timedservice.h"

#include "common/result.h"
#include "market/candle.h"
#include "storage/strategyrepository.h"
#include "storage/watchlistrepository.h"
#include "indicators/types.h"
#include "strategy/symbolrunner.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

class ActivityLog;
class CandleCache;
class Database;
class ISignalSink;

// StrategyScanner (전략 매매, the seed's 1-minute loop): every active watchlist stock × every enabled
// indicator strategy of trading_strategies, on 5-minute candles, into strategy signals.
//
// A run: WatchlistRepository::listActive → per stock the newest `window` 5-minute bars through the
// CandleCache (only the forming bar and what follows it are fetched) → one SymbolRunner per stock
// holding every enabled strategy (StrategyRegistry::create(type, parameters)), EmitPolicy::OnClose
// → each emitted signal to ISignalSink::submit({Strategy, source "strategy:<id>", strategyId, side,
// signalType "BUY"/"SELL"}). The signal manager routes sells to the exit path.
//
// Guarantees:
// - One decision per (strategy, closed candle): runners are kept between runs and only bars from
//   the runner's newest on are fed (the forming bar as Forming until its close time has passed), so
//   re-fetching a bar never emits it twice. A runner starts (or restarts after a gap longer than the
//   window) by warming up on the stored history; the bar that closed within the last interval is
//   still decided, older ones are history.
// - Runners are rebuilt when the set of enabled strategies or any of their parameters change, and
//   dropped for stocks that left the watchlist.
// - Types with a loop of their own are not scanned: "scalping" (ScalpingService) and
//   "reference_candle" (ConditionMonitor, on daily candles). Two strategies of one type run in
//   separate runners, so each signal is attributed to its strategy id.
// - Failures (a stock's candles, a strategy that cannot be created, a submit) are logged and
//   counted; the run goes on with the next stock. At most MAX_CONCURRENT candle requests at once.
// Threading: the core thread.
class StrategyScanner final : public TimedService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StrategyScanner)

public:
    static constexpr int CANDLE_MINUTES = 5;
    static constexpr int MIN_WINDOW = 120; // bars read per stock (more if a strategy needs it)
    static constexpr int MAX_CONCURRENT = 3;
    static inline const QString ACTOR = QStringLiteral("service.strategy_scanner");

    StrategyScanner(CandleCache &candles, Database &db, ISignalSink &sink, Settings &settings,
        const IClock &marketClock, ActivityLog *activity = nullptr, QObject *parent = nullptr);
    ~StrategyScanner() override;

    // Stocks with live runners, and the strategies scanned (ids).
    int runnerCount() const { return int(m_runners.size()); }
    QList<qint64> strategyIds() const;
    int window() const { return m_window; }

signals:
    // One run: stocks scanned, signals the strategies emitted, new signals recorded, failed calls.
    void runFinished(int stocks, int signalsEmitted, int signalsCreated, int failures);

private:
    // Strategies that can share one SymbolRunner: at most one of each type, so a signal's
    // strategyType names its strategy.
    struct Member
    {
        qint64 id = 0;
        QString name;
    };
    struct Group
    {
        QList<std::shared_ptr<const Strategies::Strategy>> strategies;
        QHash<QString, Member> byType;
    };
    struct StockRunners
    {
        std::vector<Strategies::SymbolRunner> runners; // one per group
    };
    struct RunState
    {
        quint64 token = 0;
        std::deque<Storage::WatchlistStockRecord> stocks;
        int inFlight = 0;
        int scanned = 0;
        int emitted = 0;
        int created = 0;
        int failures = 0;
        bool finished = false;
    };

    void run() override;
    bool loadStrategies(RunState &state);
    void pump(const std::shared_ptr<RunState> &state);
    void onCandles(const std::shared_ptr<RunState> &state, const Storage::WatchlistStockRecord &stock,
        const Result<QList<Candle>> &candles);
    QList<Strategies::Signal> feed(
        const QString &code, Strategies::SymbolRunner &runner, const QList<Candle> &candles, bool &failed);
    void maybeFinish(const std::shared_ptr<RunState> &state);

    CandleCache &m_candles;
    StrategyRepository m_strategies;
    WatchlistRepository m_watchlist;
    ISignalSink &m_sink;
    ActivityLog *m_activity = nullptr;

    QString m_fingerprint; // enabled strategies (id, type, parameters) the runners were built for
    QList<Group> m_groups;
    int m_window = MIN_WINDOW;
    std::unordered_map<QString, StockRunners> m_runners;
};
