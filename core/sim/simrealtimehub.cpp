// SPDX-License-Identifier: GPL-3.0-or-later
#include "simrealtimehub.h"

#include "common/logging.h"
#include "simconditions.h"
#include "simfaults.h"
#include "simformat.h"
#include "simmarket.h"
#include "simpaperfeed.h"
#include "simtokenstore.h"

#include <QJsonDocument>
#include <QPointer>
#include <QWebSocket>

using namespace Sim;

namespace {

constexpr int MAX_ENTRIES_PER_FRAME = 100;
constexpr int REORDER_RELEASE_MS = 1000;

const QSet<QString> &supportedTypes()
{
    static const QSet<QString> types = { QStringLiteral("00"), QStringLiteral("04"), QStringLiteral("0B"),
        QStringLiteral("0C"), QStringLiteral("0D"), QStringLiteral("0s") };
    return types;
}

bool isAccountType(const QString &type)
{
    return type == QLatin1String("00") || type == QLatin1String("04") || type == QLatin1String("0s");
}

// A request field as text; clients may send numbers where Kiwoom documents strings.
QString text(const QJsonObject &o, const char *name, const QString &fallback = QString())
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    if (v.isString())
        return v.toString().trimmed();
    return fallback;
}

QString key(const QString &type, const QString &item)
{
    return type + QLatin1Char('|') + item;
}

QJsonObject result(const QString &trnm, int code, const QString &message)
{
    return QJsonObject { { QStringLiteral("trnm"), trnm }, { QStringLiteral("return_code"), code },
        { QStringLiteral("return_msg"), message } };
}

QString hhmmss(qint64 ms)
{
    return kst(ms, QStringLiteral("HHmmss"));
}

QString priceOrZero(qint64 price, qint64 base)
{
    return price > 0 ? signedPrice(price, base) : QStringLiteral("0");
}

QJsonObject entry(const QString &type, const QString &name, const QString &item, const QJsonObject &values)
{
    return QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("name"), name },
        { QStringLiteral("item"), item }, { QStringLiteral("values"), values } };
}

QString orderStatus(SimOrderEvent::Kind kind)
{
    switch (kind) {
    case SimOrderEvent::Kind::Accepted:
        return QStringLiteral("접수");
    case SimOrderEvent::Kind::Filled:
        return QStringLiteral("체결");
    case SimOrderEvent::Kind::Confirmed:
        return QStringLiteral("확인");
    case SimOrderEvent::Kind::Cancelled:
        return QStringLiteral("취소");
    case SimOrderEvent::Kind::Rejected:
        return QStringLiteral("거부");
    }
    return {};
}

QString orderKindName(const SimOrder &o)
{
    const bool buy = o.side == SimSide::Buy;
    switch (o.kind) {
    case SimOrderKind::New:
        return buy ? QStringLiteral("+매수") : QStringLiteral("-매도");
    case SimOrderKind::Modify:
        return buy ? QStringLiteral("+매수정정") : QStringLiteral("-매도정정");
    case SimOrderKind::Cancel:
        return buy ? QStringLiteral("매수취소") : QStringLiteral("매도취소");
    }
    return {};
}

} // namespace

SimRealtimeHub::SimRealtimeHub(const SimConfig &config, SimMarket &market, SimExchange &exchange,
    SimConditions &conditions, SimTokenStore &tokens, SimFaults &faults, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_market(market)
    , m_exchange(exchange)
    , m_conditions(conditions)
    , m_tokens(tokens)
    , m_faults(faults)
{
    m_clock.start();
    const int shortest = std::max(1, std::min({ config.pingIntervalMs, config.pingTimeoutMs, config.loginTimeoutMs }));
    m_timer.setInterval(std::clamp(shortest / 10, 5, 1000));
    connect(&m_timer, &QTimer::timeout, this, &SimRealtimeHub::onTimer);
    connect(&m_exchange, &SimExchange::orderEvent, this, &SimRealtimeHub::onOrderEvent);
    connect(&m_exchange, &SimExchange::balanceChanged, this, &SimRealtimeHub::onBalanceChanged);
    if (m_market.source()) {
        // Replay: the recorded entries go out verbatim (0B, 0D, 02, 0s, ...); nothing is synthesised.
        connect(&m_market, &SimMarket::sourceEvent, this, &SimRealtimeHub::onSourceEvent);
        return;
    }
    connect(&m_market, &SimMarket::traded, this, &SimRealtimeHub::onTraded);
    connect(&m_market, &SimMarket::phaseChanged, this, &SimRealtimeHub::onPhaseChanged);
    connect(&m_conditions, &SimConditions::hit, this, &SimRealtimeHub::onConditionHit);
}

SimRealtimeHub::~SimRealtimeHub()
{
    closeAll();
}

int SimRealtimeHub::registrationCount() const
{
    int n = 0;
    for (const Session &s : m_sessions)
        n += int(s.keys.size());
    return n;
}

int SimRealtimeHub::realtimeConditionCount() const
{
    int n = 0;
    for (const Session &s : m_sessions)
        n += int(s.conditions.size());
    return n;
}

void SimRealtimeHub::addConnection(QWebSocket *socket)
{
    socket->setParent(this);
    Session s;
    s.socket = socket;
    s.age.start();
    s.lastPingMs = m_clock.elapsed();
    m_sessions.insert(socket, s);
    connect(socket, &QWebSocket::textMessageReceived, this,
        [this, socket](const QString &text) { onMessage(socket, text); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
    if (!m_timer.isActive())
        m_timer.start();
    qCInfo(lcSim) << "websocket connected," << m_sessions.size() << "session(s)";
}

void SimRealtimeHub::onDisconnected(QWebSocket *socket)
{
    if (m_sessions.remove(socket) > 0) {
        socket->deleteLater();
        qCInfo(lcSim) << "websocket closed," << m_sessions.size() << "session(s)";
        syncFeedSubscriptions();
    }
    if (m_sessions.isEmpty())
        m_timer.stop();
}

void SimRealtimeHub::drop(Session &s)
{
    QWebSocket *socket = s.socket;
    m_sessions.remove(socket);
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
    if (m_sessions.isEmpty())
        m_timer.stop();
}

void SimRealtimeHub::dropAll()
{
    const QList<QWebSocket *> sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets)
        drop(m_sessions[socket]);
    qCInfo(lcSim) << "dropped every websocket (fault)";
}

void SimRealtimeHub::closeAll()
{
    const QList<QWebSocket *> sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("simulator stopping"));
        socket->deleteLater();
    }
    m_sessions.clear();
    m_timer.stop();
}

