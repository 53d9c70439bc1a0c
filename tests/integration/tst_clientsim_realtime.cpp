// SPDX-License-Identifier: GPL-3.0-or-later
// The app's RealtimeClient and ConditionSearch against the simulator's WebSocket: LOGIN, REG of
// 0B/0D (typed ticks identical to the simulated trades, prices on the ladder), the PING echo
// keeping the session alive, a dropped connection (registrations and realtime conditions restored,
// ticks and hits resume), a token that died meanwhile (re-login with a fresh one), duplicated and
// reordered frames (every entry delivered with a sequence number, duplicates identifiable by the
// contract's key), malformed frames (counted, the stream continues), and condition search:
// CNSRLST, CNSRREQ one-shot with paging, realtime I/D hits that track the simulator's condition
// engine, CNSRCLR, and the 10-condition cap on both sides.
#include "clientsimfixture.h"
#include "market/krx.h"
#include "sim/simconditions.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"

#include <QtTest>

using namespace Kiwoom;

namespace {

QList<TradeTick> ticksOf(const QSignalSpy &spy, const QString &code = QString())
{
    QList<TradeTick> out;
    for (const QList<QVariant> &args : spy) {
        const auto t = args.at(0).value<TradeTick>();
        if (code.isEmpty() || t.code == code)
            out << t;
    }
    return out;
}

} // namespace

class TestClientSimRealtime final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ClientSimFixture> f;
    QStringList codes; // three liquid stocks

    void startRig(const std::function<void(ClientSimFixture::Options &)> &tweak = {})
    {
        f = std::make_unique<ClientSimFixture>();
        ClientSimFixture::Options o;
        o.sim.conditionPageSize = 3;
        if (tweak)
            tweak(o);
        QVERIFY2(f->start(o), qPrintable(f->error()));
        codes.clear();
        const SimMarket &m = *f->server().market();
        for (int i = 0; i < m.stockCount() && codes.size() < 3; ++i) {
            if (m.info(i).avgVolume >= 1'000'000)
                codes << m.info(i).code;
        }
        QCOMPARE(codes.size(), 3);
    }
    qsizetype simTickCount(const QString &code) const
    {
        return f->server().market()->ticksToday(f->indexOf(code)).size();
    }
    QStringList simMembers(const QString &seq) const
    {
        QStringList out;
        for (int i : f->server().conditions()->members(seq))
            out << f->code(i);
        return out;
    }
    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }
    static QStringList sorted(const QSet<QString> &set) { return sorted(QStringList(set.cbegin(), set.cend())); }

    KiwoomResult<QStringList> startCondition(const QString &seq)
    {
        return ClientSimFixture::await<QStringList>(
            [&](QObject *ctx, auto done) { f->conditions().startRealtime(seq, ctx, done); });
    }

