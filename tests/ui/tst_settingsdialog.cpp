// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsDialog against a real demo core (UiCoreRig): bad values show a message next to the field,
// disable OK/Apply and save nothing; good values are saved and read back through the gateway
// (trading settings through TradingCommands); live mode needs a confirmation; rotating the control
// API keys rewrites the 0600 key file and retires the old keys; secrets go to the owner-only
// fallback file and never to the INI; the XDG autostart entry is written and removed; a broken
// settings file is reported and left alone.
#include "uicorerig.h"

#include "autostartentry.h"
#include "common/filesecretstore.h"
#include "keychainsecretstore.h"
#include "settingsdialog.h"

#include "common/settings.h"
#include "control/apikeys.h"
#include "trading/tradingcommands.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

#include <optional>
#include <sys/stat.h>

namespace {

template<typename Fn> auto readNow(CoreGateway *gw, Fn fn)
{
    using R = std::invoke_result_t<Fn, TradingCore &>;
    std::optional<R> out;
    gw->read(gw, std::move(fn), [&](R r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        qWarning("no answer from the core");
    return out.value_or(R {});
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int fileMode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        explicit Fixture(const QVariantMap &settings = {}) : rig(settings)
        {
            store = std::make_unique<KeychainSecretStore>(
                FileSecretStore::pathIn(rig.dir.path()), KeychainSecretStore::Backend::FileOnly);
        }
        std::unique_ptr<SettingsDialog> open()
        {
            auto d = std::make_unique<SettingsDialog>(rig.gw(), store.get());
            d->show();
            return d;
        }
        QString ini() const { return rig.dir.filePath(QStringLiteral("kiwoom-trader.ini")); }

        UiCoreRig rig;
        std::unique_ptr<KeychainSecretStore> store;
    };

    template<typename T> static T *child(QWidget *w, const char *name)
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning("no child %s", name);
        return c;
    }

    static QPushButton *okButton(SettingsDialog *d) { return child<QPushButton>(d, "settingsOk"); }
    static QPushButton *applyButton(SettingsDialog *d) { return child<QPushButton>(d, "settingsApply"); }

    // apply() and wait for applied(); returns (ok, message).
    static std::pair<bool, QString> applyAndWait(SettingsDialog *d)
    {
        QSignalSpy spy(d, &SettingsDialog::applied);
        d->apply();
        if (spy.isEmpty() && !spy.wait(15000))
            return { false, QStringLiteral("no answer") };
        return { spy.at(0).at(0).toBool(), spy.at(0).at(1).toString() };
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Never the user's autostart folder.
        QVERIFY(m_xdg.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_xdg.path()));
    }

    void badValuesShowMessagesAndSaveNothing()
    {
        Fixture fx;
        QVERIFY(fx.rig.ok());
        auto d = fx.open();
        QTRY_VERIFY_WITH_TIMEOUT(d->isLoaded(), 15000);
        QVERIFY(okButton(d.get())->isEnabled());
        const QByteArray before = fileBytes(fx.ini());

        auto *period = child<QLineEdit>(d.get(), "conditionMonitorPeriodEdit");
        auto *periodError = child<QLabel>(d.get(), "conditionMonitorPeriodEditError");
        QCOMPARE(period->text(), QStringLiteral("600")); // the 10-minute default
        period->setText(QStringLiteral("5"));
        QVERIFY(!periodError->isHidden());
        QVERIFY2(periodError->text().contains(QStringLiteral("10")), qPrintable(periodError->text()));
        QVERIFY(!okButton(d.get())->isEnabled());
        QVERIFY(!applyButton(d.get())->isEnabled());

        auto *maxOrder = child<QLineEdit>(d.get(), "maxOrderAmountEdit");
        maxOrder->setText(QStringLiteral("lots"));
        QVERIFY(!child<QLabel>(d.get(), "maxOrderAmountEditError")->isHidden());
        auto *port = child<QLineEdit>(d.get(), "controlPortEdit");
        port->setText(QStringLiteral("80"));
        QVERIFY(child<QLabel>(d.get(), "controlPortEditError")->text().contains(QStringLiteral("1024")));
        auto *account = child<QLineEdit>(d.get(), "accountEdit");
        account->setText(QStringLiteral("12ab"));
        QVERIFY(!child<QLabel>(d.get(), "accountEditError")->isHidden());
        auto *appKey = child<QLineEdit>(d.get(), "mockAppKeyEdit");
        appKey->setText(QStringLiteral("has a space"));
        QVERIFY(!child<QLabel>(d.get(), "mockAppKeyEditError")->isHidden());

        const auto [ok, message] = applyAndWait(d.get());
        QVERIFY(!ok);
        QVERIFY(!message.isEmpty());
        QCOMPARE(fileBytes(fx.ini()), before);
        QCOMPARE(readNow(fx.rig.gw(), [](TradingCore &c) { return c.settings().conditionMonitorIntervalSec(); }), 600);
        QVERIFY(!QFile::exists(FileSecretStore::pathIn(fx.rig.dir.path())));

        // Fixing the fields clears the messages and enables OK again.
        period->setText(QStringLiteral("900"));
        maxOrder->setText(QStringLiteral("5,000,000"));
        port->setText(QStringLiteral("0"));
        account->clear();
        appKey->clear();
        QVERIFY(periodError->isHidden());
        QVERIFY(okButton(d.get())->isEnabled());
    }