void SimRealtimeHub::reply(Session &s, const QJsonObject &o)
{
    s.socket->sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

void SimRealtimeHub::onTimer()
{
    const qint64 now = m_clock.elapsed();
    const QList<QWebSocket *> sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets) {
        auto it = m_sessions.find(socket);
        if (it == m_sessions.end())
            continue;
        Session &s = *it;
        if (!s.loggedIn && s.age.elapsed() >= m_config.loginTimeoutMs) {
            reply(s,
                QJsonObject { { QStringLiteral("trnm"), QStringLiteral("SYSTEM") },
                    { QStringLiteral("code"), QStringLiteral("R10004") },
                    { QStringLiteral("message"), QStringLiteral("접속허용요청(토큰)이 들어오지 않았습니다") } });
            disconnect(socket, nullptr, this, nullptr);
            m_sessions.remove(socket);
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no LOGIN"));
            socket->deleteLater();
            continue;
        }
        if (s.awaitingSinceMs >= 0 && now - s.awaitingSinceMs >= m_config.pingTimeoutMs) {
            qCInfo(lcSim) << "websocket dropped: PING not echoed";
            drop(s);
            continue;
        }
        if (now - s.lastPingMs >= m_config.pingIntervalMs) {
            s.lastPingMs = now;
            if (s.awaitingSinceMs < 0)
                s.awaitingSinceMs = now;
            socket->sendTextMessage(QStringLiteral("{\"trnm\":\"PING\"}"));
        }
    }
    if (m_sessions.isEmpty())
        m_timer.stop();
}

void SimRealtimeHub::onMessage(QWebSocket *socket, const QString &text)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    Session &s = *it;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject()) {
        reply(s, result(QString(), 1, QStringLiteral("요청 형식(JSON)이 올바르지 않습니다")));
        return;
    }
    const QJsonObject msg = doc.object();
    const QString trnm = msg.value(QStringLiteral("trnm")).toString();
    if (trnm == QLatin1String("PING")) {
        s.awaitingSinceMs = -1; // echoed
        return;
    }
    if (trnm == QLatin1String("LOGIN")) {
        handleLogin(s, msg);
        return;
    }
    static const QSet<QString> known = { QStringLiteral("REG"), QStringLiteral("REMOVE"), QStringLiteral("CNSRLST"),
        QStringLiteral("CNSRREQ"), QStringLiteral("CNSRCLR") };
    if (!known.contains(trnm)) {
        reply(s, result(trnm, 1, QStringLiteral("지원하지 않는 trnm 입니다")));
        return;
    }
    if (!s.loggedIn) {
        reply(s, result(trnm, 100013, QStringLiteral("로그인 인증이 완료되지 않았습니다. LOGIN 응답 후 요청하십시오")));
        return;
    }
    if (trnm == QLatin1String("REG"))
        handleReg(s, msg, false);
    else if (trnm == QLatin1String("REMOVE"))
        handleReg(s, msg, true);
    else if (m_feed)
        forwardCondition(s, msg);
    else if (trnm == QLatin1String("CNSRLST"))
        handleConditionList(s);
    else if (trnm == QLatin1String("CNSRREQ"))
        handleConditionRequest(s, msg);
    else
        handleConditionClear(s, msg);
}

