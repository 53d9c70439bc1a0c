// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "autostartentry.h"
#include "coregateway.h"
#include "common/filesecretstore.h"
#include "keychainsecretstore.h"
#include "mainwindow.h"

#include "common/activitylog.h"
#include "common/logging.h"
#include "common/settings.h"
#include "control/apikeys.h"
#include "control/controlserver.h"
#include "news/newsconfig.h"
#include "trading/eventfeed.h"
#include "trading/tradingcommands.h"
#include "trading/tradingengine.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

namespace {

const QString MODE_KEY = QStringLiteral("broker/mode");
const QString ACCOUNT_KEY = QStringLiteral("broker/accountNo");
const QString PORT_KEY = QStringLiteral("control/port");

QString number(double v)
{
    return QLocale().toString(v, 'f', std::floor(v) == v ? 0 : 2);
}

QString keyState(const QString &value)
{
    return SettingsDialog::tr("Stored (fingerprint %1)").arg(Redaction::fingerprint(value));
}

// Reads the control API key file (written by ApiKeys, owner-only); empty values when there is none.
QJsonObject readKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

SettingsDialog::SettingsDialog(CoreGateway *gateway, KeychainSecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_gateway(gateway), m_secrets(secrets)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));
    setAccessibleDescription(tr("Broker, trading, control API, news and appearance settings"));
    resize(720, 640);

    auto *layout = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("settingsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    m_banner->hide();
    layout->addWidget(m_banner);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->setAccessibleName(tr("Settings pages"));
    layout->addWidget(m_tabs, 1);
    buildBrokerPage();
    buildTradingPage();
    buildControlPage();
    buildNewsPage();
    buildAppearancePage();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, Qt::Horizontal, this);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("settingsOk"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("settingsCancel"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("settingsApply"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    layout->addWidget(m_buttons);

    if (m_secrets) {
        connect(m_secrets, &KeychainSecretStore::fallbackActivated, this, &SettingsDialog::showKeychainFallback);
        if (m_secrets->usingFallback())
            showKeychainFallback();
    }
    reload();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addMenuEntry(MainWindow *window)
{
    QAction *action = window->toolsMenu()->addAction(tr("&Settings…"));
    action->setObjectName(QStringLiteral("actionSettings"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    action->setMenuRole(QAction::PreferencesRole);
    action->setToolTip(tr("Broker, trading, control API, news and appearance settings"));
    auto dialog = std::make_shared<QPointer<SettingsDialog>>();
    auto store = std::make_shared<QPointer<KeychainSecretStore>>();
    QObject::connect(action, &QAction::triggered, window, [window, dialog, store] {
        if (*dialog) {
            (*dialog)->raise();
            (*dialog)->activateWindow();
            return;
        }
        CoreGateway *gateway = window->gateway();
        if (!gateway)
            return;
        // The keychain store's fallback file sits beside the settings file, where the core's own
        // store and `kiwoom-trader credentials` look too (FileSecretStore::pathIn).
        gateway->read(
            window, [](TradingCore &core) { return QFileInfo(core.settings().fileName()).absolutePath(); },
            [window, dialog, store, gateway](const QString &dataDir) {
                if (*dialog)
                    return;
                if (!*store) {
                    *store = new KeychainSecretStore(
                        FileSecretStore::pathIn(dataDir), KeychainSecretStore::defaultBackend(), window);
                }
                auto *d = new SettingsDialog(gateway, store->data(), window);
                d->setAttribute(Qt::WA_DeleteOnClose);
                *dialog = d;
                d->open();
            });
    });
}

// ---- pages ---------------------------------------------------------------------------------------

QWidget *SettingsDialog::addPage(
    const QString &objectName, const QString &title, const QString &note, QFormLayout **form)
{
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setObjectName(objectName);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *page = new QWidget(scroll);
    auto *v = new QVBoxLayout(page);
    if (!note.isEmpty()) {
        auto *label = new QLabel(note, page);
        label->setObjectName(objectName + QStringLiteral("Note"));
        label->setWordWrap(true);
        label->setStyleSheet(QStringLiteral("font-style: italic;"));
        v->addWidget(label);
    }
    *form = new QFormLayout;
    (*form)->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    v->addLayout(*form);
    v->addStretch(1);
    scroll->setWidget(page);
    scroll->setAccessibleName(title);
    m_tabs->addTab(scroll, title);
    return page;
}

QLabel *SettingsDialog::makeErrorLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

SettingsDialog::Field &SettingsDialog::addField(QFormLayout *form, const QString &name, Target target,
    const QString &specKey, const QString &label, const QString &objectName, bool restart, const QString &suffix)
{
    const Settings::Spec *spec = Settings::spec(specKey);
    Q_ASSERT(spec);
    Field f;
    f.name = name;
    f.target = target;
    f.specKey = specKey;
    f.label = label;
    f.restart = restart;
    QWidget *editor = nullptr;
    switch (spec->type) {
    case Settings::Type::Bool: {
        auto *box = new QCheckBox(label, this);
        connect(box, &QCheckBox::toggled, this, &SettingsDialog::validateAll);
        editor = box;
        break;
    }
    case Settings::Type::Choice: {
        auto *combo = new QComboBox(this);
        for (const QString &choice : spec->choices)
            combo->addItem(choice, choice);
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsDialog::validateAll);
        editor = combo;
        break;
    }
    case Settings::Type::Int:
    case Settings::Type::Double:
    case Settings::Type::String: {
        auto *edit = new QLineEdit(this);
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validateAll);
        if (spec->type != Settings::Type::String)
            edit->setPlaceholderText(tr("%1 – %2").arg(number(spec->min), number(spec->max)));
        editor = edit;
        break;
    }
    }
    editor->setObjectName(objectName);
    editor->setAccessibleName(label);
    editor->setAccessibleDescription(spec->description);
    editor->setToolTip(restart ? tr("%1 (takes effect on restart)").arg(spec->description) : spec->description);
    f.editor = editor;
    f.error = makeErrorLabel(objectName + QStringLiteral("Error"));

    auto *cell = new QWidget(this);
    auto *v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    auto *h = new QHBoxLayout;
    h->addWidget(editor, 1);
    if (!suffix.isEmpty())
        h->addWidget(new QLabel(suffix, cell));
    v->addLayout(h);
    v->addWidget(f.error);
    if (spec->type == Settings::Type::Bool) {
        form->addRow(cell);
    } else {
        auto *l = new QLabel(restart ? tr("%1 (on restart):").arg(label) : label + u':', this);
        l->setBuddy(editor);
        form->addRow(l, cell);
    }
    m_fields.append(f);
    return m_fields.last();
}

void SettingsDialog::addSecretField(
    QFormLayout *form, const QString &key, const QString &label, const QString &objectName)
{
    SecretField s;
    s.key = key;
    s.label = label;
    s.edit = new QLineEdit(this);
    s.edit->setObjectName(objectName);
    s.edit->setEchoMode(QLineEdit::Password);
    s.edit->setPlaceholderText(tr("Type a new value to store it"));
    s.edit->setAccessibleName(label);
    s.edit->setAccessibleDescription(tr("Stored in the system keychain; never shown"));
    connect(s.edit, &QLineEdit::textChanged, this, &SettingsDialog::validateAll);
    s.status = new QLabel(tr("Reading…"), this);
    s.status->setObjectName(objectName + QStringLiteral("State"));
    s.remove = new QPushButton(tr("Remove"), this);
    s.remove->setObjectName(objectName + QStringLiteral("Remove"));
    s.remove->setAccessibleName(tr("Remove %1").arg(label));
    s.remove->setCheckable(true);
    s.remove->setEnabled(false);
    s.error = makeErrorLabel(objectName + QStringLiteral("Error"));
    const int index = m_secretFields.size();
    connect(s.remove, &QPushButton::toggled, this, [this, index](bool on) {
        m_secretFields[index].removeRequested = on;
        m_secretFields[index].edit->setEnabled(!on);
        validateAll();
    });

    auto *cell = new QWidget(this);
    auto *v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    auto *h = new QHBoxLayout;
    h->addWidget(s.edit, 1);
    h->addWidget(s.remove);
    v->addLayout(h);
    v->addWidget(s.status);
    v->addWidget(s.error);
    auto *l = new QLabel(label + u':', this);
    l->setBuddy(s.edit);
    form->addRow(l, cell);
    m_secretFields.append(s);
}

void SettingsDialog::buildBrokerPage()
{
    QFormLayout *form = nullptr;
    QWidget *page = addPage(QStringLiteral("brokerPage"), tr("&Broker"),
        tr("Changes on this page take effect when Kiwoom Trader restarts."), &form);
    Field &mode = addField(form, MODE_KEY, Target::Setting, MODE_KEY, tr("Mode"), QStringLiteral("modeCombo"), true);
    auto *combo = static_cast<QComboBox *>(mode.editor);
    combo->setItemText(0, tr("Demo (built-in simulator)"));
    combo->setItemText(1, tr("Kiwoom mock trading (모의투자)"));
    combo->setItemText(2, tr("Kiwoom LIVE trading (real money)"));
    combo->setItemText(3, tr("Paper trading (Kiwoom quotes, simulated orders)"));
    connect(combo, &QComboBox::currentIndexChanged, this, &SettingsDialog::onModeChanged);

    const QString paperFeedKey = QStringLiteral("paper/feed");
    Field &feed = addField(form, paperFeedKey, Target::Setting, paperFeedKey, tr("Paper quotes from"),
        QStringLiteral("paperFeedCombo"), true);
    auto *feedCombo = static_cast<QComboBox *>(feed.editor);
    feedCombo->setItemText(0, tr("Kiwoom mock host (mock keys)"));
    feedCombo->setItemText(1, tr("Kiwoom live host (live keys; orders stay local)"));
    const QString paperCashKey = QStringLiteral("paper/initialCash");
    addField(form, paperCashKey, Target::Setting, paperCashKey, tr("Paper starting cash"),
        QStringLiteral("paperCashEdit"), true, tr("KRW"));

    Field &account = addField(
        form, ACCOUNT_KEY, Target::Setting, ACCOUNT_KEY, tr("Account number"), QStringLiteral("accountEdit"), true);
    static_cast<QLineEdit *>(account.editor)->setPlaceholderText(tr("10 digits, e.g. 5012345611"));
    account.extraCheck = [](const QVariant &v) -> QString {
        QString digits = v.toString();
        digits.remove(u'-');
        if (digits.isEmpty())
            return {};
        if (digits.size() != 10 || !std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); }))
            return tr("An account number has 10 digits (e.g. 5012345611 or 5012-3456-11).");
        return {};
    };

    auto *keys = new QLabel(tr("<b>Kiwoom keys</b> (issued per account on the Kiwoom portal; mock and live keys "
                               "differ)"),
        page);
    keys->setWordWrap(true);
    form->addRow(keys);
    addSecretField(
        form, SecretStore::appKeyName(QStringLiteral("mock")), tr("Mock app key"), QStringLiteral("mockAppKeyEdit"));
    addSecretField(form, SecretStore::secretKeyName(QStringLiteral("mock")), tr("Mock secret key"),
        QStringLiteral("mockSecretKeyEdit"));
    addSecretField(
        form, SecretStore::appKeyName(QStringLiteral("live")), tr("Live app key"), QStringLiteral("liveAppKeyEdit"));
    addSecretField(form, SecretStore::secretKeyName(QStringLiteral("live")), tr("Live secret key"),
        QStringLiteral("liveSecretKeyEdit"));
    auto *note = new QLabel(this);
    note->setObjectName(QStringLiteral("brokerKeychainNote"));
    note->setWordWrap(true);
    note->hide();
    form->addRow(note);
    m_keychainNotes << note;
}

