// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <memory>

class DockRefresh;
class CheckableTableModel;
class CoreGateway;
class JsonTableModel;
class QAbstractSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;

// StrategiesDock shows every strategy type of the registry (momentum, disparity, bollinger, rsi,
// chaikin, reference candle (기준봉), scalping) with its configured row: whether it is enabled (a
// checkbox → TradingCommands::setStrategyEnabled), today's signal count and the last signal time.
// For the selected type it shows a parameter editor built from the type's parameter specs (the
// GET /strategies "types" JSON): a spin box per parameter with its valid range, step and the
// description as a tool tip, and a message next to a field the core refuses. Apply sends the
// values through TradingCommands::configureStrategy (the one validation path): a refusal shows its
// message and changes nothing; "Defaults" fills in the registry's defaults (Apply still needed).
// Below, the type's last signals of today (strategy_signals).
// Reads go through the CoreGateway when "strategies" changes, and at most once a second while
// "signals" changes. Threading: GUI thread.
class StrategiesDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StrategiesDock)

public:
    explicit StrategiesDock(CoreGateway *gateway, QWidget *parent = nullptr);
    ~StrategiesDock() override;

    CheckableTableModel *model() const { return m_model; }
    JsonTableModel *signalsModel() const { return m_signalsModel; }
    QTableView *view() const { return m_view; }
    // The type whose parameters the editor shows ("" = none).
    QString currentType() const { return m_editorType; }
    // The editor's field for a parameter (a QSpinBox or QDoubleSpinBox), or null.
    QAbstractSpinBox *field(const QString &parameter) const { return m_fields.value(parameter); }
    // The message next to a parameter's field ("" = none).
    QString fieldMessage(const QString &parameter) const;
    QString statusText() const;

public slots:
    void refresh();
    // Shows the type's parameters in the editor (and selects its row).
    void selectType(const QString &type);
    // Sends the editor's values to the core (configureStrategy).
    void apply();
    // Fills the editor with the type's defaults (not applied).
    void fillDefaults();

signals:
    void refreshed();
    // After an Apply answered: ok, and the refusal's message.
    void applied(bool ok, const QString &message);

private:
    void onRead(const QJsonObject &answer);
    void buildEditor(const QJsonObject &row);
    void setEditorValues(const QJsonObject &values);
    QJsonObject editorValues() const;
    void clearMessages();
    void showRefusal(const QString &message);
    void setStrategyEnabled(const QString &type, bool enabled);
    void readSignals();

    CoreGateway *m_gateway;
    CheckableTableModel *m_model = nullptr;
    JsonTableModel *m_signalsModel = nullptr;
    QTableView *m_view = nullptr;
    QTableView *m_signalsView = nullptr;
    QGroupBox *m_editorBox = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_defaults = nullptr;
    QPushButton *m_revert = nullptr;
    QString m_editorType;
    QJsonObject m_editorStored; // the stored parameters the editor was filled from
    QHash<QString, QAbstractSpinBox *> m_fields;
    QHash<QString, QLabel *> m_messages;
    QHash<QString, QJsonObject> m_rows; // type → row (with "spec" and "parameters")
    QTimer m_signalsTimer;
    std::unique_ptr<DockRefresh> m_refresh; // one read at a time, one more after it
};
