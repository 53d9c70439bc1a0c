// SPDX-License-Identifier: GPL-3.0-or-later
#include "simaccounttrs.h"

#include "simexchange.h"
#include "simformat.h"
#include "simmarket.h"

#include <QSet>

using namespace Sim;

namespace {

QString ioTypeName(const SimOrder &o)
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

QString tradeTypeName(const SimOrder &o)
{
    return o.market ? QStringLiteral("시장가") : QStringLiteral("보통");
}

QString code(const SimMarket &market, int stock)
{
    return market.info(stock).code;
}

// Account TRs report stock codes with the "A" (stock) prefix.
QString prefixedCode(const SimMarket &market, int stock)
{
    return QStringLiteral("A") + market.info(stock).code;
}

// Parses an integer field; empty is allowed when allowEmpty (value 0).
bool parseInt(const QJsonObject &body, const char *name, qint64 *out, bool allowEmpty)
{
    const QString text = field(body, name).trimmed();
    if (text.isEmpty()) {
        *out = 0;
        return allowEmpty;
    }
    bool ok = false;
    *out = text.toLongLong(&ok);
    return ok;
}

SimTrReply formatError(const char *name)
{
    return inputError(1517, QStringLiteral("%1 입력 형식이 올바르지 않습니다").arg(QLatin1String(name)));
}

QString ymd(const QDate &d)
{
    return d.toString(QStringLiteral("yyyyMMdd"));
}

} // namespace

SimAccountTrs::SimAccountTrs(const SimConfig &config, SimMarket &market, SimExchange &exchange)
    : m_config(config), m_market(market), m_exchange(exchange)
{
}

bool SimAccountTrs::handles(const QString &apiId) const
{
    static const QSet<QString> ids = { QStringLiteral("kt10000"), QStringLiteral("kt10001"), QStringLiteral("kt10002"),
        QStringLiteral("kt10003"), QStringLiteral("ka00001"), QStringLiteral("kt00001"), QStringLiteral("kt00004"),
        QStringLiteral("kt00018"), QStringLiteral("ka10075"), QStringLiteral("ka10076"), QStringLiteral("ka10074"),
        QStringLiteral("ka10077") };
    return ids.contains(apiId);
}

SimTrReply SimAccountTrs::handle(const SimTrRequest &r)
{
    const QString &id = r.apiId;
    if (id == QLatin1String("kt10000"))
        return order(r, true);
    if (id == QLatin1String("kt10001"))
        return order(r, false);
    if (id == QLatin1String("kt10002"))
        return modify(r);
    if (id == QLatin1String("kt10003"))
        return cancel(r);
    if (id == QLatin1String("ka00001"))
        return accountNo(r);
    if (id == QLatin1String("kt00001"))
        return deposit(r);
    if (id == QLatin1String("kt00004"))
        return evaluation(r);
    if (id == QLatin1String("kt00018"))
        return holdings(r);
    if (id == QLatin1String("ka10075"))
        return openOrders(r);
    if (id == QLatin1String("ka10076"))
        return fills(r);
    if (id == QLatin1String("ka10074"))
        return realizedByDay(r);
    return realizedToday(r);
}

std::optional<SimTrReply> SimAccountTrs::checkExchange(const QJsonObject &body, const char *name) const
{
    const QString v = field(body, name).trimmed().toUpper();
    if (v == QLatin1String("KRX"))
        return std::nullopt;
    if (v == QLatin1String("NXT") || v == QLatin1String("SOR"))
        return trError(20, QStringLiteral("모의투자는 KRX만 지원가능합니다"));
    return formatError(name);
}

int SimAccountTrs::stockIndex(const QString &stockCode, SimTrReply *error) const
{
    const QString c = stockCode.trimmed();
    if (c.endsWith(QLatin1String("_NX")) || c.endsWith(QLatin1String("_AL"))) {
        *error = inputError(1903, QStringLiteral("모의투자는 KRX 종목코드만 지원합니다"));
        return -1;
    }
    const int i = m_market.indexOf(c);
    if (i < 0)
        *error = unknownStock(c);
    return i;
}