void SettingsDialog::buildTradingPage()
{
    QFormLayout *form = nullptr;
    QWidget *page = addPage(QStringLiteral("tradingPage"), tr("&Trading"),
        tr("Changes on this page take effect at once, for the running services and new positions."), &form);
    m_tradingNote = new QLabel(page);
    m_tradingNote->setObjectName(QStringLiteral("tradingEngineNote"));
    m_tradingNote->setWordWrap(true);
    m_tradingNote->hide();
    form->addRow(m_tradingNote);

    auto *periods = new QLabel(tr("<b>Service periods</b>"), page);
    form->addRow(periods);
    const QString sec = tr("s");
    addField(form, QStringLiteral("services/conditionMonitorIntervalSec"), Target::Setting,
        QStringLiteral("services/conditionMonitorIntervalSec"), tr("Condition monitor (조건식)"),
        QStringLiteral("conditionMonitorPeriodEdit"), false, sec);
    addField(form, QStringLiteral("services/strategyScanIntervalSec"), Target::Setting,
        QStringLiteral("services/strategyScanIntervalSec"), tr("Strategy scan"), QStringLiteral("strategyPeriodEdit"),
        false, sec);
    addField(form, QStringLiteral("services/scalpingIntervalSec"), Target::Setting,
        QStringLiteral("services/scalpingIntervalSec"), tr("Scalping"), QStringLiteral("scalpingPeriodEdit"), false,
        sec);
    addField(form, QStringLiteral("services/stopLossIntervalSec"), Target::Setting,
        QStringLiteral("services/stopLossIntervalSec"), tr("Stop-loss sweep (손절)"),
        QStringLiteral("stopLossPeriodEdit"), false, sec);
    addField(form, QStringLiteral("services/watchlistSyncIntervalSec"), Target::Setting,
        QStringLiteral("services/watchlistSyncIntervalSec"), tr("Watchlist sync"),
        QStringLiteral("watchlistPeriodEdit"), false, sec);

    form->addRow(new QLabel(tr("<b>Automated trading</b>"), page));
    addField(form, QStringLiteral("auto_trade_enabled"), Target::Trading, QStringLiteral("trading/autoTradeEnabled"),
        tr("Buy signals automatically"), QStringLiteral("autoTradeCheck"), false);
    Field &invest = addField(form, QStringLiteral("max_invest_amount"), Target::Trading,
        QStringLiteral("trading/maxInvestAmount"), tr("Amount per buy"), QStringLiteral("maxInvestEdit"), false,
        tr("KRW"));
    invest.extraCheck = [this](const QVariant &v) -> QString {
        const Field *maxOrder = field(QStringLiteral("risk/maxOrderAmount"));
        QString problem;
        const QVariant limit = maxOrder ? editorValue(*maxOrder, &problem) : QVariant();
        if (problem.isEmpty() && limit.isValid() && v.toLongLong() > limit.toLongLong())
            return tr("More than the largest single order (risk limit, %1 KRW): every automatic buy would be "
                      "refused.")
                .arg(number(limit.toDouble()));
        return {};
    };
    Field &orderType = addField(form, QStringLiteral("buy_order_type"), Target::Trading,
        QStringLiteral("trading/buyOrderType"), tr("Buy order type"), QStringLiteral("buyOrderTypeCombo"), false);
    auto *orderCombo = static_cast<QComboBox *>(orderType.editor);
    orderCombo->setItemText(orderCombo->findData(QStringLiteral("limit")), tr("Limit at the best ask (on the tick)"));
    orderCombo->setItemText(orderCombo->findData(QStringLiteral("market")), tr("Market"));
    addField(form, QStringLiteral("stop_loss_rate"), Target::Trading, QStringLiteral("trading/stopLossRate"),
        tr("Stop-loss (손절)"), QStringLiteral("stopLossRateEdit"), false, tr("% below the buy price"));
    addField(form, QStringLiteral("take_profit_rate"), Target::Trading, QStringLiteral("trading/takeProfitRate"),
        tr("Take-profit (익절)"), QStringLiteral("takeProfitRateEdit"), false, tr("% above the buy price"));
    addField(form, QStringLiteral("trailing_stop_rate"), Target::Trading, QStringLiteral("trading/trailingStopRate"),
        tr("Trailing stop"), QStringLiteral("trailingStopRateEdit"), false, tr("% below the high (0 = off)"));
    addField(form, QStringLiteral("cancel_unfilled_buy_after_sec"), Target::Trading,
        QStringLiteral("trading/cancelUnfilledBuyAfterSec"), tr("Cancel unfilled buys after"),
        QStringLiteral("cancelUnfilledEdit"), false, tr("s (0 = never)"));

    form->addRow(new QLabel(tr("<b>Risk limits</b>"), page));
    Field &maxOrder
        = addField(form, QStringLiteral("risk/maxOrderAmount"), Target::Setting, QStringLiteral("risk/maxOrderAmount"),
            tr("Largest single order"), QStringLiteral("maxOrderAmountEdit"), false, tr("KRW"));
    maxOrder.extraCheck = [this](const QVariant &v) -> QString {
        const Field *daily = field(QStringLiteral("risk/maxDailyBuyAmount"));
        QString problem;
        const QVariant limit = daily ? editorValue(*daily, &problem) : QVariant();
        if (problem.isEmpty() && limit.isValid() && v.toLongLong() > limit.toLongLong())
            return tr("Cannot exceed the daily buy total (%1 KRW).").arg(number(limit.toDouble()));
        return {};
    };
    addField(form, QStringLiteral("risk/maxDailyBuyAmount"), Target::Setting, QStringLiteral("risk/maxDailyBuyAmount"),
        tr("Buys per day"), QStringLiteral("maxDailyBuyEdit"), false, tr("KRW"));
    addField(form, QStringLiteral("risk/maxOpenPositions"), Target::Setting, QStringLiteral("risk/maxOpenPositions"),
        tr("Open positions at once"), QStringLiteral("maxOpenPositionsEdit"), false);
    addField(form, QStringLiteral("risk/dailyLossLimit"), Target::Setting, QStringLiteral("risk/dailyLossLimit"),
        tr("Daily loss limit"), QStringLiteral("dailyLossLimitEdit"), false, tr("KRW (0 = off)"));
    addField(form, QStringLiteral("risk/entryCutoffMinutes"), Target::Setting,
        QStringLiteral("risk/entryCutoffMinutes"), tr("No new buys in the last"), QStringLiteral("entryCutoffEdit"),
        false, tr("min of the session (0 = off)"));
    addField(form, QStringLiteral("risk/continuousOnly"), Target::Setting, QStringLiteral("risk/continuousOnly"),
        tr("Buy only in the continuous session (09:00–15:20)"), QStringLiteral("continuousOnlyCheck"), false);
}

