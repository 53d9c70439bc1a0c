// SPDX-License-Identifier: GPL-3.0-or-later
#include "conditionsearch.h"

#include "common/logging.h"
#include "fieldreader.h"
#include "realtimeclient.h"

#include <QDeadlineTimer>
#include <QJsonArray>

#include <limits>
#include <vector>

using Need = FieldReader::Need;

struct ConditionSearch::Op
{
    enum class Kind
    {
        List,
        Search,
        Realtime,
        Clear,
    };
    Kind kind = Kind::List;
    QString seq;
    int maxPages = 1;
    QString startKey; // Paging::nextKey of the request
    QString nextKey; // key for the next page
    bool continuation = false;
    QList<Kiwoom::ConditionRow> rows;
    int pages = 0;
    bool internal = false; // issued by this class (restore after reconnect, CNSRLST before CNSRREQ 1)
    bool restore = false;
    QDeadlineTimer queueDeadline { QDeadlineTimer::Forever }; // unsent past this: fails (callers' requests)
    QPointer<QObject> context;
    bool guarded = false;
    Callback<QList<Kiwoom::ConditionInfo>> listDone;
    Callback<Kiwoom::ConditionSearchResult> searchDone;
    Callback<QStringList> realtimeDone;
    Callback<bool> clearDone;

    // Hands an error to the caller's callback, unless the caller is gone or the request is internal.
    void reportError(const KiwoomError &error) const
    {
        if (internal || (guarded && !context))
            return;
        switch (kind) {
        case Kind::List:
            if (listDone)
                listDone(error);
            break;
        case Kind::Search:
            if (searchDone)
                searchDone(error);
            break;
        case Kind::Realtime:
            if (realtimeDone)
                realtimeDone(error);
            break;
        case Kind::Clear:
            if (clearDone)
                clearDone(error);
            break;
        }
    }

    QString trnm() const
    {
        switch (kind) {
        case Kind::List:
            return QStringLiteral("CNSRLST");
        case Kind::Search:
        case Kind::Realtime:
            return QStringLiteral("CNSRREQ");
        case Kind::Clear:
            return QStringLiteral("CNSRCLR");
        }
        return {};
    }
};

ConditionSearch::ConditionSearch(RealtimeClient &realtime, QObject *parent)
    : QObject(parent), m_realtime(realtime), m_timeout(this), m_queueTimer(this)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ConditionSearch::onTimeout);
    m_queueTimer.setSingleShot(true);
    connect(&m_queueTimer, &QTimer::timeout, this, &ConditionSearch::expireQueued);
    connect(&m_realtime, &RealtimeClient::responseReceived, this, &ConditionSearch::onResponse);
    connect(&m_realtime, &RealtimeClient::loggedIn, this, &ConditionSearch::onLoggedIn);
    connect(&m_realtime, &RealtimeClient::stateChanged, this, [this](RealtimeClient::State state) {
        if (state != RealtimeClient::State::LoggedIn)
            onConnectionLost();
    });
    connect(&m_realtime, &RealtimeClient::conditionHitReceived, this, &ConditionSearch::onHit);
}

ConditionSearch::~ConditionSearch() = default;

QStringList ConditionSearch::activeRealtime() const
{
    return m_active;
}

void ConditionSearch::enqueue(const OpPtr &op, bool front)
{
    if (!op->internal && m_config.queueTimeoutMs > 0)
        op->queueDeadline = QDeadlineTimer(m_config.queueTimeoutMs);
    if (front)
        m_queue.push_front(op);
    else
        m_queue.push_back(op);
    // From the event loop, so callers never see their callback before the call returns.
    QTimer::singleShot(0, this, &ConditionSearch::pump);
    armQueueTimer();
}

void ConditionSearch::armQueueTimer()
{
    qint64 earliest = -1;
    for (const OpPtr &op : m_queue) {
        if (op->queueDeadline.isForever())
            continue;
        const qint64 left = op->queueDeadline.remainingTime();
        if (earliest < 0 || left < earliest)
            earliest = left;
    }
    if (earliest < 0)
        m_queueTimer.stop();
    else
        m_queueTimer.start(int(std::min<qint64>(earliest, std::numeric_limits<int>::max())));
}

