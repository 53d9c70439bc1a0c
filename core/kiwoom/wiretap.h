// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kiwoom {

// WireTap observes what the broker sent, for the market recorder: RealtimeClient hands it every
// text frame as received (before parsing), RestClient every successful market-data reply (quote and
// chart TRs). Data flows one way: a tap only looks, it never changes or delays what the client does,
// so its calls must return at once (queue and leave; MarketRecorder takes a mutex and appends).
// Called on the client's thread (the core's).
class WireTap
{
public:
    virtual ~WireTap() = default;
    // receivedMs: market time (the session's market clock), UTC epoch ms.
    virtual void realtimeFrame(qint64 receivedMs, const QByteArray &utf8) = 0;
    virtual void restReply(
        qint64 receivedMs, const QString &apiId, const QByteArray &requestBody, const QList<QJsonObject> &pages)
        = 0;
};

} // namespace Kiwoom
