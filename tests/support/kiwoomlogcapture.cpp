// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiwoomlogcapture.h"

#include <QLoggingCategory>

namespace {

QMutex s_mutex;
QStringList s_lines;
KiwoomLogCapture *s_active = nullptr;
QtMessageHandler s_previous = nullptr;

} // namespace

KiwoomLogCapture::KiwoomLogCapture()
{
    QMutexLocker lock(&s_mutex);
    s_lines.clear();
    s_active = this;
    QLoggingCategory::setFilterRules(QStringLiteral("kt.*=true"));
    m_previous = qInstallMessageHandler(&KiwoomLogCapture::handler);
    s_previous = m_previous;
}

KiwoomLogCapture::~KiwoomLogCapture()
{
    qInstallMessageHandler(m_previous);
    QLoggingCategory::setFilterRules(QString());
    QMutexLocker lock(&s_mutex);
    s_active = nullptr;
}

void KiwoomLogCapture::handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&s_mutex);
        s_lines << QStringLiteral("[%1] %2").arg(
            QLatin1String(context.category ? context.category : "default"), message);
    }
    // KT_ECHO_LOGS=1 shows the captured lines too (debugging a test).
    if (s_previous && qEnvironmentVariableIsSet("KT_ECHO_LOGS"))
        s_previous(type, context, message);
}

QStringList KiwoomLogCapture::lines() const
{
    QMutexLocker lock(&s_mutex);
    return s_lines;
}

bool KiwoomLogCapture::contains(const QString &text) const
{
    QMutexLocker lock(&s_mutex);
    for (const QString &l : std::as_const(s_lines)) {
        if (l.contains(text))
            return true;
    }
    return false;
}

QStringList KiwoomLogCapture::linesContainingAny(const QStringList &secrets) const
{
    QMutexLocker lock(&s_mutex);
    QStringList out;
    for (const QString &l : std::as_const(s_lines)) {
        for (const QString &s : secrets) {
            if (!s.isEmpty() && l.contains(s)) {
                out << l;
                break;
            }
        }
    }
    return out;
}
