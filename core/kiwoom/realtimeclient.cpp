// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtimeclient.h"

#include "wiretap.h"

#include "common/clock.h"
#include "common/logging.h"
#include "realtimeparse.h"
#include "tokenmanager.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QWebSocket>

#include <cmath>

namespace {

template<class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

QString joined(const QStringList &list)
{
    QStringList shown = list;
    for (QString &s : shown) {
        if (s.isEmpty())
            s = QStringLiteral("\"\"");
    }
    return shown.join(QLatin1Char(','));
}

} // namespace

RealtimeClient::RealtimeClient(TokenManager &tokens, const QUrl &url, const IClock &clock, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_url(url)
    , m_clock(clock)
    , m_reconnectTimer(this)
    , m_loginTimer(this)
    , m_livenessTimer(this)
{
    m_monotonic.start();
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RealtimeClient::connectNow);
    m_loginTimer.setSingleShot(true);
    connect(&m_loginTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcWs) << "no LOGIN ack within" << m_config.loginTimeoutMs << "ms; reconnecting";
        dropSocket();
        scheduleReconnect(QStringLiteral("login timeout"));
    });
    connect(&m_livenessTimer, &QTimer::timeout, this, &RealtimeClient::checkLiveness);
}

RealtimeClient::~RealtimeClient()
{
    m_running = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket.data();
    }
}

void RealtimeClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void RealtimeClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_noReconnect = false;
    m_attempt = 0;
    connectNow();
}

void RealtimeClient::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_loginTimer.stop();
    m_livenessTimer.stop();
    m_pendingAcks.clear();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("client stopping"));
        socket->deleteLater();
        qCInfo(lcWs) << "websocket closed";
    }
    setState(State::Stopped);
}

void RealtimeClient::connectNow()
{
    if (!m_running)
        return;
    setState(State::Connecting);
    m_tokens.withToken(this, [this](const KiwoomResult<QString> &token) {
        if (!m_running || m_state != State::Connecting)
            return;
        if (!token) {
            qCWarning(lcWs).noquote() << "no token for the websocket login:" << token.error().describe();
            scheduleReconnect(QStringLiteral("no token"));
            return;
        }
        openSocket(*token);
    });
}

void RealtimeClient::openSocket(const QString &token)
{
    dropSocket();
    m_loginToken = token;
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket == m_socket)
            onConnected();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (socket == m_socket)
            onDisconnected();
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &message) {
        if (socket == m_socket)
            onTextMessage(message);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket](const QByteArray &) {
        if (socket == m_socket) {
            noteInbound();
            malformed(QStringLiteral("unexpected binary frame"));
        }
    });
    connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray &) {
        if (socket == m_socket)
            onPong();
    });
    m_pongSeen = false;
    qCInfo(lcWs).noquote() << "connecting to" << m_url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    m_loginTimer.start(m_config.loginTimeoutMs);
    socket->open(m_url);
}

void RealtimeClient::dropSocket()
{
    m_loginTimer.stop();
    m_livenessTimer.stop();
    m_pendingAcks.clear();
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void RealtimeClient::onConnected()
{
    setState(State::LoggingIn);
    noteInbound();
    const QJsonObject login { { QStringLiteral("trnm"), QStringLiteral("LOGIN") },
        { QStringLiteral("token"), m_loginToken } };
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(login).toJson(QJsonDocument::Compact)));
    qCDebug(lcWs) << "LOGIN sent";
}

void RealtimeClient::onDisconnected()
{
    const QString reason = m_socket ? m_socket->closeReason() : QString();
    const int code = m_socket ? int(m_socket->closeCode()) : 0;
    const bool wasLoggedIn = m_state == State::LoggedIn;
    dropSocket();
    if (!m_running)
        return;
    const QString why = reason.isEmpty() ? QStringLiteral("connection closed (code %1)").arg(code)
                                         : QStringLiteral("connection closed (code %1: %2)").arg(code).arg(reason);
    qCWarning(lcWs).noquote() << "websocket" << why;
    if (wasLoggedIn)
        emit connectionLost(why);
    scheduleReconnect(why);
}

