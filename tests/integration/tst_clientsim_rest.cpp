// SPDX-License-Identifier: GPL-3.0-or-later
// The app's Kiwoom client against the built-in simulator on loopback: every quote, chart and list
// TR through the typed RestClient, with values checked against the simulator's own market (not
// just "it parsed"), continuation over several pages (order, continuity, page limit, resume) and
// the unknown-code error form.
#include "clientsimfixture.h"
#include "market/krx.h"
#include "sim/simmarket.h"
#include "sim/simserver.h"

#include <QtTest>

using namespace Kiwoom;

namespace {

bool onLadder(qint64 price)
{
    return price > 0 && Krx::isOnTick(price);
}

} // namespace

class TestClientSimRest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ClientSimFixture> f;
    QString liquid; // a liquid stock in the 50,000–200,000 band (tick 100)

    void startRig(const std::function<void(ClientSimFixture::Options &)> &tweak = {})
    {
        f = std::make_unique<ClientSimFixture>();
        ClientSimFixture::Options o;
        o.sim.dailyPageSize = 7;
        o.sim.minutePageSize = 50;
        o.sim.tickPageSize = 40;
        o.sim.listPageSize = 7;
        if (tweak)
            tweak(o);
        QVERIFY2(f->start(o), qPrintable(f->error()));
        f->advance(30 * 60 * 1000); // 10:00 -> 10:30 KST: today has a real intraday history
        liquid = f->stockPricedBetween(50'000, 199'999);
        QVERIFY(!liquid.isEmpty());
    }

