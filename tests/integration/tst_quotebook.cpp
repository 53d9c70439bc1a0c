// SPDX-License-Identifier: GPL-3.0-or-later
// QuoteBook against the built-in simulator through the real client: owners' code sets are merged
// into one 0B subscription, ticks update quotes, views get throttled batches.

#include "common/clock.h"
#include "common/settings.h"
#include "kiwoom/kiwoomsession.h"
#include "market/krx.h"
#include "services/quotebook.h"
#include "sim/simconfig.h"
#include "sim/simhost.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestQuoteBook final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimHost> m_sim;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<KiwoomSession> m_session;

private slots:
    void init()
    {
        SimConfig config;
        config.speed = 60; // a minute of market per real second
        config.seed = 7;
        m_sim = std::make_unique<SimHost>();
        auto endpoints = m_sim->start(config);
        QVERIFY2(endpoints.ok(), qPrintable(endpoints.ok() ? QString() : endpoints.error().message));
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("kt.ini")));
        auto sessionConfig = KiwoomSession::configFor(*m_settings, QStringLiteral("demo"),
            endpoints->restBaseUrl.toString(), endpoints->webSocketUrl.toString(),
            { QString::fromLatin1(Sim::DEMO_APP_KEY), QString::fromLatin1(Sim::DEMO_SECRET_KEY) });
        QVERIFY(sessionConfig.ok());
        m_session = std::make_unique<KiwoomSession>(*sessionConfig, SystemClock::instance());
        QSignalSpy ready(m_session.get(), &KiwoomSession::ready);
        m_session->start();
        QVERIFY(ready.wait(15000));
    }

    void cleanup()
    {
        m_session.reset();
        m_sim.reset();
    }

    void ownersShareOneSubscriptionAndTicksArrive()
    {
        QuoteBook book(m_session->realtime(), SystemClock::instance());
        book.setThrottleMs(100);
        QSignalSpy ticks(&book, &QuoteBook::tickReceived);
        QSignalSpy batches(&book, &QuoteBook::quotesUpdated);
        book.watch(QStringLiteral("watchlist"), { QStringLiteral("005930"), QStringLiteral("000660") });
        book.watch(
            QStringLiteral("positions"), { QStringLiteral("000660"), QStringLiteral("035420"), QStringLiteral(" ") });
        QCOMPARE(book.watchedCodes(),
            QStringList({ QStringLiteral("000660"), QStringLiteral("005930"), QStringLiteral("035420") }));

        QTRY_VERIFY_WITH_TIMEOUT(book.quote(QStringLiteral("005930")).has_value()
                && book.quote(QStringLiteral("000660")).has_value() && book.quote(QStringLiteral("035420")).has_value(),
            20000);
        for (const Quote &q : book.quotes()) {
            QVERIFY(q.price > 0);
            QVERIFY2(Krx::isOnTick(q.price), qPrintable(q.code));
            QVERIFY(q.low <= q.price && q.price <= q.high);
            QVERIFY(q.timeMs > 0);
        }
        QVERIFY(ticks.count() >= 3);
        QTRY_VERIFY_WITH_TIMEOUT(batches.count() >= 1, 5000);
        // Batches are throttled: far fewer batches than ticks once the stream runs for a while.
        QTRY_VERIFY_WITH_TIMEOUT(ticks.count() >= 40, 20000);
        QVERIFY2(batches.count() < ticks.count(),
            qPrintable(QStringLiteral("%1 batches for %2 ticks").arg(batches.count()).arg(ticks.count())));

        // Dropping an owner removes only the codes nobody else needs.
        book.watch(QStringLiteral("positions"), {});
        QCOMPARE(book.watchedCodes(), QStringList({ QStringLiteral("000660"), QStringLiteral("005930") }));
        QVERIFY(!book.quote(QStringLiteral("035420")).has_value());
        const auto regs = m_session->realtime().subscriptions();
        QStringList items;
        for (const auto &r : regs)
            items << r.item;
        QVERIFY(!items.contains(QStringLiteral("035420")));
        QVERIFY(items.contains(QStringLiteral("005930")));

        // No tick for an unwatched code is kept.
        ticks.clear();
        QTRY_VERIFY_WITH_TIMEOUT(ticks.count() >= 10, 20000);
        for (const auto &args : std::as_const(ticks))
            QVERIFY(args.at(0).value<Quote>().code != QStringLiteral("035420"));
    }
};

QTEST_GUILESS_MAIN(TestQuoteBook)
#include "tst_quotebook.moc"
