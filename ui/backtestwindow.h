// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backtest/types.h"
#include "common/result.h"
#include "market/candle.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QWidget>

#include <memory>
#include <optional>

class CoreGateway;
class JsonTableModel;
class MainWindow;
class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QThread;
class QTimer;

// BacktestWindow (Tools > Backtest…, Ctrl+B): runs one strategy over one stock's candles, the way
// vn.py's CTA backtester does, with the very engine of `kiwoom-trader backtest`
// (Backtest::Backtester over a Strategies::StrategyRegistry strategy), so a result here is the
// command line's result for the same candles.
//
// - Input: a stock, a candle interval and a date range; a strategy type and its parameters (one
//   field per ParamSpec, kept inside its range, and validated by StrategyRegistry::create — its
//   message is shown as it is); starting cash, fee, sell tax, stop-loss and take-profit (defaults:
//   the user's trading settings).
// - Candles are the engine's CandleCache's (stored in the candles table, missing bars fetched with
//   ka10081 daily / ka10080 minutes), read through the gateway on the core's thread, then the bars
//   of the date range are kept.
// - The run happens on a worker thread (Backtester is pure and reentrant) with a progress bar and a
//   Cancel button; cancelling stops the run at its next progress step and shows nothing of it.
// - Results: statistics (return, max drawdown, win rate, trades, fees and tax, ...), the equity
//   curve (QtCharts line), the candles with buy/sell markers, and the trades table, which exports to
//   CSV (TableExport, also from its context menu).
// Threading: GUI thread; the worker only runs Backtester::run on copies of the inputs.
class BacktestWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BacktestWindow)

public:
    explicit BacktestWindow(CoreGateway *gateway, QWidget *parent = nullptr);
    ~BacktestWindow() override;

    // Creates the window for the main window and adds Tools > Backtest… (Ctrl+B).
    static BacktestWindow *install(MainWindow *window);

    void setStock(const QString &code);
    QString stockCode() const;
    void setInterval(CandleInterval interval);
    CandleInterval interval() const;
    void setDateRange(const QDate &from, const QDate &to);
    // Selects a strategy type and shows its parameters at their defaults.
    bool setStrategy(const QString &type);
    QString strategyType() const;
    // Sets parameter fields (unknown keys are ignored).
    void setParameters(const QJsonObject &parameters);
    // The parameter fields as JSON (integers for integer parameters).
    QJsonObject parameters() const;
    // Cash, fees and exits as the fields say (not validated).
    Backtest::Config config() const;
    void setConfig(const Backtest::Config &config);

    bool isRunning() const;
    int progress() const;
    QString statusText() const;
    // The last finished run (nothing after a cancel or an error) and the candles it ran over.
    const std::optional<Backtest::Report> &report() const { return m_report; }
    const QList<Candle> &candles() const { return m_candles; }
    // Writes the trades table as CSV (TableExport); false when there is nothing or the file fails.
    bool exportTrades(const QString &path) const;

public slots:
    void showWindow();
    // Validates the inputs, reads the candles through the gateway and runs.
    void run();
    // Runs over these candles (the candles are the input as given; no date filter).
    void runOnCandles(const QList<Candle> &candles);
    void cancel();
    void exportTradesAs();

signals:
    // After a run ends: ok with the report shown, or the error / "cancelled" text.
    void finished(bool ok, const QString &message);

private:
    struct Job;

    void buildUi();
    void loadDefaults();
    void loadStocks();
    void rebuildParameterFields();
    void setBusy(bool busy, const QString &status);
    void pollProgress();
    void onWorkerDone();
    void showReport();
    void showStatistics();
    void showEquity();
    void showCandles();
    void fail(const QString &message);

    CoreGateway *m_gateway = nullptr;
    std::shared_ptr<Job> m_job;
    QThread *m_worker = nullptr;
    QTimer *m_progressTimer = nullptr;
    bool m_loading = false;
    quint64 m_loadId = 0;
    std::optional<Backtest::Report> m_report;
    QList<Candle> m_candles;

    QComboBox *m_stock = nullptr;
    QComboBox *m_interval = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_strategy = nullptr;
    QGroupBox *m_paramsBox = nullptr;
    QFormLayout *m_paramsForm = nullptr;
    QList<QWidget *> m_paramFields;
    QDoubleSpinBox *m_cash = nullptr;
    QDoubleSpinBox *m_fee = nullptr;
    QDoubleSpinBox *m_tax = nullptr;
    QDoubleSpinBox *m_stopLoss = nullptr;
    QDoubleSpinBox *m_takeProfit = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_statsPage = nullptr;
    QFormLayout *m_statsForm = nullptr;
    QChartView *m_equityView = nullptr;
    QChartView *m_candleView = nullptr;
    QTableView *m_tradesView = nullptr;
    JsonTableModel *m_trades = nullptr;
    QPushButton *m_export = nullptr;
};
