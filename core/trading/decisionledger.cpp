// SPDX-License-Identifier: GPL-3.0-or-later
#include "decisionledger.h"

#include "common/clock.h"
#include "common/logging.h"
#include "market/krx.h"

DecisionLedger::DecisionLedger(Database &db, const IClock &marketClock, QObject *parent)
    : QObject(parent), m_clock(marketClock), m_repository(db)
{
}

DecisionLedger::~DecisionLedger() = default;

qint64 DecisionLedger::record(const Storage::DecisionRecord &decision)
{
    Storage::DecisionRecord line = decision;
    if (line.atMs <= 0)
        line.atMs = m_clock.nowMs();
    if (line.tradingDate.isEmpty())
        line.tradingDate = Krx::tradingDateString(line.atMs);
    auto stored = m_repository.append(line);
    if (stored) {
        line.id = stored.value();
    } else {
        line.id = 0;
        qCWarning(lcTrading).noquote() << "decision ledger: could not store" << Storage::enumText(line.decision)
                                       << line.stockCode << "signal" << line.signalId.value_or(0) << "-" << line.message
                                       << ":" << stored.error().code << stored.error().message;
    }
    emit decisionRecorded(line);
    return line.id;
}

Result<QList<Storage::DecisionRecord>> DecisionLedger::query(const Storage::DecisionFilter &filter) const
{
    return m_repository.list(filter);
}

Result<QList<Storage::DecisionRecord>> DecisionLedger::forStock(
    const QString &code, const QString &tradingDate, int limit) const
{
    Storage::DecisionFilter filter;
    filter.code = code;
    filter.tradingDate = tradingDate;
    filter.limit = limit;
    return m_repository.list(filter);
}

Result<QList<Storage::DecisionRecord>> DecisionLedger::forSignal(
    Storage::DecisionKind kind, qint64 signalId, int limit) const
{
    Storage::DecisionFilter filter;
    filter.kind = kind;
    filter.signalId = signalId;
    filter.limit = limit;
    return m_repository.list(filter);
}

Storage::DecisionKind DecisionLedger::kindOf(Storage::SignalKind kind, const QString &source)
{
    if (kind == Storage::SignalKind::Strategy)
        return Storage::DecisionKind::Strategy;
    if (source.startsWith(QLatin1String("manual:")) || source.startsWith(QLatin1String("api:")))
        return Storage::DecisionKind::Manual;
    return Storage::DecisionKind::PendingBuy;
}

Storage::DecisionRecord DecisionLedger::line(Storage::DecisionKind kind, std::optional<qint64> signalId,
    const QString &code, const QString &source, Storage::Decision decision, const QString &message,
    const QJsonObject &data)
{
    Storage::DecisionRecord r;
    r.kind = kind;
    r.signalId = signalId;
    r.stockCode = code;
    r.source = source;
    r.decision = decision;
    r.message = message;
    r.data = data;
    return r;
}