void ConditionSearch::expireQueued()
{
    std::vector<OpPtr> expired;
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (!(*it)->queueDeadline.isForever() && (*it)->queueDeadline.hasExpired()) {
            expired.push_back(*it);
            it = m_queue.erase(it);
        } else {
            ++it;
        }
    }
    for (const OpPtr &op : expired) {
        fail(op,
            KiwoomError::make(KiwoomError::Kind::Timeout, op->trnm(),
                QStringLiteral("%1: not sent within %2 ms (the realtime connection is down)")
                    .arg(op->trnm())
                    .arg(m_config.queueTimeoutMs)));
    }
    armQueueTimer();
}

void ConditionSearch::listConditions(QObject *context, Callback<QList<Kiwoom::ConditionInfo>> done)
{
    auto op = std::make_shared<Op>();
    op->kind = Op::Kind::List;
    op->context = context;
    op->guarded = context != nullptr;
    op->listDone = std::move(done);
    enqueue(op);
}

void ConditionSearch::search(
    const QString &seq, const Kiwoom::Paging &paging, QObject *context, Callback<Kiwoom::ConditionSearchResult> done)
{
    auto op = std::make_shared<Op>();
    op->kind = Op::Kind::Search;
    op->seq = seq.trimmed();
    op->maxPages = std::max(1, paging.maxPages);
    op->startKey = paging.nextKey;
    op->nextKey = paging.nextKey;
    op->continuation = !paging.nextKey.isEmpty();
    op->context = context;
    op->guarded = context != nullptr;
    op->searchDone = std::move(done);
    enqueue(op);
}

void ConditionSearch::startRealtime(const QString &seq, QObject *context, Callback<QStringList> done)
{
    auto op = std::make_shared<Op>();
    op->kind = Op::Kind::Realtime;
    op->seq = seq.trimmed();
    op->context = context;
    op->guarded = context != nullptr;
    op->realtimeDone = std::move(done);
    if (!m_active.contains(op->seq)) {
        if (m_active.size() >= m_config.maxRealtimeConditions) {
            fail(op,
                KiwoomError::make(KiwoomError::Kind::Invalid, QStringLiteral("CNSRREQ"),
                    QStringLiteral("at most %1 realtime conditions per login; stop one first (active: %2)")
                        .arg(m_config.maxRealtimeConditions)
                        .arg(m_active.join(QLatin1Char(',')))));
            return;
        }
        m_active << op->seq; // counts against the cap from now on
    }
    enqueue(op);
}

void ConditionSearch::stopRealtime(const QString &seq, QObject *context, Callback<bool> done)
{
    auto op = std::make_shared<Op>();
    op->kind = Op::Kind::Clear;
    op->seq = seq.trimmed();
    op->context = context;
    op->guarded = context != nullptr;
    op->clearDone = std::move(done);
    // Forget it at once: hits arriving until the ack are no longer members of an active condition.
    m_active.removeAll(op->seq);
    m_members.remove(op->seq);
    enqueue(op);
}

void ConditionSearch::cancelAll()
{
    m_timeout.stop();
    m_queueTimer.stop();
    std::deque<OpPtr> ops = std::exchange(m_queue, {});
    if (m_current)
        ops.push_front(std::exchange(m_current, nullptr));
    m_active.clear();
    m_members.clear();
    const KiwoomError cancelled
        = KiwoomError::make(KiwoomError::Kind::Cancelled, QStringLiteral("CNSR"), QStringLiteral("cancelled"));
    for (const OpPtr &op : ops) {
        if (op->kind == Op::Kind::Clear) {
            if (op->clearDone && !op->internal && (!op->guarded || op->context))
                op->clearDone(true); // nothing is registered any more
            continue;
        }
        op->reportError(cancelled);
    }
}

void ConditionSearch::pump()
{
    if (m_current || m_queue.empty() || !m_realtime.isLoggedIn())
        return;
    if (m_sendGate && !m_sendGate())
        return;
    OpPtr op = m_queue.front();
    if (op->kind == Op::Kind::Realtime && !m_listedThisSession) {
        auto list = std::make_shared<Op>();
        list->kind = Op::Kind::List;
        list->internal = true;
        m_queue.push_front(list);
        op = list;
    }
    m_queue.pop_front();
    m_current = op;
    if (!sendCurrent()) {
        m_current.reset();
        m_queue.push_front(op);
    }
    armQueueTimer();
}