SimTrReply SimAccountTrs::order(const SimTrRequest &r, bool buy)
{
    if (auto missing = requireFields(r.body, { "dmst_stex_tp", "stk_cd", "ord_qty", "trde_tp" }))
        return *missing;
    if (auto bad = checkExchange(r.body, "dmst_stex_tp"))
        return *bad;
    SimTrReply error;
    const int stock = stockIndex(field(r.body, "stk_cd"), &error);
    if (stock < 0)
        return error;
    qint64 qty = 0;
    qint64 tradeType = 0;
    qint64 price = 0;
    if (!parseInt(r.body, "ord_qty", &qty, false))
        return formatError("ord_qty");
    if (!parseInt(r.body, "trde_tp", &tradeType, false))
        return formatError("trde_tp");
    if (!parseInt(r.body, "ord_uv", &price, true))
        return formatError("ord_uv");
    const auto result = m_exchange.submit(buy ? SimSide::Buy : SimSide::Sell, stock, qty, price, int(tradeType));
    if (!result)
        return trError(20, result.error().message);
    QJsonObject o;
    o.insert(QStringLiteral("ord_no"), orderNo(result->ordNo));
    o.insert(QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX"));
    return trOk(o, buy ? QStringLiteral("매수주문이 완료되었습니다.") : QStringLiteral("매도주문이 완료되었습니다."));
}

SimTrReply SimAccountTrs::modify(const SimTrRequest &r)
{
    if (auto missing = requireFields(r.body, { "dmst_stex_tp", "orig_ord_no", "stk_cd", "mdfy_qty", "mdfy_uv" }))
        return *missing;
    if (auto bad = checkExchange(r.body, "dmst_stex_tp"))
        return *bad;
    SimTrReply error;
    const int stock = stockIndex(field(r.body, "stk_cd"), &error);
    if (stock < 0)
        return error;
    qint64 orig = 0;
    qint64 qty = 0;
    qint64 price = 0;
    if (!parseInt(r.body, "orig_ord_no", &orig, false))
        return formatError("orig_ord_no");
    if (!parseInt(r.body, "mdfy_qty", &qty, false) || qty < 0)
        return formatError("mdfy_qty");
    if (!parseInt(r.body, "mdfy_uv", &price, false))
        return formatError("mdfy_uv");
    const auto result = m_exchange.modify(int(orig), stock, qty, price);
    if (!result)
        return trError(20, result.error().message);
    const bool buy = m_exchange.order(result->ordNo)->side == SimSide::Buy;
    QJsonObject o;
    o.insert(QStringLiteral("ord_no"), orderNo(result->ordNo));
    o.insert(QStringLiteral("base_orig_ord_no"), orderNo(result->baseOrigOrdNo));
    o.insert(QStringLiteral("mdfy_qty"), padded(result->qty, 12));
    o.insert(QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX"));
    return trOk(o,
        buy ? QStringLiteral("매수정정 주문입력이 완료되었습니다")
            : QStringLiteral("매도정정 주문입력이 완료되었습니다"));
}

SimTrReply SimAccountTrs::cancel(const SimTrRequest &r)
{
    if (auto missing = requireFields(r.body, { "dmst_stex_tp", "orig_ord_no", "stk_cd", "cncl_qty" }))
        return *missing;
    if (auto bad = checkExchange(r.body, "dmst_stex_tp"))
        return *bad;
    SimTrReply error;
    const int stock = stockIndex(field(r.body, "stk_cd"), &error);
    if (stock < 0)
        return error;
    qint64 orig = 0;
    qint64 qty = 0;
    if (!parseInt(r.body, "orig_ord_no", &orig, false))
        return formatError("orig_ord_no");
    if (!parseInt(r.body, "cncl_qty", &qty, false) || qty < 0)
        return formatError("cncl_qty");
    const auto result = m_exchange.cancel(int(orig), stock, qty);
    if (!result)
        return trError(20, result.error().message);
    const bool buy = m_exchange.order(result->ordNo)->side == SimSide::Buy;
    QJsonObject o;
    o.insert(QStringLiteral("ord_no"), orderNo(result->ordNo));
    o.insert(QStringLiteral("base_orig_ord_no"), orderNo(result->baseOrigOrdNo));
    o.insert(QStringLiteral("cncl_qty"), padded(result->qty, 12));
    o.insert(QStringLiteral("dmst_stex_tp"), QStringLiteral("KRX"));
    return trOk(o,
        buy ? QStringLiteral("매수취소 주문입력이 완료되었습니다")
            : QStringLiteral("매도취소 주문입력이 완료되었습니다"));
}

SimTrReply SimAccountTrs::accountNo(const SimTrRequest &)
{
    return trOk({ { QStringLiteral("acctNo"), m_config.accountNo } });
}

SimTrReply SimAccountTrs::deposit(const SimTrRequest &r)
{
    if (auto missing = requireFields(r.body, { "qry_tp" }))
        return *missing;
    const QString type = field(r.body, "qry_tp").trimmed();
    if (type != QLatin1String("2") && type != QLatin1String("3"))
        return formatError("qry_tp");
    const SimAccount &a = m_exchange.account();
    const QDate today = m_market.currentDate();
    const QDate d1 = Krx::nextTradingDay(today);
    const QDate d2 = Krx::nextTradingDay(d1);
    const qint64 orderable = a.orderable();
    QJsonObject o;
    auto put = [&o](const char *name, qint64 v) { o.insert(QLatin1String(name), padded(v, 15)); };
    put("entr", a.deposit());
    put("profa_ch", a.reserved());
    put("bncr_profa_ch", 0);
    put("nxdy_bncr_sell_exct", 0);
    put("repl_amt", 0);
    put("ch_uncla", 0);
    put("d1_entra", a.depositAfter(d1));
    put("d1_slby_exct_amt", a.netSettlementOn(d1));
    put("d1_pymn_alow_amt", std::max<qint64>(0, std::min(a.depositAfter(d1), a.d2Deposit()) - a.reserved()));
    put("d2_entra", a.d2Deposit());
    put("d2_slby_exct_amt", a.netSettlementOn(d2));
    put("d2_pymn_alow_amt", std::max<qint64>(0, a.d2Deposit() - a.reserved()));
    put("pymn_alow_amt", a.withdrawable());
    put("ord_alow_amt", orderable);
    // A cash account: every margin class can order exactly the orderable cash.
    for (const char *name : { "20stk_ord_alow_amt", "30stk_ord_alow_amt", "40stk_ord_alow_amt", "50stk_ord_alow_amt",
             "60stk_ord_alow_amt", "100stk_ord_alow_amt" })
        put(name, orderable);
    o.insert(QStringLiteral("stk_entr_prst"), QJsonArray());
    return trOk(o);
}

SimTrReply SimAccountTrs::holdings(const SimTrRequest &r)
{
    if (auto missing = requireFields(r.body, { "qry_tp", "dmst_stex_tp" }))
        return *missing;
    const QString type = field(r.body, "qry_tp").trimmed();
    if (type != QLatin1String("1") && type != QLatin1String("2"))
        return formatError("qry_tp");
    const QString venue = field(r.body, "dmst_stex_tp").trimmed().toUpper();
    if (venue != QLatin1String("KRX") && venue != QLatin1String("NXT"))
        return formatError("dmst_stex_tp");
    const SimAccount &a = m_exchange.account();
    const bool krx = venue == QLatin1String("KRX");
    qint64 totalPurchase = 0;
    qint64 totalEval = 0;
    qint64 totalPl = 0;
    struct Row
    {
        int stock;
        SimAccount::Holding h;
        qint64 eval;
    };
    QList<Row> list;
    if (krx) {
        for (auto it = a.holdings().cbegin(); it != a.holdings().cend(); ++it) {
            const qint64 eval = m_market.quote(it.key()).price * it->qty;
            list.append(Row { it.key(), *it, eval });
            totalEval += eval;
        }
    }
    SimKeyedRows rows;
    for (const Row &row : std::as_const(list)) {
        const SimQuote q = m_market.quote(row.stock);
        const SimAccount::Holding &h = row.h;
        const qint64 sellFee = a.fee(row.eval);
        const qint64 tax = a.tax(row.eval);
        const qint64 pl = row.eval - h.purchaseAmount - h.buyFees - sellFee - tax;
        totalPurchase += h.purchaseAmount;
        totalPl += pl;
        QJsonObject o;
        o.insert(QStringLiteral("stk_cd"), prefixedCode(m_market, row.stock));
        o.insert(QStringLiteral("stk_nm"), m_market.info(row.stock).name);
        o.insert(QStringLiteral("evltv_prft"), padded(pl, 15));
        o.insert(QStringLiteral("prft_rt"),
            decimal(h.purchaseAmount > 0 ? double(pl) * 100.0 / double(h.purchaseAmount) : 0.0, 2));
        o.insert(QStringLiteral("pur_pric"), padded(h.avgPrice(), 12));
        o.insert(QStringLiteral("pred_close_pric"), padded(q.basePrice, 12));
        o.insert(QStringLiteral("rmnd_qty"), padded(h.qty, 15));
        o.insert(QStringLiteral("trde_able_qty"), padded(m_exchange.sellableQty(row.stock), 15));
        o.insert(QStringLiteral("cur_prc"), padded(q.price, 12));
        o.insert(QStringLiteral("pred_buyq"), padded(0, 15));
        o.insert(QStringLiteral("pred_sellq"), padded(0, 15));
        o.insert(QStringLiteral("tdy_buyq"), padded(m_exchange.todayQty(row.stock, SimSide::Buy), 15));
        o.insert(QStringLiteral("tdy_sellq"), padded(m_exchange.todayQty(row.stock, SimSide::Sell), 15));
        o.insert(QStringLiteral("pur_amt"), padded(h.purchaseAmount, 15));
        o.insert(QStringLiteral("pur_cmsn"), padded(h.buyFees, 15));
        o.insert(QStringLiteral("evlt_amt"), padded(row.eval, 15));
        o.insert(QStringLiteral("sell_cmsn"), padded(sellFee, 15));
        o.insert(QStringLiteral("tax"), padded(tax, 15));
        o.insert(QStringLiteral("sum_cmsn"), padded(h.buyFees + sellFee, 15));
        o.insert(
            QStringLiteral("poss_rt"), decimal(totalEval > 0 ? double(row.eval) * 100.0 / double(totalEval) : 0.0, 2));
        o.insert(QStringLiteral("crd_tp"), QStringLiteral("00"));
        o.insert(QStringLiteral("crd_tp_nm"), QString());
        o.insert(QStringLiteral("crd_loan_dt"), QString());
        rows.append({ prefixedCode(m_market, row.stock), o });
    }
    std::sort(rows.begin(), rows.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
    QJsonObject top;
    top.insert(QStringLiteral("tot_pur_amt"), padded(totalPurchase, 15));
    top.insert(QStringLiteral("tot_evlt_amt"), padded(totalEval, 15));
    top.insert(QStringLiteral("tot_evlt_pl"), padded(totalPl, 15));
    top.insert(QStringLiteral("tot_prft_rt"),
        decimal(totalPurchase > 0 ? double(totalPl) * 100.0 / double(totalPurchase) : 0.0, 2));
    top.insert(QStringLiteral("prsm_dpst_aset_amt"), padded(a.d2Deposit() + totalEval, 15));
    top.insert(QStringLiteral("tot_loan_amt"), padded(0, 15));
    top.insert(QStringLiteral("tot_crd_loan_amt"), padded(0, 15));
    top.insert(QStringLiteral("tot_crd_ls_amt"), padded(0, 15));
    SimTrReply reply = trOk(top);
    putPage(reply, QStringLiteral("acnt_evlt_remn_indv_tot"), page(rows, false, r, m_config.listPageSize));
    return reply;
}

SimTrReply SimAccountTrs::evaluation(const SimTrRequest &r)
{
    if (auto missing = requireFields(r.body, { "qry_tp", "dmst_stex_tp" }))
        return *missing;
    const QString type = field(r.body, "qry_tp").trimmed();
    if (type != QLatin1String("0") && type != QLatin1String("1"))
        return formatError("qry_tp");
    const QString venue = field(r.body, "dmst_stex_tp").trimmed().toUpper();
    if (venue != QLatin1String("KRX") && venue != QLatin1String("NXT"))
        return formatError("dmst_stex_tp");
    const bool krx = venue == QLatin1String("KRX");
    const SimAccount &a = m_exchange.account();
    qint64 totalPurchase = 0;
    qint64 totalEval = 0;
    SimKeyedRows rows;
    if (krx) {
        for (auto it = a.holdings().cbegin(); it != a.holdings().cend(); ++it) {
            const SimQuote q = m_market.quote(it.key());
            const SimAccount::Holding &h = *it;
            const qint64 eval = q.price * h.qty;
            const qint64 pl = eval - h.purchaseAmount - h.buyFees - a.fee(eval) - a.tax(eval);
            totalPurchase += h.purchaseAmount;
            totalEval += eval;
            QJsonObject o;
            o.insert(QStringLiteral("stk_cd"), prefixedCode(m_market, it.key()));
            o.insert(QStringLiteral("stk_nm"), m_market.info(it.key()).name);
            o.insert(QStringLiteral("rmnd_qty"), padded(h.qty, 12));
            o.insert(QStringLiteral("avg_prc"), padded(h.avgPrice(), 12));
            o.insert(QStringLiteral("cur_prc"), padded(q.price, 12));
            o.insert(QStringLiteral("evlt_amt"), padded(eval, 12));
            o.insert(QStringLiteral("pl_amt"), padded(pl, 12));
            o.insert(QStringLiteral("pl_rt"),
                decimal(h.purchaseAmount > 0 ? double(pl) * 100.0 / double(h.purchaseAmount) : 0.0, 4));
            o.insert(QStringLiteral("loan_dt"), QString());
            o.insert(QStringLiteral("pur_amt"), padded(h.purchaseAmount, 12));
            o.insert(QStringLiteral("setl_remn"), padded(h.qty, 12));
            o.insert(QStringLiteral("pred_buyq"), padded(0, 12));
            o.insert(QStringLiteral("pred_sellq"), padded(0, 12));
            o.insert(QStringLiteral("tdy_buyq"), padded(m_exchange.todayQty(it.key(), SimSide::Buy), 12));
            o.insert(QStringLiteral("tdy_sellq"), padded(m_exchange.todayQty(it.key(), SimSide::Sell), 12));
            rows.append({ prefixedCode(m_market, it.key()), o });
        }
    }
    std::sort(rows.begin(), rows.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
    const SimAccount::DayTotals today = a.day(m_market.currentDate());
    const qint64 soldCost = today.sold - today.realized; // what today's sales cost, incl. their charges
    QJsonObject top;
    top.insert(QStringLiteral("acnt_nm"), QStringLiteral("시뮬레이터 데모계좌"));
    top.insert(QStringLiteral("brch_nm"), QStringLiteral("키움 시뮬레이터"));
    top.insert(QStringLiteral("entr"), padded(a.deposit(), 12));
    top.insert(QStringLiteral("d2_entra"), padded(a.d2Deposit(), 12));
    top.insert(QStringLiteral("tot_est_amt"), padded(totalEval, 12));
    top.insert(QStringLiteral("aset_evlt_amt"), padded(a.d2Deposit() + totalEval, 12));
    top.insert(QStringLiteral("tot_pur_amt"), padded(totalPurchase, 12));
    top.insert(QStringLiteral("prsm_dpst_aset_amt"), padded(a.d2Deposit() + totalEval, 12));
    top.insert(QStringLiteral("tot_grnt_sella"), padded(0, 12));
    top.insert(QStringLiteral("tdy_lspft_amt"), padded(today.sold, 12));
    top.insert(QStringLiteral("tdy_lspft"), padded(today.realized, 12));
    top.insert(
        QStringLiteral("lspft_rt"), decimal(soldCost > 0 ? double(today.realized) * 100.0 / double(soldCost) : 0.0, 2));
    SimTrReply reply = trOk(top);
    putPage(reply, QStringLiteral("stk_acnt_evlt_prst"), page(rows, false, r, m_config.listPageSize));
    return reply;
}

std::optional<SimTrReply> SimAccountTrs::readStockSideFilter(
    const QJsonObject &body, const char *scopeField, const char *sideField, int *onlyStock, QString *side) const
{
    const QString scope = field(body, scopeField).trimmed();
    *side = field(body, sideField).trimmed();
    if (scope != QLatin1String("0") && scope != QLatin1String("1"))
        return formatError(scopeField);
    if (*side != QLatin1String("0") && *side != QLatin1String("1") && *side != QLatin1String("2"))
        return formatError(sideField);
    *onlyStock = -1;
    if (scope == QLatin1String("1")) {
        if (auto missing = requireFields(body, { "stk_cd" }))
            return missing;
        SimTrReply error;
        *onlyStock = stockIndex(field(body, "stk_cd"), &error);
        if (*onlyStock < 0)
            return error;
    }
    return std::nullopt;
}

SimTrReply SimAccountTrs::openOrders(const SimTrRequest &r)
{
    if (auto missing = requireFields(r.body, { "all_stk_tp", "trde_tp", "stex_tp" }))
        return *missing;
    int onlyStock = -1;
    QString side;
    if (auto wrong = readStockSideFilter(r.body, "all_stk_tp", "trde_tp", &onlyStock, &side))
        return *wrong;
    const QDate today = m_market.currentDate();
    SimKeyedRows rows;
    const QList<SimOrder> &orders = m_exchange.orders();
    for (int k = int(orders.size()) - 1; k >= 0; --k) {
        const SimOrder &o = orders.at(k);
        if (o.date != today || o.state != SimOrderState::Open || o.openQty <= 0)
            continue;
        if (onlyStock >= 0 && o.stock != onlyStock)
            continue;
        if ((side == QLatin1String("1") && o.side != SimSide::Sell)
            || (side == QLatin1String("2") && o.side != SimSide::Buy))
            continue;
        const SimQuote q = m_market.quote(o.stock);
        const SimBook book = m_market.book(o.stock);
        QJsonObject row;
        row.insert(QStringLiteral("acnt_no"), m_config.accountNo);
        row.insert(QStringLiteral("ord_no"), orderNo(o.ordNo));
        row.insert(QStringLiteral("mang_empno"), QString());
        row.insert(QStringLiteral("stk_cd"), code(m_market, o.stock));
        row.insert(QStringLiteral("tic"), QString());
        row.insert(QStringLiteral("ord_stt"),
            o.filledQty > 0 ? QStringLiteral("체결")
                            : (o.kind == SimOrderKind::Modify ? QStringLiteral("확인") : QStringLiteral("접수")));
        row.insert(QStringLiteral("stk_nm"), m_market.info(o.stock).name);
        row.insert(QStringLiteral("ord_qty"), num(o.qty));
        row.insert(QStringLiteral("ord_pric"), num(o.price));
        row.insert(QStringLiteral("oso_qty"), num(o.openQty));
        row.insert(QStringLiteral("cntr_tot_amt"), num(o.filledAmount));
        row.insert(QStringLiteral("orig_ord_no"), orderNo(o.origOrdNo));
        row.insert(QStringLiteral("io_tp_nm"), ioTypeName(o));
        row.insert(QStringLiteral("trde_tp"), tradeTypeName(o));
        row.insert(QStringLiteral("tm"), kst(o.timeMs, QStringLiteral("HHmmss")));
        row.insert(QStringLiteral("cntr_no"), QString());
        row.insert(QStringLiteral("cntr_pric"), num(o.lastFillPrice));
        row.insert(QStringLiteral("cntr_qty"), num(o.filledQty));
        row.insert(QStringLiteral("cur_prc"), signedPrice(q.price, q.basePrice));
        row.insert(QStringLiteral("sel_bid"),
            book.asks[0].price > 0 ? signedPrice(book.asks[0].price, q.basePrice) : QStringLiteral("0"));
        row.insert(QStringLiteral("buy_bid"),
            book.bids[0].price > 0 ? signedPrice(book.bids[0].price, q.basePrice) : QStringLiteral("0"));
        row.insert(QStringLiteral("tdy_trde_cmsn"), num(o.fees));
        row.insert(QStringLiteral("tdy_trde_tax"), num(o.taxes));
        row.insert(QStringLiteral("stex_tp"), QStringLiteral("1"));
        row.insert(QStringLiteral("stex_tp_txt"), QStringLiteral("KRX"));
        row.insert(QStringLiteral("sor_yn"), QStringLiteral("N"));
        row.insert(QStringLiteral("stop_pric"), QStringLiteral("0"));
        rows.append({ orderNo(o.ordNo), row });
    }
    SimTrReply reply = trOk({});
    putPage(reply, QStringLiteral("oso"), page(rows, true, r, m_config.listPageSize));
    return reply;
}

SimTrReply SimAccountTrs::fills(const SimTrRequest &r)
{
    if (auto missing = requireFields(r.body, { "qry_tp", "sell_tp", "stex_tp" }))
        return *missing;
    int onlyStock = -1;
    QString side;
    if (auto wrong = readStockSideFilter(r.body, "qry_tp", "sell_tp", &onlyStock, &side))
        return *wrong;
    qint64 before = 0;
    if (!parseInt(r.body, "ord_no", &before, true))
        return formatError("ord_no");
    const QDate today = m_market.currentDate();
    SimKeyedRows rows;
    const QList<SimOrder> &orders = m_exchange.orders();
    for (int k = int(orders.size()) - 1; k >= 0; --k) {
        const SimOrder &o = orders.at(k);
        if (o.date != today || o.filledQty <= 0)
            continue;
        if (before > 0 && o.ordNo >= before)
            continue;
        if (onlyStock >= 0 && o.stock != onlyStock)
            continue;
        if ((side == QLatin1String("1") && o.side != SimSide::Sell)
            || (side == QLatin1String("2") && o.side != SimSide::Buy))
            continue;
        QJsonObject row;
        row.insert(QStringLiteral("ord_no"), orderNo(o.ordNo));
        row.insert(QStringLiteral("stk_nm"), m_market.info(o.stock).name);
        row.insert(QStringLiteral("io_tp_nm"), ioTypeName(o));
        row.insert(QStringLiteral("ord_pric"), num(o.price));
        row.insert(QStringLiteral("ord_qty"), num(o.qty));
        row.insert(QStringLiteral("cntr_pric"), num(o.filledAmount / o.filledQty));
        row.insert(QStringLiteral("cntr_qty"), num(o.filledQty));
        row.insert(QStringLiteral("oso_qty"), num(o.openQty));
        row.insert(QStringLiteral("tdy_trde_cmsn"), num(o.fees));
        row.insert(QStringLiteral("tdy_trde_tax"), num(o.taxes));
        row.insert(QStringLiteral("ord_stt"), QStringLiteral("체결"));
        row.insert(QStringLiteral("trde_tp"), tradeTypeName(o));
        row.insert(QStringLiteral("orig_ord_no"), orderNo(o.origOrdNo));
        row.insert(QStringLiteral("ord_tm"), kst(o.timeMs, QStringLiteral("HHmmss")));
        row.insert(QStringLiteral("stk_cd"), code(m_market, o.stock));
        row.insert(QStringLiteral("stex_tp"), QStringLiteral("1"));
        row.insert(QStringLiteral("stex_tp_txt"), QStringLiteral("KRX"));
        row.insert(QStringLiteral("sor_yn"), QStringLiteral("N"));
        rows.append({ orderNo(o.ordNo), row });
    }
    SimTrReply reply = trOk({});
    putPage(reply, QStringLiteral("cntr"), page(rows, true, r, m_config.listPageSize));
    return reply;
}

SimTrReply SimAccountTrs::realizedByDay(const SimTrRequest &r)
{
    if (auto missing = requireFields(r.body, { "strt_dt", "end_dt" }))
        return *missing;
    const QDate from = QDate::fromString(field(r.body, "strt_dt").trimmed(), QStringLiteral("yyyyMMdd"));
    const QDate to = QDate::fromString(field(r.body, "end_dt").trimmed(), QStringLiteral("yyyyMMdd"));
    if (!from.isValid())
        return formatError("strt_dt");
    if (!to.isValid() || to < from)
        return formatError("end_dt");
    const SimAccount &a = m_exchange.account();
    qint64 bought = 0;
    qint64 sold = 0;
    qint64 realized = 0;
    qint64 fees = 0;
    qint64 taxes = 0;
    SimKeyedRows rows;
    const auto &days = a.days();
    for (auto it = days.cend(); it != days.cbegin();) {
        --it;
        if (it.key() < from || it.key() > to)
            continue;
        const SimAccount::DayTotals &d = it.value();
        bought += d.bought;
        sold += d.sold;
        realized += d.realized;
        fees += d.fees;
        taxes += d.taxes;
        if (d.sellFills == 0)
            continue;
        QJsonObject row;
        row.insert(QStringLiteral("dt"), ymd(it.key()));
        row.insert(QStringLiteral("buy_amt"), num(d.bought));
        row.insert(QStringLiteral("sell_amt"), num(d.sold));
        row.insert(QStringLiteral("tdy_sel_pl"), num(d.realized));
        row.insert(QStringLiteral("tdy_trde_cmsn"), num(d.fees));
        row.insert(QStringLiteral("tdy_trde_tax"), num(d.taxes));
        rows.append({ ymd(it.key()), row });
    }
    QJsonObject top;
    top.insert(QStringLiteral("tot_buy_amt"), num(bought));
    top.insert(QStringLiteral("tot_sell_amt"), num(sold));
    top.insert(QStringLiteral("rlzt_pl"), num(realized));
    top.insert(QStringLiteral("trde_cmsn"), num(fees));
    top.insert(QStringLiteral("trde_tax"), num(taxes));
    SimTrReply reply = trOk(top);
    putPage(reply, QStringLiteral("dt_rlzt_pl"), page(rows, true, r, m_config.listPageSize));
    return reply;
}

SimTrReply SimAccountTrs::realizedToday(const SimTrRequest &r)
{
    if (auto missing = requireFields(r.body, { "stk_cd" }))
        return *missing;
    SimTrReply error;
    const int stock = stockIndex(field(r.body, "stk_cd"), &error);
    if (stock < 0)
        return error;
    const QDate today = m_market.currentDate();
    qint64 total = 0;
    SimKeyedRows rows;
    const QList<SimFill> &fills = m_exchange.fills();
    for (int k = int(fills.size()) - 1; k >= 0; --k) {
        const SimFill &f = fills.at(k);
        if (f.date != today)
            break;
        if (f.stock != stock || f.side != SimSide::Sell)
            continue;
        total += f.realized;
        const double cost = double(f.avgPriceMilli) * double(f.qty) / 1000.0;
        QJsonObject row;
        row.insert(QStringLiteral("stk_nm"), m_market.info(stock).name);
        row.insert(QStringLiteral("cntr_qty"), num(f.qty));
        row.insert(QStringLiteral("buy_uv"), decimal(double(f.avgPriceMilli) / 1000.0, 3));
        row.insert(QStringLiteral("cntr_pric"), num(f.price));
        row.insert(QStringLiteral("tdy_sel_pl"), num(f.realized));
        row.insert(QStringLiteral("pl_rt"), decimal(cost > 0 ? double(f.realized) * 100.0 / cost : 0.0, 2));
        row.insert(QStringLiteral("tdy_trde_cmsn"), num(f.fee));
        row.insert(QStringLiteral("tdy_trde_tax"), num(f.tax));
        row.insert(QStringLiteral("stk_cd"), prefixedCode(m_market, stock));
        rows.append({ QString::number(f.fillNo).rightJustified(10, QLatin1Char('0')), row });
    }
    SimTrReply reply = trOk({ { QStringLiteral("tdy_rlzt_pl"), num(total) } });
    putPage(reply, QStringLiteral("tdy_rlzt_pl_dtl"), page(rows, true, r, m_config.listPageSize));
    return reply;
}
