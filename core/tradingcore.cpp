// SPDX-License-Identifier: GPL-3.0-or-later
#include "tradingcore.h"

#include "common/activitylog.h"
#include "common/clock.h"
#include "common/logging.h"
#include "common/settings.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>

TradingCore::TradingCore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(m_options.clock ? m_options.clock : &SystemClock::instance())
{
}

TradingCore::~TradingCore()
{
    stop();
}

QString TradingCore::databaseDir() const
{
    // One database per broker mode: demo fills must never be reconciled against a live account.
    return QDir(m_options.dataDir).filePath(m_mode);
}

Status TradingCore::start()
{
    if (m_running)
        return {};
    m_settings = std::make_unique<Settings>(m_options.configFile);
    m_activity = std::make_unique<ActivityLog>();
    m_mode = m_options.mode.isEmpty() ? m_settings->mode() : m_options.mode;

    // Money history is private: the database directory and file are readable by the owner only.
    QDir().mkpath(databaseDir());
    QFile::setPermissions(databaseDir(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto db = Database::open(databaseDir(), *m_clock);
    if (!db) {
        qCCritical(lcStorage).noquote() << "cannot open the database:" << db.error().message;
        m_activity->add(ActivityLog::Level::Error, QStringLiteral("storage"),
                        tr("The database could not be opened, so nothing will trade: %1").arg(db.error().message));
        return Error { db.error().code,
                       tr("The database could not be opened, so nothing will trade: %1").arg(db.error().message) };
    }
    m_database = std::move(db).value();
    QFile::setPermissions(m_database->filePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qCInfo(lcStorage).noquote() << "database" << m_database->filePath() << "schema version"
                                << m_database->schemaVersion().valueOr(-1);

    m_running = true;
    qCInfo(lcApp).noquote() << "trading core started in" << m_mode << "mode";
    m_activity->add(ActivityLog::Level::Info, QStringLiteral("app"), tr("Started in %1 mode.").arg(m_mode));
    emit started();
    return {};
}

void TradingCore::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_database) {
        m_database->close();
        m_database.reset();
        qCInfo(lcStorage) << "database closed";
    }
    qCInfo(lcApp) << "trading core stopped";
    emit stopped();
}
