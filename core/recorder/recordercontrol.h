// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

#include <functional>

class ActivityLog;
class Database;
class EventFeed;
class MarketRecorder;
class Settings;

// RecorderControl is the Record toggle's one path (issue 12): the desktop UI's "Record market data"
// action (through CoreGateway, actor "ui") and the control API's GET/PUT /api/v1/recorder (actor
// "api") both read and change recording here, so they behave the same.
// - status(): record/enabled, whether the recorder runs (it needs a broker session too), the day's
//   file, the directory, the size cap and the recorder's counters (MarketRecorder::stats()).
// - setEnabled(): writes record/enabled as the settings dialog does (validated, saved to disk), so
//   the owner of the recorder (TradingCore::applyRecordSetting, on Settings::changed) starts or
//   stops it; marks the "settings" and "recorder" topics stale, notes it in the activity log and
//   leaves one audit_log row (entity "command", action "recorder.enable" / "recorder.disable") with
//   the actor. A refused value changes nothing.
// Threading: the core's thread (Settings is not thread-safe; MarketRecorder::stats() is).
class RecorderControl final
{
public:
    struct Deps
    {
        Settings *settings = nullptr; // required
        Database *database = nullptr; // the audit row; null: not audited
        ActivityLog *activity = nullptr; // may be null
        EventFeed *events = nullptr; // may be null
        std::function<MarketRecorder *()> recorder; // the running recorder or null
        QString directory; // where the recordings go (<data-dir>/recordings)
    };

    explicit RecorderControl(Deps deps);

    // {"enabled", "recording", "file", "directory", "cap_bytes", "frames", "records", "blocks",
    //  "bytes_written", "raw_bytes", "files_deleted", "errors", "last_error"}.
    QJsonObject status() const;
    Result<QJsonObject> setEnabled(bool enabled, const QString &actor);

private:
    Deps m_deps;
};
