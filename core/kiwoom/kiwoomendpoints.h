// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>
#include <QUrl>

// Where the client connects: the REST base URL and the WebSocket URL (protocol §1).
//   live  https://api.kiwoom.com      wss://api.kiwoom.com:10000/api/dostk/websocket
//   mock  https://mockapi.kiwoom.com  wss://mockapi.kiwoom.com:10000/api/dostk/websocket
//   demo  the built-in simulator; the app starts it and hands its URLs in (fromUrls)
// --rest-url / --ws-url (or Settings broker/restUrl, broker/wsUrl) point at any Kiwoom-compatible
// server instead (resolve()).
struct KiwoomEndpoints
{
    QUrl restBase;
    QUrl wsUrl;

    bool isValid() const { return restBase.isValid() && wsUrl.isValid(); }

    // "live" or "mock"; "demo" and anything else is an error (demo URLs come from the simulator).
    static Result<KiwoomEndpoints> forMode(const QString &mode);
    // Validates http(s):// and ws(s):// URLs.
    static Result<KiwoomEndpoints> fromUrls(const QString &restBase, const QString &wsUrl);
    // The mode's hosts with either URL replaced by a non-empty override; demo needs both overrides.
    static Result<KiwoomEndpoints> resolve(const QString &mode, const QString &restOverride, const QString &wsOverride);
};