void SimRealtimeHub::handleLogin(Session &s, const QJsonObject &msg)
{
    const QString token = text(msg, "token");
    if (m_tokens.check(token) != SimTokenStore::Check::Valid) {
        reply(s,
            result(QStringLiteral("LOGIN"), 805004,
                QStringLiteral("토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 "
                               "않습니다]")));
        QWebSocket *socket = s.socket;
        disconnect(socket, nullptr, this, nullptr);
        m_sessions.remove(socket);
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("token"));
        socket->deleteLater();
        return;
    }
    s.loggedIn = true;
    QJsonObject ok = result(QStringLiteral("LOGIN"), 0, QString());
    ok.insert(QStringLiteral("sor_yn"), QStringLiteral("N"));
    reply(s, ok);
}

void SimRealtimeHub::rebuildKeys(Session &s)
{
    s.keys.clear();
    for (const QSet<QString> &group : std::as_const(s.groups))
        s.keys.unite(group);
}

void SimRealtimeHub::handleReg(Session &s, const QJsonObject &msg, bool remove)
{
    const QString trnm = remove ? QStringLiteral("REMOVE") : QStringLiteral("REG");
    const QString grp = text(msg, "grp_no");
    if (grp.isEmpty() || grp.size() > 4) {
        reply(s, result(trnm, 1, QStringLiteral("grp_no 값이 올바르지 않습니다")));
        return;
    }
    const QString refresh = text(msg, "refresh", QStringLiteral("1"));
    if (!remove && refresh != QLatin1String("0") && refresh != QLatin1String("1")) {
        reply(s, result(trnm, 1, QStringLiteral("refresh 값이 올바르지 않습니다")));
        return;
    }
    const QJsonValue dataValue = msg.value(QStringLiteral("data"));
    if (remove && (dataValue.isUndefined() || dataValue.isNull())) {
        s.groups.remove(grp);
        rebuildKeys(s);
        reply(s, result(trnm, 0, QString()));
        return;
    }
    if (!dataValue.isArray() || dataValue.toArray().isEmpty()) {
        reply(s, result(trnm, 1, QStringLiteral("data 값이 올바르지 않습니다")));
        return;
    }
    QSet<QString> keys;
    for (const QJsonValue &v : dataValue.toArray()) {
        const QJsonObject d = v.toObject();
        const QJsonArray items = d.value(QStringLiteral("item")).toArray();
        const QJsonArray types = d.value(QStringLiteral("type")).toArray();
        if (types.isEmpty()) {
            reply(s, result(trnm, 1, QStringLiteral("type 값이 올바르지 않습니다")));
            return;
        }
        for (const QJsonValue &t : types) {
            const QString type = t.toString();
            if (!supportedTypes().contains(type)) {
                reply(s, result(trnm, 1, QStringLiteral("지원하지 않는 실시간 항목입니다(type=%1)").arg(type)));
                return;
            }
            if (isAccountType(type)) {
                keys.insert(key(type, QString()));
                continue;
            }
            if (items.isEmpty()) {
                reply(s, result(trnm, 1, QStringLiteral("item 값이 올바르지 않습니다")));
                return;
            }
            for (const QJsonValue &i : items) {
                const QString item = i.toString().trimmed();
                // Paper: the feed knows the stocks (it answers an unknown one itself).
                if (!m_feed && m_market.indexOf(item) < 0) {
                    reply(s, result(trnm, 1, QStringLiteral("종목코드가 올바르지 않습니다(item=%1)").arg(item)));
                    return;
                }
                keys.insert(key(type, item));
            }
        }
    }
    if (remove) {
        auto it = s.groups.find(grp);
        if (it != s.groups.end()) {
            it->subtract(keys);
            if (it->isEmpty())
                s.groups.erase(it);
        }
        rebuildKeys(s);
        reply(s, result(trnm, 0, QString()));
        syncFeedSubscriptions();
        return;
    }
    QHash<QString, QSet<QString>> groups = s.groups;
    if (refresh == QLatin1String("0"))
        groups[grp] = keys;
    else
        groups[grp].unite(keys);
    QSet<QString> all;
    for (const QSet<QString> &g : std::as_const(groups))
        all.unite(g);
    if (all.size() > m_config.maxRealtimeItems) {
        reply(s, result(trnm, 1, QStringLiteral("등록 종목수 초과")));
        return;
    }
    s.groups = groups;
    s.keys = all;
    reply(s, result(trnm, 0, QString()));
    syncFeedSubscriptions();
}

void SimRealtimeHub::syncFeedSubscriptions()
{
    if (!m_feed)
        return;
    QSet<QString> keys;
    for (const Session &s : std::as_const(m_sessions))
        keys.unite(s.keys);
    m_feed->setSubscriptions(keys);
}