private slots:
    void cleanup() { f.reset(); }

    void ticksMatchTheSimulatedTrades()
    {
        startRig();
        QSignalSpy ticks(&f->realtime(), &RealtimeClient::tradeTickReceived);
        QSignalSpy books(&f->realtime(), &RealtimeClient::orderBookReceived);
        f->realtime().subscribe(QStringLiteral("1"), codes, { QStringLiteral("0B"), QStringLiteral("0D") });
        QVERIFY(f->waitForSimRegistrations(6));
        QHash<QString, qsizetype> before;
        for (const QString &c : std::as_const(codes))
            before.insert(c, simTickCount(c));

        f->advance(2 * 60 * 1000);
        qsizetype expected = 0;
        for (const QString &c : std::as_const(codes))
            expected += simTickCount(c) - before.value(c);
        QVERIFY(expected > 30);
        QTRY_COMPARE_WITH_TIMEOUT(ticks.size(), expected, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(books.size(), expected, 15000); // one book update per trade

        quint64 lastSeq = 0;
        for (const QList<QVariant> &args : std::as_const(ticks)) {
            const auto t = args.at(0).value<TradeTick>();
            QVERIFY(t.meta.seq > lastSeq);
            lastSeq = t.meta.seq;
            QCOMPARE(t.meta.type, QStringLiteral("0B"));
        }
        for (const QString &c : std::as_const(codes)) {
            const QList<TradeTick> got = ticksOf(ticks, c);
            const QVector<SimTick> &truth = f->server().market()->ticksToday(f->indexOf(c));
            const SimQuote q = f->quote(c);
            QCOMPARE(got.size(), truth.size() - before.value(c));
            qint64 cum = 0;
            for (qsizetype k = 0; k < before.value(c); ++k)
                cum += truth.at(k).volume;
            for (int k = 0; k < got.size(); ++k) {
                const TradeTick &t = got.at(k);
                const SimTick &s = truth.at(before.value(c) + k);
                cum += s.volume;
                QCOMPARE(t.price, s.price); // "-20800" on the wire: an absolute price
                QVERIFY(t.price > 0 && Krx::isOnTick(t.price));
                QCOMPARE(t.volume, s.volume);
                QCOMPARE(t.aggressor, std::optional<Side>(s.buyInitiated ? Side::Buy : Side::Sell));
                QCOMPARE(t.cumVolume, cum);
                QCOMPARE(t.timeMs / 1000, s.timeMs / 1000);
                QCOMPARE(t.change, s.price - q.basePrice);
                QCOMPARE(t.direction,
                    s.price > q.basePrice       ? Direction::Up
                        : s.price < q.basePrice ? Direction::Down
                                                : Direction::Unchanged);
                QVERIFY(t.low <= t.price && t.price <= t.high);
                QVERIFY(t.bestAsk > t.bestBid && Krx::isOnTick(t.bestAsk) && Krx::isOnTick(t.bestBid));
                QCOMPARE(t.sessionCode, QStringLiteral("2"));
            }
            QCOMPARE(got.last().high, q.high);
            QCOMPARE(got.last().low, q.low);
            QCOMPARE(got.last().open, q.open);
        }
        // The newest book of each stock is the simulator's book now.
        for (const QString &c : std::as_const(codes)) {
            OrderBookUpdate last;
            for (const QList<QVariant> &args : std::as_const(books)) {
                const auto b = args.at(0).value<OrderBookUpdate>();
                if (b.code == c)
                    last = b;
            }
            const SimBook truth = f->server().market()->book(f->indexOf(c));
            for (int k = 0; k < 10; ++k) {
                QCOMPARE(last.asks[k].price, truth.asks[k].price);
                QCOMPARE(last.asks[k].quantity, truth.asks[k].qty);
                QCOMPARE(last.bids[k].price, truth.bids[k].price);
                QCOMPARE(last.bids[k].quantity, truth.bids[k].qty);
            }
            QCOMPARE(last.totalAskQty, truth.totalAsk());
            QCOMPARE(last.totalBidQty, truth.totalBid());
        }

        // REMOVE stops one stock; the others keep streaming.
        f->realtime().unsubscribe(
            QStringLiteral("1"), { codes.first() }, { QStringLiteral("0B"), QStringLiteral("0D") });
        QVERIFY(f->waitForSimRegistrations(4));
        ticks.clear();
        const qsizetype removedBefore = simTickCount(codes.first());
        const qsizetype keptBefore = simTickCount(codes.at(1)) + simTickCount(codes.at(2));
        f->advance(60 * 1000);
        const qsizetype kept = simTickCount(codes.at(1)) + simTickCount(codes.at(2)) - keptBefore;
        QVERIFY(simTickCount(codes.first()) > removedBefore);
        QTRY_COMPARE_WITH_TIMEOUT(ticks.size(), kept, 15000);
        QVERIFY(ticksOf(ticks, codes.first()).isEmpty());
        QCOMPARE(f->realtime().stats().malformedFrames, quint64(0));
    }

    void twoThousandCodesRegisterAndStream()
    {
        // A universe of 2,100 stocks and a session cap above 2,000 (the default 200 stays the
        // simulator's default): one subscribe() of 2,000 codes goes out as REG frames of at most
        // MAX_ITEMS_PER_FRAME items, every one acknowledged, and ticks arrive for codes across it.
        startRig([](ClientSimFixture::Options &o) {
            o.sim.universeSize = 2100;
            o.sim.maxRealtimeItems = 2500;
        });
        QStringList many;
        const SimMarket &m = *f->server().market();
        QCOMPARE(m.stockCount(), 2100);
        for (int i = 100; i < 2100; ++i)
            many << m.info(i).code;
        QSignalSpy refused(&f->realtime(), &RealtimeClient::registrationFailed);
        QSignalSpy ticks(&f->realtime(), &RealtimeClient::tradeTickReceived);
        f->realtime().subscribe(QStringLiteral("7"), many, { QStringLiteral("0B") });
        QVERIFY(f->waitForSimRegistrations(2000));
        QCOMPARE(f->realtime().subscriptions().size(), 2000);
        f->advance(60 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(ticks.size() > 2000, 20000);
        QSet<QString> seen;
        for (const QList<QVariant> &args : std::as_const(ticks))
            seen.insert(args.at(0).value<TradeTick>().code);
        QVERIFY2(seen.size() > 1000, qPrintable(QString::number(seen.size())));
        QVERIFY(seen.contains(many.last()) || seen.contains(many.at(1998)) || seen.contains(many.at(1997)));
        QVERIFY(refused.isEmpty());
        // Replacing the group (refresh "0") with 150 codes leaves exactly those.
        f->realtime().subscribe(QStringLiteral("7"), many.mid(0, 150), { QStringLiteral("0B") }, false);
        QTRY_COMPARE_WITH_TIMEOUT(f->simRegistrations(), 150, 10000);
        QVERIFY(refused.isEmpty());
        // Beyond the simulator's cap the frame that crosses it is refused and reported.
        f->realtime().subscribe(QStringLiteral("8"), many.mid(150, 1850), { QStringLiteral("0D") });
        QTRY_COMPARE_WITH_TIMEOUT(f->simRegistrations(), 2000, 10000); // 150 x 0B + 1,850 x 0D
        f->realtime().subscribe(QStringLiteral("9"), many.mid(0, 600), { QStringLiteral("0C") });
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000); // the sixth frame of 100 crosses 2,500
        QCOMPARE(refused.first().at(0).toString(), QStringLiteral("9"));
        QCOMPARE(f->simRegistrations(), 2500);
        QCOMPARE(f->realtime().subscriptions().size(), 150 + 1850 + 500);
    }

    void refusedRegistrationIsReportedAndForgotten()
    {
        startRig();
        QSignalSpy refused(&f->realtime(), &RealtimeClient::registrationFailed);
        QSignalSpy loggedIn(&f->realtime(), &RealtimeClient::loggedIn);
        f->realtime().subscribe(QStringLiteral("1"), { codes.first() }, { QStringLiteral("0B") });
        // An unknown code: the simulator refuses the whole REG (return_code 1).
        f->realtime().subscribe(
            QStringLiteral("2"), { codes.at(1), QStringLiteral("999990") }, { QStringLiteral("0B") });
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
        QCOMPARE(refused.first().at(0).toString(), QStringLiteral("2"));
        QCOMPARE(refused.first().at(1).toInt(), 1);
        QVERIFY(!refused.first().at(2).toString().isEmpty());
        QCOMPARE(f->simRegistrations(), 1);
        const auto subs = f->realtime().subscriptions();
        QCOMPARE(subs.size(), 1); // the refused group is not kept (nor re-sent after a reconnect)
        QCOMPARE(subs.first().item, codes.first());
        QVERIFY(f->server().addFaults(QStringLiteral("ws-drop")));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 15000);
        QVERIFY(f->waitForSimRegistrations(1));
        QTest::qWait(100);
        QCOMPARE(refused.size(), 1);
        // A type the simulator does not serve is refused the same way.
        f->realtime().subscribe(QStringLiteral("3"), { codes.first() }, { QStringLiteral("0w") });
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 2, 10000);
        QCOMPARE(f->realtime().subscriptions().size(), 1);
    }

    void pingIsEchoedAndTheSessionStays()
    {
        // A PING every 150 ms; a session that does not echo within 1 s is dropped. Sixteen PINGs
        // (2.4 s) outlast interval + timeout, so a missing echo would have cost the session.
        startRig([](ClientSimFixture::Options &o) {
            o.sim.pingIntervalMs = 150;
            o.sim.pingTimeoutMs = 1000;
        });
        QSignalSpy lost(&f->realtime(), &RealtimeClient::connectionLost);
        QTRY_VERIFY_WITH_TIMEOUT(f->realtime().stats().pingsEchoed >= 16, 20000);
        QVERIFY(lost.isEmpty());
        QCOMPARE(f->realtime().stats().logins, quint64(1));
        QCOMPARE(f->realtime().stats().reconnects, quint64(0));
        QVERIFY(f->realtime().isLoggedIn());
        QCOMPARE(f->simState().value(QStringLiteral("ws_sessions")).toInt(), 1);
        // ... and the session still carries data.
        QSignalSpy ticks(&f->realtime(), &RealtimeClient::tradeTickReceived);
        f->realtime().subscribe(QStringLiteral("1"), { codes.first() }, { QStringLiteral("0B") });
        QVERIFY(f->waitForSimRegistrations(1));
        f->advance(30 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!ticks.isEmpty(), 10000);
    }

    void droppedSocketRestoresRegistrationsAndConditions()
    {
        startRig();
        QSignalSpy ticks(&f->realtime(), &RealtimeClient::tradeTickReceived);
        QSignalSpy hits(&f->conditions(), &ConditionSearch::conditionHitReceived);
        QSignalSpy started(&f->conditions(), &ConditionSearch::realtimeStarted);
        QSignalSpy loggedIn(&f->realtime(), &RealtimeClient::loggedIn);
        QSignalSpy lost(&f->realtime(), &RealtimeClient::connectionLost);
        f->realtime().subscribe(QStringLiteral("1"), codes, { QStringLiteral("0B") });
        f->realtime().subscribe(QStringLiteral("2"), { codes.first() }, { QStringLiteral("0D") });
        const QStringList seqs = { QStringLiteral("0"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("8") };
        for (const QString &seq : seqs) {
            const auto initial = startCondition(seq);
            QVERIFY2(initial, describe(initial));
            QCOMPARE(sorted(*initial), simMembers(seq));
        }
        QVERIFY(f->waitForSimRegistrations(4));
        QCOMPARE(f->simRealtimeConditions(), seqs.size());
        const auto registry = f->realtime().subscriptions();

        QVERIFY(f->server().addFaults(QStringLiteral("ws-drop")));
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 15000);
        QCOMPARE(loggedIn.first().at(0).toBool(), true); // a reconnect
        QCOMPARE(f->realtime().stats().reconnects, quint64(1));
        // The same registrations (client registry and simulator side) and every realtime condition.
        QCOMPARE(f->realtime().subscriptions().size(), registry.size());
        QVERIFY(f->waitForSimRegistrations(4));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2 * seqs.size(), 15000);
        for (int i = seqs.size(); i < started.size(); ++i) {
            const QString seq = started.at(i).at(0).toString();
            QVERIFY(seqs.contains(seq));
            QCOMPARE(started.at(i).at(2).toBool(), true); // restored
            QCOMPARE(sorted(started.at(i).at(1).toStringList()), simMembers(seq));
        }
        QCOMPARE(f->simRealtimeConditions(), seqs.size());
        QCOMPARE(f->session().state(), KiwoomSession::State::Ready);

        // Ticks and condition hits resume.
        ticks.clear();
        const qsizetype before = simTickCount(codes.at(0)) + simTickCount(codes.at(1)) + simTickCount(codes.at(2));
        int minutes = 0;
        for (; minutes < 120 && hits.isEmpty(); ++minutes) {
            f->advance(60 * 1000);
            QTest::qWait(5);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!hits.isEmpty(), 10000);
        const qsizetype after = simTickCount(codes.at(0)) + simTickCount(codes.at(1)) + simTickCount(codes.at(2));
        QTRY_COMPARE_WITH_TIMEOUT(ticks.size(), after - before, 15000);
        for (const QString &seq : seqs)
            QTRY_COMPARE_WITH_TIMEOUT(sorted(f->conditions().members(seq)), simMembers(seq), 10000);
    }

    void expiredTokenAtReconnectLogsInWithAFreshOne()
    {
        startRig();
        QSignalSpy failed(&f->realtime(), &RealtimeClient::loginFailed);
        QSignalSpy loggedIn(&f->realtime(), &RealtimeClient::loggedIn);
        QSignalSpy ticks(&f->realtime(), &RealtimeClient::tradeTickReceived);
        f->realtime().subscribe(QStringLiteral("1"), { codes.first() }, { QStringLiteral("0B") });
        QVERIFY(f->waitForSimRegistrations(1));
        const qint64 issues = f->simRequests(QStringLiteral("au10001"));
        f->server().expireTokens();
        QVERIFY(f->server().addFaults(QStringLiteral("ws-drop")));
        // LOGIN with the dead token -> 805004 [CODE=8005] -> the token is dropped and re-issued.
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
        const auto e = failed.first().at(0).value<KiwoomError>();
        QCOMPARE(e.kind, KiwoomError::Kind::Auth);
        QCOMPARE(e.code, 8005);
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 15000);
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), issues + 1);
        QVERIFY(f->waitForSimRegistrations(1));
        f->advance(30 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!ticks.isEmpty(), 10000);
        // REST uses the new token without another re-issue.
        const auto info = ClientSimFixture::await<StockInfo>(
            [&](QObject *ctx, auto done) { f->rest().stockInfo(codes.first(), ctx, done); });
        QVERIFY2(info, describe(info));
        QCOMPARE(f->simRequests(QStringLiteral("au10001")), issues + 1);
    }

    void duplicatedAndReorderedFramesAreDeliveredWithSequence()
    {
        startRig();
        QSignalSpy ticks(&f->realtime(), &RealtimeClient::tradeTickReceived);
        f->realtime().subscribe(QStringLiteral("1"), codes, { QStringLiteral("0B") });
        QVERIFY(f->waitForSimRegistrations(3));
        QHash<QString, qsizetype> before;
        for (const QString &c : std::as_const(codes))
            before.insert(c, simTickCount(c));
        QVERIFY(f->server().addFaults(QStringLiteral("ws-duplicate,count=3;ws-reorder,count=2")));
        qsizetype expected = 0;
        for (int second = 0; second < 40; ++second) {
            f->advance(1000); // one REAL frame per step
            QTest::qWait(2);
        }
        for (const QString &c : std::as_const(codes))
            expected += simTickCount(c) - before.value(c);

        // Every entry is delivered: the simulator's trades plus the duplicated frames' entries.
        QTRY_VERIFY_WITH_TIMEOUT(ticks.size() > expected, 15000);
        const QJsonArray rules = f->simState().value(QStringLiteral("faults")).toArray();
        for (const QJsonValue &r : rules)
            QVERIFY2(r.toObject().value(QStringLiteral("exhausted")).toBool(),
                qPrintable(r.toObject().value(QStringLiteral("rule")).toString()));

        // Sequence numbers are strictly increasing in arrival order, one per entry.
        quint64 lastSeq = 0;
        QSet<QPair<QString, qint64>> unique; // the contract's dedupe key for 0B: code + cumVolume (+ time)
        int duplicates = 0;
        for (const QList<QVariant> &args : std::as_const(ticks)) {
            const auto t = args.at(0).value<TradeTick>();
            QVERIFY(t.meta.seq > lastSeq);
            lastSeq = t.meta.seq;
            const auto key = qMakePair(t.code, t.cumVolume);
            if (unique.contains(key))
                ++duplicates;
            unique.insert(key);
        }
        QCOMPARE(unique.size(), expected);
        QCOMPARE(ticks.size(), expected + duplicates);
        QVERIFY(duplicates >= 3);

        // Reordered frames arrive late (a trade time older than the one before it); after dedupe and
        // sorting by the key, the stream is exactly the simulator's trades.
        int inversions = 0;
        const QList<TradeTick> arrival = ticksOf(ticks);
        for (int k = 1; k < arrival.size(); ++k)
            inversions += arrival.at(k).timeMs < arrival.at(k - 1).timeMs ? 1 : 0;
        for (const QString &c : std::as_const(codes)) {
            QList<TradeTick> got = ticksOf(ticks, c);
            std::sort(got.begin(), got.end(),
                [](const TradeTick &a, const TradeTick &b) { return a.cumVolume < b.cumVolume; });
            got.erase(std::unique(got.begin(), got.end(),
                          [](const TradeTick &a, const TradeTick &b) { return a.cumVolume == b.cumVolume; }),
                got.end());
            const QVector<SimTick> &truth = f->server().market()->ticksToday(f->indexOf(c));
            QCOMPARE(got.size(), truth.size() - before.value(c));
            for (int k = 0; k < got.size(); ++k) {
                QCOMPARE(got.at(k).price, truth.at(before.value(c) + k).price);
                QCOMPARE(got.at(k).volume, truth.at(before.value(c) + k).volume);
            }
        }
        QVERIFY(inversions >= 1);
    }

    void malformedFramesAreCountedAndTheStreamContinues()
    {
        startRig();
        QSignalSpy ticks(&f->realtime(), &RealtimeClient::tradeTickReceived);
        QSignalSpy malformed(&f->realtime(), &RealtimeClient::malformedFrameReceived);
        QSignalSpy lost(&f->realtime(), &RealtimeClient::connectionLost);
        f->realtime().subscribe(QStringLiteral("1"), { codes.first() }, { QStringLiteral("0B") });
        QVERIFY(f->waitForSimRegistrations(1));
        QVERIFY(f->server().addFaults(QStringLiteral("ws-malformed,count=2")));
        const qsizetype before = simTickCount(codes.first());
        QList<qsizetype> perFrame; // trades per step = entries per REAL frame
        for (int second = 0; second < 10; ++second) {
            const qsizetype n = simTickCount(codes.first());
            f->advance(3000);
            perFrame << simTickCount(codes.first()) - n;
            QTest::qWait(5);
        }
        QTRY_COMPARE_WITH_TIMEOUT(malformed.size(), 2, 10000);
        QCOMPARE(f->realtime().stats().malformedFrames, quint64(2));
        // Everything but the entries of the two broken frames (the first two steps that traded:
        // one frame per step) arrived, in order; no reconnect.
        const qsizetype sent = simTickCount(codes.first()) - before;
        qsizetype inBroken = 0;
        int broken = 0;
        for (const qsizetype n : std::as_const(perFrame)) {
            if (n > 0 && broken < 2) {
                inBroken += n;
                ++broken;
            }
        }
        QCOMPARE(broken, 2);
        QTRY_COMPARE_WITH_TIMEOUT(ticks.size(), sent - inBroken, 10000);
        QTest::qWait(50);
        QCOMPARE(ticks.size(), sent - inBroken);
        qint64 lastCum = 0;
        for (const TradeTick &t : ticksOf(ticks)) {
            QVERIFY(t.cumVolume > lastCum);
            lastCum = t.cumVolume;
        }
        QVERIFY(lost.isEmpty());
        QCOMPARE(f->realtime().stats().reconnects, quint64(0));
        QVERIFY(f->realtime().isLoggedIn());
        ticks.clear();
        f->advance(30 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!ticks.isEmpty(), 10000);
    }

    void marketOperationAcrossTheDayRoll()
    {
        // 0s over the close: the next trading day rolls over (215 "0" KRX 장전) and opens ("3").
        startRig();
        QSignalSpy status(&f->realtime(), &RealtimeClient::marketStatusReceived);
        QSignalSpy ticks(&f->realtime(), &RealtimeClient::tradeTickReceived);
        f->realtime().subscribe(QStringLiteral("5"), { QString() }, { QStringLiteral("0s") });
        f->realtime().subscribe(QStringLiteral("1"), { codes.first() }, { QStringLiteral("0B") });
        QVERIFY(f->waitForSimRegistrations(2));
        // Up to just before the closing print (frames are delivered while the client's clock still
        // reads that day: HHmmss times are placed on the day nearest to the client's clock) ...
        const qint64 close = Krx::fromKst(QDate(2025, 3, 10), QTime(15, 30));
        const qsizetype before = simTickCount(codes.first());
        f->advance(close - f->virtualNowMs() - 1000);
        QTRY_COMPARE_WITH_TIMEOUT(ticks.size(), simTickCount(codes.first()) - before, 10000);
        // ... then over the close: the always-open market continues at 09:00 of the next trading day.
        f->advance(2 * 60'000);
        QCOMPARE(f->server().market()->currentDate(), QDate(2025, 3, 11));
        QTRY_VERIFY_WITH_TIMEOUT(status.size() >= 2, 10000);
        QStringList operations;
        for (const QList<QVariant> &args : std::as_const(status)) {
            const auto e = args.at(0).value<MarketStatusEvent>();
            operations << e.operation;
            QCOMPARE(Krx::kstDate(e.timeMs), QDate(2025, 3, 11));
        }
        QCOMPARE(operations.mid(operations.size() - 2), QStringList({ QStringLiteral("0"), QStringLiteral("3") }));
        // The last tick of the day and the first of the next are placed on their own days.
        QTRY_VERIFY_WITH_TIMEOUT(!ticks.isEmpty(), 10000);
        const auto first = ticks.first().at(0).value<TradeTick>();
        const auto last = ticks.last().at(0).value<TradeTick>();
        QCOMPARE(Krx::kstDate(first.timeMs), QDate(2025, 3, 10));
        QCOMPARE(Krx::kstDate(last.timeMs), QDate(2025, 3, 11));
        // The next day's quote starts from the previous close.
        const QVector<SimDayBar> bars = f->server().market()->dailyBars(f->indexOf(codes.first()));
        QCOMPARE(last.change, last.price - bars.at(bars.size() - 2).candle.close);
    }

    void conditionListAndOneShotSearchWithPaging()
    {
        startRig();
        f->advance(30 * 60 * 1000);
        const auto list = ClientSimFixture::await<QList<ConditionInfo>>(
            [&](QObject *ctx, auto done) { f->conditions().listConditions(ctx, done); });
        QVERIFY2(list, describe(list));
        const QList<SimConditions::Formula> &formulas = f->server().conditions()->formulas();
        QCOMPARE(list->size(), formulas.size());
        for (int i = 0; i < formulas.size(); ++i) {
            QCOMPARE(list->at(i).seq, formulas.at(i).seq);
            QCOMPARE(list->at(i).name, formulas.at(i).name);
        }

        // The condition with the most members: several pages of 3.
        QString seq;
        int most = -1;
        for (const SimConditions::Formula &formula : formulas) {
            const int n = int(simMembers(formula.seq).size());
            if (n > most) {
                most = n;
                seq = formula.seq;
            }
        }
        QVERIFY2(most > 6, qPrintable(QString::number(most)));
        Paging all;
        all.maxPages = 100;
        const auto whole = ClientSimFixture::await<ConditionSearchResult>(
            [&](QObject *ctx, auto done) { f->conditions().search(seq, all, ctx, done); });
        QVERIFY2(whole, describe(whole));
        QCOMPARE(whole->page.pages, (most + 2) / 3);
        QVERIFY(!whole->page.hasMore);
        QStringList got;
        for (const ConditionRow &row : whole->rows) {
            got << row.code;
            const SimQuote q = f->quote(row.code);
            QCOMPARE(row.price, q.price); // "000075000" zero-padded on the wire
            QCOMPARE(row.change, q.price - q.basePrice);
            QCOMPARE(row.cumVolume, q.volume);
            QCOMPARE(row.high, q.high);
            QCOMPARE(row.low, q.low);
            QVERIFY(Krx::isOnTick(row.price));
            QVERIFY(!row.name.isEmpty());
        }
        QCOMPARE(got, simMembers(seq)); // same codes, in order, no gap, no duplicate

        // Page limit and resume.
        Paging one;
        one.maxPages = 1;
        const auto first = ClientSimFixture::await<ConditionSearchResult>(
            [&](QObject *ctx, auto done) { f->conditions().search(seq, one, ctx, done); });
        QVERIFY2(first, describe(first));
        QCOMPARE(first->rows.size(), 3);
        QVERIFY(first->page.hasMore);
        Paging resume;
        resume.maxPages = 100;
        resume.nextKey = first->page.nextKey;
        const auto rest = ClientSimFixture::await<ConditionSearchResult>(
            [&](QObject *ctx, auto done) { f->conditions().search(seq, resume, ctx, done); });
        QVERIFY2(rest, describe(rest));
        QStringList joined;
        for (const ConditionRow &row : first->rows + rest->rows)
            joined << row.code;
        QCOMPARE(joined, got);

        // An unknown condition is a typed error.
        const auto unknown = ClientSimFixture::await<ConditionSearchResult>(
            [&](QObject *ctx, auto done) { f->conditions().search(QStringLiteral("77"), all, ctx, done); });
        QVERIFY(!unknown);
        QVERIFY(unknown.error().kind == KiwoomError::Kind::Api);
    }

    void realtimeConditionHitsTrackTheSimulatorUntilCleared()
    {
        startRig();
        QSignalSpy hits(&f->conditions(), &ConditionSearch::conditionHitReceived);
        QStringList seqs;
        for (int i = 0; i < 10; ++i)
            seqs << QString::number(i);
        for (const QString &seq : std::as_const(seqs)) {
            const auto initial = startCondition(seq);
            QVERIFY2(initial, describe(initial));
            QCOMPARE(sorted(*initial), simMembers(seq));
            QCOMPARE(sorted(f->conditions().members(seq)), simMembers(seq));
        }
        QCOMPARE(f->simRealtimeConditions(), 10);

        // Minute by minute, the client's member sets follow the simulator's condition engine.
        int minutes = 0;
        for (; minutes < 90 && hits.size() < 3; ++minutes) {
            f->advance(60 * 1000);
            for (const QString &seq : std::as_const(seqs))
                QTRY_COMPARE_WITH_TIMEOUT(sorted(f->conditions().members(seq)), simMembers(seq), 10000);
        }
        QVERIFY2(hits.size() >= 3, qPrintable(QString::number(hits.size())));
        for (const QList<QVariant> &args : std::as_const(hits)) {
            const auto h = args.at(0).value<ConditionHit>();
            QVERIFY(seqs.contains(h.conditionSeq));
            QVERIFY(f->indexOf(h.code) >= 0);
            QCOMPARE(Krx::kstDate(h.timeMs), QDate(2025, 3, 10));
        }

        // CNSRCLR: no more hits although membership keeps changing.
        QSignalSpy stopped(&f->conditions(), &ConditionSearch::realtimeStopped);
        for (const QString &seq : std::as_const(seqs)) {
            const auto ok = ClientSimFixture::await<bool>(
                [&](QObject *ctx, auto done) { f->conditions().stopRealtime(seq, ctx, done); });
            QVERIFY2(ok, describe(ok));
        }
        QCOMPARE(stopped.size(), 10);
        QCOMPARE(f->simRealtimeConditions(), 0);
        QVERIFY(f->conditions().activeRealtime().isEmpty());
        QHash<QString, QStringList> frozen;
        for (const QString &seq : std::as_const(seqs))
            frozen.insert(seq, simMembers(seq));
        hits.clear();
        bool changed = false;
        for (int m = 0; m < 90 && !changed; ++m) {
            f->advance(60 * 1000);
            for (const QString &seq : std::as_const(seqs))
                changed = changed || simMembers(seq) != frozen.value(seq);
        }
        QVERIFY(changed); // hits would have come had the conditions still been registered
        QTest::qWait(200);
        QVERIFY(hits.isEmpty());
    }

    void tenRealtimeConditionsAtMost()
    {
        startRig();
        for (int i = 0; i < 10; ++i) {
            const auto r = startCondition(QString::number(i));
            QVERIFY2(r, describe(r));
        }
        // The client refuses an 11th locally ...
        const auto eleventh = startCondition(QStringLiteral("10"));
        QVERIFY(!eleventh);
        QCOMPARE(eleventh.error().kind, KiwoomError::Kind::Invalid);
        QCOMPARE(f->simRealtimeConditions(), 10);
        // ... and restarting a running one is not a new one.
        const auto again = startCondition(QStringLiteral("3"));
        QVERIFY2(again, describe(again));
        QCOMPARE(f->conditions().activeRealtime().size(), 10);
    }

    void simulatorEnforcesTheCapToo()
    {
        // A client configured beyond Kiwoom's limit meets the server's refusal, typed.
        startRig([](ClientSimFixture::Options &o) { o.client.conditions.maxRealtimeConditions = 12; });
        for (int i = 0; i < 10; ++i) {
            const auto r = startCondition(QString::number(i));
            QVERIFY2(r, describe(r));
        }
        const auto eleventh = startCondition(QStringLiteral("10"));
        QVERIFY(!eleventh);
        QCOMPARE(eleventh.error().kind, KiwoomError::Kind::Api);
        QCOMPARE(eleventh.error().returnCode, 1);
        QCOMPARE(f->simRealtimeConditions(), 10);
        QCOMPARE(f->conditions().activeRealtime().size(), 10);
        QVERIFY(!f->conditions().activeRealtime().contains(QStringLiteral("10")));
    }
};

QTEST_GUILESS_MAIN(TestClientSimRealtime)
#include "tst_clientsim_realtime.moc"