    void crossFieldLimitsAreChecked()
    {
        Fixture fx;
        QVERIFY(fx.rig.ok());
        auto d = fx.open();
        QTRY_VERIFY_WITH_TIMEOUT(d->isLoaded(), 15000);
        child<QLineEdit>(d.get(), "maxDailyBuyEdit")->setText(QStringLiteral("1000000"));
        child<QLineEdit>(d.get(), "maxOrderAmountEdit")->setText(QStringLiteral("2000000"));
        auto *error = child<QLabel>(d.get(), "maxOrderAmountEditError");
        QVERIFY(!error->isHidden());
        QVERIFY(!okButton(d.get())->isEnabled());
    }

    void goodChangesAreSavedAndReadBack()
    {
        Fixture fx;
        QVERIFY(fx.rig.ok());
        QVERIFY(fx.rig.waitReady());
        auto d = fx.open();
        QTRY_VERIFY_WITH_TIMEOUT(d->isLoaded(), 15000);
        auto *stopLoss = child<QLineEdit>(d.get(), "stopLossRateEdit");
        QVERIFY(stopLoss->isEnabled()); // the engine runs: trading settings are editable
        stopLoss->setText(QStringLiteral("2.5"));
        child<QLineEdit>(d.get(), "takeProfitRateEdit")->setText(QStringLiteral("7"));
        child<QLineEdit>(d.get(), "maxInvestEdit")->setText(QStringLiteral("500000"));
        child<QLineEdit>(d.get(), "conditionMonitorPeriodEdit")->setText(QStringLiteral("900"));
        child<QLineEdit>(d.get(), "maxOpenPositionsEdit")->setText(QStringLiteral("7"));
        child<QLineEdit>(d.get(), "accountEdit")->setText(QStringLiteral("5012-3456-11"));
        child<QCheckBox>(d.get(), "notifyFillsCheck")->setChecked(false);
        auto *language = child<QComboBox>(d.get(), "languageCombo");
        language->setCurrentIndex(language->findData(QStringLiteral("ko")));
        QVERIFY(okButton(d.get())->isEnabled());

        const auto [ok, message] = applyAndWait(d.get());
        QVERIFY2(ok, qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("restart")), qPrintable(message));
        QVERIFY(d->restartRequired().contains(QStringLiteral("Language")));
        QVERIFY(d->restartRequired().contains(QStringLiteral("Account number")));

