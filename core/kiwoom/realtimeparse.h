// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kiwoomerror.h"
#include "realtimetypes.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>

#include <optional>
#include <variant>

// Parsing of WebSocket REAL frames into typed events. Pure functions (no state, no I/O; any
// thread), so the RealtimeClient, the tests and the benchmark share them. A frame holds several
// entries; a bad entry becomes an error and the good ones are still delivered.
//
// Order and balance notices (00, 04) are never dropped for a field that cannot be read: the entry
// is delivered with what could be read and the bad fields listed (OrderExecution::complete(),
// BalanceUpdate::complete()), so the consumer reconciles with the broker instead of losing a fill.
//
// Two ways in, one result: parseRealFrame() over a QJsonObject (the full JSON path), and
// parseRealFrameFast() over the frame's UTF-8 text for the shape Kiwoom sends (realtimescan.h),
// which gives exactly what QJsonDocument + parseRealFrame() give for every frame it accepts and
// hands every other frame back untouched.
namespace Kiwoom {

using RealtimeEvent = std::variant<TradeTick, OrderBookUpdate, OrderExecution, BalanceUpdate, MarketStatusEvent,
    ViEvent, ConditionHit, RawRealtime>;

struct ParsedRealFrame
{
    QList<RealtimeEvent> events;
    QList<KiwoomError> errors; // one per malformed entry, which is not in events (kind Parse)
    // One per notice delivered incomplete (in events, complete() false): what could not be read,
    // for the log (kind Parse).
    QList<KiwoomError> incomplete;

    bool operator==(const ParsedRealFrame &) const = default;
};

// Parses {"trnm":"REAL","data":[{type,name,item,values}, ...]}. Each delivered entry gets the next
// sequence number from *seq (incremented).
ParsedRealFrame parseRealFrame(const QJsonObject &frame, qint64 receivedMs, quint64 *seq);

// The same from the UTF-8 text of a frame, without QJsonDocument, when the text is a REAL frame in
// the shape the scanner reads (realtimescan.h). nullopt for any other text — not a REAL frame, not
// JSON, or JSON the scanner leaves to QJsonDocument — and then *seq is untouched: parse the text
// as JSON and, if it is a REAL frame, call parseRealFrame().
std::optional<ParsedRealFrame> parseRealFrameFast(QByteArrayView utf8, qint64 receivedMs, quint64 *seq);

// Text to events, fast when possible, else through QJsonDocument and parseRealFrame(). A text that
// is not a JSON object with "trnm":"REAL" gives one error.
ParsedRealFrame parseRealFrameText(QByteArrayView utf8, qint64 receivedMs, quint64 *seq);

// One data entry; meta.seq is left 0.
KiwoomResult<RealtimeEvent> parseRealEntry(const QJsonObject &entry, qint64 receivedMs);

// The per-type parsers, given the entry's values object and item. parseOrderExecution and
// parseBalanceUpdate always give a value (see complete()).
KiwoomResult<TradeTick> parseTradeTick(const QJsonObject &values, const QString &item, qint64 receivedMs);
KiwoomResult<OrderBookUpdate> parseOrderBookUpdate(const QJsonObject &values, const QString &item, qint64 receivedMs);
KiwoomResult<OrderExecution> parseOrderExecution(const QJsonObject &values, const QString &item, qint64 receivedMs);
KiwoomResult<BalanceUpdate> parseBalanceUpdate(const QJsonObject &values, const QString &item, qint64 receivedMs);
KiwoomResult<MarketStatusEvent> parseMarketStatus(const QJsonObject &values, const QString &item, qint64 receivedMs);
KiwoomResult<ViEvent> parseViEvent(const QJsonObject &values, const QString &item, qint64 receivedMs);
KiwoomResult<ConditionHit> parseConditionHit(const QJsonObject &values, const QString &item, qint64 receivedMs);

// The meta of any event in the variant.
const RealtimeMeta &metaOf(const RealtimeEvent &event);
RealtimeMeta &metaOf(RealtimeEvent &event);

} // namespace Kiwoom
