// SPDX-License-Identifier: GPL-3.0-or-later
#include "simpaperfeed.h"

#include "common/clock.h"
#include "common/logging.h"
#include "kiwoom/kiwoomendpoints.h"
#include "kiwoom/kiwoomsession.h"
#include "simlivesource.h"

#include <QEventLoop>
#include <QTimer>

namespace {

QJsonObject envelopeError(int returnCode, const QString &message)
{
    return QJsonObject { { QStringLiteral("return_code"), returnCode }, { QStringLiteral("return_msg"), message } };
}

bool isAccountType(const QString &type)
{
    return type == u"00" || type == u"04";
}

constexpr char GROUP[] = "1";

} // namespace

SimPaperFeed::SimPaperFeed(const Config &config, const IClock &clock, QObject *parent)
    : QObject(parent), m_config(config), m_clock(clock)
{
}

SimPaperFeed::~SimPaperFeed()
{
    stop();
}

QStringList SimPaperFeed::forwardableApiIds()
{
    // Market data only: quotes, trades, order book, charts, stock lists. Deliberately an allowlist:
    // a TR added to the client later stays local until someone decides it is market data.
    return { QStringLiteral("ka10001"), QStringLiteral("ka10003"), QStringLiteral("ka10004"), QStringLiteral("ka10007"),
        QStringLiteral("ka10079"), QStringLiteral("ka10080"), QStringLiteral("ka10081"), QStringLiteral("ka10082"),
        QStringLiteral("ka10083"), QStringLiteral("ka10095"), QStringLiteral("ka10099"), QStringLiteral("ka10100") };
}

bool SimPaperFeed::isForwardable(const QString &apiId)
{
    static const QSet<QString> allowed = [] {
        const QStringList ids = forwardableApiIds();
        return QSet<QString>(ids.cbegin(), ids.cend());
    }();
    return allowed.contains(apiId);
}