bool ConditionSearch::sendCurrent()
{
    const OpPtr &op = m_current;
    QJsonObject frame { { QStringLiteral("trnm"), op->trnm() } };
    switch (op->kind) {
    case Op::Kind::List:
        break;
    case Op::Kind::Search:
        frame.insert(QStringLiteral("seq"), op->seq);
        frame.insert(QStringLiteral("search_type"), QStringLiteral("0"));
        frame.insert(QStringLiteral("stex_tp"), QStringLiteral("K"));
        frame.insert(QStringLiteral("cont_yn"), op->continuation ? QStringLiteral("Y") : QStringLiteral("N"));
        frame.insert(QStringLiteral("next_key"), op->continuation ? op->nextKey : QString());
        break;
    case Op::Kind::Realtime:
        frame.insert(QStringLiteral("seq"), op->seq);
        frame.insert(QStringLiteral("search_type"), QStringLiteral("1"));
        frame.insert(QStringLiteral("stex_tp"), QStringLiteral("K"));
        break;
    case Op::Kind::Clear:
        frame.insert(QStringLiteral("seq"), op->seq);
        break;
    }
    if (!m_realtime.sendFrame(frame))
        return false;
    qCDebug(lcCondition).noquote() << op->trnm() << (op->seq.isEmpty() ? QString() : QStringLiteral("seq ") + op->seq)
                                   << "sent";
    m_timeout.start(m_config.requestTimeoutMs);
    return true;
}

