// SPDX-License-Identifier: GPL-3.0-or-later
#include "decisionrepository.h"

#include "common/clock.h"
#include "database.h"
#include "market/krx.h"
#include "sqlutil.h"

#include <QDate>

using namespace Storage;

namespace {

const QString DECISION_COLUMNS
    = QStringLiteral("SELECT id, at, trading_date, stock_code, signal_kind, signal_id, source, decision, rule, "
                     "message, data, order_id FROM signal_decisions ");

DecisionRecord readDecision(const QSqlQuery &q)
{
    DecisionRecord r;
    r.id = q.value(0).toLongLong();
    r.atMs = q.value(1).toLongLong();
    r.tradingDate = q.value(2).toString();
    r.stockCode = q.value(3).toString();
    r.kind = enumValue(q.value(4), DecisionKind::PendingBuy);
    r.signalId = optionalInt(q.value(5));
    r.source = q.value(6).toString();
    r.decision = enumValue(q.value(7), Decision::Unknown);
    r.rule = q.value(8).toString();
    r.message = q.value(9).toString();
    r.data = jsonObject(q.value(10).toString());
    r.orderId = optionalInt(q.value(11));
    return r;
}

} // namespace

DecisionRepository::DecisionRepository(Database &db) : m_db(db) { }

Result<qint64> DecisionRepository::append(const DecisionRecord &decision)
{
    if (decision.stockCode.isEmpty() || decision.message.isEmpty())
        return makeError(Errc::InvalidArgument, QStringLiteral("a decision needs a stock code and a message"));
    const qint64 at = decision.atMs > 0 ? decision.atMs : m_db.clock().nowMs();
    const QString tradingDate = decision.tradingDate.isEmpty() ? Krx::tradingDateString(at) : decision.tradingDate;
    if (!QDate::fromString(tradingDate, Qt::ISODate).isValid())
        return makeError(Errc::InvalidArgument, QStringLiteral("not a trading date: %1").arg(tradingDate));
    return m_db.transaction([&]() -> Result<qint64> {
        auto inserted = Storage::exec(m_db.connection(),
            QStringLiteral(
                "INSERT INTO signal_decisions (at, trading_date, stock_code, signal_kind, signal_id, source, "
                "decision, rule, message, data, order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { at, tradingDate, decision.stockCode, enumText(decision.kind), nullable(decision.signalId),
                decision.source, enumText(decision.decision), nullableText(decision.rule), decision.message,
                jsonText(decision.data), nullable(decision.orderId) });
        if (!inserted)
            return inserted.error();
        return inserted.value().lastInsertId().toLongLong();
    });
}

Result<QList<DecisionRecord>> DecisionRepository::list(const DecisionFilter &filter) const
{
    QStringList terms;
    QVariantList binds;
    if (filter.code) {
        terms << QStringLiteral("stock_code = ?");
        binds << *filter.code;
    }
    if (filter.tradingDate) {
        terms << QStringLiteral("trading_date = ?");
        binds << *filter.tradingDate;
    }
    if (filter.kind) {
        terms << QStringLiteral("signal_kind = ?");
        binds << enumText(*filter.kind);
    }
    if (filter.signalId) {
        terms << QStringLiteral("signal_id = ?");
        binds << *filter.signalId;
    }
    QString sql = DECISION_COLUMNS;
    if (!terms.isEmpty())
        sql += QLatin1String("WHERE ") + terms.join(QLatin1String(" AND "));
    sql += QLatin1String(" ORDER BY id DESC LIMIT ?");
    binds << filter.limit;
    return readList<DecisionRecord>(Storage::exec(m_db.connection(), sql, binds), readDecision);
}