        // Trading settings went through the command layer; read back through the gateway.
        const QJsonObject trading = readNow(fx.rig.gw(),
            [](TradingCore &c) { return c.engine() ? c.engine()->commands().tradingSettings() : QJsonObject(); });
        QCOMPARE(trading.value(QStringLiteral("stop_loss_rate")).toDouble(), 2.5);
        QCOMPARE(trading.value(QStringLiteral("take_profit_rate")).toDouble(), 7.0);
        QCOMPARE(trading.value(QStringLiteral("max_invest_amount")).toInteger(), 500000);
        const QJsonObject values = readNow(fx.rig.gw(), [](TradingCore &c) {
            Settings &s = c.settings();
            return QJsonObject { { QStringLiteral("period"), s.conditionMonitorIntervalSec() },
                { QStringLiteral("positions"), s.maxOpenPositions() },
                { QStringLiteral("account"), s.value(QStringLiteral("broker/accountNo")).toString() },
                { QStringLiteral("fills"), s.value(QStringLiteral("ui/notifyFills")).toBool() },
                { QStringLiteral("language"), s.language() } };
        });
        QCOMPARE(values.value(QStringLiteral("period")).toInt(), 900);
        QCOMPARE(values.value(QStringLiteral("positions")).toInt(), 7);
        QCOMPARE(values.value(QStringLiteral("account")).toString(), QStringLiteral("5012345611"));
        QCOMPARE(values.value(QStringLiteral("fills")).toBool(), false);
        QCOMPARE(values.value(QStringLiteral("language")).toString(), QStringLiteral("ko"));
        // On disk as well (the core reads the INI at start).
        QSettings ini(fx.ini(), QSettings::IniFormat);
        QCOMPARE(ini.value(QStringLiteral("services/conditionMonitorIntervalSec")).toInt(), 900);