void ConditionSearch::onResponse(const QString &trnm, const QJsonObject &frame)
{
    if (trnm != u"CNSRLST" && trnm != u"CNSRREQ" && trnm != u"CNSRCLR")
        return;
    const OpPtr op = m_current;
    if (!op || op->trnm() != trnm) {
        qCDebug(lcCondition).noquote() << "unexpected" << trnm << "reply ignored";
        return;
    }
    const QJsonValue seqValue = frame.value(QLatin1String("seq"));
    if (!op->seq.isEmpty() && seqValue.isString() && seqValue.toString().trimmed() != op->seq) {
        qCDebug(lcCondition).noquote() << trnm << "reply for seq" << seqValue.toString() << "ignored (waiting for"
                                       << op->seq + QLatin1Char(')');
        return;
    }
    m_timeout.stop();

    const std::optional<int> rc = Kiwoom::returnCodeOf(frame.value(QLatin1String("return_code")));
    const QString msg = frame.value(QLatin1String("return_msg")).toString();
    if (!rc) {
        fail(op,
            KiwoomError::make(
                KiwoomError::Kind::Parse, trnm, trnm + QStringLiteral(": return_code missing or not an integer")));
        return;
    }
    if (*rc != 0) {
        fail(op, Kiwoom::classifyEnvelope(trnm, 0, *rc, msg));
        return;
    }
    const QJsonValue data = frame.value(QLatin1String("data"));
    if (!data.isUndefined() && !data.isNull() && !data.isArray()) {
        fail(op, KiwoomError::make(KiwoomError::Kind::Parse, trnm, trnm + QStringLiteral(".data: expected an array")));
        return;
    }
    const QJsonArray rows = data.toArray();

    switch (op->kind) {
    case Op::Kind::List: {
        QList<Kiwoom::ConditionInfo> list;
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonArray pair = rows.at(i).toArray();
            if (!rows.at(i).isArray() || pair.size() < 2 || !pair.at(0).isString() || !pair.at(1).isString()) {
                fail(op,
                    KiwoomError::make(KiwoomError::Kind::Parse, trnm,
                        QStringLiteral("CNSRLST.data[%1]: expected [seq, name]").arg(i)));
                return;
            }
            list << Kiwoom::ConditionInfo { pair.at(0).toString().trimmed(), pair.at(1).toString().trimmed() };
        }
        m_conditions = list;
        m_listedThisSession = true;
        QStringList names;
        for (const auto &c : std::as_const(list))
            names << c.seq + QLatin1Char(':') + c.name;
        qCInfo(lcCondition).noquote() << "conditions:" << list.size()
                                      << (names.isEmpty() ? QString() : names.join(QStringLiteral(", ")));
        emit conditionsListed(list);
        if (!op->internal && op->listDone && (!op->guarded || op->context))
            op->listDone(list);
        finish(op, nullptr);
        return;
    }
    case Op::Kind::Search: {
        for (int i = 0; i < rows.size(); ++i) {
            const QString context = QStringLiteral("CNSRREQ %1 data[%2]").arg(op->seq).arg(op->rows.size());
            if (!rows.at(i).isObject()) {
                fail(op,
                    KiwoomError::make(
                        KiwoomError::Kind::Parse, trnm, context + QStringLiteral(": expected an object")));
                return;
            }
            FieldReader r(rows.at(i).toObject(), trnm, context);
            Kiwoom::ConditionRow row;
            row.code = r.code(QLatin1String("9001"), Need::Required);
            row.name = r.text(QLatin1String("302")).trimmed();
            row.price = r.price(QLatin1String("10"), Need::Optional, &row.direction);
            row.changeSign = r.changeSign(QLatin1String("25"));
            row.change = r.integer(QLatin1String("11"));
            row.changeRateRaw = r.integer(QLatin1String("12"));
            row.cumVolume = r.integer(QLatin1String("13"));
            row.open = r.price(QLatin1String("16"));
            row.high = r.price(QLatin1String("17"));
            row.low = r.price(QLatin1String("18"));
            if (!r.ok()) {
                fail(op, r.error());
                return;
            }
            op->rows << row;
        }
        ++op->pages;
        const QString contYn = frame.value(QLatin1String("cont_yn")).toString().trimmed();
        const QString nextKey = frame.value(QLatin1String("next_key")).toString().trimmed();
        const bool more = contYn.compare(u"Y", Qt::CaseInsensitive) == 0;
        if (more && op->pages < op->maxPages) {
            if (nextKey.isEmpty() || (op->continuation && nextKey == op->nextKey)) {
                fail(op,
                    KiwoomError::make(
                        KiwoomError::Kind::Parse, trnm, QStringLiteral("CNSRREQ: cont_yn Y without a new next_key")));
                return;
            }
            op->continuation = true;
            op->nextKey = nextKey;
            if (!sendCurrent()) {
                // Lost the login between pages: start this search over after the next login.
                m_current.reset();
                op->rows.clear();
                op->pages = 0;
                op->continuation = !op->startKey.isEmpty();
                op->nextKey = op->startKey;
                m_queue.push_front(op);
            }
            return;
        }
        Kiwoom::ConditionSearchResult result;
        result.seq = op->seq;
        result.rows = op->rows;
        result.page = Kiwoom::PageInfo { op->pages, more, more ? nextKey : QString() };
        qCInfo(lcCondition).noquote() << "condition" << op->seq << "search:" << result.rows.size() << "stocks"
                                      << (more ? "(more available)" : "");
        if (op->searchDone && (!op->guarded || op->context))
            op->searchDone(result);
        finish(op, nullptr);
        return;
    }
    case Op::Kind::Realtime: {
        QStringList codes;
        QSet<QString> set;
        for (int i = 0; i < rows.size(); ++i) {
            const QString context = QStringLiteral("CNSRREQ %1 data[%2]").arg(op->seq).arg(i);
            if (!rows.at(i).isObject()) {
                fail(op,
                    KiwoomError::make(
                        KiwoomError::Kind::Parse, trnm, context + QStringLiteral(": expected an object")));
                return;
            }
            FieldReader r(rows.at(i).toObject(), trnm, context);
            const QString code = r.code(QLatin1String("jmcode"), Need::Required);
            if (!r.ok()) {
                fail(op, r.error());
                return;
            }
            codes << code;
            set.insert(code);
        }
        if (!m_active.contains(op->seq)) {
            // Stopped while the request was in flight: the stop request that follows clears it.
            finish(op, nullptr);
            return;
        }
        m_members.insert(op->seq, set);
        qCInfo(lcCondition).noquote() << "realtime condition" << op->seq << (op->restore ? "restored:" : "started:")
                                      << codes.size() << "stocks";
        emit realtimeStarted(op->seq, codes, op->restore);
        if (op->realtimeDone && (!op->guarded || op->context))
            op->realtimeDone(codes);
        finish(op, nullptr);
        return;
    }
    case Op::Kind::Clear:
        qCInfo(lcCondition).noquote() << "realtime condition" << op->seq << "stopped";
        emit realtimeStopped(op->seq);
        if (op->clearDone && (!op->guarded || op->context))
            op->clearDone(true);
        finish(op, nullptr);
        return;
    }
}