void SettingsDialog::buildControlPage()
{
    QFormLayout *form = nullptr;
    QWidget *page = addPage(QStringLiteral("controlPage"), tr("&Control API"),
        tr("The local HTTP API for scripts (127.0.0.1). The port and on/off take effect when Kiwoom Trader "
           "restarts; rotated keys at once."),
        &form);
    addField(form, QStringLiteral("control/enabled"), Target::Setting, QStringLiteral("control/enabled"),
        tr("Enable the control API (on restart)"), QStringLiteral("controlEnabledCheck"), true);
    Field &port
        = addField(form, PORT_KEY, Target::Setting, PORT_KEY, tr("Port"), QStringLiteral("controlPortEdit"), true);
    port.extraCheck = [](const QVariant &v) -> QString {
        const int p = v.toInt();
        if (p > 0 && p < 1024)
            return tr("Ports below 1024 need administrator rights; use 1024–65535 (or 0 for any free port).");
        return {};
    };

    auto keyRow = [&](const QString &label, const QString &objectName, QLineEdit **edit) {
        *edit = new QLineEdit(page);
        (*edit)->setObjectName(objectName);
        (*edit)->setReadOnly(true);
        (*edit)->setEchoMode(QLineEdit::Password);
        (*edit)->setAccessibleName(label);
        auto *copy = new QPushButton(tr("Copy"), page);
        copy->setObjectName(objectName + QStringLiteral("Copy"));
        copy->setAccessibleName(tr("Copy %1").arg(label));
        QLineEdit *target = *edit;
        connect(copy, &QPushButton::clicked, this, [this, target, label] {
            if (target->text().isEmpty())
                return;
            QGuiApplication::clipboard()->setText(target->text());
            setStatus(tr("%1 copied to the clipboard.").arg(label), false);
        });
        auto *cell = new QWidget(page);
        auto *h = new QHBoxLayout(cell);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(*edit, 1);
        h->addWidget(copy);
        auto *l = new QLabel(label + u':', page);
        l->setBuddy(*edit);
        form->addRow(l, cell);
    };
    keyRow(tr("Read key"), QStringLiteral("controlReadKeyEdit"), &m_readKey);
    keyRow(tr("Trade key"), QStringLiteral("controlTradeKeyEdit"), &m_tradeKey);
    m_keyFileLabel = new QLabel(page);
    m_keyFileLabel->setObjectName(QStringLiteral("controlKeyFileLabel"));
    m_keyFileLabel->setWordWrap(true);
    m_keyFileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_keyFileLabel);
    auto *buttons = new QWidget(page);
    auto *h = new QHBoxLayout(buttons);
    h->setContentsMargins(0, 0, 0, 0);
    m_showKeys = new QPushButton(tr("S&how keys"), page);
    m_showKeys->setObjectName(QStringLiteral("controlShowKeys"));
    m_showKeys->setCheckable(true);
    connect(m_showKeys, &QPushButton::toggled, this, [this](bool on) {
        m_readKey->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_tradeKey->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_showKeys->setText(on ? tr("H&ide keys") : tr("S&how keys"));
    });
    m_rotate = new QPushButton(tr("&Rotate keys…"), page);
    m_rotate->setObjectName(QStringLiteral("controlRotateKeys"));
    m_rotate->setToolTip(tr("Make new keys; scripts using the old ones stop working at once"));
    connect(m_rotate, &QPushButton::clicked, this, &SettingsDialog::rotateKeys);
    h->addWidget(m_showKeys);
    h->addWidget(m_rotate);
    h->addStretch(1);
    form->addRow(buttons);
}

