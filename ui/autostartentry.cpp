// SPDX-License-Identifier: GPL-3.0-or-later
#include "autostartentry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace AutostartEntry {

namespace {
QString configHome()
{
    // The spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (!xdg.isEmpty() && QDir::isAbsolutePath(xdg))
        return xdg;
    return QDir::homePath() + QStringLiteral("/.config");
}

// Exec= quoting of the Desktop Entry spec: an argument with reserved characters is double-quoted,
// and inside quotes ", `, $ and \ are escaped with a backslash; a literal % is written %%.
QString quoteArgument(const QString &arg)
{
    QString escaped;
    bool needsQuotes = arg.isEmpty();
    for (const QChar c : arg) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\') {
            escaped += u'\\';
            needsQuotes = true;
        } else if (c.isSpace() || QStringLiteral("'><~|&;*?#()").contains(c)) {
            needsQuotes = true;
        }
        escaped += c;
    }
    escaped.replace(QStringLiteral("%"), QStringLiteral("%%"));
    return needsQuotes ? u'"' + escaped + u'"' : escaped;
}
} // namespace

QString path()
{
    return configHome() + QStringLiteral("/autostart/kiwoom-trader.desktop");
}

bool isEnabled()
{
    return QFileInfo::exists(path());
}

QByteArray contents(const QString &program)
{
    QString text;
    text += QStringLiteral("[Desktop Entry]\n");
    text += QStringLiteral("Type=Application\n");
    text += QStringLiteral("Name=Kiwoom Trader\n");
    text += QStringLiteral("Comment=Automated trading terminal for Kiwoom Securities (starts in the tray)\n");
    text += QStringLiteral("Exec=%1 --minimized\n").arg(quoteArgument(program));
    text += QStringLiteral("Icon=kiwoom-trader\n");
    text += QStringLiteral("Terminal=false\n");
    text += QStringLiteral("X-GNOME-Autostart-enabled=true\n");
    return text.toUtf8();
}

Status setEnabled(bool enabled, const QString &program)
{
    const QString file = path();
    if (!enabled) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            return Error { QStringLiteral("autostart.remove"),
                QCoreApplication::translate("AutostartEntry", "Cannot remove the autostart entry %1.")
                    .arg(QDir::toNativeSeparators(file)) };
        return {};
    }
    const QString exe = program.isEmpty() ? QCoreApplication::applicationFilePath() : program;
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return Error { QStringLiteral("autostart.write"),
            QCoreApplication::translate("AutostartEntry", "Cannot create the folder %1.")
                .arg(QDir::toNativeSeparators(QFileInfo(file).absolutePath())) };
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(contents(exe)) < 0 || !out.commit())
        return Error { QStringLiteral("autostart.write"),
            QCoreApplication::translate("AutostartEntry", "Cannot write the autostart entry %1: %2")
                .arg(QDir::toNativeSeparators(file), out.errorString()) };
    return {};
}

} // namespace AutostartEntry
