// SPDX-License-Identifier: GPL-3.0-or-later
#include "killswitch.h"

#include "common/clock.h"
#include "common/logging.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/enginestaterepository.h"

using namespace Qt::StringLiterals;
using Trading::KillSwitchMode;
using Trading::KillSwitchState;

QJsonObject KillSwitchState::toJson() const
{
    return { { u"mode"_s, Trading::killSwitchModeText(mode) }, { u"reason"_s, reason }, { u"since"_s, sinceMs },
        { u"actor"_s, actor } };
}

std::optional<KillSwitchState> KillSwitchState::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    const auto mode = Trading::killSwitchModeFromText(o.value(u"mode").toString());
    if (!mode)
        return std::nullopt;
    const QJsonValue since = o.value(u"since");
    if (!since.isUndefined() && !since.isDouble())
        return std::nullopt;
    KillSwitchState s;
    s.mode = *mode;
    s.reason = o.value(u"reason").toString();
    s.sinceMs = since.toInteger();
    s.actor = o.value(u"actor").toString();
    return s;
}

QString KillSwitch::stateKey()
{
    return u"kill_switch"_s;
}

KillSwitch::KillSwitch(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    m_state.mode = KillSwitchMode::NoNewEntries;
    m_state.reason = u"kill switch state not loaded yet"_s;
    m_state.actor = u"engine"_s;
    m_saved = m_state;
}

KillSwitch::~KillSwitch() = default;

bool KillSwitch::isUserActor(const QString &actor)
{
    return actor == u"ui" || actor == u"api" || actor == u"cli";
}

void KillSwitch::failClosed(const QString &reason)
{
    // Not saved on purpose (m_saved follows): the stored value is left for a person to look at.
    m_state = m_saved = { KillSwitchMode::NoNewEntries, reason, m_db.clock().nowMs(), u"engine"_s };
    qCWarning(lcTrading).noquote() << "kill switch:" << reason << "- new entries stay blocked";
    emit modeChanged(m_state.mode, m_state.reason, m_state.actor);
}

Status KillSwitch::load()
{
    EngineStateRepository repo(m_db);
    const auto stored = repo.get(stateKey());
    if (!stored.ok()) {
        failClosed(u"kill switch state could not be read: "_s + stored.error().message);
        return stored.error();
    }
    if (!stored.value()) {
        m_state = m_saved = {};
        emit modeChanged(m_state.mode, m_state.reason, m_state.actor);
        return {};
    }
    const auto state = KillSwitchState::fromJson(*stored.value());
    if (!state) {
        failClosed(u"stored kill switch state is not valid"_s);
        return Error { u"risk.kill_switch_state"_s,
            tr("The stored kill switch state is not valid; new buys stay blocked.") };
    }
    m_state = m_saved = *state;
    emit modeChanged(m_state.mode, m_state.reason, m_state.actor);
    return {};
}

Status KillSwitch::engage(KillSwitchMode mode, const QString &reason, const QString &actor)
{
    if (actor.trimmed().isEmpty())
        return Error { u"risk.invalid_actor"_s, tr("A kill switch change needs an actor.") };
    if (mode == m_state.mode)
        return {};
    if (mode < m_state.mode && !isUserActor(actor)) {
        return Error { u"risk.kill_switch_forbidden"_s,
            tr("Only a user (ui, api, cli) may lower the kill switch from %1 to %2, not %3.")
                .arg(Trading::killSwitchModeText(m_state.mode), Trading::killSwitchModeText(mode), actor) };
    }
    return change({ mode, reason, m_db.clock().nowMs(), actor });
}

Status KillSwitch::resume(const QString &actor)
{
    if (!isUserActor(actor)) {
        return Error { u"risk.kill_switch_forbidden"_s,
            tr("Only a user (ui, api, cli) may resume trading, not %1.").arg(actor.isEmpty() ? u"?"_s : actor) };
    }
    if (m_state.mode == KillSwitchMode::Off)
        return {};
    return change({ KillSwitchMode::Off, u"resumed"_s, m_db.clock().nowMs(), actor });
}

Status KillSwitch::persist(const KillSwitchState &next)
{
    const Status saved = m_db.transaction([&]() -> Status {
        EngineStateRepository repo(m_db);
        if (auto st = repo.set(stateKey(), next.toJson(), next.actor); !st)
            return st.error();
        AuditLog audit(m_db);
        if (auto st
            = audit.append(next.actor, u"risk"_s, std::nullopt, u"kill_switch"_s, m_saved.toJson(), next.toJson());
            !st)
            return st.error();
        return {};
    });
    if (saved.ok())
        m_saved = next;
    else
        qCWarning(lcTrading).noquote() << "kill switch" << Trading::killSwitchModeText(next.mode)
                                       << "could not be saved:" << saved.error().message;
    return saved;
}

Status KillSwitch::change(const KillSwitchState &next)
{
    const KillSwitchState previous = m_state;
    const bool raise = next.mode > previous.mode;
    const Status saved = persist(next);
    if (!saved.ok() && !raise)
        return saved.error();
    m_state = next;
    emit modeChanged(m_state.mode, m_state.reason, m_state.actor);
    if (raise) {
        if (previous.mode < KillSwitchMode::CancelAll && next.mode >= KillSwitchMode::CancelAll)
            emit cancelAllRequested();
        if (next.mode == KillSwitchMode::FlattenAll)
            emit flattenRequested();
    }
    if (!saved.ok()) {
        return Error { saved.error().code,
            tr("Kill switch set to %1 but not saved: %2")
                .arg(Trading::killSwitchModeText(next.mode), saved.error().message) };
    }
    return {};
}

Status KillSwitch::saveNow()
{
    if (isSaved())
        return {};
    return persist(m_state);
}

void KillSwitch::requestActions()
{
    if (m_state.mode >= KillSwitchMode::CancelAll)
        emit cancelAllRequested();
    if (m_state.mode == KillSwitchMode::FlattenAll)
        emit flattenRequested();
}