void SimRealtimeHub::forwardCondition(Session &s, const QJsonObject &msg)
{
    const QString trnm = text(msg, "trnm");
    const QString seq = text(msg, "seq");
    const bool realtime = trnm == QLatin1String("CNSRREQ") && text(msg, "search_type", QStringLiteral("0")) == u"1";
    QPointer<SimRealtimeHub> self(this);
    QWebSocket *socket = s.socket;
    m_feed->forwardCondition(msg, [self, socket, trnm, seq, realtime](const QJsonObject &answer) {
        if (!self)
            return;
        auto it = self->m_sessions.find(socket);
        if (it == self->m_sessions.end())
            return; // the asking session is gone
        const bool ok = answer.value(QStringLiteral("return_code")).toVariant().toInt() == 0;
        if (trnm == QLatin1String("CNSRLST") && ok)
            it->listed = true;
        else if (realtime && ok)
            it->conditions.insert(seq);
        else if (trnm == QLatin1String("CNSRCLR"))
            it->conditions.remove(seq);
        self->reply(*it, answer);
    });
}

void SimRealtimeHub::handleConditionList(Session &s)
{
    s.listed = true;
    QJsonArray data;
    for (const SimConditions::Formula &f : m_conditions.formulas())
        data.append(QJsonArray { f.seq, f.name });
    QJsonObject o = result(QStringLiteral("CNSRLST"), 0, QString());
    o.insert(QStringLiteral("data"), data);
    reply(s, o);
}

void SimRealtimeHub::handleConditionRequest(Session &s, const QJsonObject &msg)
{
    const QString trnm = QStringLiteral("CNSRREQ");
    const QString seq = text(msg, "seq");
    const QString type = text(msg, "search_type", QStringLiteral("0"));
    if (seq.isEmpty() || !m_conditions.exists(seq)) {
        QJsonObject o = result(trnm, 1, QStringLiteral("조건검색식이 존재하지 않습니다(seq=%1)").arg(seq));
        o.insert(QStringLiteral("seq"), seq);
        reply(s, o);
        return;
    }
    if (type != QLatin1String("0") && type != QLatin1String("1")) {
        QJsonObject o = result(trnm, 1, QStringLiteral("search_type 값이 올바르지 않습니다"));
        o.insert(QStringLiteral("seq"), seq);
        reply(s, o);
        return;
    }
    const QList<int> members = m_conditions.members(seq);
    if (type == QLatin1String("1")) {
        if (!s.listed) {
            QJsonObject o = result(trnm, 1, QStringLiteral("조건검색 목록조회(CNSRLST)를 먼저 요청하십시오"));
            o.insert(QStringLiteral("seq"), seq);
            reply(s, o);
            return;
        }
        if (!s.conditions.contains(seq) && s.conditions.size() >= m_config.maxRealtimeConditions) {
            QJsonObject o = result(trnm, 1,
                QStringLiteral("실시간 조건검색은 최대 %1개까지 요청할 수 있습니다")
                    .arg(m_config.maxRealtimeConditions));
            o.insert(QStringLiteral("seq"), seq);
            reply(s, o);
            return;
        }
        s.conditions.insert(seq);
        QJsonArray data;
        for (int i : members)
            data.append(
                QJsonObject { { QStringLiteral("jmcode"), QString(QStringLiteral("A") + m_market.info(i).code) } });
        QJsonObject o = result(trnm, 0, QString());
        o.insert(QStringLiteral("seq"), seq);
        o.insert(QStringLiteral("data"), data);
        reply(s, o);
        return;
    }
    // search_type 0: one-off search, paged by the body's cont_yn/next_key (next key = next stock code).
    const bool cont = text(msg, "cont_yn") == QLatin1String("Y");
    const QString nextKey = text(msg, "next_key");
    int start = 0;
    if (cont && !nextKey.isEmpty()) {
        start = int(members.size());
        for (int k = 0; k < members.size(); ++k) {
            if (m_market.info(members.at(k)).code >= nextKey) {
                start = k;
                break;
            }
        }
    }
    const int end = std::min(int(members.size()), start + std::max(1, m_config.conditionPageSize));
    QJsonArray data;
    for (int k = start; k < end; ++k) {
        const int i = members.at(k);
        const SimQuote q = m_market.quote(i);
        QJsonObject row;
        row.insert(QStringLiteral("9001"), QString(QStringLiteral("A") + m_market.info(i).code));
        row.insert(QStringLiteral("302"), m_market.info(i).name);
        row.insert(QStringLiteral("10"), cnsrNumber(q.price));
        row.insert(QStringLiteral("25"), changeSign(q.price, q.basePrice, q.limits));
        row.insert(QStringLiteral("11"), cnsrNumber(q.price - q.basePrice));
        // 등락율 × 1000 of the 2-decimal rate, matching the guide's pairing of -100 on 75,000 with -130.
        row.insert(QStringLiteral("12"),
            cnsrNumber(qint64(std::llround(std::round(changePercent(q.price, q.basePrice) * 100.0) * 10.0))));
        row.insert(QStringLiteral("13"), cnsrNumber(q.volume));
        row.insert(QStringLiteral("16"), cnsrNumber(q.open));
        row.insert(QStringLiteral("17"), cnsrNumber(q.high));
        row.insert(QStringLiteral("18"), cnsrNumber(q.low));
        data.append(row);
    }
    const bool more = end < members.size();
    QJsonObject o = result(trnm, 0, QString());
    o.insert(QStringLiteral("seq"), seq);
    o.insert(QStringLiteral("cont_yn"), more ? QStringLiteral("Y") : QStringLiteral("N"));
    o.insert(QStringLiteral("next_key"), more ? m_market.info(members.at(end)).code : QString());
    o.insert(QStringLiteral("data"), data);
    reply(s, o);
}

