// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timedservice.h"

#include "kiwoom/kiwoomerror.h"
#include "kiwoom/types.h"
#include "market/quote.h"
#include "storage/strategyrepository.h"
#include "storage/watchlistrepository.h"
#include "strategy/symbolrunner.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class ActivityLog;
class Database;
class IMarketApi;
class ISignalSink;

// ScalpingService (스캘핑, the seed's 30-second loop): one observation per run per stock into the
// enabled scalping strategies; their buy signals become strategy signals.
//
// Its stocks: the codes of the setting services/scalpingCodes when it is set, otherwise the active
// watchlist (the same list the strategy scanner and the realtime subscriptions follow, so in the
// common case every stock already has live 0B ticks). Decided so because a second hand-kept list
// is rarely wanted, while a short explicit list is how a trader narrows scalping to a few liquid
// names.
//
// A run: each stock's Quote from the injected latestQuote (the QuoteBook's newest 0B tick) when its
// trade time is within staleAfterMs() of the market clock; the others (no subscription, a frozen
// feed, an illiquid stock) are asked of IMarketApi::watchQuotes (ka10095, one call per 100 codes)
// that same run. Each quote goes to one SymbolRunner per (scalping strategy, stock), kept between
// runs and rebuilt when the strategy's parameters change. A buy becomes ISignalSink::submit({
// Strategy, source "scalping:<id>", strategyId, side Buy, signalType "BUY"}). Exits
// (take-profit, stop-loss, max holding) are not this class's: the StopLossManager applies
// ScalpingStrategy::exitRules() to the positions these signals open.
// Failures (the quote call, a submit) are logged and counted; the loop goes on.
// Threading: the core thread.
class ScalpingService final : public TimedService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScalpingService)

public:
    using QuoteSource = std::function<std::optional<Quote>(const QString &code)>;
    static inline const QString ACTOR = QStringLiteral("service.scalping");

    // latestQuote may be empty (every quote then comes from watchQuotes).
    ScalpingService(IMarketApi &market, Database &db, ISignalSink &sink, Settings &settings, const IClock &marketClock,
        QuoteSource latestQuote = {}, ActivityLog *activity = nullptr, QObject *parent = nullptr);
    ~ScalpingService() override;

    // The stocks the next run observes.
    Result<QStringList> activeCodes() const;
    // A book quote older than this (market time) is refreshed through watchQuotes: two periods, at
    // least a minute.
    qint64 staleAfterMs() const;
    int runnerCount() const { return int(m_runners.size()); }

signals:
    // One run: stocks observed, quotes taken from the book, quotes fetched, new signals, failed calls.
    void runFinished(int stocks, int bookQuotes, int fetchedQuotes, int signalsCreated, int failures);

private:
    struct Member
    {
        qint64 id = 0;
        QString name;
        std::shared_ptr<const Strategies::Strategy> strategy;
    };

    void run() override;
    bool loadStrategies(int &failures);
    void observe(quint64 token, const QStringList &codes, const QHash<QString, Quote> &quotes, int bookQuotes,
        int fetched, int failures);
    static Quote toQuote(const Kiwoom::WatchQuote &w, qint64 receivedMs);

    IMarketApi &m_market;
    StrategyRepository m_strategies;
    WatchlistRepository m_watchlist;
    ISignalSink &m_sink;
    QuoteSource m_latestQuote;
    ActivityLog *m_activity = nullptr;

    QString m_fingerprint;
    QList<Member> m_members;
    QHash<QString, QString> m_names; // code → name
    std::map<std::pair<qint64, QString>, Strategies::SymbolRunner> m_runners; // (strategy id, code)
};