void RealtimeClient::scheduleReconnect(const QString &reason, bool soon)
{
    if (!m_running)
        return;
    if (m_noReconnect) {
        qCCritical(lcWs).noquote() << "not reconnecting:" << reason;
        m_running = false;
        m_livenessTimer.stop();
        setState(State::Stopped);
        return;
    }
    // A login that stayed up long enough counts as success: start the backoff from the bottom.
    if (m_loggedInAtMs > 0 && m_clock.nowMs() - m_loggedInAtMs >= m_config.stableAfterMs)
        m_attempt = 0;
    m_loggedInAtMs = 0;
    ++m_attempt;
    qint64 delay = 0;
    if (!(soon && m_attempt == 1)) {
        const double base = std::min<double>(
            double(m_config.backoffMaxMs), m_config.backoffInitialMs * std::pow(2.0, std::min(m_attempt - 1, 20)));
        const double spread = 1.0 + m_config.jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
        delay = qint64(base * spread);
    }
    qCInfo(lcWs).noquote()
        << QStringLiteral("reconnecting in %1 ms (attempt %2) after: %3").arg(delay).arg(m_attempt).arg(reason);
    setState(State::WaitingToReconnect);
    m_reconnectTimer.start(int(delay));
}

void RealtimeClient::startLiveness()
{
    const qint64 now = m_monotonic.elapsed();
    m_lastInboundMs = now;
    m_lastPingMs = now;
    m_pingOutstandingSinceMs = -1;
    m_lastTickWallMs = QDateTime::currentMSecsSinceEpoch();
    m_lastTickMonotonicMs = now;
    int shortest = 0;
    for (const int ms :
        { m_config.idleTimeoutMs, m_config.pingIntervalMs, m_config.pingIntervalMs > 0 ? m_config.pongTimeoutMs : 0 }) {
        if (ms > 0)
            shortest = shortest > 0 ? std::min(shortest, ms) : ms;
    }
    if (shortest > 0)
        m_livenessTimer.start(std::clamp(shortest / 4, 10, 1000));
}

void RealtimeClient::noteInbound()
{
    m_lastInboundMs = m_monotonic.elapsed();
    m_pingOutstandingSinceMs = -1; // the flow is alive
}

void RealtimeClient::onPong()
{
    ++m_stats.pongsReceived;
    m_pongSeen = true;
    noteInbound();
}

void RealtimeClient::sendPing(qint64 nowMs)
{
    m_lastPingMs = nowMs;
    if (m_pingOutstandingSinceMs < 0)
        m_pingOutstandingSinceMs = nowMs;
    ++m_stats.pingsSent;
    m_socket->ping();
}

void RealtimeClient::checkLiveness()
{
    if (!m_socket || m_state != State::LoggedIn) {
        m_livenessTimer.stop();
        return;
    }
    const qint64 now = m_monotonic.elapsed();
    // The monotonic clock stands still while the machine sleeps; the wall clock does not. A jump
    // of the difference means the machine slept and the connection may have died meanwhile.
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    const bool slept = (wall - m_lastTickWallMs) - (now - m_lastTickMonotonicMs) > 5000;
    m_lastTickWallMs = wall;
    m_lastTickMonotonicMs = now;

    const qint64 silentMs = now - m_lastInboundMs;
    if (m_config.idleTimeoutMs > 0 && silentMs >= m_config.idleTimeoutMs) {
        connectionDead(QStringLiteral("nothing received from the server for %1 ms").arg(silentMs));
        return;
    }
    if (m_config.pingIntervalMs <= 0)
        return;
    if (m_config.pongTimeoutMs > 0 && m_pingOutstandingSinceMs >= 0
        && now - m_pingOutstandingSinceMs >= m_config.pongTimeoutMs) {
        if (m_pongSeen) {
            connectionDead(
                QStringLiteral("no pong (nor any other frame) %1 ms after a ping").arg(now - m_pingOutstandingSinceMs));
            return;
        }
        if (!m_pongsIgnoredLogged) {
            m_pongsIgnoredLogged = true;
            qCInfo(lcWs) << "the server does not answer WebSocket pings; relying on the idle watchdog ("
                         << m_config.idleTimeoutMs << "ms)";
        }
        m_pingOutstandingSinceMs = -1;
    }
    if (slept) {
        qCInfo(lcWs) << "the machine seems to have slept; checking the connection";
        sendPing(now);
    } else if (now - m_lastPingMs >= m_config.pingIntervalMs) {
        sendPing(now);
    }
}