void SimRealtimeHub::handleConditionClear(Session &s, const QJsonObject &msg)
{
    const QString seq = text(msg, "seq");
    s.conditions.remove(seq);
    QJsonObject o = result(QStringLiteral("CNSRCLR"), 0, QString());
    o.insert(QStringLiteral("seq"), seq);
    reply(s, o);
}

void SimRealtimeHub::queue(Session &s, const QJsonObject &entry)
{
    s.pending.append(entry);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QTimer::singleShot(0, this, &SimRealtimeHub::flush);
    }
}

void SimRealtimeHub::queueFor(const QString &k, const std::function<QJsonObject()> &make)
{
    std::optional<QJsonObject> built;
    for (Session &s : m_sessions) {
        if (!s.loggedIn || !s.keys.contains(k))
            continue;
        if (!built)
            built = make();
        queue(s, *built);
    }
}

void SimRealtimeHub::flush()
{
    m_flushScheduled = false;
    const QList<QWebSocket *> sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets) {
        auto it = m_sessions.find(socket);
        if (it == m_sessions.end() || it->pending.isEmpty())
            continue;
        const QJsonArray pending = it->pending;
        it->pending = QJsonArray();
        for (int from = 0; from < pending.size(); from += MAX_ENTRIES_PER_FRAME) {
            QJsonArray data;
            for (int k = from; k < std::min(int(pending.size()), from + MAX_ENTRIES_PER_FRAME); ++k)
                data.append(pending.at(k));
            const QJsonObject frame { { QStringLiteral("trnm"), QStringLiteral("REAL") },
                { QStringLiteral("data"), data } };
            auto s = m_sessions.find(socket);
            if (s == m_sessions.end())
                break;
            m_entriesSent += quint64(data.size());
            sendFrame(*s, QJsonDocument(frame).toJson(QJsonDocument::Compact));
        }
    }
}

void SimRealtimeHub::sendFrame(Session &s, const QByteArray &frame)
{
    const qint64 now = m_market.nowMs();
    if (m_faults.onFrame(SimFaults::Kind::WsDrop, now)) {
        qCInfo(lcSim) << "fault ws-drop";
        drop(s);
        return;
    }
    if (!s.held && m_faults.onFrame(SimFaults::Kind::WsReorder, now)) {
        s.held = frame;
        QWebSocket *socket = s.socket;
        QTimer::singleShot(REORDER_RELEASE_MS, this, [this, socket] {
            auto it = m_sessions.find(socket);
            if (it != m_sessions.end() && it->held) {
                socket->sendTextMessage(QString::fromUtf8(*it->held));
                it->held.reset();
            }
        });
        return;
    }
    if (m_faults.onFrame(SimFaults::Kind::WsMalformed, now)) {
        // Cut in half (at a character boundary): the client must count it and carry on.
        qCInfo(lcSim) << "fault ws-malformed";
        const QString whole = QString::fromUtf8(frame);
        s.socket->sendTextMessage(whole.left(std::max<qsizetype>(1, whole.size() / 2)));
        return;
    }
    const QString text = QString::fromUtf8(frame);
    s.socket->sendTextMessage(text);
    if (s.held) {
        s.socket->sendTextMessage(QString::fromUtf8(*s.held));
        s.held.reset();
    }
    if (m_faults.onFrame(SimFaults::Kind::WsDuplicate, now))
        s.socket->sendTextMessage(text);
}

// --- market, order and condition events -----------------------------------------------------

void SimRealtimeHub::onTraded(int stock, const SimTick &tick)
{
    if (m_sessions.isEmpty())
        return;
    const QString code = m_market.info(stock).code;
    queueFor(key(QStringLiteral("0B"), code), [&] { return tradeEntry(stock, tick); });
    queueFor(key(QStringLiteral("0C"), code), [&] { return quoteEntry(stock); });
    queueFor(key(QStringLiteral("0D"), code), [&] { return bookEntry(stock); });
}