Status SimPaperFeed::start()
{
    if (m_session)
        return {};
    const auto endpoints = KiwoomEndpoints::resolve(m_config.mode, m_config.restUrl, m_config.wsUrl);
    if (!endpoints)
        return Error { QStringLiteral("paper.feed"), endpoints.error().message };
    KiwoomSession::Config c;
    c.mode = m_config.mode;
    c.endpoints = *endpoints;
    c.credentials = Credentials { m_config.appKey, m_config.secretKey };
    if (!c.credentials.isComplete())
        return Error { QStringLiteral("paper.feed"),
            QStringLiteral("paper trading needs %1 credentials for its quote feed").arg(m_config.mode) };
    c.rate.queriesPerSecond = std::max(1, m_config.queriesPerSecond);
    c.useAnnouncedMarketClock = m_config.announcedClock;
    c.orderDrainTimeoutMs = 0; // nothing is ever ordered through this session
    m_session = std::make_unique<KiwoomSession>(c, m_clock);
    m_session->realtime().setWireTap(this);
    connect(&m_session->realtime(), &RealtimeClient::responseReceived, this, &SimPaperFeed::onResponse);
    connect(&m_session->realtime(), &RealtimeClient::loggedIn, this, [this](bool again) {
        if (again)
            emit reconnected();
    });
    connect(&m_session->realtime(), &RealtimeClient::connectionLost, this, [this](const QString &) {
        // Replies owed by the lost connection will not come: fail them, so the FIFO stays in step.
        auto pending = std::exchange(m_pendingConditions, {});
        for (auto it = pending.begin(); it != pending.end(); ++it) {
            for (auto &done : it.value()) {
                QJsonObject o = envelopeError(1, QStringLiteral("시세 연결이 끊어졌습니다"));
                o.insert(QStringLiteral("trnm"), it.key());
                done(o);
            }
        }
    });

    QEventLoop loop;
    QString failure;
    connect(m_session.get(), &KiwoomSession::ready, &loop, &QEventLoop::quit);
    connect(m_session.get(), &KiwoomSession::failed, &loop, [&](const KiwoomError &e) {
        failure = e.describe();
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, [&] {
        failure = QStringLiteral("no answer within %1 s").arg(m_config.startTimeoutMs / 1000);
        loop.quit();
    });
    timeout.start(std::max(1, m_config.startTimeoutMs));
    m_session->start();
    const auto state = m_session->state();
    if (state != KiwoomSession::State::Ready && state != KiwoomSession::State::Degraded
        && state != KiwoomSession::State::Failed)
        loop.exec();
    if (failure.isEmpty() && m_session->state() == KiwoomSession::State::Failed)
        failure = m_session->lastError().describe();
    if (!failure.isEmpty()) {
        stop();
        return Error { QStringLiteral("paper.feed"),
            QStringLiteral("the quote feed did not connect: %1").arg(failure) };
    }
    if (m_config.announcedClock && m_session->announcedClock() && !m_session->announcedClock()->isSet()) {
        // A simulator feed announces its market time on REST replies (the token call goes around the
        // REST client): one cheap query sets the clock before the paper market takes its start time
        // from it. Any reply will do, an error too.
        QEventLoop probe;
        QTimer::singleShot(5000, &probe, &QEventLoop::quit);
        m_session->rest().call(QStringLiteral("ka10100"),
            QJsonObject { { QStringLiteral("stk_cd"), QStringLiteral("005930") } }, Kiwoom::Paging {}, &probe,
            [&probe](const KiwoomResult<RestClient::RawReply> &) { probe.quit(); });
        probe.exec();
    }
    qCInfo(lcSim).noquote() << "paper: quote feed connected at" << c.endpoints.restBase.toString();
    return {};
}

void SimPaperFeed::stop()
{
    if (!m_session)
        return;
    m_session->realtime().setWireTap(nullptr);
    disconnect(&m_session->realtime(), nullptr, this, nullptr);
    if (m_session->state() != KiwoomSession::State::Stopped && m_session->state() != KiwoomSession::State::Failed) {
        QEventLoop loop;
        connect(m_session.get(), &KiwoomSession::stopped, &loop, &QEventLoop::quit);
        QTimer::singleShot(m_session->stopBoundMs() + 500, &loop, &QEventLoop::quit);
        m_session->stop();
        if (m_session->state() != KiwoomSession::State::Stopped)
            loop.exec();
    }
    m_session.reset();
    m_subscribed.clear();
}

qint64 SimPaperFeed::nowMs() const
{
    return m_session ? m_session->marketClock().nowMs() : m_clock.nowMs();
}

void SimPaperFeed::forwardRest(const QString &apiId, const QJsonObject &body, const QString &nextKey, RestDone done)
{
    if (!isForwardable(apiId) || !m_session) {
        // Never sent: orders and account TRs are the paper account's alone.
        done(200, envelopeError(2, QStringLiteral("입력 값 오류입니다[8104:모의투자에서 지원하지 않는 API 입니다.]")),
            false, QString());
        return;
    }
    ++m_restForwarded;
    Kiwoom::Paging paging;
    paging.maxPages = 1;
    paging.nextKey = nextKey;
    m_session->rest().call(apiId, body, paging, this, [done](const KiwoomResult<RestClient::RawReply> &r) {
        if (r) {
            QJsonObject page = r->pages.isEmpty() ? QJsonObject {} : r->pages.first();
            if (!page.contains(QStringLiteral("return_code")))
                page.insert(QStringLiteral("return_code"), 0);
            done(200, page, r->page.hasMore, r->page.nextKey);
            return;
        }
        const KiwoomError &e = r.error();
        if (e.returnCode != 0 && e.kind != KiwoomError::Kind::RateLimited) {
            done(200, envelopeError(e.returnCode, e.message), false, QString());
            return;
        }
        // Unreachable, timed out or rate limited upstream: a transient failure the app retries.
        done(e.kind == KiwoomError::Kind::RateLimited ? 429 : 503,
            envelopeError(e.kind == KiwoomError::Kind::RateLimited ? 5 : 1, e.describe()), false, QString());
    });
}

void SimPaperFeed::setSubscriptions(const QSet<QString> &keys)
{
    if (!m_session)
        return;
    QSet<QString> wanted;
    for (const QString &k : keys) {
        if (!isAccountType(k.section(u'|', 0, 0)))
            wanted.insert(k);
    }
    auto byType = [](const QSet<QString> &set) {
        QHash<QString, QStringList> out;
        for (const QString &k : set)
            out[k.section(u'|', 0, 0)].append(k.section(u'|', 1));
        return out;
    };
    const QHash<QString, QStringList> removed = byType(QSet<QString>(m_subscribed).subtract(wanted));
    const QHash<QString, QStringList> added = byType(QSet<QString>(wanted).subtract(m_subscribed));
    RealtimeClient &rt = m_session->realtime();
    for (auto it = removed.cbegin(); it != removed.cend(); ++it)
        rt.unsubscribe(QString::fromLatin1(GROUP), it.value(), { it.key() });
    for (auto it = added.cbegin(); it != added.cend(); ++it)
        rt.subscribe(QString::fromLatin1(GROUP), it.value(), { it.key() }, true);
    m_subscribed = wanted;
}

void SimPaperFeed::forwardCondition(const QJsonObject &frame, std::function<void(const QJsonObject &)> done)
{
    const QString trnm = frame.value(u"trnm").toString();
    if (!m_session || !m_session->realtime().sendFrame(frame)) {
        QJsonObject o = envelopeError(1, QStringLiteral("시세 연결이 준비되지 않았습니다"));
        o.insert(QStringLiteral("trnm"), trnm);
        if (frame.contains(QStringLiteral("seq")))
            o.insert(QStringLiteral("seq"), frame.value(u"seq"));
        done(o);
        return;
    }
    m_pendingConditions[trnm].push_back(std::move(done));
}

void SimPaperFeed::onResponse(const QString &trnm, const QJsonObject &frame)
{
    auto it = m_pendingConditions.find(trnm);
    if (it == m_pendingConditions.end() || it->empty())
        return;
    auto done = std::move(it->front());
    it->pop_front();
    done(frame);
}

void SimPaperFeed::realtimeFrame(qint64 receivedMs, const QByteArray &utf8)
{
    ++m_framesReceived;
    if (m_source)
        m_source->pushFrame(receivedMs, utf8);
}
