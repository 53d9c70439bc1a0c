// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingtypes.h"

#include "common/markettimer.h"
#include "common/result.h"
#include "services/service.h"
#include "market/quote.h"
#include "storage/records.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class Database;
class IClock;
class IMarketApi;
class IOrderSubmitter;
class PositionKeeper;

// StopLossManager guards every live position with its stop-loss (손절), take-profit (익절),
// trailing stop (추적 손절) and, for scalping, its maximum holding time — and is the one exit path:
// strategy sell signals, manual sells and the kill switch's flatten sell through exit() too.
//
// Event-driven: onTick() checks a held stock's rules on every 0B tick at once (a hash lookup; no
// I/O unless an exit fires). The seed's 30-second sweep (runOnce, the "stoploss" service) stays as
// the safety net: it prices positions without a recent tick by REST (ka10095), persists the marks
// (current price, P&L, highest price) and settles exits a crash left half done.
//
// An exit writes sell_orders (reason + detail) and moves the position to SELLING in one step
// (PositionRepository::beginSell: at most one sell in flight per position, enforced by the
// database), then hands a market sell of the whole held quantity to the order manager. While a sell
// works, the position is not checked again, so an exit can never fire twice; if the sell is refused
// or ends unfilled, the position is OPEN again and re-armed after a cool-down.
// load() arms every live position from the database; the engine calls it before any entry is
// allowed (start-up), and after every reconciliation.
// Threading: the core's thread.
class StopLossManager final : public QObject, public IService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StopLossManager)

public:
    struct Config
    {
        int sweepIntervalMs = 30000;
        // A position whose last tick is older than this is priced by REST in the sweep.
        int staleTickMs = 45000;
        // After a refused or unfilled exit, the position is not tried again for this long.
        int exitCooldownMs = 30000;
        // Marks (current price, P&L, highest) are written at most this often per position.
        int markWriteMs = 30000;
    };

    struct Armed
    {
        qint64 positionId = 0;
        QString code;
        QString name;
        qint64 quantity = 0;
        qint64 buyPrice = 0;
        std::optional<qint64> stopPrice;
        std::optional<qint64> takePrice;
        std::optional<double> trailingRate;
        std::optional<qint64> deadlineMs;
        qint64 highest = 0;
        qint64 lastPrice = 0;
        qint64 lastTickMs = 0; // market clock of the last price
        qint64 lastMarkWriteMs = 0; // real time
        qint64 cooldownUntilMs = 0; // real time
        bool selling = false;
        Storage::Origin origin = Storage::Origin::Manual;
    };

    // Whether exits may be sent now (reconciled, inside the session); checked before each exit so
    // that a closed market does not produce a stream of refused sells.
    using TradingGate = std::function<bool()>;

    StopLossManager(Database &db, IOrderSubmitter &orders, PositionKeeper &keeper, IMarketApi &market,
        const IClock &marketClock, QObject *parent = nullptr);
    ~StopLossManager() override;

    void setConfig(const Config &config);
    // Lockstep runs: the sweep follows the pulse's market time (MarketTimer).
    void setPulse(MarketPulse *pulse) { m_sweep.setPulse(pulse); }
    void setTradingGate(TradingGate gate) { m_gate = std::move(gate); }

    // Arms every live position from the database (and settles half-done exits). Returns how many.
    Result<int> load();

    // IService "stoploss": the 30-second sweep (services/stopLossIntervalSec).
    QString name() const override { return QStringLiteral("stoploss"); }
    void start() override;
    void stop() override;
    bool isRunning() const override { return m_sweep.isActive(); }
    void runOnce() override;
    std::chrono::milliseconds period() const override { return std::chrono::milliseconds(m_sweep.interval()); }
    bool isBusy() const override { return m_sweepContext != nullptr; }
    std::optional<ServiceRun> lastRun() const override { return m_lastRun; }
    qint64 nextRunInMs() const override { return m_sweep.isActive() ? m_sweep.remainingTime() : -1; }
    int skippedRuns() const override { return m_skipped; }

    // Every trade tick (QuoteBook::tickReceived). The hot path.
    void onTick(const Quote &quote);

    // Sells a position (whole held quantity unless quantity > 0; market unless limitPrice).
    // signalId: the strategy_signals row a strategy's sell fulfils (its order carries it, and the
    // signal follows the sell: ORDERED, then COMPLETED / FAILED / CANCELLED).
    Result<Storage::SellOrderRecord> exitPosition(qint64 positionId, Storage::SellReason reason, const QString &detail,
        const QString &actor, qint64 quantity = 0, std::optional<qint64> limitPrice = std::nullopt,
        std::optional<qint64> signalId = std::nullopt);
    // A strategy's sell signal or a user's sell, by stock.
    void onExitRequested(const Trading::ExitRequest &request);
    // Kill switch: sells every live position at market. Returns how many exits were sent.
    int flattenAll(const QString &actor);

    int armedCount() const { return int(m_armed.size()); }
    std::optional<Armed> armed(const QString &code) const;
    QStringList armedCodes() const { return m_armed.keys(); }
    static QString actor() { return QStringLiteral("service.stop_loss"); }

    // The price `ratePercent` % below / above `price`, to the won (rounded down / up), computed in
    // integers (the rate to 1e-6 %) so that e.g. 7 % below 70,000 is 65,100 and 10 % above 100,000
    // is 110,000 — a double product lands a won off for such rates. The stop-loss / trailing stop
    // (below) and take-profit (above) thresholds of every position.
    static qint64 priceBelow(qint64 price, double ratePercent);
    static qint64 priceAbove(qint64 price, double ratePercent);

signals:
    void exitSent(const Storage::PositionRecord &position, Storage::SellReason reason, qint64 price,
        const QString &detail, qint64 orderId);
    void exitRefused(const Storage::PositionRecord &position, Storage::SellReason reason, const QString &message);
    void sweepFinished(int checked, int triggered);
    // The armed set changed (a position armed or disarmed): the quote book follows it.
    void armedCodesChanged(const QStringList &codes);

private:
    void arm(const Storage::PositionRecord &position);
    void disarm(const QString &code);
    void onPositionChanged(const Storage::PositionRecord &position);
    void onSellSettled(const Storage::SellOrderRecord &sell, const Storage::PositionRecord &position);
    void settleSignal(qint64 signalId, Storage::SignalStatus next, const QString &reason);
    // Checks one armed position at `price`; returns true when an exit was sent.
    bool check(Armed &a, qint64 price, qint64 nowMs);
    bool trigger(Armed &a, Storage::SellReason reason, qint64 price, const QString &detail);
    void writeMarks(bool force);
    void settleHalfDoneExits();
    static Storage::Origin originFor(Storage::SellReason reason);

    Database &m_db;
    IOrderSubmitter &m_orders;
    PositionKeeper &m_keeper;
    IMarketApi &m_market;
    const IClock &m_clock;
    Config m_config;
    TradingGate m_gate;
    QHash<QString, Armed> m_armed; // by stock code (one live position per stock)
    MarketTimer m_sweep;
    QObject *m_sweepContext = nullptr; // non-null while a sweep's price request is in flight
    std::optional<ServiceRun> m_lastRun;
    qint64 m_runStartedMs = 0;
    int m_skipped = 0;
};
