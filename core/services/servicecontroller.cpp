// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicecontroller.h"

#include "common/logging.h"
#include "common/settings.h"

using namespace Qt::StringLiterals;

ServiceController::ServiceController(Settings &settings, QObject *parent) : QObject(parent), m_settings(settings) { }

ServiceController::~ServiceController() = default;

Status ServiceController::add(IService &service)
{
    if (this->service(service.name()))
        return Error { u"services.duplicate"_s,
            u"A service named \"%1\" is already registered."_s.arg(service.name()) };
    m_services.append(&service);
    return {};
}

QStringList ServiceController::names() const
{
    QStringList out;
    for (const IService *s : m_services)
        out.append(s->name());
    return out;
}

IService *ServiceController::service(const QString &name) const
{
    for (IService *s : m_services) {
        if (s->name() == name)
            return s;
    }
    return nullptr;
}

Error ServiceController::unknown(const QString &name) const
{
    return Error { u"services.unknown"_s,
        tr("Unknown service \"%1\"; the services are: %2.").arg(name, names().join(u", "_s)) };
}

Status ServiceController::start(const QString &name)
{
    IService *s = service(name);
    if (!s)
        return unknown(name);
    if (s->isRunning())
        return {};
    s->start();
    emit serviceStateChanged(name, s->isRunning());
    return {};
}

Status ServiceController::stop(const QString &name)
{
    IService *s = service(name);
    if (!s)
        return unknown(name);
    if (!s->isRunning())
        return {};
    s->stop();
    emit serviceStateChanged(name, s->isRunning());
    return {};
}

Status ServiceController::runNow(const QString &name)
{
    IService *s = service(name);
    if (!s)
        return unknown(name);
    s->runOnce();
    return {};
}

Result<QStringList> ServiceController::resolve(const QString &spec) const
{
    const QStringList items = Settings::splitList(spec);
    if (items.contains(u"all"_s))
        return names();
    for (const QString &n : items) {
        if (!service(n))
            return unknown(n);
    }
    return items;
}

Status ServiceController::startList(const QString &spec)
{
    const auto list = resolve(spec);
    if (!list)
        return list.error();
    for (const QString &n : *list)
        (void)start(n);
    return {};
}

void ServiceController::startAll()
{
    for (const QString &n : names())
        (void)start(n);
}

void ServiceController::stopAll()
{
    for (const QString &n : names())
        (void)stop(n);
}

QStringList ServiceController::autostartNames() const
{
    const QStringList wanted = m_settings.autostartServices();
    if (wanted.contains(u"all"_s))
        return names();
    QStringList out;
    for (const QString &n : wanted) {
        if (service(n))
            out.append(n);
        else
            qCWarning(lcServices).noquote() << "services/autostart names an unknown service" << n << "- ignored";
    }
    return out;
}

void ServiceController::startAutostart()
{
    const QStringList list = autostartNames();
    qCInfo(lcServices).noquote() << "autostart:" << (list.isEmpty() ? u"(none)"_s : list.join(u", "_s));
    for (const QString &n : list)
        (void)start(n);
}

Result<QJsonObject> ServiceController::status(const QString &name) const
{
    const IService *s = service(name);
    if (!s)
        return unknown(name);
    const std::optional<ServiceRun> last = s->lastRun();
    const qint64 next = s->nextRunInMs();
    const QStringList autostart = m_settings.autostartServices();
    return QJsonObject {
        { u"name"_s, s->name() },
        { u"running"_s, s->isRunning() },
        { u"busy"_s, s->isBusy() },
        { u"period_sec"_s, double(s->period().count()) / 1000.0 },
        { u"next_run_in_ms"_s, next >= 0 ? QJsonValue(double(next)) : QJsonValue(QJsonValue::Null) },
        { u"skipped_runs"_s, s->skippedRuns() },
        { u"last_run"_s, last ? QJsonValue(last->toJson()) : QJsonValue(QJsonValue::Null) },
        { u"autostart"_s, autostart.contains(u"all"_s) || autostart.contains(s->name()) },
    };
}

QJsonArray ServiceController::status() const
{
    QJsonArray out;
    for (const QString &n : names())
        out.append(status(n).value());
    return out;
}