void SettingsDialog::buildNewsPage()
{
    QFormLayout *form = nullptr;
    addPage(QStringLiteral("newsPage"), tr("&News"),
        tr("The Naver search API's client id and secret (developers.naver.com) for news in mock and live mode; "
           "demo mode uses the simulator. They take effect when Kiwoom Trader restarts."),
        &form);
    addSecretField(form, NaverKeys::clientIdName(), tr("Naver client id"), QStringLiteral("naverClientIdEdit"));
    addSecretField(
        form, NaverKeys::clientSecretName(), tr("Naver client secret"), QStringLiteral("naverClientSecretEdit"));
    auto *note = new QLabel(this);
    note->setObjectName(QStringLiteral("newsKeychainNote"));
    note->setWordWrap(true);
    note->hide();
    form->addRow(note);
    m_keychainNotes << note;
}

void SettingsDialog::buildAppearancePage()
{
    QFormLayout *form = nullptr;
    QWidget *page = addPage(QStringLiteral("appearancePage"), tr("&Appearance"),
        tr("The language takes effect when Kiwoom Trader restarts; the rest at once."), &form);
    Field &language = addField(form, QStringLiteral("ui/language"), Target::Setting, QStringLiteral("ui/language"),
        tr("Language"), QStringLiteral("languageCombo"), true);
    auto *combo = static_cast<QComboBox *>(language.editor);
    combo->setItemText(0, tr("System default"));
    combo->setItemText(1, QStringLiteral("한국어"));
    combo->setItemText(2, QStringLiteral("English"));
    addField(form, QStringLiteral("ui/closeToTray"), Target::Setting, QStringLiteral("ui/closeToTray"),
        tr("Closing the window keeps trading in the tray"), QStringLiteral("closeToTrayCheck"), false);
    addField(form, QStringLiteral("ui/startMinimized"), Target::Setting, QStringLiteral("ui/startMinimized"),
        tr("Start minimised to the tray"), QStringLiteral("startMinimizedCheck"), false);

    m_autostart = new QCheckBox(tr("Start with the desktop session (minimised)"), page);
    m_autostart->setObjectName(QStringLiteral("autostartCheck"));
    m_autostart->setAccessibleName(m_autostart->text());
    m_autostart->setToolTip(tr("Writes %1").arg(QDir::toNativeSeparators(AutostartEntry::path())));
    m_autostartError = makeErrorLabel(QStringLiteral("autostartCheckError"));
    form->addRow(m_autostart);
    form->addRow(m_autostartError);

    form->addRow(new QLabel(tr("<b>Notifications</b>"), page));
    addField(form, QStringLiteral("ui/notifyFills"), Target::Setting, QStringLiteral("ui/notifyFills"), tr("Fills"),
        QStringLiteral("notifyFillsCheck"), false);
    addField(form, QStringLiteral("ui/notifyExits"), Target::Setting, QStringLiteral("ui/notifyExits"),
        tr("Stop-loss / take-profit exits"), QStringLiteral("notifyExitsCheck"), false);
    addField(form, QStringLiteral("ui/notifyRejections"), Target::Setting, QStringLiteral("ui/notifyRejections"),
        tr("Rejected orders"), QStringLiteral("notifyRejectionsCheck"), false);
    addField(form, QStringLiteral("ui/notifyKillSwitch"), Target::Setting, QStringLiteral("ui/notifyKillSwitch"),
        tr("Kill switch"), QStringLiteral("notifyKillSwitchCheck"), false);
    addField(form, QStringLiteral("ui/notifyBroker"), Target::Setting, QStringLiteral("ui/notifyBroker"),
        tr("Broker disconnects"), QStringLiteral("notifyBrokerCheck"), false);
}