void ConditionSearch::finish(const OpPtr &op, const KiwoomError *)
{
    if (m_current == op) {
        m_current.reset();
        m_timeout.stop();
    }
    QTimer::singleShot(0, this, &ConditionSearch::pump);
}

void ConditionSearch::fail(const OpPtr &op, const KiwoomError &error)
{
    qCWarning(lcCondition).noquote() << error.describe();
    if (op->kind == Op::Kind::Realtime) {
        m_active.removeAll(op->seq);
        m_members.remove(op->seq);
    }
    if (op->kind == Op::Kind::List && op->internal) {
        // The CNSRLST in front of a realtime request failed: so does that request.
        if (!m_queue.empty() && m_queue.front()->kind == Op::Kind::Realtime) {
            const OpPtr next = m_queue.front();
            m_queue.pop_front();
            fail(next, error);
        }
    }
    op->reportError(error);
    finish(op, &error);
}

void ConditionSearch::onTimeout()
{
    if (!m_current)
        return;
    const OpPtr op = m_current;
    fail(op,
        KiwoomError::make(KiwoomError::Kind::Timeout, op->trnm(),
            QStringLiteral("%1: no reply within %2 ms").arg(op->trnm()).arg(m_config.requestTimeoutMs)));
}

void ConditionSearch::onConnectionLost()
{
    m_listedThisSession = false;
    if (!m_current)
        return;
    const OpPtr op = m_current;
    m_current.reset();
    m_timeout.stop();
    if (op->kind == Op::Kind::Clear) {
        // The server dropped the condition with the connection.
        if (op->clearDone && (!op->guarded || op->context))
            op->clearDone(true);
        emit realtimeStopped(op->seq);
        return;
    }
    if (op->kind == Op::Kind::List && op->internal)
        return; // re-created in front of the realtime request on the next login
    // Send again after the next login; a paged search starts over.
    op->rows.clear();
    op->pages = 0;
    op->continuation = !op->startKey.isEmpty();
    op->nextKey = op->startKey;
    if (!op->internal && m_config.queueTimeoutMs > 0)
        op->queueDeadline = QDeadlineTimer(m_config.queueTimeoutMs); // waits for the next login afresh
    m_queue.push_front(op);
    armQueueTimer();
}

void ConditionSearch::onLoggedIn(bool reconnected)
{
    m_listedThisSession = false;
    if (reconnected) {
        // Re-request every active realtime condition that is not already queued.
        for (auto it = m_active.crbegin(); it != m_active.crend(); ++it) {
            const QString seq = *it;
            const bool queued = std::any_of(m_queue.begin(), m_queue.end(),
                [&](const OpPtr &op) { return op->kind == Op::Kind::Realtime && op->seq == seq; });
            if (queued)
                continue;
            auto op = std::make_shared<Op>();
            op->kind = Op::Kind::Realtime;
            op->seq = seq;
            op->internal = true;
            op->restore = true;
            m_queue.push_front(op);
        }
    }
    QTimer::singleShot(0, this, &ConditionSearch::pump);
}

void ConditionSearch::onHit(const Kiwoom::ConditionHit &hit)
{
    if (m_active.contains(hit.conditionSeq)) {
        auto &members = m_members[hit.conditionSeq];
        if (hit.entered)
            members.insert(hit.code);
        else
            members.remove(hit.code);
    } else {
        qCDebug(lcCondition).noquote() << "hit for inactive condition" << hit.conditionSeq << hit.code;
    }
    qCDebug(lcCondition).noquote() << "condition" << hit.conditionSeq << (hit.entered ? "entered:" : "left:")
                                   << hit.code;
    emit conditionHitReceived(hit);
}
