// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"

#include <QDockWidget>
#include <QTimer>

class ChartView;
class CoreGateway;
class QComboBox;
class QToolButton;

// The Chart dock (objectName "chartDock"): a stock code field, the interval (1/5/15/60-minute,
// daily), the indicator pane (RSI, MACD, Chaikin, momentum, disparity or none) and the overlays
// (SMA, EMA, Bollinger) over a ChartView. MainWindow::openStock() (a double-click on a stock
// anywhere) shows a stock here.
// History loads through ChartDataLoader on the core thread while the view shows a busy indicator;
// a newer request supersedes an older one (its answer is dropped). The dock subscribes the shown
// stock's realtime trades (QuoteBook owner "ui.chart"), revises the newest candle on every
// "quotes" change, and re-reads the markers when orders, signals or conditions change. Until the
// engine is ready it retries once a second. Threading: the GUI thread.
class ChartDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartDock)

public:
    explicit ChartDock(CoreGateway *gateway, QWidget *parent = nullptr);
    ~ChartDock() override;

    // Shows `code` (six characters; anything else shows an error and changes nothing).
    void showStock(const QString &code);
    QString code() const { return m_code; }
    void setInterval(CandleInterval interval);
    CandleInterval interval() const { return m_interval; }
    void setIndicator(ChartIndicator indicator);
    ChartView *view() const { return m_view; }
    // Loads (again) what the dock shows.
    void reload();

signals:
    // After a load finished (ok or not).
    void loaded(bool ok);

private:
    void onChanged(const QStringList &topics);
    void applyOverlays();
    void refreshQuote();
    void refreshMarkers();

    CoreGateway *m_gateway;
    ChartDataLoader *m_loader;
    ChartView *m_view = nullptr;
    QComboBox *m_codeCombo = nullptr;
    QComboBox *m_intervalCombo = nullptr;
    QComboBox *m_indicatorCombo = nullptr;
    QToolButton *m_smaButton = nullptr;
    QToolButton *m_emaButton = nullptr;
    QToolButton *m_bollingerButton = nullptr;
    QString m_code;
    CandleInterval m_interval = CandleInterval::Day;
    quint64 m_request = 0;
    bool m_loaded = false;
    bool m_quoteInFlight = false;
    bool m_markersInFlight = false;
    bool m_quitting = false;
    QTimer m_retry;
};