void RealtimeClient::connectionDead(const QString &reason)
{
    ++m_stats.livenessFailures;
    qCWarning(lcWs).noquote() << "websocket dead:" << reason + QStringLiteral("; reconnecting");
    const QString why = QStringLiteral("connection dead (%1)").arg(reason);
    dropSocket();
    emit connectionLost(why);
    scheduleReconnect(why, true);
}

void RealtimeClient::malformed(const QString &reason)
{
    ++m_stats.malformedFrames;
    // Log the first few in full, then every 100th, so a broken feed cannot flood the log.
    if (m_stats.malformedFrames <= 20 || m_stats.malformedFrames % 100 == 0)
        qCWarning(lcWs).noquote() << "malformed frame #" + QString::number(m_stats.malformedFrames) + ":" << reason;
    emit malformedFrameReceived(reason);
}

void RealtimeClient::onTextMessage(const QString &message)
{
    ++m_stats.framesReceived;
    noteInbound();
    const QByteArray utf8 = message.toUtf8();
    if (m_tap)
        m_tap->realtimeFrame(marketNowMs(), utf8);
    // REAL frames, nearly all the traffic, are read straight from the text when the scanner knows
    // their shape; everything else (and any REAL frame it does not read) goes through QJsonDocument.
    if (m_state == State::LoggedIn) {
        if (const auto parsed = Kiwoom::parseRealFrameFast(utf8, marketNowMs(), &m_seq)) {
            deliverReal(*parsed);
            return;
        }
    }
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        malformed(QStringLiteral("not a JSON object: %1").arg(message.left(200)));
        return;
    }
    const QJsonObject frame = doc.object();
    const QJsonValue trnmValue = frame.value(QLatin1String("trnm"));
    if (!trnmValue.isString()) {
        malformed(QStringLiteral("no trnm: %1").arg(message.left(200)));
        return;
    }
    const QString trnm = trnmValue.toString();
    if (trnm == u"PING") {
        // Echo the very same frame; also before the LOGIN ack.
        m_socket->sendTextMessage(message);
        ++m_stats.pingsEchoed;
        return;
    }
    if (trnm == u"REAL") {
        if (m_state == State::LoggedIn)
            onReal(frame);
        else
            malformed(QStringLiteral("REAL before login"));
        return;
    }
    if (trnm == u"LOGIN") {
        onLoginReply(frame);
        return;
    }
    if (trnm == u"SYSTEM") {
        onSystem(frame);
        return;
    }
    if (trnm == u"REG" || trnm == u"REMOVE") {
        onRegistrationAck(trnm, frame);
        return;
    }
    emit responseReceived(trnm, frame);
}

void RealtimeClient::onLoginReply(const QJsonObject &frame)
{
    m_loginTimer.stop();
    const std::optional<int> rc = Kiwoom::returnCodeOf(frame.value(QLatin1String("return_code")));
    const QString msg = frame.value(QLatin1String("return_msg")).toString();
    if (rc == 0) {
        const bool reconnected = m_stats.logins > 0;
        ++m_stats.logins;
        if (reconnected)
            ++m_stats.reconnects;
        m_loggedInAtMs = m_clock.nowMs();
        setState(State::LoggedIn);
        startLiveness();
        qCInfo(lcWs).noquote() << (reconnected ? QStringLiteral("websocket logged in again (login %1, reconnect %2)")
                                                     .arg(m_stats.logins)
                                                     .arg(m_stats.reconnects)
                                               : QStringLiteral("websocket logged in"));
        resendRegistrations();
        emit loggedIn(reconnected);
        return;
    }
    KiwoomError e = rc ? Kiwoom::classifyEnvelope(QStringLiteral("LOGIN"), 0, *rc, msg)
                       : KiwoomError::make(KiwoomError::Kind::Parse, QStringLiteral("LOGIN"),
                           QStringLiteral("LOGIN reply without an integer return_code"));
    qCWarning(lcWs).noquote() << "websocket login failed:" << e.describe();
    emit loginFailed(e);
    const bool tokenProblem = Kiwoom::isTokenCode(e.code);
    if (tokenProblem)
        m_tokens.invalidate(m_loginToken); // the next attempt logs in with a fresh token
    dropSocket();
    scheduleReconnect(QStringLiteral("login failed"), tokenProblem);
}

