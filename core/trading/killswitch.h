// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tradingtypes.h"

#include "common/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>

#include <optional>

class Database;

namespace Trading {

// The kill switch's state as stored in engine_state["kill_switch"] and shown to the user.
struct KillSwitchState
{
    KillSwitchMode mode = KillSwitchMode::Off;
    QString reason;
    qint64 sinceMs = 0; // UTC epoch ms of the change
    QString actor; // who set it: "ui", "api", "cli", "service.<name>", "engine"

    // {"mode": "CANCEL_ALL", "reason": "...", "since": 1741914000000, "actor": "ui"}
    QJsonObject toJson() const;
    // nullopt for anything that is not such an object with a known mode.
    static std::optional<KillSwitchState> fromJson(const QJsonValue &value);
    bool operator==(const KillSwitchState &) const = default;
};

} // namespace Trading

// KillSwitch: the emergency brake (긴급 정지) in front of the whole engine, with explicit modes
// (Trading::KillSwitchMode: NoNewEntries < ReduceOnly < CancelAll < FlattenAll). It exists so a
// user, a script or a risk rule can stop the engine from buying — and make it cancel or sell
// everything — with one call, and so that the stop survives a restart.
//
// Guarantees:
// - Fail closed: until load() has read the stored state the mode is NoNewEntries ("not loaded");
//   a stored state that cannot be read also leaves NoNewEntries (and load() returns the Error; the
//   stored value is left for a person to look at until a user or a raise changes the mode).
// - engage(): any actor may raise the mode; lowering it (and resume() → Off) is for user actors
//   only ("ui", "api", "cli"); a service gets risk.kill_switch_forbidden and nothing changes.
//   Engaging the current mode again changes nothing.
// - Every change is saved (engine_state "kill_switch") and audited (audit_log entity "risk",
//   action "kill_switch", before/after as JSON) in one transaction, then emitted as
//   modeChanged(mode, reason, actor); `since` is the database's clock (the audit's). A raise takes effect even when it
//   cannot be saved (a stop is never refused because the disk is busy): the Error is returned, mode() already shows it
//   and isSaved() is false until a later change or saveNow() stores it. A lowering that cannot be saved does not
//   happen.
// - Raising the mode from below CancelAll to CancelAll or FlattenAll emits cancelAllRequested();
//   raising it to FlattenAll then emits flattenRequested(): once per entry, never on a lowering
//   (the engine wires them to the order manager and the exits). load() does not repeat them; the
//   engine calls requestActions() once reconciled after a restart.
// Thread: the core's thread (it uses the Database, which belongs to the thread that opened it).
class KillSwitch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KillSwitch)

public:
    static QString stateKey(); // "kill_switch"

    explicit KillSwitch(Database &db, QObject *parent = nullptr);
    ~KillSwitch() override;

    // Reads the stored state (none stored: Off). Emits modeChanged once with what it read.
    Status load();

    Trading::KillSwitchState state() const { return m_state; }
    Trading::KillSwitchMode mode() const { return m_state.mode; }
    QString reason() const { return m_state.reason; }
    qint64 sinceMs() const { return m_state.sinceMs; }
    QString actor() const { return m_state.actor; }

    Status engage(Trading::KillSwitchMode mode, const QString &reason, const QString &actor);
    // Back to Off; user actors only.
    Status resume(const QString &actor);
    // False while the mode in memory is a raise the database refused (busy, failing disk).
    bool isSaved() const { return m_state == m_saved; }
    // Stores (and audits, with the original actor) a mode that could not be saved; nothing when saved.
    // The engine calls it when the database is healthy again.
    Status saveNow();
    // Emits the current mode's one-shot requests again (cancelAllRequested for CancelAll and
    // FlattenAll, then flattenRequested for FlattenAll); nothing for the milder modes.
    void requestActions();

    static bool isUserActor(const QString &actor);

signals:
    void modeChanged(Trading::KillSwitchMode mode, const QString &reason, const QString &actor);
    void cancelAllRequested();
    void flattenRequested();

private:
    Status change(const Trading::KillSwitchState &next);
    Status persist(const Trading::KillSwitchState &next);
    void failClosed(const QString &reason);

    Database &m_db;
    Trading::KillSwitchState m_state;
    Trading::KillSwitchState m_saved; // what the database holds (as far as this object knows)
};