        // The audit log names the UI for the trading change.
        QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(d.get(), "stopLossRateEdit")->text(), QStringLiteral("2.5"), 10000);
    }

    void liveModeNeedsAConfirmation()
    {
        Fixture fx;
        QVERIFY(fx.rig.ok());
        auto d = fx.open();
        QTRY_VERIFY_WITH_TIMEOUT(d->isLoaded(), 15000);
        auto *mode = child<QComboBox>(d.get(), "modeCombo");
        QCOMPARE(mode->currentData().toString(), QStringLiteral("demo"));

        mode->setCurrentIndex(mode->findData(QStringLiteral("live")));
        QTRY_VERIFY(d->liveConfirmDialog());
        QCOMPARE(mode->currentData().toString(), QStringLiteral("demo")); // not before the answer
        d->liveConfirmDialog()->findChild<QPushButton *>(QStringLiteral("liveCancelButton"))->click();
        QTRY_VERIFY(!d->liveConfirmDialog());
        QCOMPARE(mode->currentData().toString(), QStringLiteral("demo"));

        mode->setCurrentIndex(mode->findData(QStringLiteral("mock")));
        QVERIFY(!d->liveConfirmDialog()); // mock needs no confirmation
        mode->setCurrentIndex(mode->findData(QStringLiteral("live")));
        QTRY_VERIFY(d->liveConfirmDialog());
        d->liveConfirmDialog()->findChild<QPushButton *>(QStringLiteral("liveConfirmButton"))->click();
        QTRY_COMPARE(mode->currentData().toString(), QStringLiteral("live"));

        const auto [ok, message] = applyAndWait(d.get());
        QVERIFY2(ok, qPrintable(message));
        QVERIFY(d->restartRequired().contains(QStringLiteral("Mode")));
        QCOMPARE(readNow(fx.rig.gw(), [](TradingCore &c) { return c.settings().mode(); }), QStringLiteral("live"));
        // The running core keeps its mode until the restart.
        QCOMPARE(readNow(fx.rig.gw(), [](TradingCore &c) { return c.mode(); }), QStringLiteral("demo"));
    }

    void keyRotationRewritesTheKeyFileAndRetiresTheOldKey()
    {
        Fixture fx({ { QStringLiteral("control/enabled"), true }, { QStringLiteral("control/port"), 0 } });
        QVERIFY(fx.rig.ok());
        const QString keyFile = readNow(fx.rig.gw(), [](TradingCore &c) { return c.controlKeyFile(); });
        const QJsonObject before = QJsonDocument::fromJson(fileBytes(keyFile)).object();
        const QString oldRead = before.value(QStringLiteral("read_key")).toString();
        const QString oldTrade = before.value(QStringLiteral("trade_key")).toString();
        QVERIFY(!oldTrade.isEmpty());

        auto d = fx.open();
        QTRY_VERIFY_WITH_TIMEOUT(d->isLoaded(), 15000);
        auto *tradeKey = child<QLineEdit>(d.get(), "controlTradeKeyEdit");
        QCOMPARE(tradeKey->text(), oldTrade);
        QCOMPARE(tradeKey->echoMode(), QLineEdit::Password); // hidden until asked
        child<QPushButton>(d.get(), "controlShowKeys")->click();
        QCOMPARE(tradeKey->echoMode(), QLineEdit::Normal);
        child<QPushButton>(d.get(), "controlTradeKeyEditCopy")->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), oldTrade);

        QSignalSpy rotated(d.get(), &SettingsDialog::keysRotated);
        child<QPushButton>(d.get(), "controlRotateKeys")->click();
        QTRY_VERIFY(d->rotateConfirmDialog());
        d->rotateConfirmDialog()->findChild<QPushButton *>(QStringLiteral("rotateConfirmButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(rotated.count(), 1, 10000);
        QVERIFY2(rotated.at(0).at(0).toBool(), qPrintable(rotated.at(0).at(1).toString()));

        const QJsonObject after = QJsonDocument::fromJson(fileBytes(keyFile)).object();
        const QString newTrade = after.value(QStringLiteral("trade_key")).toString();
        QVERIFY(!newTrade.isEmpty());
        QVERIFY(newTrade != oldTrade);
        QVERIFY(after.value(QStringLiteral("read_key")).toString() != oldRead);
        QCOMPARE(tradeKey->text(), newTrade);
        QCOMPARE(fileMode(keyFile), 0600);

        // The stored hashes accept the new keys only.
        const QJsonObject checks = readNow(fx.rig.gw(), [oldRead, oldTrade, newTrade](TradingCore &c) {
            auto keys = Control::ApiKeys::load(c.settings(), c.controlKeyFile());
            if (!keys)
                return QJsonObject();
            return QJsonObject { { QStringLiteral("oldTrade"), keys->check(oldTrade.toLatin1()).has_value() },
                { QStringLiteral("oldRead"), keys->check(oldRead.toLatin1()).has_value() },
                { QStringLiteral("newTrade"),
                    keys->check(newTrade.toLatin1()) == std::optional<Control::Scope>(Control::Scope::Trade) } };
        });
        QCOMPARE(checks.value(QStringLiteral("oldTrade")).toBool(true), false);
        QCOMPARE(checks.value(QStringLiteral("oldRead")).toBool(true), false);
        QCOMPARE(checks.value(QStringLiteral("newTrade")).toBool(), true);
    }

    void secretsGoToTheOwnerOnlyFileNeverTheIni()
    {
        Fixture fx;
        QVERIFY(fx.rig.ok());
        auto d = fx.open();
        QTRY_VERIFY_WITH_TIMEOUT(d->isLoaded(), 15000);
        // No keychain (switched off here): the dialog says where the secrets go instead.
        auto *note = child<QLabel>(d.get(), "brokerKeychainNote");
        QVERIFY(!note->isHidden());
        QVERIFY2(note->text().contains(QStringLiteral("credentials.json")), qPrintable(note->text()));
        QCOMPARE(child<QLabel>(d.get(), "mockAppKeyEditState")->text(), QStringLiteral("Not stored"));

        const QString appKey = QStringLiteral("PSmockAppKey0123456789abcdef");
        const QString secret = QStringLiteral("mockSecretKey9876543210zyxw");
        const QString naverSecret = QStringLiteral("naverSecretABCDEF");
        child<QLineEdit>(d.get(), "mockAppKeyEdit")->setText(appKey);
        child<QLineEdit>(d.get(), "mockSecretKeyEdit")->setText(secret);
        child<QLineEdit>(d.get(), "naverClientSecretEdit")->setText(naverSecret);
        const auto [ok, message] = applyAndWait(d.get());
        QVERIFY2(ok, qPrintable(message));

        const QString file = FileSecretStore::pathIn(fx.rig.dir.path());
        QCOMPARE(fileMode(file), 0600);
        const QByteArray stored = fileBytes(file);
        QVERIFY(stored.contains(appKey.toUtf8()));
        QVERIFY(stored.contains(secret.toUtf8()));
        QVERIFY(stored.contains(naverSecret.toUtf8()));
        const QByteArray ini = fileBytes(fx.ini());
        QVERIFY(!ini.contains(appKey.toUtf8()));
        QVERIFY(!ini.contains(secret.toUtf8()));
        QVERIFY(!ini.contains(naverSecret.toUtf8()));

        // The core's credential lookup finds them (mock mode reads the same store).
        std::optional<Result<Credentials>> creds;
        CredentialsLookup::resolve(fx.store.get(), QStringLiteral("mock"), [&](Result<Credentials> r) { creds = r; });
        QTRY_VERIFY(creds.has_value());
        QVERIFY(creds->ok());
        QCOMPARE(creds->value().appKey, appKey);

        // Shown as "stored" with a fingerprint, never in clear.
        auto *state = child<QLabel>(d.get(), "mockAppKeyEditState");
        QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Stored")), 10000);
        QVERIFY(!state->text().contains(appKey));
        QVERIFY(child<QLineEdit>(d.get(), "mockAppKeyEdit")->text().isEmpty());

        // Remove.
        QTRY_VERIFY(d->isLoaded());
        child<QPushButton>(d.get(), "mockAppKeyEditRemove")->click();
        const auto [removed, removeMessage] = applyAndWait(d.get());
        QVERIFY2(removed, qPrintable(removeMessage));
        QVERIFY(!fileBytes(file).contains(appKey.toUtf8()));
        QVERIFY(fileBytes(file).contains(secret.toUtf8()));
    }

    void autostartEntryIsWrittenAndRemoved()
    {
        Fixture fx;
        QVERIFY(fx.rig.ok());
        const QString entry = m_xdg.filePath(QStringLiteral("autostart/kiwoom-trader.desktop"));
        QCOMPARE(AutostartEntry::path(), entry);
        auto d = fx.open();
        QTRY_VERIFY_WITH_TIMEOUT(d->isLoaded(), 15000);
        auto *check = child<QCheckBox>(d.get(), "autostartCheck");
        QVERIFY(!check->isChecked());
        check->setChecked(true);
        auto [ok, message] = applyAndWait(d.get());
        QVERIFY2(ok, qPrintable(message));
        QVERIFY(QFile::exists(entry));
        const QByteArray text = fileBytes(entry);
        QVERIFY(text.startsWith("[Desktop Entry]\n"));
        QVERIFY(text.contains("Type=Application\n"));
        QVERIFY(text.contains(" --minimized\n"));
        QVERIFY(text.contains(
            QByteArray(QByteArray("Exec=") + QFile::encodeName(QCoreApplication::applicationFilePath()))));

        QTRY_VERIFY(d->isLoaded());
        QVERIFY(check->isChecked());
        check->setChecked(false);
        std::tie(ok, message) = applyAndWait(d.get());
        QVERIFY2(ok, qPrintable(message));
        QVERIFY(!QFile::exists(entry));
    }

    void aBrokenSettingsFileIsReportedAndLeftAlone()
    {
        Fixture fx;
        QVERIFY(fx.rig.ok());
        // Broken after the core started (hand-edited while running).
        const QByteArray broken = "[broker\nmode=demo\n[services]\nconditionMonitorIntervalSec=600\n";
        {
            QFile f(fx.ini());
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(broken);
        }
        QTest::qWait(1100); // a new modification time for QSettings' cache
        {
            QFile f(fx.ini());
            QVERIFY(f.open(QIODevice::Append));
            f.write("\n");
        }
        const QByteArray before = fileBytes(fx.ini());
        auto d = fx.open();
        QTRY_VERIFY_WITH_TIMEOUT(d->isLoaded(), 15000);
        QVERIFY(d->settingsFileBroken());
        auto *banner = child<QLabel>(d.get(), "settingsBanner");
        QVERIFY(!banner->isHidden());
        QVERIFY2(banner->text().contains(QStringLiteral("cannot be read")), qPrintable(banner->text()));
        QVERIFY(!okButton(d.get())->isEnabled());
        child<QLineEdit>(d.get(), "conditionMonitorPeriodEdit")->setText(QStringLiteral("900"));
        const auto [ok, message] = applyAndWait(d.get());
        QVERIFY(!ok);
        QCOMPARE(fileBytes(fx.ini()), before);
    }

private:
    QTemporaryDir m_xdg;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