void RealtimeClient::onSystem(const QJsonObject &frame)
{
    const QString code = frame.value(QLatin1String("code")).toString();
    const QString message = frame.value(QLatin1String("message")).toString();
    qCWarning(lcWs).noquote() << "SYSTEM" << code << message;
    if (code == u"R10001") {
        // Another connection with this app key replaced ours: reconnecting would evict it in turn.
        m_noReconnect = true;
    }
    emit systemMessage(code, message);
}

void RealtimeClient::onRegistrationAck(const QString &trnm, const QJsonObject &frame)
{
    const std::optional<int> rc = Kiwoom::returnCodeOf(frame.value(QLatin1String("return_code")));
    const QString msg = frame.value(QLatin1String("return_msg")).toString();
    // Acks carry no grp_no; they come back in request order.
    const auto it
        = std::find_if(m_pendingAcks.begin(), m_pendingAcks.end(), [&](const PendingAck &p) { return p.trnm == trnm; });
    if (it == m_pendingAcks.end()) {
        qCDebug(lcWs).noquote() << trnm << "ack without a pending request";
        return;
    }
    const PendingAck pending = *it;
    m_pendingAcks.erase(it);
    if (rc == 0)
        return;
    const int code = rc.value_or(-1);
    if (code == 100013 && trnm == u"REG") {
        // "not logged in yet": transient by definition; keep the registration and send it again.
        qCWarning(lcWs).noquote() << "REG for group" << pending.group << "came too early (100013); resending in 1 s";
        QTimer::singleShot(1000, this, [this, pending] {
            if (isLoggedIn())
                sendRegistration(pending.trnm, pending.group, pending.items, pending.types, QStringLiteral("1"));
        });
        return;
    }
    qCWarning(lcWs).noquote() << trnm << "refused for group" << pending.group << joined(pending.items) << "type"
                              << joined(pending.types) << "- return_code" << code << msg;
    if (trnm == u"REG") {
        auto &group = m_registry[pending.group];
        for (const QString &item : pending.items) {
            auto entry = group.find(item);
            if (entry == group.end())
                continue;
            for (const QString &type : pending.types)
                entry->remove(type);
            if (entry->isEmpty())
                group.erase(entry);
        }
        if (group.isEmpty())
            m_registry.remove(pending.group);
    }
    emit registrationFailed(pending.group, code, msg);
}

qint64 RealtimeClient::marketNowMs() const
{
    return (m_marketClock ? *m_marketClock : m_clock).nowMs();
}

void RealtimeClient::onReal(const QJsonObject &frame)
{
    deliverReal(Kiwoom::parseRealFrame(frame, marketNowMs(), &m_seq));
}

void RealtimeClient::deliverReal(const Kiwoom::ParsedRealFrame &parsed)
{
    m_stats.realEntries += quint64(parsed.events.size());
    for (const KiwoomError &e : parsed.errors)
        malformed(e.message);
    for (const KiwoomError &e : parsed.incomplete) {
        ++m_stats.incompleteEntries;
        // Rare and each one matters (a fill notice the consumer must reconcile): always logged.
        qCWarning(lcWs).noquote() << e.message;
    }
    for (const Kiwoom::RealtimeEvent &event : parsed.events) {
        std::visit(Overloaded {
                       [this](const Kiwoom::TradeTick &e) { emit tradeTickReceived(e); },
                       [this](const Kiwoom::OrderBookUpdate &e) { emit orderBookReceived(e); },
                       [this](const Kiwoom::OrderExecution &e) { emit orderExecutionReceived(e); },
                       [this](const Kiwoom::BalanceUpdate &e) { emit balanceReceived(e); },
                       [this](const Kiwoom::MarketStatusEvent &e) { emit marketStatusReceived(e); },
                       [this](const Kiwoom::ViEvent &e) { emit viReceived(e); },
                       [this](const Kiwoom::ConditionHit &e) { emit conditionHitReceived(e); },
                       [this](const Kiwoom::RawRealtime &e) { emit otherRealtimeReceived(e); },
                   },
            event);
    }
}

