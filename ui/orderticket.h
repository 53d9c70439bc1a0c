// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/side.h"
#include "market/krx.h"
#include "trading/tradingtypes.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QSpinBox>

#include <functional>
#include <optional>

class CoreGateway;
class MainWindow;
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStringListModel;

// TickSpinBox: a limit-price field whose up/down steps walk the KRX tick ladder (Krx::addTicks, of
// the stock's kind: shares or ETF/ETN) across band edges, and never leave the day's limits
// (상한가/하한가) when they are known. A typed price off the ladder is moved to the nearest tick
// (inside the limits) when editing ends. Threading: GUI thread.
class TickSpinBox final : public QSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TickSpinBox)

public:
    explicit TickSpinBox(QWidget *parent = nullptr);
    ~TickSpinBox() override;

    void setKind(Krx::Instrument kind);
    Krx::Instrument kind() const { return m_kind; }
    // The day's limits (0, 0 = unknown: only the ladder applies).
    void setDayLimits(qint64 lower, qint64 upper);
    qint64 lowerLimit() const { return m_lower; }
    qint64 upperLimit() const { return m_upper; }
    // A price moved onto the ladder (nearest tick) and inside the known limits.
    qint64 normalized(qint64 price) const;

    void stepBy(int steps) override;

protected:
    StepEnabled stepEnabled() const override;

private:
    Krx::Instrument m_kind = Krx::Instrument::Stock;
    qint64 m_lower = 0;
    qint64 m_upper = 0;
};

// OrderTicket (F2): a manual buy or sell of any stock — by quantity or by amount (KRW), at a limit
// price on the KRX tick ladder or at market — for a trader who wants to act by hand next to the
// automated services.
//
// Guarantees:
// - It places nothing itself: the order goes through CoreGateway::command to TradingCommands::buy /
//   sell (actor "ui"), the same command layer, risk guard and audit row as the control API. A buy
//   becomes a manual buy signal that the buy executor turns into an order; the ticket follows that
//   signal and shows the order it became, or the reason it was refused.
// - Nothing is sent before a confirmation that states the order in words (confirmationText()).
// - Every refusal (the command layer's Error message, a risk refusal, the executor's reason) is shown
//   in the ticket in plain words, with "Nothing was placed" when that is so.
// - The stock's day (base price, upper and lower limit, last price, ladder kind) is read from the
//   engine's InstrumentCache through the gateway (ka10001 when not cached); the price field steps on
//   that stock's ladder and stays inside those limits.
// - Stock search: a completer over the code + name pairs the core knows (the watchlist, then the
//   broker's stock lists ka10099 for KOSPI, KOSDAQ and ETF — the simulator's universe in demo), by
//   code or any part of the Korean name.
// Keyboard: every field is reachable by Tab in reading order, Enter submits, Esc closes.
// Threading: GUI thread; every core access goes through the gateway.
class OrderTicket final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderTicket)

public:
    explicit OrderTicket(CoreGateway *gateway, QWidget *parent = nullptr);
    ~OrderTicket() override;

    // Creates the ticket for the main window and adds Trading > Order Ticket… (F2) and its toolbar
    // button.
    static OrderTicket *install(MainWindow *window);

    // What the fields say now.
    struct Order
    {
        Side side = Side::Buy;
        QString code;
        QString name;
        Trading::OrderType type = Trading::OrderType::Limit;
        qint64 price = 0; // limit price; for market orders the last price (estimate only)
        bool byAmount = false;
        qint64 quantity = 0; // shares (by amount: the estimate)
        qint64 amount = 0; // KRW asked (by amount) or quantity × price
    };
    Order order() const;

    // floor(amount / price); 0 when the price is unknown.
    static qint64 quantityForAmount(qint64 amount, qint64 price);
    // "Buy 10 shares of 005930 삼성전자 at 71,000 KRW limit — about 710,000 KRW plus fees?"
    static QString describe(const Order &order);
    static QString sharesText(qint64 quantity); // "1 share", "1,200 shares"
    QString confirmationText() const { return describe(order()); }

    // Fills the stock field and loads its day (limits, base price); the price starts at the last
    // price snapped to the ladder.
    void setStock(const QString &code);
    void setSide(Side side);
    void setOrderType(Trading::OrderType type);
    void setPrice(qint64 price);
    void setQuantity(qint64 quantity);
    void setAmount(qint64 amount);

    QString message() const;
    // The buy signal the last accepted buy became (0: none yet).
    qint64 lastSignalId() const { return m_lastSignal; }
    // The current stock's day as read ({"code","name","base_price","upper_limit","lower_limit",
    // "price","kind"}), empty while unknown.
    QJsonObject instrument() const { return m_instrument; }
    // Known code → name pairs (the completer's).
    const QHash<QString, QString> &knownStocks() const { return m_names; }

    // Tests answer the confirmation; the default asks with a message box.
    void setConfirmer(std::function<bool(const QString &text)> confirm) { m_confirm = std::move(confirm); }

public slots:
    // Opens (or raises) the ticket with the keyboard in the stock field.
    void showTicket();
    // Validates, asks for confirmation and sends the order.
    void submit();

signals:
    void instrumentLoaded(const QString &code, bool ok);
    void stocksLoaded(int count);
    // After the command layer answered (ok: the buy signal or sell order exists).
    void commandAnswered(bool ok, const QString &message);
    // The order a buy became (id), or the reason it was not placed.
    void buyResolved(bool placed, const QString &message);

private:
    void buildUi();
    void loadStocks();
    void addStocks(const QJsonArray &stocks);
    void onStockEdited();
    void loadInstrument(const QString &code);
    void showInstrument();
    void updateForm();
    void updateEstimate();
    void showMessage(const QString &text, bool error);
    void onCommandDone(const Order &sent, const QJsonObject &result);
    void followSignal();
    QString parseCode(const QString &text) const;

    CoreGateway *m_gateway = nullptr;
    std::function<bool(const QString &)> m_confirm;
    QHash<QString, QString> m_names;
    bool m_stocksRequested = false;
    QJsonObject m_instrument;
    QString m_loadingCode;
    QString m_failedCode; // the last stock whose day could not be read
    qint64 m_trackedSignal = 0;
    qint64 m_lastSignal = 0;
    QString m_trackedCode;
    bool m_sending = false;

    QLineEdit *m_stock = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_completions = nullptr;
    QLabel *m_stockName = nullptr;
    QLabel *m_dayInfo = nullptr;
    QRadioButton *m_buy = nullptr;
    QRadioButton *m_sell = nullptr;
    QComboBox *m_type = nullptr;
    TickSpinBox *m_price = nullptr;
    QComboBox *m_sizeMode = nullptr;
    QSpinBox *m_quantity = nullptr;
    QSpinBox *m_amount = nullptr;
    QLabel *m_estimate = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_close = nullptr;
};