void SimRealtimeHub::onPhaseChanged(SimPhase phase, qint64 atMs)
{
    // 215 장운영구분: "0" KRX 장전 (the day rolled over), "3" KRX 장시작 (the opening print).
    QString code;
    if (phase == SimPhase::PreOpen)
        code = QStringLiteral("0");
    else if (phase == SimPhase::Continuous)
        code = QStringLiteral("3");
    else
        return;
    const QJsonObject values { { QStringLiteral("215"), code }, { QStringLiteral("20"), hhmmss(atMs) },
        { QStringLiteral("214"), QStringLiteral("000000") } };
    queueFor(key(QStringLiteral("0s"), QString()),
        [&] { return entry(QStringLiteral("0s"), QStringLiteral("장시작시간"), QString(), values); });
}

void SimRealtimeHub::onOrderEvent(const SimOrderEvent &event)
{
    if (event.order.stock < 0)
        return;
    queueFor(key(QStringLiteral("00"), QString()), [&] { return orderEntry(event); });
}

void SimRealtimeHub::onBalanceChanged(int stock, SimSide side)
{
    queueFor(key(QStringLiteral("04"), QString()), [&] { return balanceEntry(stock, side); });
}

void SimRealtimeHub::onSourceEvent(const SimSourceEvent &event)
{
    if (m_sessions.isEmpty() || event.entry.isEmpty())
        return;
    if (event.kind == SimSourceEvent::Kind::ConditionHit) {
        for (Session &s : m_sessions) {
            if (s.loggedIn && s.conditions.contains(event.seq))
                queue(s, event.entry);
        }
        return;
    }
    if (event.kind == SimSourceEvent::Kind::ConditionResult)
        return;
    queueFor(key(event.type, event.code), [&] { return event.entry; });
}

void SimRealtimeHub::onConditionHit(const QString &seq, int stock, bool entered, qint64 atMs)
{
    const QString code = m_market.info(stock).code;
    for (Session &s : m_sessions) {
        if (!s.loggedIn || !s.conditions.contains(seq))
            continue;
        const QJsonObject values { { QStringLiteral("841"), seq }, { QStringLiteral("9001"), code },
            { QStringLiteral("843"), entered ? QStringLiteral("I") : QStringLiteral("D") },
            { QStringLiteral("20"), hhmmss(atMs) }, { QStringLiteral("907"), QStringLiteral("2") } };
        queue(s, entry(QStringLiteral("02"), QStringLiteral("조건검색"), code, values));
    }
}

