// SPDX-License-Identifier: GPL-3.0-or-later
#include "simmarkettrs.h"

#include "simformat.h"
#include "simmarket.h"
#include "simrandom.h"

#include <QSet>

#include <cmath>

using namespace Sim;

namespace {

// Synthetic but stable company figures for ka10001 (derived from the seed and the code).
struct Fundamentals
{
    qint64 faceValue = 100;
    double per = 10;
    qint64 eps = 0;
    qint64 bps = 0;
    double pbr = 1;
    double roe = 10;
    double ev = 5;
    qint64 sales = 0; // 억원
    qint64 operating = 0; // 억원
    qint64 net = 0; // 억원
    double foreignRate = 20;
    double creditRate = 0.1;
};

Fundamentals fundamentals(quint64 seed, const SimStockInfo &info)
{
    SimRandom r(SimRandom::hash({ seed, info.code.toULongLong(), 0xF00D }));
    static const qint64 FACE[] = { 100, 500, 1000, 5000 };
    Fundamentals f;
    f.faceValue = FACE[r.between(0, 3)];
    f.per = 6.0 + 30.0 * r.uniform();
    f.eps = qint64(double(info.refPrice) / f.per);
    f.bps = std::max<qint64>(1, qint64(double(info.refPrice) / (0.6 + 2.4 * r.uniform())));
    f.pbr = double(info.refPrice) / double(f.bps);
    f.roe = double(f.eps) * 100.0 / double(f.bps);
    f.ev = 3.0 + 12.0 * r.uniform();
    const double cap = double(info.refPrice) * double(info.listedShares) / 1e8;
    f.sales = qint64(cap * (0.3 + 1.5 * r.uniform()));
    f.operating = qint64(double(f.sales) * (0.03 + 0.15 * r.uniform()));
    f.net = qint64(double(f.operating) * 0.75);
    f.foreignRate = 5.0 + 50.0 * r.uniform();
    f.creditRate = 0.05 + 2.0 * r.uniform();
    return f;
}

QString priceOrZero(qint64 price, qint64 base)
{
    return price > 0 ? signedPrice(price, base) : QStringLiteral("0");
}

QString millions(qint64 krw)
{
    return num((krw + 500'000) / 1'000'000);
}

bool validDate(const QString &text, QDate *out)
{
    if (text.size() != 8)
        return false;
    const QDate d = QDate::fromString(text, QStringLiteral("yyyyMMdd"));
    if (!d.isValid())
        return false;
    *out = d;
    return true;
}

std::optional<SimTrReply> checkAdjusted(const QJsonObject &body)
{
    const QString v = field(body, "upd_stkpc_tp");
    if (v != QLatin1String("0") && v != QLatin1String("1"))
        return inputError(1517, QStringLiteral("upd_stkpc_tp 값이 올바르지 않습니다"));
    return std::nullopt;
}

} // namespace

SimMarketTrs::SimMarketTrs(const SimConfig &config, SimMarket &market) : m_config(config), m_market(market) { }

bool SimMarketTrs::handles(const QString &apiId) const
{
    static const QSet<QString> ids = { QStringLiteral("ka10001"), QStringLiteral("ka10004"), QStringLiteral("ka10007"),
        QStringLiteral("ka10095"), QStringLiteral("ka10099"), QStringLiteral("ka10100"), QStringLiteral("ka10079"),
        QStringLiteral("ka10080"), QStringLiteral("ka10081") };
    return ids.contains(apiId);
}

SimTrReply SimMarketTrs::handle(const SimTrRequest &r)
{
    if (const SimPriceSource *source = m_market.source()) {
        if (auto recorded = source->recordedReply(r.apiId, r.body, r.cont ? r.nextKey : QString(), m_market.nowMs()))
            return *recorded;
    }
    if (r.apiId == QLatin1String("ka10001"))
        return stockInfo(r);
    if (r.apiId == QLatin1String("ka10004"))
        return orderBook(r);
    if (r.apiId == QLatin1String("ka10007"))
        return quoteTable(r);
    if (r.apiId == QLatin1String("ka10095"))
        return watchlist(r);
    if (r.apiId == QLatin1String("ka10099"))
        return listing(r);
    if (r.apiId == QLatin1String("ka10100"))
        return listingOne(r);
    if (r.apiId == QLatin1String("ka10079"))
        return tickChart(r);
    if (r.apiId == QLatin1String("ka10080"))
        return minuteChart(r);
    return dailyChart(r);
}

int SimMarketTrs::stockIndex(const SimTrRequest &request, SimTrReply *error) const
{
    if (auto missing = requireFields(request.body, { "stk_cd" })) {
        *error = *missing;
        return -1;
    }
    const QString code = field(request.body, "stk_cd").trimmed();
    if (code.endsWith(QLatin1String("_NX")) || code.endsWith(QLatin1String("_AL"))) {
        *error = inputError(1903, QStringLiteral("모의투자는 KRX 종목코드만 지원합니다"));
        return -1;
    }
    const int index = m_market.indexOf(code);
    if (index < 0)
        *error = unknownStock(code);
    return index;
}

SimTrReply SimMarketTrs::stockInfo(const SimTrRequest &request)
{
    SimTrReply error;
    const int i = stockIndex(request, &error);
    if (i < 0)
        return error;
    const SimStockInfo &info = m_market.info(i);
    const SimQuote q = m_market.quote(i);
    const Fundamentals f = fundamentals(m_config.seed, info);
    const qint64 base = q.basePrice;
    const QVector<SimDayBar> bars = m_market.dailyBars(i);

    qint64 hi250 = 0;
    qint64 lo250 = 0;
    QDate hi250Date;
    QDate lo250Date;
    qint64 yearHigh = 0;
    qint64 yearLow = 0;
    for (int k = std::max(0, int(bars.size()) - 250); k < bars.size(); ++k) {
        const SimDayBar &b = bars.at(k);
        if (b.candle.high >= hi250) {
            hi250 = b.candle.high;
            hi250Date = b.date;
        }
        if (lo250 == 0 || b.candle.low <= lo250) {
            lo250 = b.candle.low;
            lo250Date = b.date;
        }
        if (b.date.year() == q.date.year()) {
            yearHigh = std::max(yearHigh, b.candle.high);
            yearLow = yearLow == 0 ? b.candle.low : std::min(yearLow, b.candle.low);
        }
    }
    const qint64 price = q.price;
    const qint64 marketCap = qint64(double(price) * double(info.listedShares) / 1e8); // 억원

    QJsonObject o;
    o.insert(QStringLiteral("stk_cd"), info.code);
    o.insert(QStringLiteral("stk_nm"), info.name);
    o.insert(QStringLiteral("setl_mm"), QStringLiteral("12"));
    o.insert(QStringLiteral("fav"), num(f.faceValue));
    o.insert(QStringLiteral("cap"), num(qint64(double(f.faceValue) * double(info.listedShares) / 1e8)));
    o.insert(QStringLiteral("flo_stk"), num(info.listedShares / 1000));
    o.insert(QStringLiteral("crd_rt"), signedRate(f.creditRate));
    o.insert(QStringLiteral("oyr_hgst"), priceOrZero(yearHigh, base));
    o.insert(QStringLiteral("oyr_lwst"), priceOrZero(yearLow, base));
    o.insert(QStringLiteral("mac"), num(marketCap));
    o.insert(QStringLiteral("mac_wght"), QString());
    o.insert(QStringLiteral("for_exh_rt"), signedRate(f.foreignRate));
    o.insert(QStringLiteral("repl_pric"), num(Krx::snapDown(base * 7 / 10)));
    o.insert(QStringLiteral("per"), decimal(f.per, 2));
    o.insert(QStringLiteral("eps"), num(f.eps));
    o.insert(QStringLiteral("roe"), decimal(f.roe, 2));
    o.insert(QStringLiteral("pbr"), decimal(f.pbr, 2));
    o.insert(QStringLiteral("ev"), decimal(f.ev, 2));
    o.insert(QStringLiteral("bps"), num(f.bps));
    o.insert(QStringLiteral("sale_amt"), num(f.sales));
    o.insert(QStringLiteral("bus_pro"), num(f.operating));
    o.insert(QStringLiteral("cup_nga"), num(f.net));
    o.insert(QStringLiteral("250hgst"), priceOrZero(hi250, base));
    o.insert(QStringLiteral("250lwst"), priceOrZero(lo250, base));
    o.insert(QStringLiteral("open_pric"), priceOrZero(q.open, base));
    o.insert(QStringLiteral("high_pric"), priceOrZero(q.high, base));
    o.insert(QStringLiteral("low_pric"), priceOrZero(q.low, base));
    o.insert(QStringLiteral("upl_pric"), signedPrice(q.limits.upper, base));
    o.insert(QStringLiteral("lst_pric"), signedPrice(q.limits.lower, base));
    o.insert(QStringLiteral("base_pric"), num(base));
    const bool auction = q.phase == SimPhase::PreOpen || q.phase == SimPhase::ClosingAuction;
    o.insert(QStringLiteral("exp_cntr_pric"), auction ? signedPrice(price, base) : QStringLiteral("0"));
    o.insert(QStringLiteral("exp_cntr_qty"), QStringLiteral("0"));
    o.insert(QStringLiteral("250hgst_pric_dt"), hi250Date.toString(QStringLiteral("yyyyMMdd")));
    o.insert(QStringLiteral("250hgst_pric_pre_rt"), hi250 > 0 ? changeRate(price, hi250) : QStringLiteral("0.00"));
    o.insert(QStringLiteral("250lwst_pric_dt"), lo250Date.toString(QStringLiteral("yyyyMMdd")));
    o.insert(QStringLiteral("250lwst_pric_pre_rt"), lo250 > 0 ? changeRate(price, lo250) : QStringLiteral("0.00"));
    o.insert(QStringLiteral("cur_prc"), signedPrice(price, base));
    o.insert(QStringLiteral("pre_sig"), changeSign(price, base, q.limits));
    o.insert(QStringLiteral("pred_pre"), signedNumber(price - base));
    o.insert(QStringLiteral("flu_rt"), changeRate(price, base));
    o.insert(QStringLiteral("trde_qty"), num(q.volume));
    o.insert(QStringLiteral("trde_pre"),
        q.prevVolume > 0 ? decimal(double(q.volume) * 100.0 / double(q.prevVolume), 2) : QStringLiteral("0.00"));
    o.insert(QStringLiteral("fav_unit"), QStringLiteral("원"));
    o.insert(QStringLiteral("dstr_stk"), num(info.listedShares * 7 / 10 / 1000));
    o.insert(QStringLiteral("dstr_rt"), QStringLiteral("70.00"));
    return trOk(o);
}

SimTrReply SimMarketTrs::orderBook(const SimTrRequest &request)
{
    SimTrReply error;
    const int i = stockIndex(request, &error);
    if (i < 0)
        return error;
    const SimQuote q = m_market.quote(i);
    const SimBook book = m_market.book(i);
    const SimBook prev = m_market.previousBook(i);
    const qint64 base = q.basePrice;
    auto prevQty = [](const SimBookLevel *levels, qint64 price) {
        for (int k = 0; k < 10; ++k) {
            if (levels[k].price == price)
                return levels[k].qty;
        }
        return qint64(0);
    };
    QJsonObject o;
    o.insert(QStringLiteral("bid_req_base_tm"), kst(book.timeMs, QStringLiteral("HHmmss")));
    for (int k = 0; k < 10; ++k) {
        const SimBookLevel &ask = book.asks[k];
        const SimBookLevel &bid = book.bids[k];
        const QString askChange = signedNumber(ask.price > 0 ? ask.qty - prevQty(prev.asks, ask.price) : 0);
        const QString bidChange = signedNumber(bid.price > 0 ? bid.qty - prevQty(prev.bids, bid.price) : 0);
        if (k == 0) {
            o.insert(QStringLiteral("sel_fpr_bid"), priceOrZero(ask.price, base));
            o.insert(QStringLiteral("sel_fpr_req"), num(ask.qty));
            o.insert(QStringLiteral("sel_1th_pre_req_pre"), askChange);
            o.insert(QStringLiteral("buy_fpr_bid"), priceOrZero(bid.price, base));
            o.insert(QStringLiteral("buy_fpr_req"), num(bid.qty));
            o.insert(QStringLiteral("buy_1th_pre_req_pre"), bidChange);
        } else {
            const QString n = QString::number(k + 1);
            o.insert(QStringLiteral("sel_%1th_pre_bid").arg(n), priceOrZero(ask.price, base));
            o.insert(QStringLiteral("sel_%1th_pre_req").arg(n), num(ask.qty));
            o.insert(QStringLiteral("sel_%1th_pre_req_pre").arg(n), askChange);
            o.insert(QStringLiteral("buy_%1th_pre_bid").arg(n), priceOrZero(bid.price, base));
            o.insert(QStringLiteral("buy_%1th_pre_req").arg(n), num(bid.qty));
            o.insert(QStringLiteral("buy_%1th_pre_req_pre").arg(n), bidChange);
        }
    }
    o.insert(QStringLiteral("tot_sel_req"), num(book.totalAsk()));
    o.insert(QStringLiteral("tot_buy_req"), num(book.totalBid()));
    o.insert(QStringLiteral("tot_sel_req_jub_pre"), signedNumber(book.totalAsk() - prev.totalAsk()));
    o.insert(QStringLiteral("tot_buy_req_jub_pre"), signedNumber(book.totalBid() - prev.totalBid()));
    for (const char *name : { "ovt_sel_req", "ovt_buy_req", "ovt_sel_req_pre", "ovt_buy_req_pre" })
        o.insert(QLatin1String(name), QStringLiteral("0"));
    return trOk(o);
}

SimTrReply SimMarketTrs::quoteTable(const SimTrRequest &request)
{
    SimTrReply error;
    const int i = stockIndex(request, &error);
    if (i < 0)
        return error;
    const SimStockInfo &info = m_market.info(i);
    const SimQuote q = m_market.quote(i);
    const SimBook book = m_market.book(i);
    const qint64 base = q.basePrice;
    QJsonObject o;
    o.insert(QStringLiteral("stk_nm"), info.name);
    o.insert(QStringLiteral("stk_cd"), info.code);
    o.insert(QStringLiteral("date"), q.date.toString(QStringLiteral("yyyyMMdd")));
    o.insert(QStringLiteral("tm"), kst(q.timeMs > 0 ? q.timeMs : m_market.nowMs(), QStringLiteral("HHmmss")));
    o.insert(QStringLiteral("pred_close_pric"), num(base));
    o.insert(QStringLiteral("pred_trde_qty"), num(q.prevVolume));
    o.insert(QStringLiteral("upl_pric"), signedPrice(q.limits.upper, base));
    o.insert(QStringLiteral("lst_pric"), signedPrice(q.limits.lower, base));
    o.insert(QStringLiteral("cur_prc"), signedPrice(q.price, base));
    o.insert(QStringLiteral("smbol"), changeSign(q.price, base, q.limits));
    o.insert(QStringLiteral("flu_rt"), changeRate(q.price, base));
    o.insert(QStringLiteral("pred_pre"), signedNumber(q.price - base));
    o.insert(QStringLiteral("open_pric"), priceOrZero(q.open, base));
    o.insert(QStringLiteral("high_pric"), priceOrZero(q.high, base));
    o.insert(QStringLiteral("low_pric"), priceOrZero(q.low, base));
    o.insert(QStringLiteral("trde_qty"), num(q.volume));
    o.insert(QStringLiteral("trde_prica"), millions(q.value));
    for (int k = 0; k < 10; ++k) {
        const QString n = QString::number(k + 1);
        o.insert(QStringLiteral("sel_%1bid").arg(n), priceOrZero(book.asks[k].price, base));
        o.insert(QStringLiteral("buy_%1bid").arg(n), priceOrZero(book.bids[k].price, base));
        o.insert(QStringLiteral("sel_%1bid_req").arg(n), num(book.asks[k].qty));
        o.insert(QStringLiteral("buy_%1bid_req").arg(n), num(book.bids[k].qty));
    }
    o.insert(QStringLiteral("tot_buy_req"), num(book.totalBid()));
    o.insert(QStringLiteral("tot_sel_req"), num(book.totalAsk()));
    return trOk(o);
}

SimTrReply SimMarketTrs::watchlist(const SimTrRequest &request)
{
    if (auto missing = requireFields(request.body, { "stk_cd" }))
        return *missing;
    const QStringList codes = field(request.body, "stk_cd").split(QLatin1Char('|'), Qt::SkipEmptyParts);
    if (codes.size() > 100) {
        return trError(5,
            QStringLiteral("허용된 요청 개수를 초과하였습니다[1634:한번에 조회 가능한 종목개수는 최대 100종목 "
                           "입니다.]"));
    }
    QJsonArray rows;
    for (const QString &raw : codes) {
        const int i = m_market.indexOf(raw.trimmed());
        if (i < 0)
            continue; // unknown codes are left out of the list
        const SimStockInfo &info = m_market.info(i);
        const SimQuote q = m_market.quote(i);
        const SimBook book = m_market.book(i);
        const qint64 base = q.basePrice;
        QJsonObject o;
        o.insert(QStringLiteral("stk_cd"), info.code);
        o.insert(QStringLiteral("stk_nm"), info.name);
        o.insert(QStringLiteral("cur_prc"), signedPrice(q.price, base));
        o.insert(QStringLiteral("base_pric"), num(base));
        o.insert(QStringLiteral("pred_pre"), signedNumber(q.price - base));
        o.insert(QStringLiteral("pred_pre_sig"), changeSign(q.price, base, q.limits));
        o.insert(QStringLiteral("flu_rt"), changeRate(q.price, base));
        o.insert(QStringLiteral("trde_qty"), num(q.volume));
        o.insert(QStringLiteral("trde_prica"), millions(q.value));
        o.insert(QStringLiteral("cntr_qty"),
            q.lastVolume > 0 ? QString((q.lastBuyInitiated ? QLatin1Char('+') : QLatin1Char('-')) + num(q.lastVolume))
                             : QStringLiteral("0"));
        o.insert(QStringLiteral("cntr_str"),
            decimal(q.sellVolume > 0 ? double(q.buyVolume) * 100.0 / double(q.sellVolume) : 0.0, 2));
        o.insert(QStringLiteral("sel_bid"), priceOrZero(book.asks[0].price, base));
        o.insert(QStringLiteral("buy_bid"), priceOrZero(book.bids[0].price, base));
        for (int k = 0; k < 5; ++k) {
            const QString n = QString::number(k + 1);
            o.insert(QStringLiteral("sel_%1th_bid").arg(n), priceOrZero(book.asks[k].price, base));
            o.insert(QStringLiteral("buy_%1th_bid").arg(n), priceOrZero(book.bids[k].price, base));
        }
        o.insert(QStringLiteral("upl_pric"), signedPrice(q.limits.upper, base));
        o.insert(QStringLiteral("lst_pric"), signedPrice(q.limits.lower, base));
        o.insert(QStringLiteral("open_pric"), priceOrZero(q.open, base));
        o.insert(QStringLiteral("high_pric"), priceOrZero(q.high, base));
        o.insert(QStringLiteral("low_pric"), priceOrZero(q.low, base));
        o.insert(QStringLiteral("close_pric"), signedPrice(q.price, base));
        o.insert(QStringLiteral("cntr_tm"),
            q.timeMs > 0 ? kst(q.timeMs, QStringLiteral("HHmmss")) : QStringLiteral("000000"));
        o.insert(QStringLiteral("dt"), q.date.toString(QStringLiteral("yyyyMMdd")));
        o.insert(QStringLiteral("tot_sel_req"), num(book.totalAsk()));
        o.insert(QStringLiteral("tot_buy_req"), num(book.totalBid()));
        rows.append(o);
    }
    QJsonObject o;
    o.insert(QStringLiteral("atn_stk_infr"), rows);
    return trOk(o);
}

QJsonObject SimMarketTrs::listingRow(int i) const
{
    const SimStockInfo &info = m_market.info(i);
    const SimQuote q = m_market.quote(i);
    const double capEok = double(q.basePrice) * double(info.listedShares) / 1e8;
    QString size;
    if (capEok >= 100'000)
        size = QStringLiteral("대형주");
    else if (capEok >= 10'000)
        size = QStringLiteral("중형주");
    else
        size = QStringLiteral("소형주");
    const bool kosdaq = info.market == 10;
    QJsonObject o;
    o.insert(QStringLiteral("code"), info.code);
    o.insert(QStringLiteral("name"), info.name);
    o.insert(QStringLiteral("listCount"), padded(info.listedShares, 16));
    o.insert(QStringLiteral("auditInfo"), QStringLiteral("정상"));
    o.insert(QStringLiteral("regDay"), info.regDay);
    o.insert(QStringLiteral("lastPrice"), padded(q.basePrice, 8));
    o.insert(QStringLiteral("state"),
        kosdaq ? QStringLiteral("증거금40%|담보대출|신용가능") : QStringLiteral("증거금20%|담보대출|신용가능"));
    o.insert(QStringLiteral("marketCode"), kosdaq ? QStringLiteral("10") : QStringLiteral("0"));
    o.insert(QStringLiteral("marketName"), kosdaq ? QStringLiteral("코스닥") : QStringLiteral("거래소"));
    o.insert(QStringLiteral("upName"), info.sector);
    o.insert(QStringLiteral("upSizeName"), size);
    o.insert(QStringLiteral("companyClassName"), kosdaq ? QStringLiteral("우량기업부") : QString());
    o.insert(QStringLiteral("orderWarning"), QStringLiteral("0"));
    o.insert(QStringLiteral("nxtEnable"), QStringLiteral("N")); // the simulator routes KRX only
    return o;
}

SimTrReply SimMarketTrs::listing(const SimTrRequest &request)
{
    if (auto missing = requireFields(request.body, { "mrkt_tp" }))
        return *missing;
    const QString market = field(request.body, "mrkt_tp").trimmed();
    static const QSet<QString> known = { QStringLiteral("0"), QStringLiteral("10"), QStringLiteral("3"),
        QStringLiteral("8"), QStringLiteral("30"), QStringLiteral("50"), QStringLiteral("5"), QStringLiteral("4"),
        QStringLiteral("6"), QStringLiteral("9") };
    if (!known.contains(market))
        return inputError(1901, QStringLiteral("시장구분 코드가 존재하지 않습니다"));
    SimKeyedRows rows;
    for (int i = 0; i < m_market.stockCount(); ++i) {
        const int m = m_market.info(i).market;
        if ((market == QLatin1String("0") && m == 0) || (market == QLatin1String("10") && m == 10))
            rows.append({ m_market.info(i).code, listingRow(i) });
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    SimTrReply reply = trOk({});
    putPage(reply, QStringLiteral("list"), page(rows, false, request, m_config.listPageSize));
    return reply;
}

SimTrReply SimMarketTrs::listingOne(const SimTrRequest &request)
{
    SimTrReply error;
    const int i = stockIndex(request, &error);
    if (i < 0)
        return error;
    return trOk(listingRow(i));
}

SimTrReply SimMarketTrs::dailyChart(const SimTrRequest &request)
{
    if (auto missing = requireFields(request.body, { "stk_cd", "base_dt", "upd_stkpc_tp" }))
        return *missing;
    SimTrReply error;
    const int i = stockIndex(request, &error);
    if (i < 0)
        return error;
    QDate baseDate;
    if (!validDate(field(request.body, "base_dt"), &baseDate))
        return inputError(1517, QStringLiteral("base_dt 형식(YYYYMMDD)이 올바르지 않습니다"));
    if (auto bad = checkAdjusted(request.body))
        return *bad;
    const SimStockInfo &info = m_market.info(i);
    const QVector<SimDayBar> bars = m_market.dailyBars(i);
    SimKeyedRows rows;
    for (int k = int(bars.size()) - 1; k >= 0; --k) {
        const SimDayBar &b = bars.at(k);
        if (b.date > baseDate)
            continue;
        const Candle &c = b.candle;
        QJsonObject o;
        o.insert(QStringLiteral("cur_prc"), num(c.close));
        o.insert(QStringLiteral("trde_qty"), num(c.volume));
        o.insert(QStringLiteral("trde_prica"), millions(b.value));
        o.insert(QStringLiteral("dt"), b.date.toString(QStringLiteral("yyyyMMdd")));
        o.insert(QStringLiteral("open_pric"), num(c.open));
        o.insert(QStringLiteral("high_pric"), num(c.high));
        o.insert(QStringLiteral("low_pric"), num(c.low));
        o.insert(QStringLiteral("pred_pre"), signedNumber(c.close - b.basePrice));
        o.insert(QStringLiteral("pred_pre_sig"), changeSign(c.close, b.basePrice, Krx::priceLimits(b.basePrice)));
        o.insert(QStringLiteral("trde_tern_rt"),
            signedRate(info.listedShares > 0 ? double(c.volume) * 100.0 / double(info.listedShares) : 0.0));
        rows.append({ b.date.toString(QStringLiteral("yyyyMMdd")), o });
    }
    SimTrReply reply = trOk({ { QStringLiteral("stk_cd"), info.code } });
    putPage(reply, QStringLiteral("stk_dt_pole_chart_qry"), page(rows, true, request, m_config.dailyPageSize));
    return reply;
}

SimTrReply SimMarketTrs::minuteChart(const SimTrRequest &request)
{
    if (auto missing = requireFields(request.body, { "stk_cd", "tic_scope", "upd_stkpc_tp" }))
        return *missing;
    SimTrReply error;
    const int i = stockIndex(request, &error);
    if (i < 0)
        return error;
    static const QSet<QString> scopes = { QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("5"),
        QStringLiteral("10"), QStringLiteral("15"), QStringLiteral("30"), QStringLiteral("45"), QStringLiteral("60") };
    const QString scopeText = field(request.body, "tic_scope").trimmed();
    if (!scopes.contains(scopeText))
        return inputError(1517, QStringLiteral("tic_scope 값이 올바르지 않습니다"));
    if (auto bad = checkAdjusted(request.body))
        return *bad;
    QDate baseDate;
    const QString baseText = field(request.body, "base_dt").trimmed();
    if (!baseText.isEmpty() && !validDate(baseText, &baseDate))
        return inputError(1517, QStringLiteral("base_dt 형식(YYYYMMDD)이 올바르지 않습니다"));
    const qint64 scopeMs = scopeText.toLongLong() * 60'000;

    QHash<QDate, qint64> baseOf;
    for (const SimDayBar &b : m_market.dailyBars(i))
        baseOf.insert(b.date, b.basePrice);
    const QString info = m_market.info(i).code;

    SimKeyedRows rows;
    const QList<QDate> dates = m_market.minuteDates();
    for (int d = int(dates.size()) - 1; d >= 0; --d) {
        const QDate date = dates.at(d);
        if (baseDate.isValid() && date > baseDate)
            continue;
        const qint64 base = baseOf.value(date);
        const Krx::PriceLimits limits = Krx::priceLimits(base);
        const QVector<Candle> minutes = m_market.minuteBars(i, date);
        const qint64 open = SimMarket::openMs(date);
        // Aggregate oldest first (for the running volume), then emit newest first.
        QVector<Candle> buckets;
        QVector<qint64> cumulative;
        qint64 acc = 0;
        for (const Candle &m : minutes) {
            const qint64 bucket = open + ((m.timeMs - open) / scopeMs) * scopeMs;
            if (buckets.isEmpty() || buckets.last().timeMs != bucket) {
                buckets.append(Candle { bucket, m.open, m.high, m.low, m.close, m.volume });
                cumulative.append(0);
            } else {
                Candle &b = buckets.last();
                b.high = std::max(b.high, m.high);
                b.low = std::min(b.low, m.low);
                b.close = m.close;
                b.volume += m.volume;
            }
            acc += m.volume;
            cumulative.last() = acc;
        }
        for (int k = int(buckets.size()) - 1; k >= 0; --k) {
            const Candle &c = buckets.at(k);
            QJsonObject o;
            o.insert(QStringLiteral("cur_prc"), signedPrice(c.close, base));
            o.insert(QStringLiteral("trde_qty"), num(c.volume));
            o.insert(QStringLiteral("cntr_tm"), kst(c.timeMs, QStringLiteral("yyyyMMddHHmmss")));
            o.insert(QStringLiteral("open_pric"), signedPrice(c.open, base));
            o.insert(QStringLiteral("high_pric"), signedPrice(c.high, base));
            o.insert(QStringLiteral("low_pric"), signedPrice(c.low, base));
            o.insert(QStringLiteral("acc_trde_qty"), num(cumulative.at(k)));
            o.insert(QStringLiteral("pred_pre"), signedNumber(c.close - base));
            o.insert(QStringLiteral("pred_pre_sig"), changeSign(c.close, base, limits));
            rows.append({ kst(c.timeMs, QStringLiteral("yyyyMMddHHmm")), o });
        }
    }
    SimTrReply reply = trOk({ { QStringLiteral("stk_cd"), info } });
    putPage(reply, QStringLiteral("stk_min_pole_chart_qry"), page(rows, true, request, m_config.minutePageSize));
    return reply;
}

SimTrReply SimMarketTrs::tickChart(const SimTrRequest &request)
{
    if (auto missing = requireFields(request.body, { "stk_cd", "tic_scope", "upd_stkpc_tp" }))
        return *missing;
    SimTrReply error;
    const int i = stockIndex(request, &error);
    if (i < 0)
        return error;
    static const QSet<QString> scopes
        = { QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("5"), QStringLiteral("10"), QStringLiteral("30") };
    const QString scopeText = field(request.body, "tic_scope").trimmed();
    if (!scopes.contains(scopeText))
        return inputError(1517, QStringLiteral("tic_scope 값이 올바르지 않습니다"));
    if (auto bad = checkAdjusted(request.body))
        return *bad;
    const int scope = scopeText.toInt();
    const SimQuote q = m_market.quote(i);
    const qint64 base = q.basePrice;
    const QVector<SimTick> &ticks = m_market.ticksToday(i);
    const int groups = (int(ticks.size()) + scope - 1) / scope;
    const int lastCount = ticks.isEmpty() ? 0 : int(ticks.size()) - (groups - 1) * scope;
    SimKeyedRows rows;
    for (int g = groups - 1; g >= 0; --g) {
        const int from = g * scope;
        const int to = std::min(int(ticks.size()), from + scope);
        Candle c { ticks.at(from).timeMs, ticks.at(from).price, ticks.at(from).price, ticks.at(from).price, 0, 0 };
        for (int k = from; k < to; ++k) {
            c.high = std::max(c.high, ticks.at(k).price);
            c.low = std::min(c.low, ticks.at(k).price);
            c.close = ticks.at(k).price;
            c.volume += ticks.at(k).volume;
        }
        QJsonObject o;
        o.insert(QStringLiteral("cur_prc"), num(c.close));
        o.insert(QStringLiteral("trde_qty"), num(c.volume));
        o.insert(QStringLiteral("cntr_tm"), kst(ticks.at(to - 1).timeMs, QStringLiteral("yyyyMMddHHmmss")));
        o.insert(QStringLiteral("open_pric"), num(c.open));
        o.insert(QStringLiteral("high_pric"), num(c.high));
        o.insert(QStringLiteral("low_pric"), num(c.low));
        o.insert(QStringLiteral("pred_pre"), signedNumber(c.close - base));
        o.insert(QStringLiteral("pred_pre_sig"), changeSign(c.close, base, q.limits));
        rows.append({ QString::number(g).rightJustified(10, QLatin1Char('0')), o });
    }
    SimTrReply reply = trOk(
        { { QStringLiteral("stk_cd"), m_market.info(i).code }, { QStringLiteral("last_tic_cnt"), num(lastCount) } });
    putPage(reply, QStringLiteral("stk_tic_chart_qry"), page(rows, true, request, m_config.tickPageSize));
    return reply;
}