// ---- values and validation -----------------------------------------------------------------------

SettingsDialog::Field *SettingsDialog::field(const QString &name)
{
    for (Field &f : m_fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

const SettingsDialog::Field *SettingsDialog::field(const QString &name) const
{
    for (const Field &f : m_fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QVariant SettingsDialog::editorValue(const Field &f, QString *problem) const
{
    const Settings::Spec *spec = Settings::spec(f.specKey);
    if (auto *box = qobject_cast<QCheckBox *>(f.editor))
        return box->isChecked();
    if (auto *combo = qobject_cast<QComboBox *>(f.editor))
        return combo->currentData();
    auto *edit = static_cast<QLineEdit *>(f.editor);
    QString text = edit->text().trimmed();
    if (spec->type == Settings::Type::String)
        return text;
    // Digit grouping as the user may type it: "1,000,000" or "1 000 000".
    text.remove(u',');
    text.remove(u' ');
    text.remove(u'_');
    if (text.isEmpty()) {
        *problem = tr("Enter a value.");
        return {};
    }
    const QString range = tr("Enter a value from %1 to %2.").arg(number(spec->min), number(spec->max));
    if (spec->type == Settings::Type::Int) {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (!ok) {
            *problem = tr("Enter a whole number.") + u' ' + range;
            return {};
        }
        if (double(v) < spec->min || double(v) > spec->max) {
            *problem = range;
            return {};
        }
        return v;
    }
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        *problem = tr("Enter a number.") + u' ' + range;
        return {};
    }
    if (v < spec->min || v > spec->max) {
        *problem = range;
        return {};
    }
    return v;
}

void SettingsDialog::setEditorValue(Field &f, const QVariant &value)
{
    const QSignalBlocker block(f.editor);
    if (auto *box = qobject_cast<QCheckBox *>(f.editor)) {
        box->setChecked(value.toBool());
    } else if (auto *combo = qobject_cast<QComboBox *>(f.editor)) {
        const int i = combo->findData(value.toString());
        combo->setCurrentIndex(std::max(0, i));
    } else {
        const Settings::Spec *spec = Settings::spec(f.specKey);
        auto *edit = static_cast<QLineEdit *>(f.editor);
        if (spec->type == Settings::Type::Int)
            edit->setText(QString::number(value.toLongLong()));
        else if (spec->type == Settings::Type::Double)
            edit->setText(QString::number(value.toDouble(), 'g', 12));
        else
            edit->setText(value.toString());
    }
}

QString SettingsDialog::checkField(const Field &f) const
{
    QString problem;
    const QVariant v = editorValue(f, &problem);
    if (!problem.isEmpty())
        return problem;
    if (f.extraCheck)
        return f.extraCheck(v);
    return {};
}

QString SettingsDialog::checkSecret(const SecretField &s) const
{
    const QString text = s.edit->text();
    if (text.isEmpty() || s.removeRequested)
        return {};
    if (text.trimmed() != text || text.contains(u' '))
        return tr("%1 has no spaces; check what was pasted.").arg(s.label);
    if (text.size() > 512)
        return tr("%1 is too long (at most 512 characters).").arg(s.label);
    for (const QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return tr("%1 holds only printable ASCII characters.").arg(s.label);
    }
    return {};
}

bool SettingsDialog::isValid() const
{
    for (const Field &f : m_fields) {
        if (f.editor->isEnabled() && !checkField(f).isEmpty())
            return false;
    }
    for (const SecretField &s : m_secretFields) {
        if (!checkSecret(s).isEmpty())
            return false;
    }
    return true;
}

void SettingsDialog::validateAll()
{
    for (Field &f : m_fields) {
        const QString problem = f.editor->isEnabled() ? checkField(f) : QString();
        f.error->setText(problem);
        f.error->setVisible(!problem.isEmpty());
        f.editor->setAccessibleDescription(
            problem.isEmpty() ? Settings::spec(f.specKey)->description : tr("Invalid: %1").arg(problem));
    }
    for (SecretField &s : m_secretFields) {
        const QString problem = checkSecret(s);
        s.error->setText(problem);
        s.error->setVisible(!problem.isEmpty());
    }
    updateButtons();
}

void SettingsDialog::updateButtons()
{
    const bool enabled = isLoaded() && !m_busy && !m_fileBroken && isValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(enabled);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(enabled);
    m_rotate->setEnabled(isLoaded() && !m_busy && m_gateway);
}

void SettingsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

// ---- loading -------------------------------------------------------------------------------------

void SettingsDialog::reload()
{
    if (!m_gateway) {
        setStatus(tr("No trading core: settings cannot be read."), true);
        updateButtons();
        return;
    }
    m_pending = 1;
    updateButtons();
    setStatus(tr("Reading the settings…"), false);
    m_gateway->read(
        this,
        [](TradingCore &core) {
            Settings &s = core.settings();
            QJsonObject values;
            for (const Settings::Spec &spec : Settings::specs())
                values.insert(spec.key, QJsonValue::fromVariant(s.value(spec.key)));
            QJsonObject o;
            o.insert(QStringLiteral("values"), values);
            o.insert(QStringLiteral("file"), s.fileName());
            // Parsed afresh: a file broken since the start must not be overwritten either.
            const QSettings probe(s.fileName(), QSettings::IniFormat);
            o.insert(QStringLiteral("format_error"),
                probe.status() == QSettings::FormatError || s.problems().contains(u"file: unreadable INI format"));
            o.insert(QStringLiteral("problems"), QJsonValue::fromVariant(s.problems()));
            const QFileInfo info(s.fileName());
            o.insert(QStringLiteral("writable"),
                info.exists() ? info.isWritable() : QFileInfo(info.absolutePath()).isWritable());
            o.insert(QStringLiteral("running_mode"), core.mode());
            o.insert(QStringLiteral("key_file"), core.controlKeyFile());
            const QJsonObject keys = readKeyFile(core.controlKeyFile());
            o.insert(QStringLiteral("read_key"), keys.value(QStringLiteral("read_key")));
            o.insert(QStringLiteral("trade_key"), keys.value(QStringLiteral("trade_key")));
            if (ControlServer *server = core.controlServer())
                o.insert(QStringLiteral("control_port"), server->port());
            if (TradingEngine *engine = core.engine())
                o.insert(QStringLiteral("trading"), engine->commands().tradingSettings());
            return o;
        },
        [this](const QJsonObject &snapshot) { onLoaded(snapshot); });
}

void SettingsDialog::onLoaded(const QJsonObject &o)
{
    const QJsonObject values = o.value(QStringLiteral("values")).toObject();
    const QJsonObject trading = o.value(QStringLiteral("trading")).toObject();
    m_haveTrading = !trading.isEmpty();
    for (Field &f : m_fields) {
        QVariant v = f.target == Target::Trading ? trading.value(f.name).toVariant() : values.value(f.name).toVariant();
        if (f.target == Target::Trading && !m_haveTrading)
            v = values.value(f.specKey).toVariant();
        f.original = v;
        setEditorValue(f, v);
        if (f.target == Target::Trading)
            f.editor->setEnabled(m_haveTrading);
    }
    m_confirmedMode = values.value(MODE_KEY).toString();
    m_liveConfirmed = m_confirmedMode == u"live";
    if (!m_haveTrading) {
        m_tradingNote->setText(tr("The trading engine is not running yet (the broker is connecting): the "
                                  "automated-trading fields can be changed once it is."));
    }
    m_tradingNote->setVisible(!m_haveTrading);

    m_fileBroken = o.value(QStringLiteral("format_error")).toBool() || !o.value(QStringLiteral("writable")).toBool();
    const QString file = QDir::toNativeSeparators(o.value(QStringLiteral("file")).toString());
    if (o.value(QStringLiteral("format_error")).toBool()) {
        m_banner->setText(tr("The settings file %1 cannot be read (it is not a valid INI file). Kiwoom Trader runs on "
                             "defaults; fix or remove the file and restart. Nothing is saved until then.")
                              .arg(file));
    } else if (!o.value(QStringLiteral("writable")).toBool()) {
        m_banner->setText(tr("The settings file %1 is not writable: nothing can be saved.").arg(file));
    } else {
        const QStringList problems = o.value(QStringLiteral("problems")).toVariant().toStringList();
        m_banner->setText(problems.isEmpty()
                ? QString()
                : tr("Some entries of %1 were invalid and their defaults are shown; saving replaces them: %2")
                      .arg(file, problems.join(QStringLiteral("; "))));
    }
    m_banner->setVisible(!m_banner->text().isEmpty());

    m_autostart->setChecked(AutostartEntry::isEnabled());
    showKeys(o.value(QStringLiteral("read_key")).toString(), o.value(QStringLiteral("trade_key")).toString(),
        o.value(QStringLiteral("key_file")).toString());
    if (o.contains(QStringLiteral("control_port")))
        m_keyFileLabel->setText(m_keyFileLabel->text() + u'\n'
            + tr("Listening on 127.0.0.1:%1.").arg(o.value(QStringLiteral("control_port")).toInt()));

    m_pending = 0;
    readSecrets();
    m_loadedOnce = true;
    validateAll();
    if (m_pending == 0) {
        setStatus(QString(), false);
        emit loaded();
    }
}

void SettingsDialog::showKeys(const QString &readKey, const QString &tradeKey, const QString &file)
{
    m_readKey->setText(readKey);
    m_tradeKey->setText(tradeKey);
    const QString path = QDir::toNativeSeparators(file);
    m_keyFileLabel->setText(readKey.isEmpty()
            ? tr("No keys yet: they are made when the control API first starts, or now with Rotate keys. Key "
                 "file: %1")
                  .arg(path)
            : tr("Key file (owner-only): %1").arg(path));
}

void SettingsDialog::readSecrets()
{
    for (int i = 0; i < m_secretFields.size(); ++i) {
        SecretField &s = m_secretFields[i];
        s.edit->clear();
        s.remove->setChecked(false);
        s.stored = false;
        s.remove->setEnabled(false);
        if (!m_secrets) {
            showSecretState(s, tr("No secret store."));
            continue;
        }
        ++m_pending;
        s.status->setText(tr("Reading…"));
        m_secrets->read(s.key, [self = QPointer<SettingsDialog>(this), i](Result<QString> r) {
            if (!self || i >= self->m_secretFields.size())
                return;
            SecretField &s = self->m_secretFields[i];
            if (r.ok()) {
                s.stored = true;
                s.remove->setEnabled(true);
                self->showSecretState(s, keyState(r.value()));
            } else if (r.error().code == u"secrets.not_found") {
                self->showSecretState(s, tr("Not stored"));
            } else {
                self->showSecretState(s, tr("Cannot read: %1").arg(r.error().message));
            }
            if (--self->m_pending == 0) {
                self->setStatus(QString(), false);
                self->validateAll();
                emit self->loaded();
            }
        });
    }
}

void SettingsDialog::showSecretState(SecretField &s, const QString &state)
{
    QString text = state;
    // The environment wins over the store (CredentialsLookup / NaverKeys): say so.
    const bool kiwoom = s.key.startsWith(u"kiwoom/");
    const char *env = kiwoom ? (s.key.endsWith(u"appkey") ? "KIWOOM_APPKEY" : "KIWOOM_SECRETKEY")
                             : (s.key.endsWith(u"clientId") ? "NAVER_CLIENT_ID" : "NAVER_CLIENT_SECRET");
    if (!qEnvironmentVariableIsEmpty(env))
        text += u' ' + tr("(%1 is set in the environment and is used instead)").arg(QLatin1String(env));
    s.status->setText(text);
    s.status->setAccessibleName(tr("%1: %2").arg(s.label, text));
}

void SettingsDialog::showKeychainFallback()
{
    if (!m_secrets)
        return;
    const QString text = tr("No system keychain service is running (%1). Keys are kept instead in %2, a file only "
                            "you can read (mode 0600).")
                             .arg(m_secrets->fallbackReason(), QDir::toNativeSeparators(m_secrets->fallbackFile()));
    for (QLabel *note : std::as_const(m_keychainNotes)) {
        note->setText(text);
        note->setStyleSheet(QStringLiteral("color: #e65100;"));
        note->show();
    }
}

// ---- live mode -----------------------------------------------------------------------------------

void SettingsDialog::onModeChanged()
{
    Field *f = field(MODE_KEY);
    auto *combo = static_cast<QComboBox *>(f->editor);
    const QString chosen = combo->currentData().toString();
    if (chosen != u"live" || m_liveConfirmed) {
        if (chosen != u"live")
            m_confirmedMode = chosen;
        return;
    }
    // Back to the confirmed mode until the user says yes.
    {
        const QSignalBlocker block(combo);
        combo->setCurrentIndex(std::max(0, combo->findData(m_confirmedMode)));
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Switch to live trading?"),
        tr("In live mode Kiwoom Trader trades your real account with real money: automatic buys, stop-loss and "
           "take-profit sells and the kill switch all place real orders."),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("liveConfirmDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Test your settings in demo or mock mode first. Switch to live (on restart)?"));
    QPushButton *yes = box->addButton(tr("Use &live trading"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("liveConfirmButton"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    no->setObjectName(QStringLiteral("liveCancelButton"));
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    connect(box, &QMessageBox::finished, this, [this, box, yes] {
        if (box->clickedButton() != yes)
            return;
        m_liveConfirmed = true;
        m_confirmedMode = QStringLiteral("live");
        Field *f = field(MODE_KEY);
        auto *combo = static_cast<QComboBox *>(f->editor);
        combo->setCurrentIndex(combo->findData(QStringLiteral("live")));
        validateAll();
    });
    m_liveConfirm = box;
    box->open();
}

// ---- saving --------------------------------------------------------------------------------------

void SettingsDialog::runSteps(QList<Step> steps, std::function<void(const QString &error)> done)
{
    if (steps.isEmpty()) {
        done(QString());
        return;
    }
    Step first = steps.takeFirst();
    QPointer<SettingsDialog> self(this);
    first([self, steps, done](const QString &error) {
        if (!self)
            return;
        if (!error.isEmpty()) {
            done(error);
            return;
        }
        self->runSteps(steps, done);
    });
}

void SettingsDialog::apply()
{
    validateAll();
    if (!isLoaded() || m_busy) {
        emit applied(false, tr("Still reading the settings."));
        return;
    }
    if (m_fileBroken) {
        setStatus(m_banner->text(), true);
        emit applied(false, m_banner->text());
        return;
    }
    if (!isValid()) {
        setStatus(tr("Some fields are invalid (see the messages next to them); nothing was saved."), true);
        emit applied(false, m_status->text());
        return;
    }

    QVariantMap settingChanges;
    QJsonObject tradingChanges;
    QStringList restart;
    for (const Field &f : std::as_const(m_fields)) {
        if (!f.editor->isEnabled())
            continue;
        QString problem;
        const QVariant v = editorValue(f, &problem);
        QVariant normalized = v;
        if (f.name == ACCOUNT_KEY)
            normalized = v.toString().remove(u'-');
        if (normalized == f.original
            || (normalized.canConvert<double>() && f.original.canConvert<double>()
                && normalized.typeId() != QMetaType::QString && normalized.toDouble() == f.original.toDouble()))
            continue;
        if (f.name == MODE_KEY && normalized.toString() == u"live" && !m_liveConfirmed) {
            setStatus(tr("Live trading was not confirmed; nothing was saved."), true);
            emit applied(false, m_status->text());
            return;
        }
        if (f.target == Target::Trading)
            tradingChanges.insert(f.name, QJsonValue::fromVariant(normalized));
        else
            settingChanges.insert(f.name, normalized);
        if (f.restart)
            restart << f.label;
    }

    QList<Step> steps;
    if (!tradingChanges.isEmpty()) {
        steps << [this, tradingChanges](std::function<void(const QString &)> next) {
            m_gateway->command(
                this,
                [tradingChanges](
                    TradingCommands &c) { return c.updateTradingSettings(tradingChanges, CoreGateway::actor()); },
                [next](const Result<QJsonObject> &r) { next(r.ok() ? QString() : r.error().message); });
        };
    }
    if (!settingChanges.isEmpty()) {
        steps << [this, settingChanges](std::function<void(const QString &)> next) {
            m_gateway->read(
                this,
                [settingChanges](TradingCore &core) -> QString {
                    Settings &s = core.settings();
                    const QSettings probe(s.fileName(), QSettings::IniFormat);
                    if (probe.status() == QSettings::FormatError)
                        return tr("The settings file %1 cannot be read (not a valid INI file); nothing was saved.")
                            .arg(QDir::toNativeSeparators(s.fileName()));
                    // All or nothing: every value is checked against its spec before one is written.
                    for (auto it = settingChanges.begin(); it != settingChanges.end(); ++it) {
                        if (Status st = s.validate(it.key(), it.value()); !st)
                            return st.error().message;
                    }
                    for (auto it = settingChanges.begin(); it != settingChanges.end(); ++it) {
                        if (Status st = s.setValue(it.key(), it.value()); !st)
                            return st.error().message;
                    }
                    s.sync();
                    // Views holding settings (the tray's notification switches) re-read them.
                    core.eventFeed()->touch({ QStringLiteral("settings") });
                    core.activity().add(ActivityLog::Level::Info, QStringLiteral("settings"),
                        tr("Settings changed in the app: %1").arg(settingChanges.keys().join(QStringLiteral(", "))));
                    return {};
                },
                [next](const QString &error) { next(error); });
        };
    }
    for (int i = 0; i < m_secretFields.size(); ++i) {
        const SecretField &s = m_secretFields.at(i);
        if (!m_secrets || (!s.removeRequested && s.edit->text().isEmpty()))
            continue;
        const bool remove = s.removeRequested;
        const QString key = s.key;
        const QString value = s.edit->text();
        const QString label = s.label;
        QPointer<KeychainSecretStore> store = m_secrets;
        steps << [store, remove, key, value, label](std::function<void(const QString &)> next) {
            if (!store) {
                next(tr("The secret store is gone."));
                return;
            }
            auto done
                = [next, label](Status st) { next(st.ok() ? QString() : tr("%1: %2").arg(label, st.error().message)); };
            if (remove)
                store->remove(key, done);
            else
                store->write(key, value, done);
        };
        if (s.key.startsWith(u"kiwoom/") || s.key.startsWith(u"naver/"))
            restart << s.label;
    }
    if (m_autostart->isChecked() != AutostartEntry::isEnabled()) {
        const bool on = m_autostart->isChecked();
        steps << [this, on](std::function<void(const QString &)> next) {
            const Status st = AutostartEntry::setEnabled(on);
            m_autostartError->setText(st.ok() ? QString() : st.error().message);
            m_autostartError->setVisible(!st.ok());
            next(st.ok() ? QString() : st.error().message);
        };
    }

    if (steps.isEmpty()) {
        setStatus(tr("Nothing changed."), false);
        emit applied(true, m_status->text());
        if (m_closeAfterApply)
            QDialog::accept();
        return;
    }
    m_busy = true;
    updateButtons();
    setStatus(tr("Saving…"), false);
    runSteps(steps, [this, restart](const QString &error) {
        m_busy = false;
        if (!error.isEmpty()) {
            m_closeAfterApply = false;
            setStatus(tr("Not saved: %1").arg(error), true);
            updateButtons();
            emit applied(false, error);
            return;
        }
        m_restartRequired = restart;
        const QString message = restart.isEmpty()
            ? tr("Saved; in effect now.")
            : tr("Saved. Takes effect when Kiwoom Trader restarts: %1.").arg(restart.join(QStringLiteral(", ")));
        if (m_closeAfterApply) {
            emit applied(true, message);
            QDialog::accept();
            return;
        }
        // Show what the core now holds (and clear the typed secrets).
        connect(
            this, &SettingsDialog::loaded, this, [this, message] { setStatus(message, false); },
            Qt::SingleShotConnection);
        reload();
        emit applied(true, message);
    });
}

void SettingsDialog::accept()
{
    m_closeAfterApply = true;
    apply();
    if (!m_busy && isVisible() && result() != QDialog::Accepted)
        m_closeAfterApply = false;
}

// ---- control API keys ----------------------------------------------------------------------------

void SettingsDialog::rotateKeys()
{
    if (!m_gateway || m_busy)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Rotate the control API keys?"),
        tr("New read and trade keys are made and written to the key file. Scripts using the current keys are "
           "refused from now on."),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("rotateConfirmDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("&Rotate"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("rotateConfirmButton"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    no->setObjectName(QStringLiteral("rotateCancelButton"));
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    connect(box, &QMessageBox::finished, this, [this, box, yes] {
        if (box->clickedButton() != yes)
            return;
        m_busy = true;
        updateButtons();
        m_gateway->read(
            this,
            [](TradingCore &core) -> QJsonObject {
                // The running server swaps its keys at once; without one the hashes and the file change
                // and the next start uses them.
                auto keys = core.controlServer() ? core.controlServer()->rotateKeys()
                                                 : Control::ApiKeys().rotate(core.settings(), core.controlKeyFile());
                if (!keys)
                    return QJsonObject { { QStringLiteral("error"), keys.error().message } };
                core.activity().add(ActivityLog::Level::Info, QStringLiteral("control"),
                    tr("Control API keys rotated in the app; the old keys no longer work."));
                return QJsonObject { { QStringLiteral("read_key"), keys->readKey },
                    { QStringLiteral("trade_key"), keys->tradeKey },
                    { QStringLiteral("key_file"), core.controlKeyFile() } };
            },
            [this](const QJsonObject &o) {
                m_busy = false;
                updateButtons();
                const QString error = o.value(QStringLiteral("error")).toString();
                if (!error.isEmpty()) {
                    setStatus(tr("Keys not rotated: %1").arg(error), true);
                    emit keysRotated(false, error);
                    return;
                }
                showKeys(o.value(QStringLiteral("read_key")).toString(),
                    o.value(QStringLiteral("trade_key")).toString(), o.value(QStringLiteral("key_file")).toString());
                setStatus(tr("New control API keys made; the old ones no longer work."), false);
                emit keysRotated(true, m_status->text());
            });
    });
    m_rotateConfirm = box;
    box->open();
}
