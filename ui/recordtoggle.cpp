// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordtoggle.h"

#include "coregateway.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

RecordToggle::RecordToggle(CoreGateway *gateway, QMainWindow *window, QMenu *menu, QToolBar *toolBar)
    : QObject(window), m_gateway(gateway), m_window(window)
{
    setObjectName(QStringLiteral("recordToggle"));
    m_action = new QAction(tr("&Record market data"), window);
    m_action->setObjectName(QStringLiteral("actionRecordMarketData"));
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    m_action->setStatusTip(tr("Record what the broker sends (realtime frames, quote and chart replies) into the "
                              "data folder's recordings, for replay in the simulator"));
    m_action->setToolTip(
        tr("Record market data (%1): on or off").arg(m_action->shortcut().toString(QKeySequence::NativeText)));
    m_action->setWhatsThis(m_action->statusTip());
    connect(m_action, &QAction::triggered, this, &RecordToggle::setEnabled);
    window->addAction(m_action); // the shortcut works wherever the focus is
    if (menu) {
        menu->addSeparator();
        menu->addAction(m_action);
    }
    if (toolBar) {
        toolBar->addSeparator();
        toolBar->addAction(m_action);
        if (QWidget *button = toolBar->widgetForAction(m_action)) {
            button->setObjectName(QStringLiteral("button_actionRecordMarketData"));
            button->setAccessibleName(tr("Record market data"));
            button->setAccessibleDescription(m_action->statusTip());
        }
    }
    if (m_gateway) {
        connect(m_gateway, &CoreGateway::changed, this, [this](const QStringList &topics) {
            if (topics.contains(QStringLiteral("recorder")) || topics.contains(QStringLiteral("settings")))
                refresh();
        });
        refresh();
    }
}

RecordToggle::~RecordToggle() = default;

void RecordToggle::refresh()
{
    if (!m_gateway)
        return;
    m_gateway->read(
        this, [](TradingCore &core) { return core.recorderStatus(); },
        [this](const QJsonObject &status) { apply(status); });
}

void RecordToggle::setEnabled(bool enabled)
{
    if (!m_gateway)
        return;
    m_gateway->read(
        this, [enabled](TradingCore &core) { return core.setRecordEnabled(enabled, CoreGateway::actor()); },
        [this, enabled](const Result<QJsonObject> &result) {
            if (!result) {
                m_window->statusBar()->showMessage(tr("Recording not switched: %1").arg(result.error().message), 10000);
                refresh();
                return;
            }
            apply(result.value());
            m_window->statusBar()->showMessage(enabled
                    ? tr("Recording market data into %1")
                          .arg(result.value().value(QStringLiteral("directory")).toString())
                    : tr("Market data recording stopped"),
                5000);
        });
}

void RecordToggle::apply(const QJsonObject &status)
{
    m_status = status;
    m_action->setChecked(status.value(QStringLiteral("enabled")).toBool());
    emit statusChanged(status);
}
