// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QStringList>
#include <QtGlobal>

// Captures every log message (unredacted, exactly as the code produced it) while alive, with all
// kt.* categories enabled down to debug, so tests can prove that secrets never reach a log call
// and that the informative lines are there.
class KiwoomLogCapture final
{
public:
    KiwoomLogCapture();
    ~KiwoomLogCapture();
    Q_DISABLE_COPY_MOVE(KiwoomLogCapture)

    QStringList lines() const;
    bool contains(const QString &text) const;
    // Lines containing any of the given secrets (should be empty).
    QStringList linesContainingAny(const QStringList &secrets) const;

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message);
    QtMessageHandler m_previous = nullptr;
};