void RealtimeClient::sendRegistration(const QString &trnm, const QString &group, const QStringList &allItems,
    const QStringList &types, const QString &refresh)
{
    if (allItems.size() > MAX_ITEMS_PER_FRAME) {
        for (qsizetype from = 0; from < allItems.size(); from += MAX_ITEMS_PER_FRAME) {
            // Replacing (refresh "0"): the first frame replaces the group, the others add to it.
            const QString r = from == 0 || refresh.isEmpty() ? refresh : QStringLiteral("1");
            sendRegistration(trnm, group, allItems.mid(from, MAX_ITEMS_PER_FRAME), types, r);
        }
        return;
    }
    const QStringList &items = allItems;
    QJsonObject frame {
        { QStringLiteral("trnm"), trnm },
        { QStringLiteral("grp_no"), group },
        { QStringLiteral("data"),
            QJsonArray { QJsonObject { { QStringLiteral("item"), QJsonArray::fromStringList(items) },
                { QStringLiteral("type"), QJsonArray::fromStringList(types) } } } },
    };
    if (!refresh.isEmpty())
        frame.insert(QStringLiteral("refresh"), refresh);
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    m_pendingAcks.push_back(PendingAck { trnm, group, items, types });
    qCInfo(lcWs).noquote() << trnm << joined(types) << "for" << joined(items) << "(group" << group + QLatin1Char(')');
}

void RealtimeClient::subscribe(
    const QString &group, const QStringList &items, const QStringList &types, bool keepExisting)
{
    if (items.isEmpty() || types.isEmpty())
        return;
    auto &registry = m_registry[group];
    if (!keepExisting)
        registry.clear();
    for (const QString &item : items) {
        for (const QString &type : types)
            registry[item].insert(type);
    }
    if (isLoggedIn())
        sendRegistration(
            QStringLiteral("REG"), group, items, types, keepExisting ? QStringLiteral("1") : QStringLiteral("0"));
}

void RealtimeClient::unsubscribe(const QString &group, const QStringList &items, const QStringList &types)
{
    if (items.isEmpty() || types.isEmpty())
        return;
    if (auto g = m_registry.find(group); g != m_registry.end()) {
        for (const QString &item : items) {
            auto entry = g->find(item);
            if (entry == g->end())
                continue;
            for (const QString &type : types)
                entry->remove(type);
            if (entry->isEmpty())
                g->erase(entry);
        }
        if (g->isEmpty())
            m_registry.erase(g);
    }
    if (isLoggedIn())
        sendRegistration(QStringLiteral("REMOVE"), group, items, types, QString());
}

QList<RealtimeClient::Subscription> RealtimeClient::subscriptions() const
{
    QList<Subscription> out;
    for (auto g = m_registry.cbegin(); g != m_registry.cend(); ++g) {
        for (auto i = g->cbegin(); i != g->cend(); ++i) {
            QStringList types(i->cbegin(), i->cend());
            types.sort();
            out << Subscription { g.key(), i.key(), types };
        }
    }
    return out;
}

void RealtimeClient::resendRegistrations()
{
    // One REG per group and distinct type set: {"item":[...all items with those types...],"type":[...]}.
    for (auto g = m_registry.cbegin(); g != m_registry.cend(); ++g) {
        QMap<QStringList, QStringList> byTypes;
        for (auto i = g->cbegin(); i != g->cend(); ++i) {
            QStringList types(i->cbegin(), i->cend());
            types.sort();
            byTypes[types] << i.key();
        }
        for (auto t = byTypes.cbegin(); t != byTypes.cend(); ++t)
            sendRegistration(QStringLiteral("REG"), g.key(), t.value(), t.key(), QStringLiteral("1"));
    }
}

bool RealtimeClient::sendFrame(const QJsonObject &frame)
{
    if (!isLoggedIn() || !m_socket)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    return true;
}