private slots:
    void init() { startRig(); }
    void cleanup() { f.reset(); }

    void stockInfoMatchesTheSimulatedQuote()
    {
        const SimQuote q = f->quote(liquid);
        const auto info = ClientSimFixture::await<StockInfo>(
            [&](QObject *ctx, auto done) { f->rest().stockInfo(liquid, ctx, done); });
        QVERIFY2(info, describe(info));
        QCOMPARE(info->code, liquid);
        QVERIFY(!info->name.isEmpty());
        QCOMPARE(info->price, q.price);
        QCOMPARE(info->open, q.open);
        QCOMPARE(info->high, q.high);
        QCOMPARE(info->low, q.low);
        QCOMPARE(info->basePrice, q.basePrice);
        QCOMPARE(info->upperLimit, q.limits.upper);
        QCOMPARE(info->lowerLimit, q.limits.lower);
        QCOMPARE(info->volume, q.volume);
        QCOMPARE(info->change, q.price - q.basePrice);
        const Direction expected = q.price > q.basePrice ? Direction::Up
            : q.price < q.basePrice                      ? Direction::Down
                                                         : Direction::Unchanged;
        QCOMPARE(info->direction, expected);
        QVERIFY(qAbs(info->changeRate - double(q.price - q.basePrice) * 100.0 / double(q.basePrice)) < 0.006);
        for (const qint64 p : { info->price, info->open, info->high, info->low, info->upperLimit, info->lowerLimit })
            QVERIFY2(onLadder(p), qPrintable(QString::number(p)));
        QVERIFY(info->low <= info->price && info->price <= info->high);
        QVERIFY(info->high250 >= info->high && info->low250 > 0);
        QVERIFY(info->warnings.isEmpty());
    }

    void dailyChartNewestBarIsToday()
    {
        const auto info = ClientSimFixture::await<StockInfo>(
            [&](QObject *ctx, auto done) { f->rest().stockInfo(liquid, ctx, done); });
        QVERIFY2(info, describe(info));
        DailyChartRequest r;
        r.code = liquid;
        r.baseDate = Krx::kstDate(f->virtualNowMs());
        const auto chart
            = ClientSimFixture::await<ChartReply>([&](QObject *ctx, auto done) { f->rest().dailyChart(r, ctx, done); });
        QVERIFY2(chart, describe(chart));
        QCOMPARE(chart->bars.size(), 7); // one page of 7
        const ChartBar &today = chart->bars.first();
        QCOMPARE(today.date, QDate(2025, 3, 10));
        QCOMPARE(today.close, info->price);
        QCOMPARE(today.open, info->open);
        QCOMPARE(today.high, info->high);
        QCOMPARE(today.low, info->low);
        QCOMPARE(today.volume, info->volume);
        QCOMPARE(today.change, info->change);
        QCOMPARE(today.timeMs, Krx::fromKst(QDate(2025, 3, 10), QTime(9, 0)));
        QVERIFY(chart->page.hasMore);
    }

    void dailyChartPagesAreContinuous()
    {
        const int index = f->indexOf(liquid);
        const QVector<SimDayBar> truth = f->server().market()->dailyBars(index); // oldest first

        DailyChartRequest r;
        r.code = liquid;
        r.baseDate = QDate(2025, 3, 10);
        r.paging.maxPages = 3;
        const auto first
            = ClientSimFixture::await<ChartReply>([&](QObject *ctx, auto done) { f->rest().dailyChart(r, ctx, done); });
        QVERIFY2(first, describe(first));
        QCOMPARE(first->page.pages, 3); // the page limit is honoured
        QCOMPARE(first->bars.size(), 21);
        QVERIFY(first->page.hasMore);
        QVERIFY(!first->page.nextKey.isEmpty());

        r.paging.maxPages = 100;
        r.paging.nextKey = first->page.nextKey; // resume where the first call stopped
        const auto rest
            = ClientSimFixture::await<ChartReply>([&](QObject *ctx, auto done) { f->rest().dailyChart(r, ctx, done); });
        QVERIFY2(rest, describe(rest));
        QVERIFY(!rest->page.hasMore);
        QVERIFY(rest->page.nextKey.isEmpty());

        QList<ChartBar> all = first->bars + rest->bars;
        QCOMPARE(all.size(), truth.size());
        for (int i = 0; i < all.size(); ++i) {
            const ChartBar &b = all.at(i);
            const SimDayBar &t = truth.at(truth.size() - 1 - i); // newest first on the wire
            QCOMPARE(b.date, t.date);
            QCOMPARE(b.open, t.candle.open);
            QCOMPARE(b.high, t.candle.high);
            QCOMPARE(b.low, t.candle.low);
            QCOMPARE(b.close, t.candle.close);
            QCOMPARE(b.volume, t.candle.volume);
            QCOMPARE(b.change, t.candle.close - t.basePrice);
            QCOMPARE(b.tradeValueMillion, (t.value + 500'000) / 1'000'000); // 백만원
            QVERIFY(onLadder(b.open) && onLadder(b.high) && onLadder(b.low) && onLadder(b.close));
            if (i > 0) {
                // Newest first, no gap, no duplicate: each row is the previous trading day of the last.
                QCOMPARE(b.date, Krx::previousTradingDay(all.at(i - 1).date));
                QCOMPARE(all.at(i - 1).change, all.at(i - 1).close - b.close);
            }
        }

        // A fresh call with a large page limit sees the same rows.
        DailyChartRequest whole;
        whole.code = liquid;
        whole.baseDate = QDate(2025, 3, 10);
        whole.paging.maxPages = 100;
        const auto once = ClientSimFixture::await<ChartReply>(
            [&](QObject *ctx, auto done) { f->rest().dailyChart(whole, ctx, done); });
        QVERIFY2(once, describe(once));
        QCOMPARE(once->bars.size(), all.size());
        QCOMPARE(once->page.pages, (int(all.size()) + 6) / 7);
        QCOMPARE(once->bars.last().date, all.last().date);
    }

    void minuteChartPagesMatchTheSimulatedMinutes()
    {
        const int index = f->indexOf(liquid);
        const QDate today(2025, 3, 10);
        const QVector<Candle> minutes = f->server().market()->minuteBars(index, today); // oldest first
        QVERIFY(minutes.size() >= 60);

        MinuteChartRequest r;
        r.code = liquid;
        r.tickScope = 1;
        r.paging.maxPages = 2;
        const auto chart = ClientSimFixture::await<ChartReply>(
            [&](QObject *ctx, auto done) { f->rest().minuteChart(r, ctx, done); });
        QVERIFY2(chart, describe(chart));
        QCOMPARE(chart->page.pages, 2);
        QCOMPARE(chart->bars.size(), 100);
        QVERIFY(chart->page.hasMore);
        const qint64 base = f->quote(liquid).basePrice;
        for (int i = 0; i < chart->bars.size(); ++i) {
            const ChartBar &b = chart->bars.at(i);
            if (i < minutes.size()) {
                // Today's minutes, newest first (the wire prices are signed: "-78800" is 78,800).
                const Candle &t = minutes.at(minutes.size() - 1 - i);
                QCOMPARE(b.timeMs, t.timeMs);
                QCOMPARE(b.open, t.open);
                QCOMPARE(b.high, t.high);
                QCOMPARE(b.low, t.low);
                QCOMPARE(b.close, t.close);
                QCOMPARE(b.volume, t.volume);
                QCOMPARE(b.change, t.close - base);
                QCOMPARE(b.date, today);
            }
            QVERIFY(onLadder(b.open) && onLadder(b.high) && onLadder(b.low) && onLadder(b.close));
            if (i > 0)
                QVERIFY2(b.timeMs < chart->bars.at(i - 1).timeMs, "minute bars newest first, strictly");
        }
        // The cumulative volume of the newest bar is today's volume so far.
        QCOMPARE(chart->bars.first().cumVolume, f->quote(liquid).volume);

        // 5-minute bars aggregate the same minutes.
        MinuteChartRequest five = r;
        five.tickScope = 5;
        five.paging.maxPages = 1;
        const auto agg = ClientSimFixture::await<ChartReply>(
            [&](QObject *ctx, auto done) { f->rest().minuteChart(five, ctx, done); });
        QVERIFY2(agg, describe(agg));
        QVERIFY(!agg->bars.isEmpty());
        const ChartBar &newest = agg->bars.first();
        qint64 volume = 0;
        qint64 high = 0;
        for (const Candle &m : minutes) {
            if (m.timeMs >= newest.timeMs && m.timeMs < newest.timeMs + 5 * 60'000) {
                volume += m.volume;
                high = std::max(high, m.high);
            }
        }
        QCOMPARE(newest.volume, volume);
        QCOMPARE(newest.high, high);
    }

    void tickChartPagesMatchTheSimulatedTrades()
    {
        const int index = f->indexOf(liquid);
        const QVector<SimTick> ticks = f->server().market()->ticksToday(index);
        QVERIFY(ticks.size() > 120);
        TickChartRequest r;
        r.code = liquid;
        r.tickScope = 1;
        r.paging.maxPages = 3;
        const auto chart
            = ClientSimFixture::await<ChartReply>([&](QObject *ctx, auto done) { f->rest().tickChart(r, ctx, done); });
        QVERIFY2(chart, describe(chart));
        QCOMPARE(chart->page.pages, 3);
        QCOMPARE(chart->bars.size(), 120);
        QCOMPARE(chart->lastTickCount, QStringLiteral("1"));
        for (int i = 0; i < chart->bars.size(); ++i) {
            const ChartBar &b = chart->bars.at(i);
            const SimTick &t = ticks.at(ticks.size() - 1 - i);
            QCOMPARE(b.close, t.price);
            QCOMPARE(b.volume, t.volume);
            QCOMPARE(b.timeMs / 1000, t.timeMs / 1000); // cntr_tm has second resolution
            QVERIFY(onLadder(b.close));
        }

        // Resume from the key: the next rows follow without a gap.
        r.paging.maxPages = 1;
        r.paging.nextKey = chart->page.nextKey;
        const auto next
            = ClientSimFixture::await<ChartReply>([&](QObject *ctx, auto done) { f->rest().tickChart(r, ctx, done); });
        QVERIFY2(next, describe(next));
        QCOMPARE(next->bars.size(), 40);
        QCOMPARE(next->bars.first().close, ticks.at(ticks.size() - 121).price);
        QCOMPARE(next->bars.first().volume, ticks.at(ticks.size() - 121).volume);
    }

    void orderBookAndQuoteSheetMatchTheSimulatedBook()
    {
        const int index = f->indexOf(liquid);
        const SimBook book = f->server().market()->book(index);
        const SimQuote q = f->quote(liquid);
        const auto ob = ClientSimFixture::await<OrderBook>(
            [&](QObject *ctx, auto done) { f->rest().orderBook(liquid, ctx, done); });
        QVERIFY2(ob, describe(ob));
        QCOMPARE(ob->code, liquid);
        QCOMPARE(ob->timeMs / 1000, book.timeMs / 1000);
        for (int k = 0; k < 10; ++k) {
            QCOMPARE(ob->asks[k].price, book.asks[k].price);
            QCOMPARE(ob->asks[k].quantity, book.asks[k].qty);
            QCOMPARE(ob->bids[k].price, book.bids[k].price);
            QCOMPARE(ob->bids[k].quantity, book.bids[k].qty);
            if (book.asks[k].price > 0)
                QVERIFY(onLadder(ob->asks[k].price));
            if (book.bids[k].price > 0)
                QVERIFY(onLadder(ob->bids[k].price));
            if (k > 0 && book.asks[k].price > 0)
                QCOMPARE(ob->asks[k].price, Krx::addTicks(ob->asks[k - 1].price, 1));
            if (k > 0 && book.bids[k].price > 0)
                QCOMPARE(ob->bids[k].price, Krx::addTicks(ob->bids[k - 1].price, -1));
        }
        QVERIFY(ob->asks[0].price > ob->bids[0].price);
        QCOMPARE(ob->totalAskQty, book.totalAsk());
        QCOMPARE(ob->totalBidQty, book.totalBid());

        const auto sheet = ClientSimFixture::await<QuoteSheet>(
            [&](QObject *ctx, auto done) { f->rest().quoteSheet(liquid, ctx, done); });
        QVERIFY2(sheet, describe(sheet));
        QCOMPARE(sheet->code, liquid);
        QCOMPARE(sheet->price, q.price);
        QCOMPARE(sheet->prevClose, q.basePrice);
        QCOMPARE(sheet->upperLimit, q.limits.upper);
        QCOMPARE(sheet->lowerLimit, q.limits.lower);
        QCOMPARE(sheet->open, q.open);
        QCOMPARE(sheet->high, q.high);
        QCOMPARE(sheet->low, q.low);
        QCOMPARE(sheet->volume, q.volume);
        QCOMPARE(Krx::kstDate(sheet->timeMs), QDate(2025, 3, 10));
        QCOMPARE(sheet->timeMs / 1000, q.timeMs / 1000);
        for (int k = 0; k < 10; ++k) {
            QCOMPARE(sheet->asks[k].price, book.asks[k].price);
            QCOMPARE(sheet->bids[k].quantity, book.bids[k].qty);
        }
    }

    void watchlistQuotesSeveralCodes()
    {
        QStringList codes;
        for (int i = 0; i < 4; ++i)
            codes << f->code(i * 7);
        const auto quotes = ClientSimFixture::await<QList<WatchQuote>>([&](QObject *ctx, auto done) {
            f->rest().watchlistQuotes(codes + QStringList { QStringLiteral("999990") }, ctx, done);
        });
        QVERIFY2(quotes, describe(quotes));
        QCOMPARE(quotes->size(), codes.size()); // the unknown code is left out
        for (int i = 0; i < codes.size(); ++i) {
            const WatchQuote &w = quotes->at(i);
            const SimQuote q = f->quote(codes.at(i));
            QCOMPARE(w.code, codes.at(i));
            QCOMPARE(w.price, q.price);
            QCOMPARE(w.basePrice, q.basePrice);
            QCOMPARE(w.change, q.price - q.basePrice);
            QCOMPARE(w.high, q.high);
            QCOMPARE(w.low, q.low);
            QCOMPARE(w.upperLimit, q.limits.upper);
            QCOMPARE(w.volume, q.volume);
            QVERIFY(onLadder(w.price) && onLadder(w.bestAsk) && onLadder(w.bestBid));
            QVERIFY(w.bestAsk > w.bestBid);
            QCOMPARE(Krx::kstDate(w.timeMs), QDate(2025, 3, 10));
            QCOMPARE(w.timeMs / 1000, q.timeMs / 1000);
            // cntr_qty is signed like FID 15: + buy-initiated, - sell-initiated (guide example "-1").
            QCOMPARE(w.lastFillQty, q.lastBuyInitiated ? q.lastVolume : -q.lastVolume);
        }
    }

    void stockListPagesCoverTheMarket()
    {
        QStringList kospi;
        for (int i = 0; i < f->stockCount(); ++i) {
            if (f->server().market()->info(i).market == 0)
                kospi << f->code(i);
        }
        kospi.sort();
        QVERIFY(kospi.size() > 14);

        Paging two;
        two.maxPages = 2;
        const auto head = ClientSimFixture::await<StockListReply>(
            [&](QObject *ctx, auto done) { f->rest().stockList(Market::Kospi, two, ctx, done); });
        QVERIFY2(head, describe(head));
        QCOMPARE(head->stocks.size(), 14);
        QVERIFY(head->page.hasMore);

        Paging rest;
        rest.maxPages = 100;
        rest.nextKey = head->page.nextKey;
        const auto tail = ClientSimFixture::await<StockListReply>(
            [&](QObject *ctx, auto done) { f->rest().stockList(Market::Kospi, rest, ctx, done); });
        QVERIFY2(tail, describe(tail));
        QVERIFY(!tail->page.hasMore);

        QStringList got;
        for (const StockListing &s : head->stocks + tail->stocks) {
            got << s.code;
            QCOMPARE(s.marketCode, QStringLiteral("0"));
            QVERIFY(!s.name.isEmpty());
            QVERIFY(s.listedShares > 0);
            QVERIFY(onLadder(s.lastPrice));
            QVERIFY(s.listedDate.isValid());
        }
        QCOMPARE(got, kospi); // in order, no gap, no duplicate

        Paging all;
        all.maxPages = 100;
        const auto kosdaq = ClientSimFixture::await<StockListReply>(
            [&](QObject *ctx, auto done) { f->rest().stockList(Market::Kosdaq, all, ctx, done); });
        QVERIFY2(kosdaq, describe(kosdaq));
        QCOMPARE(kosdaq->stocks.size() + kospi.size(), f->stockCount());
        for (const StockListing &s : kosdaq->stocks)
            QCOMPARE(s.marketCode, QStringLiteral("10"));
    }

    void stockListingOneCode()
    {
        const int index = f->indexOf(liquid);
        const SimStockInfo &info = f->server().market()->info(index);
        const auto one = ClientSimFixture::await<StockListing>(
            [&](QObject *ctx, auto done) { f->rest().stockListing(liquid, ctx, done); });
        QVERIFY2(one, describe(one));
        QCOMPARE(one->code, liquid);
        QCOMPARE(one->name, info.name);
        QCOMPARE(one->listedShares, info.listedShares);
        QCOMPARE(one->listedDate, QDate::fromString(info.regDay, QStringLiteral("yyyyMMdd")));
        QCOMPARE(one->lastPrice, f->quote(liquid).basePrice);
        QCOMPARE(one->sectorName, info.sector);
        QVERIFY(!one->nxtEnabled);
        QVERIFY(one->state.contains(QStringLiteral("신용가능")));
    }

    void unknownStockCodeIsADefiniteApiError()
    {
        const auto info = ClientSimFixture::await<StockInfo>(
            [&](QObject *ctx, auto done) { f->rest().stockInfo(QStringLiteral("999990"), ctx, done); });
        QVERIFY(!info);
        QCOMPARE(info.error().kind, KiwoomError::Kind::Api);
        QCOMPARE(info.error().code, 1902);
        QCOMPARE(info.error().returnCode, 2);
        QVERIFY(info.error().isDefinite());
        QVERIFY(!info.error().retryable());
        QCOMPARE(f->simRequests(QStringLiteral("ka10001")), 1); // not retried
    }

    void noQuotaRejectionsInNormalUse()
    {
        // A dozen calls of the same TR back to back: the client paces itself at the simulator's quota.
        QList<KiwoomResult<StockInfo>> results;
        int done = 0;
        QObject ctx;
        for (int i = 0; i < 12; ++i) {
            f->rest().stockInfo(f->code(i), &ctx, [&](const KiwoomResult<StockInfo> &r) {
                results << r;
                ++done;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 12, 20000);
        for (const auto &r : results)
            QVERIFY2(r, describe(r));
        QCOMPARE(f->simQuotaRejections(), 0);
        QCOMPARE(f->session().limiter().budget().rateLimitedReplies, quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestClientSimRest)
#include "tst_clientsim_rest.moc"
