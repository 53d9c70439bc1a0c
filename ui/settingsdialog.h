// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QVariant>

#include <functional>

class CoreGateway;
class KeychainSecretStore;
class MainWindow;
class QAbstractButton;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
#include <QMessageBox>
class QPushButton;
class QTabWidget;

// SettingsDialog (Tools > Settings…, Ctrl+,): every user setting on five pages — Broker (mode,
// Kiwoom keys per mode, account number), Trading (service periods, stop-loss / take-profit /
// trailing rates, max invest amount, risk limits), Control API (port, read/trade keys: show, copy,
// rotate), News (Naver API id and secret) and Appearance (language, tray, notifications, start with
// the desktop session).
// Guarantees:
// - Every field is validated as it is typed, with the message next to it; OK and Apply are disabled
//   while anything is invalid, while loading, while saving, and when the settings file cannot be
//   parsed (then a banner says so and nothing is ever written).
// - Nothing touches a core object from the GUI thread: values are read through the CoreGateway;
//   trading settings are saved with TradingCommands::updateTradingSettings (validated, audited,
//   actor "ui"); other Settings keys are validated and written on the core's thread, with an
//   activity-log line; the control API's keys are rotated there (ControlServer::rotateKeys, or
//   ApiKeys::rotate when the server is off), which rewrites the 0600 key file.
// - Secrets (Kiwoom app/secret key per mode, Naver id/secret) go to the KeychainSecretStore, never
//   to the INI; stored ones are never shown, only "stored" with a fingerprint. Where no keychain
//   service runs the dialog says so and that the owner-only file is used instead.
// - Switching the mode to live asks for an explicit confirmation (liveConfirmDialog()).
// - Which changes take effect on restart is said on each page and after saving.
// Threading: the GUI thread.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(CoreGateway *gateway, KeychainSecretStore *secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Adds Tools > Settings… (Ctrl+,) to the window; the dialog opens with the window's gateway and
    // a keychain store whose fallback file sits in the core's data directory.
    static void addMenuEntry(MainWindow *window);

    bool isLoaded() const { return m_pending == 0 && m_loadedOnce; }
    bool isBusy() const { return m_busy; }
    // No field shows an error (cross-field checks included).
    bool isValid() const;
    bool settingsFileBroken() const { return m_fileBroken; }
    // The labels of changed settings that only take effect on restart (after the last apply()).
    QStringList restartRequired() const { return m_restartRequired; }
    QMessageBox *liveConfirmDialog() const { return m_liveConfirm; }
    QMessageBox *rotateConfirmDialog() const { return m_rotateConfirm; }

public slots:
    // Saves every change; applied() reports the outcome. Refused (nothing saved) while invalid.
    void apply();
    void accept() override;
    // Re-reads everything from the core and the secret store, dropping unsaved edits.
    void reload();
    // Asks, then makes new control-API keys (the old ones stop working at once).
    void rotateKeys();

signals:
    void loaded();
    void applied(bool ok, const QString &message);
    void keysRotated(bool ok, const QString &message);

private:
    enum class Target
    {
        Setting, // a Settings key, written on the core's thread
        Trading, // a TradingCommands::updateTradingSettings field
    };
    struct Field
    {
        QString name; // Settings key, or the trading-settings JSON name
        Target target = Target::Setting;
        QString specKey; // the Settings spec giving type and bounds
        QString label;
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
        QVariant original;
        bool restart = false;
        std::function<QString(const QVariant &)> extraCheck;
    };
    struct SecretField
    {
        QString key; // SecretStore key name
        QString label;
        QLineEdit *edit = nullptr;
        QLabel *status = nullptr;
        QLabel *error = nullptr;
        QPushButton *remove = nullptr;
        bool stored = false;
        bool removeRequested = false;
    };

    void buildBrokerPage();
    void buildTradingPage();
    void buildControlPage();
    void buildNewsPage();
    void buildAppearancePage();
    QWidget *addPage(const QString &objectName, const QString &title, const QString &note, QFormLayout **form);

    Field &addField(QFormLayout *form, const QString &name, Target target, const QString &specKey, const QString &label,
        const QString &objectName, bool restart, const QString &suffix = QString());
    void addSecretField(QFormLayout *form, const QString &key, const QString &label, const QString &objectName);
    QLabel *makeErrorLabel(const QString &objectName);

    QVariant editorValue(const Field &field, QString *problem) const;
    void setEditorValue(Field &field, const QVariant &value);
    QString checkField(const Field &field) const;
    QString checkSecret(const SecretField &field) const;
    Field *field(const QString &name);
    const Field *field(const QString &name) const;
    void validateAll();
    void updateButtons();
    void setStatus(const QString &text, bool error);

    void onLoaded(const QJsonObject &snapshot);
    void readSecrets();
    void showSecretState(SecretField &secret, const QString &state);
    void showKeychainFallback();
    void onModeChanged();
    void showKeys(const QString &readKey, const QString &tradeKey, const QString &file);

    using Step = std::function<void(std::function<void(const QString &error)>)>;
    void runSteps(QList<Step> steps, std::function<void(const QString &error)> done);

    CoreGateway *m_gateway;
    QPointer<KeychainSecretStore> m_secrets;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<Field> m_fields; // stable addresses not needed: looked up by name
    QList<SecretField> m_secretFields;
    QCheckBox *m_autostart = nullptr;
    QLabel *m_autostartError = nullptr;
    QList<QLabel *> m_keychainNotes;
    QLabel *m_tradingNote = nullptr;
    QLineEdit *m_readKey = nullptr;
    QLineEdit *m_tradeKey = nullptr;
    QLabel *m_keyFileLabel = nullptr;
    QPushButton *m_showKeys = nullptr;
    QPushButton *m_rotate = nullptr;
    QPointer<QMessageBox> m_liveConfirm;
    QPointer<QMessageBox> m_rotateConfirm;
    QString m_confirmedMode; // the mode the combo shows with the user's consent
    bool m_liveConfirmed = false;
    bool m_haveTrading = false;
    bool m_fileBroken = false;
    bool m_loadedOnce = false;
    bool m_busy = false;
    bool m_closeAfterApply = false;
    int m_pending = 0;
    QStringList m_restartRequired;
};