QJsonObject SimRealtimeHub::tradeEntry(int stock, const SimTick &tick) const
{
    const SimStockInfo &info = m_market.info(stock);
    const SimQuote q = m_market.quote(stock);
    const SimBook book = m_market.book(stock);
    const qint64 base = q.basePrice;
    const qint64 price = tick.price;
    QJsonObject v;
    v.insert(QStringLiteral("20"), hhmmss(tick.timeMs));
    v.insert(QStringLiteral("10"), signedPrice(price, base));
    v.insert(QStringLiteral("11"), signedNumber(price - base));
    v.insert(QStringLiteral("12"), changeRate(price, base));
    v.insert(QStringLiteral("27"), priceOrZero(book.asks[0].price, base));
    v.insert(QStringLiteral("28"), priceOrZero(book.bids[0].price, base));
    v.insert(
        QStringLiteral("15"), QString((tick.buyInitiated ? QLatin1Char('+') : QLatin1Char('-')) + num(tick.volume)));
    v.insert(QStringLiteral("13"), num(q.volume));
    v.insert(QStringLiteral("14"), num((q.value + 500'000) / 1'000'000));
    v.insert(QStringLiteral("16"), priceOrZero(q.open, base));
    v.insert(QStringLiteral("17"), priceOrZero(q.high, base));
    v.insert(QStringLiteral("18"), priceOrZero(q.low, base));
    v.insert(QStringLiteral("25"), changeSign(price, base, q.limits));
    v.insert(QStringLiteral("26"), signedNumber(q.volume - q.prevVolume));
    v.insert(QStringLiteral("29"), signedNumber((q.value - q.prevValue) / 1'000'000));
    v.insert(
        QStringLiteral("30"), decimal(q.prevVolume > 0 ? double(q.volume) * 100.0 / double(q.prevVolume) : 0.0, 2));
    v.insert(QStringLiteral("31"),
        decimal(info.listedShares > 0 ? double(q.volume) * 100.0 / double(info.listedShares) : 0.0, 2));
    v.insert(
        QStringLiteral("228"), decimal(q.sellVolume > 0 ? double(q.buyVolume) * 100.0 / double(q.sellVolume) : 0.0, 2));
    v.insert(QStringLiteral("311"), num(qint64(double(price) * double(info.listedShares) / 1e8)));
    v.insert(QStringLiteral("290"), QStringLiteral("2"));
    v.insert(QStringLiteral("567"), q.upperHitMs > 0 ? hhmmss(q.upperHitMs) : QStringLiteral("000000"));
    v.insert(QStringLiteral("568"), q.lowerHitMs > 0 ? hhmmss(q.lowerHitMs) : QStringLiteral("000000"));
    v.insert(QStringLiteral("1890"), hhmmss(q.openTimeMs));
    v.insert(QStringLiteral("1891"), hhmmss(q.highTimeMs));
    v.insert(QStringLiteral("1892"), hhmmss(q.lowTimeMs));
    v.insert(QStringLiteral("1030"), num(q.sellVolume));
    v.insert(QStringLiteral("1031"), num(q.buyVolume));
    v.insert(QStringLiteral("620"), num(q.volume > 0 ? q.value / q.volume : 0));
    v.insert(QStringLiteral("9081"), QStringLiteral("1"));
    return entry(QStringLiteral("0B"), QStringLiteral("주식체결"), info.code, v);
}

QJsonObject SimRealtimeHub::quoteEntry(int stock) const
{
    const SimQuote q = m_market.quote(stock);
    const SimBook book = m_market.book(stock);
    const QJsonObject v { { QStringLiteral("27"), priceOrZero(book.asks[0].price, q.basePrice) },
        { QStringLiteral("28"), priceOrZero(book.bids[0].price, q.basePrice) } };
    return entry(QStringLiteral("0C"), QStringLiteral("주식우선호가"), m_market.info(stock).code, v);
}

QJsonObject SimRealtimeHub::bookEntry(int stock) const
{
    const SimQuote q = m_market.quote(stock);
    const SimBook book = m_market.book(stock);
    const SimBook prev = m_market.previousBook(stock);
    const qint64 base = q.basePrice;
    auto prevQty = [](const SimBookLevel *levels, qint64 price) {
        for (int k = 0; k < 10; ++k) {
            if (levels[k].price == price)
                return levels[k].qty;
        }
        return qint64(0);
    };
    QJsonObject v;
    v.insert(QStringLiteral("21"), hhmmss(book.timeMs));
    for (int k = 0; k < 10; ++k) {
        const SimBookLevel &a = book.asks[k];
        const SimBookLevel &b = book.bids[k];
        v.insert(QString::number(41 + k), priceOrZero(a.price, base));
        v.insert(QString::number(61 + k), num(a.qty));
        v.insert(QString::number(81 + k), signedNumber(a.price > 0 ? a.qty - prevQty(prev.asks, a.price) : 0));
        v.insert(QString::number(51 + k), priceOrZero(b.price, base));
        v.insert(QString::number(71 + k), num(b.qty));
        v.insert(QString::number(91 + k), signedNumber(b.price > 0 ? b.qty - prevQty(prev.bids, b.price) : 0));
    }
    const qint64 asks = book.totalAsk();
    const qint64 bids = book.totalBid();
    v.insert(QStringLiteral("121"), num(asks));
    v.insert(QStringLiteral("122"), signedNumber(asks - prev.totalAsk()));
    v.insert(QStringLiteral("125"), num(bids));
    v.insert(QStringLiteral("126"), signedNumber(bids - prev.totalBid()));
    v.insert(QStringLiteral("23"), QStringLiteral("0"));
    v.insert(QStringLiteral("24"), QStringLiteral("0"));
    v.insert(QStringLiteral("128"), signedNumber(bids - asks));
    v.insert(QStringLiteral("129"), decimal(asks + bids > 0 ? double(bids) * 100.0 / double(asks + bids) : 0.0, 2));
    v.insert(QStringLiteral("138"), signedNumber(asks - bids));
    v.insert(QStringLiteral("139"), decimal(asks + bids > 0 ? double(asks) * 100.0 / double(asks + bids) : 0.0, 2));
    v.insert(QStringLiteral("13"), num(q.volume));
    v.insert(QStringLiteral("215"), QStringLiteral("3"));
    return entry(QStringLiteral("0D"), QStringLiteral("주식호가잔량"), m_market.info(stock).code, v);
}

QJsonObject SimRealtimeHub::orderEntry(const SimOrderEvent &event) const
{
    const SimOrder &o = event.order;
    const SimQuote q = m_market.quote(o.stock);
    const SimBook book = m_market.book(o.stock);
    const bool fill = event.kind == SimOrderEvent::Kind::Filled;
    const QString code = m_market.info(o.stock).code;
    QJsonObject v;
    v.insert(QStringLiteral("9201"), m_config.accountNo);
    v.insert(QStringLiteral("9203"), orderNo(o.ordNo));
    v.insert(QStringLiteral("9205"), QString());
    v.insert(QStringLiteral("9001"), code);
    v.insert(QStringLiteral("912"), QStringLiteral("JJ"));
    v.insert(QStringLiteral("913"), orderStatus(event.kind));
    v.insert(QStringLiteral("302"), m_market.info(o.stock).name);
    v.insert(QStringLiteral("900"), num(o.qty));
    v.insert(QStringLiteral("901"), num(o.price));
    v.insert(QStringLiteral("902"), num(o.openQty));
    v.insert(QStringLiteral("903"), num(o.filledAmount));
    v.insert(QStringLiteral("904"), orderNo(o.origOrdNo));
    v.insert(QStringLiteral("905"), orderKindName(o));
    v.insert(QStringLiteral("906"), o.market ? QStringLiteral("시장가") : QStringLiteral("보통"));
    v.insert(QStringLiteral("907"), o.side == SimSide::Sell ? QStringLiteral("1") : QStringLiteral("2"));
    v.insert(QStringLiteral("908"), hhmmss(event.timeMs));
    v.insert(QStringLiteral("909"), fill ? num(event.fill.fillNo) : QString());
    v.insert(QStringLiteral("910"), fill ? num(event.fill.price) : QString());
    v.insert(QStringLiteral("911"), fill ? num(event.fill.qty) : QString());
    v.insert(QStringLiteral("914"), fill ? num(event.fill.price) : QString());
    v.insert(QStringLiteral("915"), fill ? num(event.fill.qty) : QString());
    v.insert(QStringLiteral("10"), signedPrice(q.price, q.basePrice));
    v.insert(QStringLiteral("27"), priceOrZero(book.asks[0].price, q.basePrice));
    v.insert(QStringLiteral("28"), priceOrZero(book.bids[0].price, q.basePrice));
    v.insert(QStringLiteral("938"), num(o.fees));
    v.insert(QStringLiteral("939"), num(o.taxes));
    v.insert(QStringLiteral("919"), event.reason);
    v.insert(QStringLiteral("920"), QString());
    v.insert(QStringLiteral("921"), QString());
    v.insert(QStringLiteral("922"), QStringLiteral("00"));
    v.insert(QStringLiteral("923"), QString());
    v.insert(QStringLiteral("2134"), QStringLiteral("1"));
    v.insert(QStringLiteral("2135"), QStringLiteral("KRX"));
    v.insert(QStringLiteral("2136"), QStringLiteral("N"));
    return entry(QStringLiteral("00"), QStringLiteral("주문체결"), code, v);
}

QJsonObject SimRealtimeHub::balanceEntry(int stock, SimSide side) const
{
    const SimAccount &a = m_exchange.account();
    const SimAccount::Holding h = a.holding(stock);
    const SimQuote q = m_market.quote(stock);
    const SimBook book = m_market.book(stock);
    const QString code = m_market.info(stock).code;
    const QDate today = m_market.currentDate();
    qint64 stockRealized = 0;
    const QList<SimFill> &fills = m_exchange.fills();
    for (auto it = fills.crbegin(); it != fills.crend() && it->date == today; ++it) {
        if (it->stock == stock && it->side == SimSide::Sell)
            stockRealized += it->realized;
    }
    const SimAccount::DayTotals day = a.day(today);
    const qint64 eval = q.price * h.qty;
    QJsonObject v;
    v.insert(QStringLiteral("9201"), m_config.accountNo);
    v.insert(QStringLiteral("9001"), code);
    v.insert(QStringLiteral("917"), QStringLiteral("00"));
    v.insert(QStringLiteral("916"), QStringLiteral("00000000"));
    v.insert(QStringLiteral("302"), m_market.info(stock).name);
    v.insert(QStringLiteral("10"), signedPrice(q.price, q.basePrice));
    v.insert(QStringLiteral("930"), num(h.qty));
    v.insert(QStringLiteral("931"), num(h.avgPrice()));
    v.insert(QStringLiteral("932"), num(h.purchaseAmount));
    v.insert(QStringLiteral("933"), num(m_exchange.sellableQty(stock)));
    v.insert(QStringLiteral("945"),
        signedNumber(m_exchange.todayQty(stock, SimSide::Buy) - m_exchange.todayQty(stock, SimSide::Sell)));
    v.insert(QStringLiteral("946"), side == SimSide::Sell ? QStringLiteral("1") : QStringLiteral("2"));
    v.insert(QStringLiteral("950"), num(stockRealized));
    v.insert(QStringLiteral("27"), priceOrZero(book.asks[0].price, q.basePrice));
    v.insert(QStringLiteral("28"), priceOrZero(book.bids[0].price, q.basePrice));
    v.insert(QStringLiteral("307"), num(q.basePrice));
    v.insert(QStringLiteral("8019"),
        decimal(h.purchaseAmount > 0 ? double(eval - h.purchaseAmount) * 100.0 / double(h.purchaseAmount) : 0.0, 2));
    v.insert(QStringLiteral("990"), num(day.realized));
    const qint64 soldCost = day.sold - day.realized;
    v.insert(QStringLiteral("991"), decimal(soldCost > 0 ? double(day.realized) * 100.0 / double(soldCost) : 0.0, 2));
    v.insert(QStringLiteral("992"), QStringLiteral("0"));
    v.insert(QStringLiteral("993"), QStringLiteral("0.00"));
    return entry(QStringLiteral("04"), QStringLiteral("잔고"), code, v);
}
