// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordercontrol.h"

#include "marketrecorder.h"

#include "common/activitylog.h"
#include "common/settings.h"
#include "storage/auditlog.h"
#include "trading/eventfeed.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>

namespace {

const QString ENABLED_KEY = QStringLiteral("record/enabled");

} // namespace

RecorderControl::RecorderControl(Deps deps) : m_deps(std::move(deps)) { }

QJsonObject RecorderControl::status() const
{
    MarketRecorder *recorder = m_deps.recorder ? m_deps.recorder() : nullptr;
    const bool recording = recorder && recorder->isRunning();
    const MarketRecorder::Stats s = recorder ? recorder->stats() : MarketRecorder::Stats {};
    return QJsonObject {
        { QStringLiteral("enabled"), m_deps.settings && m_deps.settings->recordEnabled() },
        { QStringLiteral("recording"), recording },
        { QStringLiteral("file"), s.currentFile.isEmpty() ? QJsonValue() : QJsonValue(s.currentFile) },
        { QStringLiteral("directory"), QDir::toNativeSeparators(m_deps.directory) },
        { QStringLiteral("cap_bytes"),
            double(recorder           ? recorder->config().maxBytes
                    : m_deps.settings ? m_deps.settings->recordMaxBytes()
                                      : 0) },
        { QStringLiteral("frames"), double(s.framesQueued) },
        { QStringLiteral("records"), double(s.recordsWritten) },
        { QStringLiteral("blocks"), double(s.blocksWritten) },
        { QStringLiteral("bytes_written"), double(s.fileBytes) },
        { QStringLiteral("raw_bytes"), double(s.rawBytes) },
        { QStringLiteral("files_deleted"), double(s.filesDeleted) },
        { QStringLiteral("errors"), double(s.errors) },
        { QStringLiteral("last_error"), s.lastError.isEmpty() ? QJsonValue() : QJsonValue(s.lastError) },
    };
}

Result<QJsonObject> RecorderControl::setEnabled(bool enabled, const QString &actor)
{
    if (!m_deps.settings)
        return Error { QStringLiteral("command.not_ready"),
            QCoreApplication::translate("RecorderControl", "The settings are not loaded yet.") };
    const QString verb = enabled ? QStringLiteral("recorder.enable") : QStringLiteral("recorder.disable");
    const QJsonObject arguments { { QStringLiteral("enabled"), enabled } };
    const QString who = actor.isEmpty() ? QStringLiteral("unknown") : actor;
    Result<QJsonObject> result = [&]() -> Result<QJsonObject> {
        Settings &settings = *m_deps.settings;
        if (Status st = settings.setValue(ENABLED_KEY, enabled); !st)
            return st.error();
        settings.sync();
        return status();
    }();
    if (m_deps.database) {
        const QJsonObject after = result ? result.value()
                                         : QJsonObject { { QStringLiteral("error"),
                                             QJsonObject { { QStringLiteral("code"), result.error().code },
                                                 { QStringLiteral("message"), result.error().message } } } };
        if (auto audited
            = AuditLog(*m_deps.database).append(who, QStringLiteral("command"), std::nullopt, verb, arguments, after);
            !audited) {
            qWarning().noquote() << "command" << verb << "not audited:" << audited.error().message;
        }
    }
    if (result) {
        if (m_deps.activity) {
            m_deps.activity->add(ActivityLog::Level::Info, QStringLiteral("recorder"),
                enabled ? QCoreApplication::translate("RecorderControl", "Market data recording switched on (by %1)")
                              .arg(who)
                        : QCoreApplication::translate("RecorderControl", "Market data recording switched off (by %1)")
                              .arg(who));
        }
        if (m_deps.events)
            m_deps.events->touch({ QStringLiteral("settings"), QStringLiteral("recorder") });
    }
    return result;
}
